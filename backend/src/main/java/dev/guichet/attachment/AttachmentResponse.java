package dev.guichet.attachment;

import dev.guichet.user.UserSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An attachment as the API shows it.
 *
 * @param id          attachment id; download at {@code GET /api/v1/attachments/{id}}
 * @param ticketId    the ticket it belongs to
 * @param commentId   the reply or note it was sent with, or null when attached to the ticket itself
 * @param fileName    the sanitized file name
 * @param contentType the type detected from the bytes, e.g. {@code image/png}
 * @param size        size in bytes
 * @param sha256      SHA-256 of the bytes, lowercase hex
 * @param uploadedBy  who attached it
 * @param createdAt   when
 */
@Serdeable
public record AttachmentResponse(
        long id,
        long ticketId,
        @Nullable Long commentId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        UserSummary uploadedBy,
        Instant createdAt) {}
