package dev.guichet.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the outbox for admins and the health indicator, and the admin's retry. */
@Singleton
@Connectable
public class OutboxQueries {

    private final JdbcOperations jdbc;

    OutboxQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
                return rs.next() ? Optional.of(OutboxItem.map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * An admin's release of HELD messages (after a restore): PENDING, due now, attempts back to 0.
     *
     * @param id one message, or null for every HELD message
     * @return how many were released (0 when the message does not exist or is not HELD)
     */
    public int release(@Nullable Long id) {
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
    public int discard(@Nullable Long id) {
        return jdbc.prepareStatement("DELETE FROM mail_outbox WHERE status = 'HELD' AND (?::bigint IS NULL OR id = ?)", ps -> {
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
     * @param held                    messages held after a restore, waiting for an admin
     */
    public record Backlog(long pending, long failed, long oldestPendingAgeSeconds, long held) {
    }

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

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
