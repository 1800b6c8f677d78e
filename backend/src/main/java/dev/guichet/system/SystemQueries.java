package dev.guichet.system;

import io.micronaut.core.annotation.Nullable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The SQL of operations checks, run on a connection the caller holds (they run while the pool is
 * being built, before a bean could depend on it): for now, WAL archiving as
 * {@code pg_stat_archiver} reports it ({@link WalArchiving}).
 */
public final class SystemQueries {

    private SystemQueries() {}

    /**
     * @return one reading of {@code pg_stat_archiver} with the {@code archive_mode} setting and the
     *         database's clock
     * @throws SQLException when the database does not answer
     */
    public static WalArchiving.Reading archiver(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT current_setting('archive_mode'), last_archived_time, last_archived_wal,
                       last_failed_time, now()
                  FROM pg_stat_archiver""");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new WalArchiving.Reading(
                    rs.getString(1),
                    instant(rs.getTimestamp(2)),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    rs.getTimestamp(5).toInstant());
        }
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
