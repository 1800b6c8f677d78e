package dev.guichet.notification;

/**
 * Where a message of the outbox is: waiting ({@code PENDING}, also after a failed attempt until
 * its next one), claimed by a worker ({@code SENDING}), delivered to the relay ({@code SENT}), or
 * given up after {@code MAIL_MAX_ATTEMPTS} ({@code FAILED}, until an admin retries it), or held
 * after a restore ({@code HELD}: waiting in the restored backup, so maybe delivered already; never
 * sent until an admin releases it, see deployment/restore.sh).
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    HELD
}
