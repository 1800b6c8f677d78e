package dev.guichet.notification;

import dev.guichet.category.CategoryTechnicians;
import dev.guichet.ticket.Ticket;
import dev.guichet.ticket.TicketQueries;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Queues the emails of an SLA escalation (docs/architecture.md, "SLA", "Escalation"): to the ticket's assignee, or when it has none
 * to the technicians of its category (every technician and admin when nobody is mapped to it, as
 * for new tickets), and at breach to every admin too. Only active people who keep notifications on.
 */
@Singleton
public class EscalationMails {

    /** Who "acted": the lead of an escalation names no one, the greeting and footer are the usual ones. */
    private static final String ACTOR = "Guichet";

    private final TicketQueries tickets;
    private final UserRepository users;
    private final CategoryTechnicians categoryTechnicians;
    private final MailRenderer renderer;
    private final OutboxQueries outbox;

    EscalationMails(
            TicketQueries tickets,
            UserRepository users,
            CategoryTechnicians categoryTechnicians,
            MailRenderer renderer,
            OutboxQueries outbox) {
        this.tickets = tickets;
        this.users = users;
        this.categoryTechnicians = categoryTechnicians;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    /**
     * Queues one escalation in the caller's transaction.
     *
     * @param kind     one of the {@code SLA_*} kinds
     * @param toAdmins whether the admins get it too (at breach)
     * @return how many emails were queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(long ticketId, MailKind kind, boolean toAdmins) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow();
        Set<Long> to = new LinkedHashSet<>(
                ticket.assignee() != null ? List.of(ticket.assignee().id()) : technicians(ticket));
        if (toAdmins) {
            users.findAssignable().stream()
                    .filter(u -> u.role() == Role.ADMIN)
                    .map(User::id)
                    .forEach(to::add);
        }
        List<User> recipients = users.findByIdIn(List.copyOf(to)).stream()
                .filter(u -> u.active() && u.notificationsEnabled())
                .toList();
        for (User recipient : recipients) {
            MailRenderer.Rendered mail = renderer.render(new MailRenderer.Content(
                    kind, recipient.locale(), recipient.fullName(), ACTOR, ticket.id(), ticket.title(), null));
            outbox.enqueue(kind, recipient.id(), recipient.email(), recipient.locale(), ticket.id(), mail);
        }
        return recipients.size();
    }

    private List<Long> technicians(Ticket ticket) {
        return categoryTechnicians.alerted(
                ticket.category() == null ? null : ticket.category().id());
    }
}
