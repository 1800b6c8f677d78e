package dev.guichet.ticket;

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
 */
@Serdeable
public record TicketResponse(long id, String title, String description, TicketStatus status, Priority priority,
                             @Schema(type = "object") @Nullable CategoryRef category, UserSummary requester, @Schema(type = "object") @Nullable UserSummary assignee,
                             int version, Instant createdAt, Instant updatedAt, @Nullable Instant resolvedAt,
                             @Nullable Instant closedAt, Set<TicketStatus> allowedTransitions, boolean unread) {

    /** A category named on a ticket. */
    @Serdeable
    public record CategoryRef(long id, String name) {
    }

    TicketResponse withAllowedTransitions(Set<TicketStatus> transitions) {
        return new TicketResponse(id, title, description, status, priority, category, requester, assignee, version,
                createdAt, updatedAt, resolvedAt, closedAt, transitions, unread);
    }

    TicketResponse withUnread(boolean value) {
        return new TicketResponse(id, title, description, status, priority, category, requester, assignee, version,
                createdAt, updatedAt, resolvedAt, closedAt, allowedTransitions, value);
    }
}
