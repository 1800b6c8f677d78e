package dev.guichet.notification;

import dev.guichet.category.CategoryTechnicians;
import dev.guichet.comment.Comment;
import dev.guichet.comment.CommentRepository;
import dev.guichet.survey.SurveyTokens;
import dev.guichet.ticket.Ticket;
import dev.guichet.ticket.TicketEvent;
import dev.guichet.ticket.TicketQueries;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns ticket events into queued emails, in the transaction of the change (docs/notifications.md):
 * <ul>
 *   <li>created: an acknowledgement to the requester, an alert to the category's technicians
 *       (every active technician and admin when none is mapped);</li>
 *   <li>assigned: to the new assignee;</li>
 *   <li>public reply: to the requester when someone else replies; when the requester replies, to
 *       the assignee, or the category's technicians when nobody is assigned;</li>
 *   <li>internal note: to the assignee, without the note's text; never to the requester;</li>
 *   <li>status WAITING, RESOLVED or CLOSED: to the requester; a reply that set WAITING or RESOLVED
 *       sends one email saying both; the requester's "resolved" email carries a link to the
 *       satisfaction survey (a fresh single-use token, {@link SurveyTokens}).</li>
 * </ul>
 * Nobody is emailed about their own action (the acknowledgement of one's own ticket is the one
 * receipt), and inactive people or people who turned notifications off get nothing.
 */
@Singleton
public class TicketNotifier implements ApplicationEventListener<TicketEvent> {

    private final TicketQueries tickets;
    private final UserRepository users;
    private final CommentRepository comments;
    private final CategoryTechnicians categoryTechnicians;
    private final MailRenderer renderer;
    private final OutboxQueries outbox;
    private final SurveyTokens surveyTokens;
    private final MailLinks links;

    TicketNotifier(
            TicketQueries tickets,
            UserRepository users,
            CommentRepository comments,
            CategoryTechnicians categoryTechnicians,
            MailRenderer renderer,
            OutboxQueries outbox,
            SurveyTokens surveyTokens,
            MailLinks links) {
        this.surveyTokens = surveyTokens;
        this.links = links;
        this.tickets = tickets;
        this.users = users;
        this.comments = comments;
        this.categoryTechnicians = categoryTechnicians;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /** Queues the emails an event calls for; joins (and requires) the transaction of the change. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationEvent(TicketEvent event) {
        Ticket ticket = tickets.findById(event.ticketId()).orElseThrow();
        User actor = users.findById(event.actorId()).orElseThrow();
        long requester = ticket.requester().id();
        switch (event) {
            case TicketEvent.Created created -> {
                queue(MailKind.CREATED_ACK, ticket, actor, List.of(requester), null, true);
                queue(MailKind.CREATED_ALERT, ticket, actor, alerted(ticket), ticket.description(), false);
            }
            case TicketEvent.Assigned assigned ->
                queue(MailKind.ASSIGNED, ticket, actor, List.of(assigned.assigneeId()), null, false);
            case TicketEvent.StatusChanged changed -> {
                MailKind kind = switch (changed.to()) {
                    case WAITING -> MailKind.WAITING;
                    case RESOLVED -> MailKind.RESOLVED;
                    case CLOSED -> MailKind.CLOSED;
                    default -> null;
                };
                if (kind != null) {
                    queue(kind, ticket, actor, List.of(requester), null, false);
                }
            }
            case TicketEvent.CommentAdded added
            when added.internal() -> {
                // The note's text stays in the app: only technicians may read it, and mail is forwarded.
                if (ticket.assignee() != null) {
                    queue(
                            MailKind.NOTE,
                            ticket,
                            actor,
                            List.of(ticket.assignee().id()),
                            null,
                            false);
                }
            }
            case TicketEvent.CommentAdded added -> {
                String body =
                        comments.findById(added.commentId()).map(Comment::body).orElseThrow();
                Collection<Long> to = actor.id() != requester
                        ? List.of(requester)
                        : ticket.assignee() != null ? List.of(ticket.assignee().id()) : alerted(ticket);
                // A reply that set the status says both in one email.
                MailKind kind = added.status() == TicketStatus.WAITING
                        ? MailKind.REPLY_WAITING
                        : added.status() == TicketStatus.RESOLVED ? MailKind.REPLY_RESOLVED : MailKind.REPLY;
                queue(kind, ticket, actor, to, body, false);
            }
        }
    }

    private List<Long> alerted(Ticket ticket) {
        return categoryTechnicians.alerted(
                ticket.category() == null ? null : ticket.category().id());
    }

    private void queue(
            MailKind kind,
            Ticket ticket,
            User actor,
            Collection<Long> recipientIds,
            @Nullable String quote,
            boolean includeActor) {
        Stream<User> recipients = users
                .findByIdIn(recipientIds.stream().distinct().toList())
                .stream()
                .filter(u -> u.active() && u.notificationsEnabled())
                .filter(u -> includeActor || !Objects.equals(u.id(), actor.id()));
        recipients.forEach(recipient -> {
            // The survey of a resolved ticket is the requester's to answer.
            boolean survey = (kind == MailKind.RESOLVED || kind == MailKind.REPLY_RESOLVED)
                    && recipient.id() == ticket.requester().id();
            MailRenderer.Rendered mail = renderer.render(new MailRenderer.Content(
                    kind,
                    recipient.locale(),
                    recipient.fullName(),
                    actor.fullName(),
                    ticket.id(),
                    ticket.title(),
                    quote,
                    survey ? links.survey(ticket.id(), surveyTokens.issue(ticket.id())) : null));
            outbox.enqueue(kind, recipient.id(), recipient.email(), recipient.locale(), ticket.id(), mail);
        });
    }
}
