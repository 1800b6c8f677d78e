package dev.guichet.notification;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * Addresses that notification emails carry, all derived from {@code PUBLIC_URL}
 * ({@code guichet.public-url}): links into the single-page app, and the RFC 5322 message ids that
 * thread a ticket's emails ({@code <ticket-{id}@host>} for the ticket, {@code <ticket-{id}-{outboxId}@host>}
 * for each message).
 */
@Singleton
public class MailLinks {

    private final String base;
    private final String host;

    MailLinks(@Value("${guichet.public-url}") String publicUrl) {
        this.base = publicUrl.replaceAll("/+$", "");
        String parsed = URI.create(base).getHost();
        if (parsed == null || parsed.isBlank()) {
            throw new IllegalStateException("PUBLIC_URL must be an absolute URL such as https://helpdesk.example.org, not '" + publicUrl + "'");
        }
        this.host = parsed;
    }

    /** @return the ticket's page in the app, e.g. {@code https://helpdesk.example.org/tickets/42} */
    public String ticket(long ticketId) {
        return base + "/tickets/" + ticketId;
    }

    /** @return the profile page, where a person turns notifications off */
    public String profile() {
        return base + "/profile";
    }

    /** @return the id every email about this ticket refers to, so mail clients thread them */
    public String threadRoot(long ticketId) {
        return "<ticket-" + ticketId + "@" + host + ">";
    }

    /** @return the unique Message-ID of one outbox message */
    public String messageId(long ticketId, long outboxId) {
        return "<ticket-" + ticketId + "-" + outboxId + "@" + host + ">";
    }
}
