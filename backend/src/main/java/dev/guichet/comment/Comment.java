package dev.guichet.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A message on a ticket (table {@code comments}): a public reply, or an internal note that only
 * technicians and admins ever see.
 */
@MappedEntity("comments")
public record Comment(
        @Id @GeneratedValue @Nullable Long id,
        long ticketId,
        long authorId,
        String body,
        boolean internal,
        @DateCreated @Nullable Instant createdAt) {}
