package dev.guichet.ticket;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The filters of a ticket listing, already resolved for the caller (an employee's filter always
 * carries their own id as requester).
 *
 * @param statuses     any of these statuses (empty = any)
 * @param priorities   any of these priorities (empty = any)
 * @param categoryId   this category
 * @param assigneeId   this assignee
 * @param unassigned   only tickets without assignee
 * @param requesterId  this requester
 * @param query        full-text query in web-search syntax (quotes, OR, -word)
 * @param unreadFor    only tickets with activity this person has not seen (see {@link Reader})
 * @param sla          only tickets with an SLA target at risk, or breached (docs/architecture.md, "SLA")
 */
public record TicketFilter(
        List<TicketStatus> statuses,
        List<Priority> priorities,
        @Nullable Long categoryId,
        @Nullable Long assigneeId,
        boolean unassigned,
        @Nullable Long requesterId,
        @Nullable String query,
        @Nullable Reader unreadFor,
        @Nullable Sla sla) {

    /** The queue's SLA filters: a target still counting is at risk (80 % used) or breached. */
    public enum Sla {
        AT_RISK,
        BREACHED
    }

    /**
     * Whose unread state a filter or a list row is about.
     *
     * @param userId the person
     * @param agent  true for technicians and admins (all activity counts), false for employees
     *               (only public activity: replies and status changes)
     */
    public record Reader(long userId, boolean agent) {}

    /** A requester id no account has: a filter on it matches no ticket. */
    public static final long NO_ONE = -1L;

    /** @return the same filter for another requester */
    public TicketFilter withRequester(@Nullable Long requester) {
        return new TicketFilter(
                statuses, priorities, categoryId, assigneeId, unassigned, requester, query, unreadFor, sla);
    }

    /** @return the same filter without its status condition, for counts per status */
    public TicketFilter withoutStatuses() {
        return new TicketFilter(
                List.of(), priorities, categoryId, assigneeId, unassigned, requesterId, query, unreadFor, sla);
    }

    /** @return whether nothing at all is filtered (every ticket matches) */
    public boolean isEmpty() {
        return statuses.isEmpty()
                && priorities.isEmpty()
                && categoryId == null
                && assigneeId == null
                && !unassigned
                && requesterId == null
                && query == null
                && unreadFor == null
                && sla == null;
    }
}
