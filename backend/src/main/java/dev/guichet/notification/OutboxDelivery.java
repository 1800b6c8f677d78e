package dev.guichet.notification;

import dev.guichet.inbound.ReplyAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import jakarta.inject.Singleton;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims a batch, hands each message to the SMTP relay through
 * micronaut-email-javamail, and records the outcome. A failure is retried after an exponential
 * backoff with jitter ({@link RetrySchedule}, resilience4j) until {@link MailSettings#maxAttempts()},
 * then the message is FAILED with the error kept. After {@link #stop()} (shutdown) no further
 * message of a batch is tried: the rest is handed back untried. Safe to run on every replica, and from several
 * threads: a message is only ever claimed by one worker at a time (see {@link OutboxQueries#claim}).
 *
 * <p>Metrics: {@code guichet.mail.sent}, {@code guichet.mail.retried} (a failure that will be
 * tried again) and {@code guichet.mail.failed} (given up).
 */
@Singleton
public class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    /** Longest error text kept per message: enough for any SMTP reply, bounded for the table. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final OutboxQueries outbox;
    private final EmailSender<Message, ?> sender;
    private final MailSettings settings;
    private final Contact from;
    private final RetrySchedule schedule;
    private final ReplyAddresses replyAddresses;
    private volatile boolean stopping;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    OutboxDelivery(
            OutboxQueries outbox,
            EmailSender<Message, ?> sender,
            MailSettings settings,
            SmtpSettings smtp,
            RetrySchedule schedule,
            ReplyAddresses replyAddresses,
            MeterRegistry meters) {
        this.replyAddresses = replyAddresses;
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.from = contact(smtp.from());
        this.schedule = schedule;
        this.sent = Counter.builder("guichet.mail.sent")
                .description("Notification emails accepted by the SMTP relay")
                .register(meters);
        this.retried = Counter.builder("guichet.mail.retried")
                .description("Failed deliveries that will be tried again")
                .register(meters);
        this.failed = Counter.builder("guichet.mail.failed")
                .description("Notification emails given up after the last attempt")
                .register(meters);
    }

    /**
     * Shutdown: claims nothing more, and hands the rest of a batch back untried (the message being
     * sent, if any, finishes first). Irreversible.
     */
    public void stop() {
        stopping = true;
    }

    /** @return whether {@link #stop()} was called */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Claims and delivers one batch. Stops early, handing the untried rest back, when the relay
     * is unreachable, half of the lease has passed, or the application is stopping.
     *
     * @return how many messages were tried (0 when nothing was due or the application is stopping)
     */
    public int deliverBatch() {
        if (stopping) {
            return 0;
        }
        Instant claimedAt = Instant.now();
        List<OutboxQueries.Claimed> batch = outbox.claim(settings.batchSize(), settings.lease());
        for (int i = 0; i < batch.size(); i++) {
            // Never run into the lease: past half of it, hand the rest back untried for the next poll.
            boolean late = stopping
                    || Instant.now().isAfter(claimedAt.plus(settings.lease().dividedBy(2)));
            // An unreachable relay fails every message alike: one attempt tells, the rest wait untried.
            if (late || !deliver(batch.get(i))) {
                int tried = late ? i : i + 1;
                batch.subList(tried, batch.size()).forEach(outbox::release);
                return tried;
            }
        }
        return batch.size();
    }

    /** @return false when the relay could not be reached or refused our login */
    private boolean deliver(OutboxQueries.Claimed message) {
        try {
            sender.send(
                    Email.builder()
                            .from(from)
                            .to(message.recipientEmail())
                            .subject(message.subject())
                            .body(new MultipartBody(message.html(), message.text())),
                    mime -> headers(mime, message));
        } catch (RuntimeException e) {
            recordFailure(message, describe(e));
            return !relayUnavailable(e);
        }
        if (outbox.markSent(message)) {
            sent.increment();
        } else {
            LOG.warn("Mail {} was sent after its lease ran out; another worker may send it again", message.id());
        }
        return true;
    }

    private static boolean relayUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    private void recordFailure(OutboxQueries.Claimed message, String error) {
        if (schedule.givesUpAfter(message.attempts())) {
            if (outbox.markFailed(message, error)) {
                failed.increment();
            }
            LOG.error(
                    "Mail {} to {} failed after {} attempts, giving up (an admin can retry it): {}",
                    message.id(),
                    message.recipientEmail(),
                    message.attempts(),
                    error);
            return;
        }
        Duration wait = schedule.delayAfter(message.attempts());
        if (outbox.markRetry(message, error, wait)) {
            retried.increment();
        }
        LOG.warn(
                "Mail {} attempt {} failed, next in {} s: {}",
                message.id(),
                message.attempts(),
                wait.toSeconds(),
                error);
    }

    private void headers(Message mime, OutboxQueries.Claimed message) {
        try {
            mime.setHeader("Message-ID", message.messageId());
            // Answering the email adds a reply to the ticket (dev.guichet.inbound).
            if (message.ticketId() != null) {
                replyAddresses.forTicket(message.ticketId()).ifPresent(address -> {
                    try {
                        mime.setReplyTo(new InternetAddress[] {new InternetAddress(address)});
                    } catch (MessagingException e) {
                        throw new IllegalStateException("Cannot set the Reply-To of mail " + message.id(), e);
                    }
                });
            }
            if (message.inReplyTo() != null) {
                mime.setHeader("In-Reply-To", message.inReplyTo());
            }
            if (message.references() != null) {
                mime.setHeader("References", message.references());
            }
            // RFC 3834: an automatic message, so vacation responders do not answer it.
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot set the headers of mail " + message.id(), e);
        }
    }

    /**
     * The relay's reply or the network error: Jakarta Mail's own message when there is one (it
     * already names its nested cause), else the innermost message, on one line.
     */
    static String describe(Throwable error) {
        String text = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MessagingException && t.getMessage() != null) {
                text = t.getMessage();
                break;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        text = text == null
                ? error.getClass().getSimpleName()
                : text.replaceAll("\\s+", " ").strip();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static Contact contact(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getPersonal() == null
                    ? new Contact(parsed.getAddress())
                    : new Contact(parsed.getAddress(), parsed.getPersonal());
        } catch (AddressException e) {
            throw new IllegalStateException("SMTP_FROM is not a valid address: '" + address + "'", e);
        }
    }
}
