package dev.guichet.inbound;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How inbound email is fetched and processed ({@code guichet.inbound.*} in application.yml, set from
 * {@code INBOUND_MAIL_*} environment variables). The mailboxes themselves are in {@link Mailboxes}.
 *
 * @param enabled         whether this replica polls the mailboxes ({@code INBOUND_MAIL_ENABLED})
 * @param pollInterval    pause between two polls when the server does not offer IDLE ({@code INBOUND_MAIL_POLL_INTERVAL})
 * @param idle            whether to wait with IMAP IDLE (RFC 2177) where the server offers it ({@code INBOUND_MAIL_IDLE})
 * @param idleRefresh     longest IDLE before a fresh poll; RFC 2177 asks to re-issue IDLE within 29 minutes
 * @param allowPlain      whether a mailbox may use an unencrypted connection ({@code INBOUND_MAIL_ALLOW_PLAIN})
 * @param replySecret     HMAC key of reply addresses ({@code INBOUND_MAIL_REPLY_SECRET}); empty = derived from JWT_SECRET
 * @param replyAddress    the helpdesk address replies go to, e.g. {@code support@example.org}
 *                        ({@code INBOUND_MAIL_REPLY_ADDRESS}); empty = the first mailbox's address
 * @param allowedDomains  comma-separated sender domains whose unknown senders get an employee account
 *                        ({@code INBOUND_MAIL_ALLOWED_DOMAINS}); empty = unknown senders are refused
 * @param senderLimit     messages one sender may send per {@code senderWindow} before the rest are ignored
 * @param senderWindow    window of {@code senderLimit} ({@code INBOUND_MAIL_SENDER_WINDOW})
 * @param maxSize         bytes of a message kept; a larger one is kept truncated and rejected ({@code INBOUND_MAIL_MAX_SIZE})
 * @param healthThreshold how long a mailbox may fail before the health check is DOWN ({@code INBOUND_MAIL_HEALTH_THRESHOLD})
 * @param lease           how long a claim on a stored message lasts before another replica may take it
 * @param batchSize       stored messages claimed per round
 * @param timeout         connect and read timeout of the IMAP connection
 */
@Context
@ConfigurationProperties("guichet.inbound")
public record InboundSettings(
        boolean enabled,
        @NotNull @PositiveDuration Duration pollInterval,
        boolean idle,
        @NotNull @PositiveDuration Duration idleRefresh,
        boolean allowPlain,
        String replySecret,
        String replyAddress,
        String allowedDomains,
        @Min(1) int senderLimit,
        @NotNull @PositiveDuration Duration senderWindow,
        @ReadableBytes @Min(1) long maxSize,
        @NotNull @PositiveDuration Duration healthThreshold,
        @NotNull @PositiveDuration Duration lease,
        @Min(1) int batchSize,
        @NotNull @PositiveDuration Duration timeout) {

    @Override
    public String toString() {
        // Never print the reply-address key (configuration dumps, logs).
        return "InboundSettings[enabled=" + enabled + ", replyAddress=" + replyAddress + ", allowedDomains="
                + allowedDomains + "]";
    }

    /** @return the allow-listed domains, lower-cased, without a leading {@code @} */
    public Set<String> allowedDomainSet() {
        if (allowedDomains == null) {
            return Set.of();
        }
        return Arrays.stream(allowedDomains.split("[,\\s]+"))
                .map(String::strip)
                .map(d -> d.replaceFirst("^@", ""))
                .filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
