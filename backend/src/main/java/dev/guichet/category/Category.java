package dev.guichet.category;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A ticket category (table {@code categories}); deactivated categories stay on old tickets but
 * are no longer offered for new ones.
 */
@MappedEntity("categories")
public record Category(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @Nullable String description,
        boolean active,
        @DateCreated @Nullable Instant createdAt) {}
