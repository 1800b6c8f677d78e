package dev.guichet.inbound;

import dev.guichet.attachment.AttachmentService;
import dev.guichet.auth.Caller;
import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
import dev.guichet.notification.SmtpSettings;
import dev.guichet.ticket.Ticket;
import dev.guichet.ticket.TicketQueries;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimiter;
import dev.guichet.web.WebSettings;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored message into what it asks for, in this order (docs/architecture.md, "Email channel"):
 * <ol>
 *   <li>a message kept truncated (over INBOUND_MAIL_MAX_SIZE) or unreadable is REJECTED;</li>
 *   <li>mail from Guichet's own addresses is IGNORED (loops);</li>
 *   <li>an RFC 3464 delivery-status report marks its failed recipients as bouncing, IGNORED;</li>
 *   <li>an automatic message (RFC 3834 and the usual vacation headers) is IGNORED, never answered;</li>
 *   <li>past INBOUND_MAIL_SENDER_LIMIT messages per window from one sender, IGNORED (a mail storm);</li>
 *   <li>a reply — a signed reply address ({@link ReplyAddresses}), else a thread id or a {@code [#123]}
 *       subject tag of a ticket the sender may write on — becomes a public reply; a forged reply
 *       address, or a sender who may not write on the ticket, is REJECTED;</li>
 *   <li>anything else becomes a ticket of the sender (an unknown sender of an allowed domain gets an
 *       employee account; any other unknown sender is REJECTED and answered once).</li>
 * </ol>
 * Attachments then go through {@link AttachmentService} one by one; refused ones are listed on the
 * ticket or reply. Every outcome is logged on one line and kept on the admin page.
 */
@Singleton
public class InboundProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");
    /** Longest text kept from a message: the ticket's limit (20,000) minus room for the refused files. */
    private static final int MAX_TEXT = 18_000;

    private static final int MAX_TITLE = 200;
    /** Attempts before an unexpected error makes a message FAILED (an admin may retry it). */
    static final int MAX_ATTEMPTS = 3;

    private final MailParser parser;
    private final InboundQueries store;
    private final InboundActions actions;
    private final InboundSettings settings;
    private final Mailboxes mailboxes;
    private final ReplyAddresses replyAddresses;
    private final UserRepository users;
    private final TicketQueries tickets;
    private final CategoryRepository categories;
    private final AttachmentService attachments;
    private final RateLimiter rateLimiter;
    private final Set<String> ownAddresses = new HashSet<>();
    private final Pattern threadId;
    private final Counter created;
    private final Counter replied;
    private final Counter rejected;
    private final Counter ignored;
    private final Counter errors;

    InboundProcessor(
            MailParser parser,
            InboundQueries store,
            InboundActions actions,
            InboundSettings settings,
            Mailboxes mailboxes,
            ReplyAddresses replyAddresses,
            UserRepository users,
            TicketQueries tickets,
            CategoryRepository categories,
            AttachmentService attachments,
            RateLimiter rateLimiter,
            SmtpSettings smtp,
            WebSettings web,
            MeterRegistry meters) {
        this.parser = parser;
        this.store = store;
        this.actions = actions;
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.replyAddresses = replyAddresses;
        this.users = users;
        this.tickets = tickets;
        this.categories = categories;
        this.attachments = attachments;
        this.rateLimiter = rateLimiter;
        try {
            for (InternetAddress a : InternetAddress.parse(smtp.from())) {
                ownAddresses.add(a.getAddress().toLowerCase(Locale.ROOT));
            }
        } catch (MessagingException e) {
            LOG.warn("SMTP_FROM is not an address: {}", e.getMessage());
        }
        mailboxes.all().forEach(m -> {
            if (m.address() != null) {
                ownAddresses.add(m.address());
            }
        });
        if (settings.replyAddress() != null && !settings.replyAddress().isBlank()) {
            ownAddresses.add(settings.replyAddress().strip().toLowerCase(Locale.ROOT));
        }
        this.threadId = Pattern.compile(
                "^<ticket-(\\d{1,18})[-.][^@>]*@" + Pattern.quote(web.host()) + ">$", Pattern.CASE_INSENSITIVE);
        this.created = Counter.builder("guichet.inbound.created")
                .description("Tickets created from email")
                .register(meters);
        this.replied = Counter.builder("guichet.inbound.replied")
                .description("Replies added from email")
                .register(meters);
        this.rejected = Counter.builder("guichet.inbound.rejected")
                .description("Inbound emails rejected (forged, unknown sender, malformed)")
                .register(meters);
        this.ignored = Counter.builder("guichet.inbound.ignored")
                .description("Inbound emails ignored (auto-replies, bounces, loops, rate limit)")
                .register(meters);
        this.errors = Counter.builder("guichet.inbound.errors")
                .description("Inbound emails whose processing failed")
                .register(meters);
    }

    /** Claims and processes stored messages until none is left. @return how many were processed */
    public int processPending() {
        int total = 0;
        List<InboundQueries.Claimed> batch;
        while (!(batch = store.claim(settings.batchSize(), settings.lease())).isEmpty()) {
            batch.forEach(this::process);
            total += batch.size();
        }
        return total;
    }

    /** Processes one claimed message; never throws (the outcome is stored instead). */
    public void process(InboundQueries.Claimed message) {
        try {
            handle(message);
        } catch (InboundActions.LostClaim e) {
            LOG.warn("Inbound mail {}: claim lost to another replica, left to it", message.id());
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever one message does, the others are still processed.
            errors.increment();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (message.attempts() >= MAX_ATTEMPTS) {
                LOG.error(
                        "Inbound mail {} failed {} times, given up (kept for the admin): {}",
                        message.id(),
                        message.attempts(),
                        error,
                        e);
                store.finish(message, "FAILED", "error", error, null);
            } else {
                LOG.warn(
                        "Inbound mail {} failed (attempt {}), will be tried again: {}",
                        message.id(),
                        message.attempts(),
                        error,
                        e);
                store.release(message, error);
            }
        }
    }

    private void handle(InboundQueries.Claimed message) {
        if (message.truncated()) {
            reject(
                    message,
                    "too-large",
                    "Message larger than INBOUND_MAIL_MAX_SIZE (" + settings.maxSize()
                            + " bytes): kept truncated, not processed");
            return;
        }
        ParsedMail mail;
        try {
            mail = parser.parse(message.raw());
        } catch (MessagingException | RuntimeException e) {
            reject(message, "malformed", "Unreadable message: " + e.getMessage());
            return;
        }
        if (!mail.problems().isEmpty()) {
            LOG.warn("Inbound mail {} from {}: {}", message.id(), mail.from(), String.join("; ", mail.problems()));
        }
        if ("ATTACHING".equals(message.status()) && message.ticketId() != null) {
            User sender =
                    mail.from() == null ? null : users.findByEmail(mail.from()).orElse(null);
            if (sender != null) {
                attach(message, mail, sender, message.ticketId(), message.commentId());
            }
            done(message, message.commentId() == null ? "created" : "replied", mail, message.ticketId());
            return;
        }
        if (mail.from() == null) {
            reject(message, "no-sender", "No readable From address" + problems(mail));
            return;
        }
        String from = mail.from();
        if (ownAddresses.contains(from) || replyAddresses.parse(from).isPresent()) {
            ignore(message, "own-address", "Sent by Guichet itself (" + from + "): ignored to avoid a loop");
            return;
        }
        if (mail.bounce() != null) {
            mail.bounce().forEach(b -> store.bounced(b.email(), b.status(), b.diagnostic()));
            ignore(
                    message,
                    "bounce",
                    mail.bounce().isEmpty()
                            ? "Delivery-status report without a failed recipient"
                            : "Delivery failed for "
                                    + String.join(
                                            ", ",
                                            mail.bounce().stream()
                                                    .map(ParsedMail.Bounce::email)
                                                    .toList()) + ": marked as bouncing");
            return;
        }
        if (mail.automatic() != null) {
            ignore(
                    message,
                    "auto-reply",
                    "Automatic message (" + mail.automatic() + ") from " + from + ": not answered");
            return;
        }
        if (!rateLimiter
                .consume(
                        "inbound-sender:" + from,
                        () -> BucketConfiguration.builder()
                                .addLimit(limit -> limit.capacity(settings.senderLimit())
                                        .refillGreedy(settings.senderLimit(), settings.senderWindow()))
                                .build())
                .isConsumed()) {
            ignore(
                    message,
                    "rate-limited",
                    "More than " + settings.senderLimit() + " messages from " + from + " within "
                            + settings.senderWindow() + ": ignored (mail storm?)");
            return;
        }
        Target target = target(mail);
        if (target.forged() != null) {
            reject(
                    message,
                    "forged-reply-address",
                    "Reply address " + target.forged() + " from " + from
                            + " does not carry a valid signature: nothing added to any ticket");
            return;
        }
        Optional<User> known = users.findByEmail(from);
        if (known.isPresent() && !known.get().active()) {
            reject(message, "inactive-account", "The account of " + from + " is deactivated");
            return;
        }
        Optional<Ticket> ticket = target.ticketId() == null ? Optional.empty() : tickets.findById(target.ticketId());
        if (target.ticketId() != null && ticket.isEmpty() && target.signed()) {
            reject(message, "unknown-ticket", "Reply to ticket #" + target.ticketId() + ", which no longer exists");
            return;
        }
        if (ticket.isPresent()) {
            User sender = known.orElse(null);
            if (sender == null
                    || !(sender.role().isAgent() || ticket.get().requester().id() == sender.id())) {
                reject(
                        message,
                        "not-allowed",
                        from + " may not write on ticket #" + ticket.get().id() + ": nothing added");
                return;
            }
            reply(message, mail, sender, ticket.get());
            return;
        }
        newTicket(message, mail, known.orElse(null), null);
    }

    private record Target(
            @Nullable Long ticketId,
            boolean signed,
            @Nullable String forged) {}

    /** Which ticket a message answers: a signed reply address first, then thread ids, then the subject tag. */
    private Target target(ParsedMail mail) {
        for (String recipient : mail.recipients()) {
            Optional<ReplyAddresses.Tag> tag = replyAddresses.parse(recipient);
            if (tag.isPresent()) {
                return switch (tag.get()) {
                    case ReplyAddresses.Tag.Valid valid -> new Target(valid.ticketId(), true, null);
                    case ReplyAddresses.Tag.Forged forged -> new Target(null, false, forged.address());
                };
            }
        }
        for (String id : mail.threadIds()) {
            Matcher m = threadId.matcher(id);
            if (m.matches()) {
                return new Target(Long.parseLong(m.group(1)), false, null);
            }
        }
        Matcher m = SUBJECT_TAG.matcher(mail.subject());
        return m.find() ? new Target(Long.parseLong(m.group(1)), false, null) : new Target(null, false, null);
    }

    private void reply(InboundQueries.Claimed message, ParsedMail mail, User sender, Ticket ticket) {
        String body = text(mail, sender);
        long commentId;
        try {
            commentId = actions.reply(message, sender, ticket.id(), body);
        } catch (ApiException e) {
            if (e.type() == ProblemType.TICKET_CLOSED) {
                // A closed ticket takes no more replies: the message opens a follow-up ticket.
                newTicket(message, mail, sender, ticket.id());
                return;
            }
            reject(message, e.type().slug(), "Reply to ticket #" + ticket.id() + " refused: " + e.getMessage());
            return;
        }
        attach(message, mail, sender, ticket.id(), commentId);
        done(message, "replied", mail, ticket.id());
    }

    private void newTicket(
            InboundQueries.Claimed message, ParsedMail mail, @Nullable User sender, @Nullable Long followUpOf) {
        InboundActions.NewAccount account = null;
        String from = mail.from();
        if (sender == null) {
            String domain = from.substring(from.lastIndexOf('@') + 1);
            if (!settings.allowedDomainSet().contains(domain)) {
                boolean answered = actions.refuse(message, from, mail.subject(), mail.messageId());
                rejected.increment();
                LOG.warn(
                        "Inbound mail {}: unknown sender {} (domain not in INBOUND_MAIL_ALLOWED_DOMAINS), rejected{}",
                        message.id(),
                        from,
                        answered ? " and answered once" : "");
                return;
            }
            String name = mail.fromName() == null || mail.fromName().isBlank()
                    ? from.substring(0, from.indexOf('@'))
                    : MailParser.oneLine(mail.fromName());
            account = new InboundActions.NewAccount(from, TextCleaner.truncate(name, 200));
        }
        String locale = sender == null ? "fr" : sender.locale();
        String title = mail.subject()
                .replaceFirst("^(?i)((re|tr|fw|fwd|aw)\\s?:\\s*)+", "")
                .strip();
        if (title.isEmpty()) {
            title = "en".equals(locale) ? "(no subject)" : "(sans objet)";
        }
        String body = text(mail, sender);
        if (followUpOf != null) {
            body = ("en".equals(locale) ? "Follow-up of ticket #" : "Suite de la demande #") + followUpOf + "\n\n"
                    + body;
        }
        long[] made = actions.newTicket(
                message, sender, account, TextCleaner.truncate(title, MAX_TITLE), body, category(message.mailbox()));
        User requester = sender != null ? sender : users.findById(made[1]).orElseThrow();
        attach(message, mail, requester, made[0], null);
        done(message, "created", mail, made[0]);
    }

    private static String text(ParsedMail mail, @Nullable User sender) {
        String body = TextCleaner.truncate(mail.body(), MAX_TEXT).strip();
        if (body.isEmpty()) {
            return sender != null && "en".equals(sender.locale()) ? "(empty message)" : "(message sans texte)";
        }
        return body;
    }

    private @Nullable Long category(String mailbox) {
        String wanted = mailboxes.byName(mailbox).map(Mailbox::category).orElse(null);
        if (wanted == null) {
            return null;
        }
        Optional<Category> category = wanted.matches("\\d{1,18}")
                ? categories.findById(Long.parseLong(wanted))
                : categories.findByNameIgnoreCase(wanted);
        if (category.isEmpty() || !category.get().active()) {
            LOG.warn(
                    "Mailbox {}: category '{}' is unknown or inactive; ticket filed without a category",
                    mailbox,
                    wanted);
            return null;
        }
        return category.get().id();
    }

    /** Stores the files not handled yet, one transaction each; lists the refused ones on the ticket or reply. */
    private void attach(
            InboundQueries.Claimed message, ParsedMail mail, User sender, long ticketId, @Nullable Long commentId) {
        Caller caller = new Caller(sender.id(), sender.role());
        List<String> refused = new ArrayList<>();
        List<ParsedMail.Attachment> files = mail.attachments();
        for (int i = message.attachmentsDone(); i < files.size(); i++) {
            ParsedMail.Attachment file = files.get(i);
            try {
                attachments.upload(
                        caller,
                        ticketId,
                        commentId,
                        file.fileName(),
                        file.content().length,
                        new ByteArrayInputStream(file.content()));
            } catch (ApiException e) {
                refused.add("- " + file.fileName() + " : " + e.getMessage());
                LOG.info(
                        "Inbound mail {}: attachment '{}' refused ({}): {}",
                        message.id(),
                        file.fileName(),
                        e.type(),
                        e.getMessage());
            }
            store.attachmentDone(message.id());
        }
        if (!refused.isEmpty()) {
            String note = "\n\n---\nPièces jointes refusées / Refused attachments:\n" + String.join("\n", refused);
            actions.noteRefused(ticketId, commentId, TextCleaner.truncate(TextCleaner.multiLine(note), 1900));
        }
    }

    private void done(InboundQueries.Claimed message, String what, ParsedMail mail, long ticketId) {
        String problems = mail.problems().isEmpty() ? null : "Recovered: " + String.join("; ", mail.problems());
        if (store.finish(message, "PROCESSED", what, problems, ticketId)) {
            ("created".equals(what) ? created : replied).increment();
            LOG.info(
                    "Inbound mail {} from {}: {} ticket #{}",
                    message.id(),
                    mail.from(),
                    "created".equals(what) ? "created" : "replied on",
                    ticketId);
        }
    }

    private void reject(InboundQueries.Claimed message, String reason, String error) {
        if (store.finish(message, "REJECTED", reason, error, null)) {
            rejected.increment();
        }
        LOG.warn("Inbound mail {} rejected ({}): {}", message.id(), reason, error);
    }

    private void ignore(InboundQueries.Claimed message, String reason, String detail) {
        if (store.finish(message, "IGNORED", reason, detail, null)) {
            ignored.increment();
        }
        LOG.info("Inbound mail {} ignored ({}): {}", message.id(), reason, detail);
    }

    private static String problems(ParsedMail mail) {
        return mail.problems().isEmpty() ? "" : " (" + String.join("; ", mail.problems()) + ")";
    }
}
