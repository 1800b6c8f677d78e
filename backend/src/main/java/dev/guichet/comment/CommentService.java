package dev.guichet.comment;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.TicketEvent;
import dev.guichet.ticket.TicketHistory;
import dev.guichet.ticket.TicketService;
import dev.guichet.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
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
    private final TicketHistory history;
    private final ApplicationEventPublisher<TicketEvent> events;

    CommentService(TicketService tickets, CommentRepository comments, TicketHistory history,
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
        tickets.get(caller, ticketId);
        return caller.isAgent() ? comments.findAllOfTicket(ticketId) : comments.findPublicOfTicket(ticketId);
    }

    /**
     * Adds a public reply or, for technicians and admins, an internal note; touches the ticket,
     * records history and publishes the event that notifies people, in one transaction.
     *
     * @param body     the text, already validated (length, no control characters); stripped here
     * @param internal true for an internal note
     * @return the stored comment
     * @throws ApiException 404 unseen ticket; 403 when a requester writes an internal note; 409 closed ticket
     */
    @Transactional
    public Comment add(Caller caller, long ticketId, String body, boolean internal) {
        if (internal && !caller.isAgent()) {
            tickets.get(caller, ticketId);
            throw ApiException.forbidden("Only technicians and admins can write internal notes.");
        }
        tickets.lockForAddition(caller, ticketId);
        Comment saved = comments.save(new Comment(null, ticketId, caller.id(), body.strip(), internal, null));
        tickets.touch(ticketId);
        history.record(ticketId, caller.id(), internal ? TicketHistory.Field.internal_note : TicketHistory.Field.reply,
                null, saved.id());
        events.publishEvent(new TicketEvent.CommentAdded(ticketId, caller.id(), saved.id(), internal));
        return saved;
    }
}
