package dev.guichet.notification;

import dev.guichet.web.WebSettings;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/**
 * Addresses that notification emails carry, all derived from {@code PUBLIC_URL}
 * ({@code guichet.public-url}): links into the single-page app, and the RFC 5322 message ids that
 * thread a ticket's emails ({@code <ticket-{id}.{created}@host>} for the ticket,
 * {@code <ticket-{id}-{outboxId}.{random}@host>} for each message). The ticket's creation instant
 * and the random part keep ids unique when ticket and outbox ids are reused, as after restoring a
 * backup over newer data (docs/notifications.md, "Watching it"): RFC 5322 §3.6.4 wants a Message-ID used once ever.
 */
@Singleton
public class MailLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final String host;

    MailLinks(WebSettings settings) {
        this.base = settings.baseUrl();
        this.host = settings.host();
    }

    /** @return the ticket's page in the app, e.g. {@code https://helpdesk.example.org/tickets/42} */
    public String ticket(long ticketId) {
        return base + "/tickets/" + ticketId;
    }

    /**
     * @param token the survey token in clear (base64url, so safe in a URL)
     * @return the public survey page of a ticket; the token travels in the fragment, which browsers
     *         never send to a server, so it stays out of access logs and Referer headers
     */
    public String survey(long ticketId, String token) {
        return base + "/survey/" + ticketId + "#" + token;
    }

    /** @return the profile page, where a person turns notifications off */
    public String profile() {
        return base + "/profile";
    }

    /**
     * @param createdMicros the ticket's creation instant, in microseconds since the epoch (as stored)
     * @return the id every email about this ticket refers to, so mail clients thread them
     */
    public String threadRoot(long ticketId, long createdMicros) {
        return "<ticket-" + ticketId + "." + Long.toString(createdMicros, 36) + "@" + host + ">";
    }

    /** @return a Message-ID for an email about no ticket (64 random bits) */
    public String standaloneMessageId() {
        return "<guichet-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + "@" + host + ">";
    }

    /** @return the host of PUBLIC_URL, the right-hand part of every Message-ID Guichet makes */
    public String host() {
        return host;
    }

    /** @return a Message-ID for one outbox message, unique even when ids repeat (64 random bits) */
    public String messageId(long ticketId, long outboxId) {
        return "<ticket-" + ticketId + "-" + outboxId + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + "@" + host
                + ">";
    }
}
