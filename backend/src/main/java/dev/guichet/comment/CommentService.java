package dev.guichet.comment;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.TicketEvent;
import dev.guichet.ticket.TicketHistory;
import dev.guichet.ticket.TicketHistoryQueries;
import dev.guichet.ticket.TicketService;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The rules of a ticket's conversation: who may read internal notes, who may write them, and that
 * nothing is added to a closed ticket, checked under the ticket's row lock so a concurrent close
 * cannot slip between the check and the write.
 */
@Singleton
public class CommentService {

    private final TicketService tickets;
    private final CommentRepository comments;
    private final TicketHistoryQueries history;
    private final ApplicationEventPublisher<TicketEvent> events;

    CommentService(
            TicketService tickets,
            CommentRepository comments,
            TicketHistoryQueries history,
            ApplicationEventPublisher<TicketEvent> events) {
        this.tickets = tickets;
        this.comments = comments;
        this.history = history;
        this.events = events;
    }

    /**
     * @return the conversation the caller may read, oldest first: internal notes only for technicians and admins
     * @throws ApiException 404 when the caller may not see the ticket
     */
    public List<Comment> list(Caller caller, long ticketId) {
        tickets.requireVisible(caller, ticketId);
        return caller.isAgent() ? comments.findAllOfTicket(ticketId) : comments.findPublicOfTicket(ticketId);
    }

    /**
     * Adds a public reply or, for technicians and admins, an internal note; touches the ticket,
     * records history and publishes the event that notifies people, in one transaction.
     *
     * @param body     the text, already validated (length, no control characters); stripped here
     * The reply also moves the ticket where the lifecycle says ({@link TicketService#applyReply}):
     * a requester's answer reopens a WAITING or RESOLVED ticket, a technician may set the status
     * with the reply, and then one notification says both.
     *
     * @param internal true for an internal note
     * @param status   the status a technician sets with a public reply, or null
     * @return the stored comment
     * @throws ApiException 404 unseen ticket; 403 when a requester writes an internal note or sets a
     *                      status; 400 a status with an internal note; 409 closed ticket or illegal transition
     */
    @Transactional
    public Comment add(Caller caller, long ticketId, String body, boolean internal, @Nullable TicketStatus status) {
        if (internal && !caller.isAgent()) {
            tickets.requireVisible(caller, ticketId);
            throw ApiException.forbidden("internal-note");
        }
        TicketService.Locked ticket = tickets.lockForAddition(caller, ticketId);
        Comment saved = comments.save(new Comment(null, ticketId, caller.id(), body.strip(), internal, null));
        history.record(
                ticketId,
                caller.id(),
                internal ? TicketHistory.Field.internal_note : TicketHistory.Field.reply,
                null,
                saved.id());
        TicketStatus moved = tickets.applyReply(caller, ticket, internal, status);
        events.publishEvent(new TicketEvent.CommentAdded(ticketId, caller.id(), saved.id(), internal, moved));
        return saved;
    }
}
