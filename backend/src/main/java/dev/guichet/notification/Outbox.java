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
 * The {@code mail_outbox} table: queueing inside the caller's transaction, claiming with
 * {@code FOR UPDATE SKIP LOCKED} (design.md: work that must run once), and recording outcomes.
 * A claim increments {@code attempts}; that count doubles as a fencing token, so a worker whose
 * lease ran out cannot overwrite the outcome of the worker that reclaimed the message.
 */
@Singleton
@Connectable
public class Outbox {

    private final JdbcOperations jdbc;
    private final MailLinks links;

    Outbox(JdbcOperations jdbc, MailLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** A message claimed for delivery. */
    public record Claimed(long id, String recipientEmail, String subject, String text, String html, String messageId,
                          @Nullable String inReplyTo, @Nullable String references, int attempts) {
    }

    /**
     * Queues one rendered email; must run inside the transaction of the change that caused it.
     *
     * @return the outbox id
     */
    public long enqueue(MailKind kind, long recipientId, String recipientEmail, String locale, long ticketId,
                        MailRenderer.Rendered mail) {
        long id = jdbc.prepareStatement("SELECT nextval(pg_get_serial_sequence('mail_outbox', 'id'))", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        String root = links.threadRoot(ticketId);
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
     * Claims up to {@code limit} due messages (pending and due, or sending with an expired lease):
     * marks them SENDING until {@code now + lease} and counts the attempt. Rows another worker is
     * claiming at the same moment are skipped, never waited for. Commits on return (auto-commit).
     */
    public List<Claimed> claim(int limit, Duration lease) {
        return jdbc.prepareStatement("""
                WITH due AS (
                    SELECT id FROM mail_outbox
                     WHERE (status = 'PENDING' AND next_attempt_at <= now())
                        OR (status = 'SENDING' AND lease_until < now())
                     ORDER BY next_attempt_at, id
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED)
                UPDATE mail_outbox o
                   SET status = 'SENDING', attempts = o.attempts + 1,
                       lease_until = now() + ? * interval '1 millisecond'
                  FROM due WHERE o.id = due.id
                RETURNING o.id, o.recipient_email, o.subject, o.body_text, o.body_html, o.message_id,
                          o.in_reply_to, o.thread_references, o.attempts""", ps -> {
            ps.setInt(1, limit);
            ps.setLong(2, lease.toMillis());
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
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

    /** Puts a failed message back in line for another attempt at {@code nextAttemptAt}. */
    public boolean markRetry(Claimed message, String error, Instant nextAttemptAt) {
        return update("""
                UPDATE mail_outbox SET status = 'PENDING', lease_until = NULL, last_error = ?, next_attempt_at = ?
                 WHERE id = ? AND status = 'SENDING' AND attempts = ?""", message, error, nextAttemptAt);
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
     * An admin's retry of a FAILED message: PENDING again, due now, attempts back to 0 (the last
     * error stays until the next attempt replaces it).
     *
     * @return false when the message does not exist or is not FAILED
     */
    public boolean retry(long id) {
        return jdbc.prepareStatement("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                 WHERE id = ? AND status = 'FAILED'""", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** @return one message as admins see it */
    public Optional<OutboxItem> find(long id) {
        return jdbc.prepareStatement(OutboxItem.SELECT + " WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(OutboxItem.map(rs)) : Optional.empty();
            }
        });
    }

    /** @return one page of messages, newest first, optionally of one status, and the total count */
    public Page list(@Nullable OutboxStatus status, int page, int size) {
        String where = status == null ? "" : " WHERE status = ?";
        List<OutboxItem> items = jdbc.prepareStatement(OutboxItem.SELECT + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ps -> {
            int i = 1;
            if (status != null) {
                ps.setString(i++, status.name());
            }
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            List<OutboxItem> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(OutboxItem.map(rs));
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
    public record Page(List<OutboxItem> items, long total) {
    }

    /**
     * The backlog, for the health indicator.
     *
     * @param pending                 messages waiting (PENDING or SENDING)
     * @param failed                  messages given up on
     * @param oldestPendingAgeSeconds age of the oldest waiting message, 0 when none waits
     */
    public record Backlog(long pending, long failed, long oldestPendingAgeSeconds) {
    }

    /** @return how much is waiting and for how long */
    public Backlog backlog() {
        return jdbc.prepareStatement("""
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       count(*) FILTER (WHERE status = 'FAILED'),
                       coalesce(floor(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')))), 0)
                  FROM mail_outbox""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    private boolean update(String sql, Claimed message, @Nullable String error, @Nullable Instant next) {
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (error != null) {
                ps.setString(i++, error);
            }
            if (next != null) {
                ps.setTimestamp(i++, Timestamp.from(next));
            }
            ps.setLong(i++, message.id());
            ps.setInt(i, message.attempts());
            return ps.executeUpdate() == 1;
        });
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
