package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An SLA policy as the API shows it: the targets, in business minutes, of the tickets of one
 * priority, and of one category when {@code categoryId} is set (the most specific policy wins).
 *
 * @param firstResponseMinutes business minutes from creation to the first public reply by a technician
 * @param resolutionMinutes    business minutes from creation to resolution, pauses excluded
 */
@Serdeable
public record SlaPolicy(
        long id,
        Priority priority,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        String nameFr,
        String nameEn,
        int firstResponseMinutes,
        int resolutionMinutes,
        Instant updatedAt) {}
