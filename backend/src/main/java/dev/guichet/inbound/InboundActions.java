package dev.guichet.inbound;

import dev.guichet.auth.Caller;
import dev.guichet.auth.PasswordHasher;
import dev.guichet.auth.PasswordTokens;
import dev.guichet.comment.Comment;
import dev.guichet.comment.CommentService;
import dev.guichet.notification.MailKind;
import dev.guichet.notification.MailRenderer;
import dev.guichet.notification.OutboxQueries;
import dev.guichet.ticket.Ticket;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.ticket.TicketService;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The writes an inbound message causes, each in one transaction with the mark on the stored message,
 * so a crash leaves either both or neither: a ticket (and the sender's new account), a reply, the
 * refusal sent to an unknown sender. Tickets and replies go through {@link TicketService} and
 * {@link CommentService}, so their rules, history, automatic transitions and notifications apply.
 */
@Singleton
public class InboundActions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TicketService tickets;
    private final CommentService comments;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordTokens passwordTokens;
    private final MailRenderer renderer;
    private final OutboxQueries outbox;
    private final InboundQueries store;
    private final String publicUrl;

    InboundActions(
            TicketService tickets,
            CommentService comments,
            UserRepository users,
            PasswordHasher hasher,
            PasswordTokens passwordTokens,
            MailRenderer renderer,
            OutboxQueries outbox,
            InboundQueries store,
            WebSettings web) {
        this.tickets = tickets;
        this.comments = comments;
        this.users = users;
        this.hasher = hasher;
        this.passwordTokens = passwordTokens;
        this.renderer = renderer;
        this.outbox = outbox;
        this.store = store;
        this.publicUrl = web.baseUrl();
    }

    /** The claim on a stored message was lost (its lease ran out and another replica took it): roll back. */
    static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("claim lost", null, false, false);
        }
    }

    /** A new account to create with the ticket, for a sender of an allowed domain. */
    public record NewAccount(String email, String fullName) {}

    /**
     * Files a ticket for the sender (creating their employee account first when {@code account} is
     * given, with a mail carrying a link to choose a password) and marks the message ATTACHING.
     *
     * @param sender the sender's account, or null with {@code account}
     * @return the ticket's id and the requester's id
     * @throws LostClaim when the claim ran out meanwhile (nothing is written)
     */
    @Transactional
    public long[] newTicket(
            InboundQueries.Claimed message,
            @Nullable User sender,
            @Nullable NewAccount account,
            String title,
            String description,
            @Nullable Long categoryId) {
        User requester = sender;
        if (requester == null) {
            byte[] unusable = new byte[32];
            RANDOM.nextBytes(unusable);
            // No password anyone knows: the person chooses one with the emailed link.
            requester = users.save(User.create(
                    account.email(),
                    hasher.hash(Base64.getEncoder().encodeToString(unusable)),
                    account.fullName(),
                    Role.EMPLOYEE,
                    "fr"));
        }
        Caller caller = new Caller(requester.id(), requester.role());
        Ticket ticket = tickets.create(
                        caller, new TicketRequests.CreateTicket(title, description, null, categoryId), null)
                .orElseThrow();
        if (account != null) {
            String token = passwordTokens.issue(requester.id());
            String link = publicUrl + "/set-password?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
            MailRenderer.Rendered mail = renderer.render(new MailRenderer.Content(
                    MailKind.ACCOUNT_CREATED,
                    requester.locale(),
                    requester.fullName(),
                    requester.fullName(),
                    ticket.id(),
                    ticket.title(),
                    link));
            outbox.enqueue(
                    MailKind.ACCOUNT_CREATED, requester.id(), requester.email(), requester.locale(), ticket.id(), mail);
        }
        if (!store.madeTicket(message, ticket.id(), null)) {
            throw new LostClaim();
        }
        return new long[] {ticket.id(), requester.id()};
    }

    /**
     * Adds a public reply by the sender and marks the message ATTACHING.
     *
     * @return the reply's id
     * @throws dev.guichet.web.ApiException as {@link CommentService#add} (409 {@code ticket-closed}…)
     * @throws LostClaim when the claim ran out meanwhile
     */
    @Transactional
    public long reply(InboundQueries.Claimed message, User sender, long ticketId, String body) {
        Comment comment = comments.add(new Caller(sender.id(), sender.role()), ticketId, body, false, null);
        if (!store.madeTicket(message, ticketId, comment.id())) {
            throw new LostClaim();
        }
        return comment.id();
    }

    /**
     * Queues the polite refusal to an unknown sender, the first time only, with the message's outcome.
     *
     * @return whether the refusal was queued (false: this sender was answered before)
     */
    @Transactional
    public boolean refuse(InboundQueries.Claimed message, String email, String subject, @Nullable String messageId) {
        boolean first = store.firstRefusal(email);
        if (first) {
            outbox.enqueueStandalone(
                    MailKind.MAIL_REFUSED, null, email, "fr", messageId, renderer.renderRefusal(subject));
        }
        store.finish(
                message,
                "REJECTED",
                "unknown-sender",
                "Unknown sender " + email
                        + (first ? ": answered with the refusal" : ": already answered once, not again"),
                null);
        return first;
    }

    /**
     * Lists the files that were not accepted under the ticket's description or the reply, so nobody
     * believes they arrived.
     */
    @Transactional
    public void noteRefused(long ticketId, @Nullable Long commentId, String note) {
        store.appendNote(ticketId, commentId, note);
    }
}
