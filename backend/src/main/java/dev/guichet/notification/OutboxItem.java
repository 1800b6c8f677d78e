package dev.guichet.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A message of the outbox as the admin API shows it (bodies left out).
 *
 * @param recipient     the address it goes to
 * @param recipientId   the person, null when the account was deleted since
 * @param kind          which notification ({@link MailKind})
 * @param attempts      deliveries tried since queued or last retried by an admin
 * @param lastError     the relay's (or the network's) answer to the last failed attempt
 * @param nextAttemptAt when a PENDING message is due
 */
@Serdeable
public record OutboxItem(
        long id,
        @Nullable Long ticketId,
        String kind,
        String recipient,
        @Nullable Long recipientId,
        String subject,
        OutboxStatus status,
        int attempts,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt,
        Instant nextAttemptAt) {}
