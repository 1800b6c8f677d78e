package dev.guichet.inbound;

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
 * The SQL of inbound mail (migration V18): stored messages and their claims, the mailboxes'
 * state, bouncing addresses and answered unknown senders, and the notes added to the ticket or
 * reply a message made. Claims use {@code FOR UPDATE SKIP LOCKED}
 * (docs/architecture.md: work that must run once); {@code attempts} doubles as a fencing token, so a replica
 * whose lease ran out cannot overwrite the outcome of the one that reclaimed the message.
 */
@Singleton
@Connectable
public class InboundQueries {

    /** Longest error text kept per message. */
    static final int MAX_ERROR = 4000;

    private final JdbcOperations jdbc;

    InboundQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored message claimed for processing. */
    public record Claimed(
            long id,
            String mailbox,
            byte[] raw,
            boolean truncated,
            String status,
            @Nullable Long ticketId,
            @Nullable Long commentId,
            int attachmentsDone,
            int attempts) {}

    /** A stored message as admins see it (no raw bytes). */
    public record Row(
            long id,
            String mailbox,
            String messageId,
            @Nullable String sender,
            @Nullable String subject,
            String status,
            @Nullable String reason,
            @Nullable String error,
            @Nullable Long ticketId,
            long rawSize,
            boolean truncated,
            int attempts,
            Instant receivedAt,
            @Nullable Instant processedAt) {}

    /** A mailbox's state. */
    public record State(
            String name,
            @Nullable Instant lastPollAt,
            @Nullable Instant lastSuccessAt,
            @Nullable String lastError,
            @Nullable Instant lastErrorAt,
            @Nullable Instant failingSince,
            long fetched) {}

    /** A bouncing address. */
    public record BounceRow(
            String email,
            @Nullable String status,
            @Nullable String diagnostic,
            int bounces,
            Instant firstAt,
            Instant lastAt) {}

    /**
     * Stores a fetched message unless this mailbox already has one with this Message-ID (auto-commit).
     *
     * @return whether it was new
     */
    public boolean store(
            String mailbox,
            String messageId,
            @Nullable Long uid,
            byte[] raw,
            long rawSize,
            boolean truncated,
            @Nullable String sender,
            @Nullable String subject) {
        return jdbc.prepareStatement("""
                INSERT INTO inbound_messages (mailbox, message_id, imap_uid, raw, raw_size, truncated, sender, subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox, message_id) DO NOTHING""", ps -> {
            ps.setString(1, mailbox);
            ps.setString(2, messageId);
            ps.setObject(3, uid);
            ps.setBytes(4, raw);
            ps.setLong(5, rawSize);
            ps.setBoolean(6, truncated);
            ps.setString(7, sender == null ? null : TextCleaner.truncate(sender, 320));
            ps.setString(8, subject);
            return ps.executeUpdate() == 1;
        });
    }

    /** Records a successful poll that stored {@code fetched} new messages; clears the mailbox's failure. */
    public void polled(String mailbox, int fetched) {
        jdbc.prepareStatement("""
                INSERT INTO inbound_mailboxes (name, last_poll_at, last_success_at, fetched) VALUES (?, now(), now(), ?)
                ON CONFLICT (name) DO UPDATE SET last_poll_at = now(), last_success_at = now(), failing_since = NULL,
                       fetched = inbound_mailboxes.fetched + EXCLUDED.fetched""", ps -> {
            ps.setString(1, mailbox);
            ps.setLong(2, fetched);
            return ps.executeUpdate();
        });
    }

    /** Records a failed poll: the error, and since when the mailbox fails. */
    public void pollFailed(String mailbox, String error) {
        jdbc.prepareStatement("""
                INSERT INTO inbound_mailboxes (name, last_poll_at, last_error, last_error_at, failing_since)
                VALUES (?, now(), ?, now(), now())
                ON CONFLICT (name) DO UPDATE SET last_poll_at = now(), last_error = EXCLUDED.last_error, last_error_at = now(),
                       failing_since = coalesce(inbound_mailboxes.failing_since, now())""", ps -> {
            ps.setString(1, mailbox);
            ps.setString(2, TextCleaner.truncate(error, MAX_ERROR));
            return ps.executeUpdate();
        });
    }

    /** @return the state of every mailbox that polled at least once */
    public List<State> states() {
        return jdbc.prepareStatement("SELECT * FROM inbound_mailboxes ORDER BY name", ps -> {
            List<State> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new State(
                            rs.getString("name"),
                            instant(rs, "last_poll_at"),
                            instant(rs, "last_success_at"),
                            rs.getString("last_error"),
                            instant(rs, "last_error_at"),
                            instant(rs, "failing_since"),
                            rs.getLong("fetched")));
                }
            }
            return out;
        });
    }

    /**
     * Claims up to {@code limit} messages to process (received, or resumed after a crash once their
     * lease ran out) until {@code now + lease}, counting the attempt. Commits on return.
     */
    public List<Claimed> claim(int limit, Duration lease) {
        return jdbc.prepareStatement("""
                WITH due AS (
                    SELECT id FROM inbound_messages
                     WHERE status IN ('RECEIVED', 'ATTACHING') AND (claimed_until IS NULL OR claimed_until < now())
                     ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE inbound_messages m SET attempts = m.attempts + 1, claimed_until = now() + ? * interval '1 millisecond'
                  FROM due WHERE m.id = due.id
                RETURNING m.id, m.mailbox, m.raw, m.truncated, m.status, m.ticket_id, m.comment_id, m.attachments_done, m.attempts""", ps -> {
            ps.setInt(1, limit);
            ps.setLong(2, lease.toMillis());
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getBytes(3),
                            rs.getBoolean(4),
                            rs.getString(5),
                            rs.getObject(6, Long.class),
                            rs.getObject(7, Long.class),
                            rs.getInt(8),
                            rs.getInt(9)));
                }
            }
            out.sort((a, b) -> Long.compare(a.id(), b.id()));
            return out;
        });
    }

    /**
     * Marks a claimed message ATTACHING with the ticket or reply it made; runs in the transaction
     * that made them, so both commit or neither.
     *
     * @return whether the claim was still ours
     */
    public boolean madeTicket(Claimed message, long ticketId, @Nullable Long commentId) {
        return jdbc.prepareStatement("""
                UPDATE inbound_messages SET status = 'ATTACHING', ticket_id = ?, comment_id = ?
                 WHERE id = ? AND attempts = ? AND status = 'RECEIVED'""", ps -> {
            ps.setLong(1, ticketId);
            ps.setObject(2, commentId);
            ps.setLong(3, message.id());
            ps.setInt(4, message.attempts());
            return ps.executeUpdate() == 1;
        });
    }

    /** Counts one more attachment handled (stored or refused). */
    public void attachmentDone(long id) {
        jdbc.prepareStatement(
                "UPDATE inbound_messages SET attachments_done = attachments_done + 1 WHERE id = ?", ps -> {
                    ps.setLong(1, id);
                    return ps.executeUpdate();
                });
    }

    /**
     * Records the outcome of a claimed message and releases the claim.
     *
     * @param status PROCESSED, IGNORED, REJECTED or FAILED
     * @return whether the claim was still ours
     */
    public boolean finish(
            Claimed message, String status, @Nullable String reason, @Nullable String error, @Nullable Long ticketId) {
        return jdbc.prepareStatement("""
                UPDATE inbound_messages SET status = ?, reason = ?, error = ?, ticket_id = coalesce(?, ticket_id),
                       claimed_until = NULL, processed_at = now()
                 WHERE id = ? AND attempts = ?""", ps -> {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, error == null ? null : TextCleaner.truncate(error, MAX_ERROR));
            ps.setObject(4, ticketId);
            ps.setLong(5, message.id());
            ps.setInt(6, message.attempts());
            return ps.executeUpdate() == 1;
        });
    }

    /** Hands a claimed message back for a later attempt, keeping the error. */
    public void release(Claimed message, String error) {
        jdbc.prepareStatement("""
                UPDATE inbound_messages SET claimed_until = now() + interval '30 seconds', error = ?
                 WHERE id = ? AND attempts = ?""", ps -> {
            ps.setString(1, TextCleaner.truncate(error, MAX_ERROR));
            ps.setLong(2, message.id());
            ps.setInt(3, message.attempts());
            return ps.executeUpdate();
        });
    }

    /**
     * Admin listing, newest first.
     *
     * @param statuses the statuses shown, or empty for all
     */
    public List<Row> list(List<String> statuses, int limit, int offset) {
        return jdbc.prepareStatement("""
                SELECT id, mailbox, message_id, sender, subject, status, reason, error, ticket_id, raw_size, truncated,
                       attempts, received_at, processed_at
                  FROM inbound_messages WHERE cardinality(?::text[]) = 0 OR status = ANY (?::text[])
                 ORDER BY id DESC LIMIT ? OFFSET ?""", ps -> {
            java.sql.Array array = ps.getConnection().createArrayOf("text", statuses.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            ps.setInt(3, limit);
            ps.setInt(4, offset);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** @return how many messages each mailbox has in each status: {mailbox, status, count} */
    public List<Object[]> counts() {
        return jdbc.prepareStatement("SELECT mailbox, status, count(*) FROM inbound_messages GROUP BY 1, 2", ps -> {
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
                }
            }
            return out;
        });
    }

    /** @return one stored message */
    public Optional<Row> find(long id) {
        return jdbc.prepareStatement("""
                SELECT id, mailbox, message_id, sender, subject, status, reason, error, ticket_id, raw_size, truncated,
                       attempts, received_at, processed_at FROM inbound_messages WHERE id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    /** @return the raw bytes of a stored message */
    public Optional<byte[]> raw(long id) {
        return jdbc.prepareStatement("SELECT raw FROM inbound_messages WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        });
    }

    /** @return whether the message existed and was deleted (a message being processed is not) */
    public boolean delete(long id) {
        return jdbc.prepareStatement("""
                DELETE FROM inbound_messages WHERE id = ? AND NOT (status IN ('RECEIVED', 'ATTACHING') AND claimed_until > now())""", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** Puts a rejected, failed or ignored message back in line: processed again from the start. */
    public boolean retry(long id) {
        return jdbc.prepareStatement("""
                UPDATE inbound_messages SET status = 'RECEIVED', reason = NULL, error = NULL, claimed_until = NULL,
                       attempts = 0, ticket_id = NULL, comment_id = NULL, attachments_done = 0, processed_at = NULL
                 WHERE id = ? AND status IN ('REJECTED', 'FAILED', 'IGNORED')""", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** Marks an address as bouncing (or counts one more bounce). */
    public void bounced(String email, @Nullable String status, @Nullable String diagnostic) {
        jdbc.prepareStatement("""
                INSERT INTO mail_bounces (email, status, diagnostic) VALUES (?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET status = EXCLUDED.status, diagnostic = EXCLUDED.diagnostic,
                       bounces = mail_bounces.bounces + 1, last_at = now()""", ps -> {
            ps.setString(1, email);
            ps.setString(2, status == null ? null : TextCleaner.truncate(status, 40));
            ps.setString(3, diagnostic == null ? null : TextCleaner.truncate(diagnostic, MAX_ERROR));
            return ps.executeUpdate();
        });
    }

    /** @return every bouncing address, most recent first */
    public List<BounceRow> bounces() {
        return jdbc.prepareStatement("SELECT * FROM mail_bounces ORDER BY last_at DESC", ps -> {
            List<BounceRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BounceRow(
                            rs.getString("email"),
                            rs.getString("status"),
                            rs.getString("diagnostic"),
                            rs.getInt("bounces"),
                            instant(rs, "first_at"),
                            instant(rs, "last_at")));
                }
            }
            return out;
        });
    }

    /** An admin clears a bouncing address: notifications to it are sent again. */
    public boolean clearBounce(String email) {
        return jdbc.prepareStatement("DELETE FROM mail_bounces WHERE email = ?", ps -> {
            ps.setString(1, email);
            return ps.executeUpdate() == 1;
        });
    }

    /** @return true the first time an unknown sender is refused, false afterwards (answered once) */
    public boolean firstRefusal(String email) {
        return jdbc.prepareStatement("INSERT INTO inbound_refusals (email) VALUES (?) ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, email);
            return ps.executeUpdate() == 1;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("mailbox"),
                rs.getString("message_id"),
                rs.getString("sender"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("error"),
                rs.getObject("ticket_id", Long.class),
                rs.getLong("raw_size"),
                rs.getBoolean("truncated"),
                rs.getInt("attempts"),
                instant(rs, "received_at"),
                instant(rs, "processed_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * Appends a note to the reply a message made ({@code commentId}), or when it made none to the
     * description of its ticket.
     */
    void appendNote(long ticketId, @Nullable Long commentId, String note) {
        if (commentId != null) {
            jdbc.prepareStatement("UPDATE comments SET body = body || ? WHERE id = ?", ps -> {
                ps.setString(1, note);
                ps.setLong(2, commentId);
                return ps.executeUpdate();
            });
        } else {
            jdbc.prepareStatement("UPDATE tickets SET description = description || ? WHERE id = ?", ps -> {
                ps.setString(1, note);
                ps.setLong(2, ticketId);
                return ps.executeUpdate();
            });
        }
    }
}
