package dev.guichet.canned;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A reply agents insert into the reply box (table {@code canned_responses}, V15). Never serialized
 * to clients: see {@link CannedResponseController.CannedResponseView}.
 *
 * @param ownerId null for a shared reply (managed by admins), else the technician or admin it belongs to
 * @param body    Markdown text, may hold {@link Placeholders}
 * @param locale  {@code fr}, {@code en}, or null when written for any language
 */
@MappedEntity("canned_responses")
public record CannedResponse(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long ownerId,
        String title,
        String body,
        @Nullable String locale,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    /** @return true when every agent sees it and only admins change it */
    public boolean shared() {
        return ownerId == null;
    }

    /** @return the same reply with new texts, its owner and dates kept */
    public CannedResponse with(String newTitle, String newBody, @Nullable String newLocale) {
        return new CannedResponse(id, ownerId, newTitle, newBody, newLocale, createdAt, updatedAt);
    }
}
