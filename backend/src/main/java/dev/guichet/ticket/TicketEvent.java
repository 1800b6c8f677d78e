package dev.guichet.ticket;

/**
 * Something that happened to a ticket, published synchronously by {@link TicketService} and the
 * comment service inside the transaction of the change, so listeners (the notification outbox)
 * write in that same transaction: the change and its consequences commit or roll back together.
 */
public sealed interface TicketEvent {

    /** @return the ticket concerned */
    long ticketId();

    /** @return who acted */
    long actorId();

    /** A ticket was filed. */
    record Created(long ticketId, long actorId) implements TicketEvent {}

    /** A ticket got a new assignee (never published for unassignment). */
    record Assigned(long ticketId, long actorId, long assigneeId) implements TicketEvent {}

    /** A ticket moved from one status to another. */
    record StatusChanged(long ticketId, long actorId, TicketStatus from, TicketStatus to) implements TicketEvent {}

    /**
     * A public reply or an internal note was added.
     *
     * @param status the status the reply moved the ticket to (set with the reply, or an automatic
     *               transition), null when it kept its status; no separate StatusChanged is published
     */
    record CommentAdded(
            long ticketId,
            long actorId,
            long commentId,
            boolean internal,
            @io.micronaut.core.annotation.Nullable TicketStatus status)
            implements TicketEvent {}
}
