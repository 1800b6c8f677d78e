package dev.guichet.live;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.TicketService;

/**
 * One row of {@code ticket_events} (migration V14): something happened to a ticket. Carries what
 * decides who may see it, never the text of a reply or a note.
 *
 * @param id          the event id, increasing; sent to clients as the SSE {@code id}
 * @param ticketId    the ticket concerned
 * @param kind        {@code created}, {@code changed}, {@code replied} or {@code note}
 * @param requesterId the ticket's requester
 * @param internal    true for an internal note, which only technicians and admins may know of
 */
public record LiveEvent(long id, long ticketId, String kind, long requesterId, boolean internal) {

    /**
     * Employees see the events of their own tickets except internal notes; technicians and admins
     * see every event (the same rule as {@link TicketService#mayView} and the comment list).
     *
     * @return whether {@code caller} may be told of this event
     */
    public boolean visibleTo(Caller caller) {
        return caller.isAgent() || (TicketService.mayView(caller, requesterId) && !internal);
    }
}
