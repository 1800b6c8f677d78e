package dev.guichet.attachment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Min;

/**
 * Limits on attached files ({@code guichet.attachments.*}; sizes such as {@code 10MB}; see .env.example).
 *
 * @param maxFileSize bytes of one file ({@code MAX_UPLOAD_SIZE}, which also bounds the multipart upload)
 * @param ticketQuota bytes of all the files of one ticket ({@code ATTACHMENT_TICKET_QUOTA})
 * @param userQuota   bytes of all the files one person has sent ({@code ATTACHMENT_USER_QUOTA})
 */
@Context
@ConfigurationProperties("guichet.attachments")
public record AttachmentSettings(
        @ReadableBytes @Min(1) long maxFileSize,
        @ReadableBytes @Min(1) long ticketQuota,
        @ReadableBytes @Min(1) long userQuota) {}
