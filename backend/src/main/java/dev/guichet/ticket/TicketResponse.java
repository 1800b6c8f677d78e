package dev.guichet.ticket;

import dev.guichet.sla.TicketSla;
import dev.guichet.user.UserSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;

/**
 * A ticket as the API shows it.
 *
 * @param version             optimistic-lock counter: send it back in PATCH; bumped by every change
 * @param allowedTransitions  statuses the caller may move this ticket to now
 * @param unread              in lists: the ticket has activity by someone else that the caller has
 *                            not seen (docs/architecture.md, "Unread"); always false in the detail
 * @param firstResponseAt     the first public reply by a technician, null until then
 * @param firstResponseDueAt  the first-response due time in force, null when no SLA policy applies
 * @param resolutionDueAt     the resolution due time in force (shifted by the pauses), null when no SLA policy applies
 * @param sla                 the state of each SLA target now, null when no SLA policy applies
 */
@Serdeable
public record TicketResponse(
        long id,
        String title,
        String description,
        TicketStatus status,
        Priority priority,
        @Schema(type = "object") @Nullable CategoryRef category,
        UserSummary requester,
        @Schema(type = "object") @Nullable UserSummary assignee,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        Set<TicketStatus> allowedTransitions,
        boolean unread,
        @Nullable Instant firstResponseAt,
        @Nullable Instant firstResponseDueAt,
        @Nullable Instant resolutionDueAt,
        @Schema(type = "object") @Nullable TicketSla sla) {

    /** A category named on a ticket. */
    @Serdeable
    public record CategoryRef(long id, String name) {}

    /**
     * @param ticket             the ticket as read
     * @param allowedTransitions the statuses the caller may move it to now (empty in list rows)
     * @param unread             whether it has activity by someone else the caller has not seen (lists only)
     * @return the ticket as the API shows it to this caller
     */
    public static TicketResponse of(Ticket ticket, Set<TicketStatus> allowedTransitions, boolean unread) {
        CategoryRef category = ticket.category() == null
                ? null
                : new CategoryRef(ticket.category().id(), ticket.category().name());
        return new TicketResponse(
                ticket.id(),
                ticket.title(),
                ticket.description(),
                ticket.status(),
                ticket.priority(),
                category,
                ticket.requester(),
                ticket.assignee(),
                ticket.version(),
                ticket.createdAt(),
                ticket.updatedAt(),
                ticket.resolvedAt(),
                ticket.closedAt(),
                allowedTransitions,
                unread,
                ticket.firstResponseAt(),
                ticket.firstResponseDueAt(),
                ticket.resolutionDueAt(),
                ticket.sla());
    }
}
