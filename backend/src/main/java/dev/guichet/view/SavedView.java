package dev.guichet.view;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A queue view an agent saved (table {@code saved_views}): a name and the queue's address-bar
 * state, e.g. {@code status=NEW&priority=HIGH&sort=created_at,asc}, which the SPA applies as is.
 */
@MappedEntity("saved_views")
public record SavedView(
        @Id @GeneratedValue @Nullable Long id,
        long ownerId,
        String name,
        String query,
        @DateCreated @Nullable Instant createdAt) {}
