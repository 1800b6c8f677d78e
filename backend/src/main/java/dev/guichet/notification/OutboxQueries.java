package dev.guichet.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code mail_outbox} table: queueing inside the caller's transaction, claiming with
 * {@code FOR UPDATE SKIP LOCKED} (docs/architecture.md: work that must run once) and recording
 * outcomes for the notifier and the worker; reads, retries and the release or discard of held
 * messages for admins and the health indicator.
 * A claim increments {@code attempts}; that count doubles as a fencing token, so a worker whose
 * lease ran out cannot overwrite the outcome of the worker that reclaimed the message.
 */
@Singleton
@Connectable
public class OutboxQueries {

    private static final String ITEM = """
            SELECT id, ticket_id, kind, recipient_email, recipient_id, subject, status, attempts, last_error,
                   created_at, sent_at, next_attempt_at
              FROM mail_outbox""";

    private final JdbcOperations jdbc;
    private final MailLinks links;

    OutboxQueries(JdbcOperations jdbc, MailLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** A message claimed for delivery. */
    public record Claimed(
            long id,
            String recipientEmail,
            String subject,
            String text,
            String html,
            String messageId,
            @Nullable String inReplyTo,
            @Nullable String references,
            int attempts,
            @Nullable Long ticketId) {}

    /**
     * Queues one rendered email; must run inside the transaction of the change that caused it.
     *
     * @return the outbox id
     */
    public long enqueue(
            MailKind kind,
            long recipientId,
            String recipientEmail,
            String locale,
            long ticketId,
            MailRenderer.Rendered mail) {
        long[] idAndCreated = jdbc.prepareStatement("""
                SELECT nextval(pg_get_serial_sequence('mail_outbox', 'id')),
                       (SELECT (extract(epoch FROM created_at) * 1000000)::bigint FROM tickets WHERE id = ?)""", ps -> {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
        long id = idAndCreated[0];
        String root = links.threadRoot(ticketId, idAndCreated[1]);
        jdbc.prepareStatement("""
                INSERT INTO mail_outbox (id, kind, recipient_id, recipient_email, locale, subject, body_text, body_html,
                                         ticket_id, message_id, in_reply_to, thread_references)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, id);
            ps.setString(2, kind.name());
            ps.setLong(3, recipientId);
            ps.setString(4, recipientEmail);
            ps.setString(5, locale);
            ps.setString(6, mail.subject());
            ps.setString(7, mail.text());
            ps.setString(8, mail.html());
            ps.setLong(9, ticketId);
            ps.setString(10, links.messageId(ticketId, id));
            ps.setString(11, root);
            ps.setString(12, root);
            return ps.executeUpdate();
        });
        return id;
    }

    /**
     * Queues an email that concerns no ticket (an account created from an email, the refusal sent
     * to an unknown sender); must run inside the transaction of the change that caused it.
     *
     * @param recipientId the account it goes to, or null for someone without one
     * @param inReplyTo   the Message-ID it answers, or null
     * @return the outbox id
     */
    public long enqueueStandalone(
            MailKind kind,
            @Nullable Long recipientId,
            String recipientEmail,
            String locale,
            @Nullable String inReplyTo,
            MailRenderer.Rendered mail) {
        return jdbc.prepareStatement("""
                INSERT INTO mail_outbox (kind, recipient_id, recipient_email, locale, subject, body_text, body_html,
                                         message_id, in_reply_to, thread_references)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, kind.name());
            ps.setObject(2, recipientId);
            ps.setString(3, recipientEmail);
            ps.setString(4, locale);
            ps.setString(5, mail.subject());
            ps.setString(6, mail.text());
            ps.setString(7, mail.html());
            ps.setString(8, links.standaloneMessageId());
            ps.setString(9, inReplyTo);
            ps.setString(10, inReplyTo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Claims up to {@code limit} due messages (pending and due, or sending with an expired lease):
     * marks them SENDING until {@code now + lease} and counts the attempt. Rows another worker is
     * claiming at the same moment are skipped, never waited for. Messages to an address marked as
     * bouncing ({@code mail_bounces}, from delivery-status reports) wait, paused, until an admin
     * clears the address. Commits on return (auto-commit).
     */
    public List<Claimed> claim(int limit, Duration lease) {
        return jdbc.prepareStatement("""
                WITH expired AS (
                    -- Two index scans that stop at the limit (one per partial index), not one OR
                    -- that sorts every due row: a backlog of 100,000 mails (SMTP down) is claimed
                    -- as fast as an empty queue. Expired leases first: they are the oldest work.
                    SELECT id FROM mail_outbox
                     WHERE status = 'SENDING' AND lease_until < now()
                       AND NOT EXISTS (SELECT 1 FROM mail_bounces b WHERE b.email = lower(mail_outbox.recipient_email))
                     ORDER BY lease_until, id
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED),
                pending AS (
                    SELECT id FROM mail_outbox
                     WHERE status = 'PENDING' AND next_attempt_at <= now()
                       AND NOT EXISTS (SELECT 1 FROM mail_bounces b WHERE b.email = lower(mail_outbox.recipient_email))
                     ORDER BY next_attempt_at, id
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED)
                UPDATE mail_outbox o
                   SET status = 'SENDING', attempts = o.attempts + 1,
                       lease_until = now() + ? * interval '1 millisecond'
                  FROM (SELECT id FROM expired UNION ALL SELECT id FROM pending LIMIT ?) due WHERE o.id = due.id
                RETURNING o.id, o.recipient_email, o.subject, o.body_text, o.body_html, o.message_id,
                          o.in_reply_to, o.thread_references, o.attempts, o.ticket_id""", ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, limit);
            ps.setLong(3, lease.toMillis());
            ps.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9),
                            rs.getObject(10, Long.class)));
                }
            }
            return claimed;
        });
    }

    /** @return whether the claim was still ours and the message is now SENT */
    public boolean markSent(Claimed message) {
        return update("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = now(), lease_until = NULL
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?""", message, null, null);
    }

    /** Puts a failed message back in line for another attempt in {@code wait} (by the database's clock, as claims are). */
    public boolean markRetry(Claimed message, String error, Duration wait) {
        return update("""
                UPDATE mail_outbox SET status = 'PENDING', lease_until = NULL, last_error = ?,
                       next_attempt_at = now() + ? * interval '1 millisecond'
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?""", message, error, wait);
    }

    /** Gives up on a message: FAILED, with the error kept for the admin. */
    public boolean markFailed(Claimed message, String error) {
        return update("""
                UPDATE mail_outbox SET status = 'FAILED', lease_until = NULL, last_error = ?
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?""", message, error, null);
    }

    /** Hands back a claimed message that was not tried, without counting the attempt. */
    public boolean release(Claimed message) {
        return update("""
                UPDATE mail_outbox SET status = 'PENDING', lease_until = NULL, attempts = attempts - 1
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?""", message, null, null);
    }

    /**
     * Deletes SENT messages sent more than {@code age} ago; FAILED and waiting ones are kept.
     *
     * @return how many were deleted
     */
    public int deleteSentOlderThan(Duration age) {
        return jdbc.prepareStatement("""
                DELETE FROM mail_outbox WHERE status = 'SENT' AND sent_at < now() - ? * interval '1 millisecond'""", ps -> {
            ps.setLong(1, age.toMillis());
            return ps.executeUpdate();
        });
    }

    private boolean update(String sql, Claimed message, @Nullable String error, @Nullable Duration wait) {
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (error != null) {
                ps.setString(i++, error);
            }
            if (wait != null) {
                ps.setLong(i++, wait.toMillis());
            }
            ps.setLong(i++, message.id());
            ps.setInt(i, message.attempts());
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * An admin's retry of a FAILED message: PENDING again, due now, attempts back to 0 (the last
     * error stays until the next attempt replaces it).
     *
     * @return the message as the retry left it (read by the same statement, before the worker can
     *         claim it), or empty when it does not exist or is not FAILED
     */
    public Optional<OutboxItem> retry(long id) {
        return jdbc.prepareStatement("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                 WHERE id = ? AND status = 'FAILED'
                RETURNING id, ticket_id, kind, recipient_email, recipient_id, subject, status, attempts, last_error,
                          created_at, sent_at, next_attempt_at""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        });
    }

    /**
     * An admin's release of HELD messages (after a restore): PENDING, due now, attempts back to 0.
     *
     * @param id one message, or null for every HELD message
     * @return how many were released (0 when the message does not exist or is not HELD)
     */
    public int releaseHeld(@Nullable Long id) {
        return jdbc.prepareStatement("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = NULL
                 WHERE status = 'HELD' AND (?::bigint IS NULL OR id = ?)""", ps -> {
            bindOptionalId(ps, id);
            return ps.executeUpdate();
        });
    }

    /**
     * An admin's discard of HELD messages (delivered before the restore, or no longer wanted): deleted.
     *
     * @param id one message, or null for every HELD message
     * @return how many were discarded (0 when the message does not exist or is not HELD)
     */
    public int discardHeld(@Nullable Long id) {
        return jdbc.prepareStatement(
                "DELETE FROM mail_outbox WHERE status = 'HELD' AND (?::bigint IS NULL OR id = ?)", ps -> {
                    bindOptionalId(ps, id);
                    return ps.executeUpdate();
                });
    }

    private static void bindOptionalId(java.sql.PreparedStatement ps, @Nullable Long id) throws SQLException {
        if (id == null) {
            ps.setNull(1, java.sql.Types.BIGINT);
            ps.setNull(2, java.sql.Types.BIGINT);
        } else {
            ps.setLong(1, id);
            ps.setLong(2, id);
        }
    }

    /** @return one message as admins see it */
    public Optional<OutboxItem> find(long id) {
        return jdbc.prepareStatement(ITEM + " WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        });
    }

    /** @return one page of messages, newest first, optionally of one status, and the total count */
    public Page list(@Nullable OutboxStatus status, int page, int size) {
        String where = status == null ? "" : " WHERE status = ?";
        List<OutboxItem> items = jdbc.prepareStatement(ITEM + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ps -> {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status.name());
            }
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            List<OutboxItem> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(item(rs));
                }
            }
            return rows;
        });
        long total = jdbc.prepareStatement("SELECT count(*) FROM mail_outbox" + where, ps -> {
            if (status != null) {
                ps.setString(1, status.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new Page(items, total);
    }

    /** A page of messages and the number of all that match. */
    public record Page(List<OutboxItem> items, long total) {}

    /**
     * The backlog, for the health indicator.
     *
     * @param pending                 messages waiting (PENDING or SENDING)
     * @param failed                  messages given up on
     * @param oldestPendingAgeSeconds age of the oldest waiting message, 0 when none waits
     * @param held                    messages held after a restore, waiting for an admin
     */
    public record Backlog(long pending, long failed, long oldestPendingAgeSeconds, long held) {}

    /** @return how much is waiting and for how long */
    public Backlog backlog() {
        return jdbc.prepareStatement("""
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       count(*) FILTER (WHERE status = 'FAILED'),
                       coalesce(floor(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')))), 0),
                       count(*) FILTER (WHERE status = 'HELD')
                  FROM mail_outbox""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }

    private static OutboxItem item(ResultSet rs) throws SQLException {
        return new OutboxItem(
                rs.getLong("id"),
                rs.getObject("ticket_id", Long.class),
                rs.getString("kind"),
                rs.getString("recipient_email"),
                rs.getObject("recipient_id", Long.class),
                rs.getString("subject"),
                OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "next_attempt_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
