package dev.guichet.ticket;

import dev.guichet.sla.TicketSla;
import dev.guichet.user.UserSummary;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A ticket as the application reads it (from {@link TicketQueries}): the model services and
 * workers use. The API shows it as a {@link TicketResponse}, which adds what depends on the caller
 * (the transitions they may make, their unread mark).
 *
 * @param description     the whole description, or in list rows its first {@value TicketQueries#EXCERPT} characters
 * @param version         optimistic-lock counter, bumped by every change of fields
 * @param firstResponseAt the first public reply by a technician, null until then
 * @param sla             the state of each SLA target now, null when no SLA policy applies
 */
public record Ticket(
        long id,
        String title,
        String description,
        TicketStatus status,
        Priority priority,
        @Nullable CategoryRef category,
        UserSummary requester,
        @Nullable UserSummary assignee,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant firstResponseDueAt,
        @Nullable Instant resolutionDueAt,
        @Nullable TicketSla sla) {

    /** The category a ticket is filed under. */
    public record CategoryRef(long id, String name) {}
}
