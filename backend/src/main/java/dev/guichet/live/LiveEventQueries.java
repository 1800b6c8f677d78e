package dev.guichet.live;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The SQL of live events: reads and prunes of {@code ticket_events} (migration V14), whose rows the
 * database writes in the transaction of each ticket change, and the {@code LISTEN} of the
 * listener's own connection.
 */
@Singleton
@Connectable
public class LiveEventQueries {

    private static final String COLUMNS = "id, ticket_id, kind, requester_id, internal";

    private final JdbcOperations jdbc;

    LiveEventQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param lastEventId the last event the client saw
     * @param margin      events up to this long before it are sent again (late commits)
     * @param agent       whether the reader sees every event (technicians and admins)
     * @param userId      the reader, who otherwise sees the public events of their own tickets
     * @param limit       rows to read at most
     * @return the events after {@code lastEventId} (and those of the margin) the reader may see, by id
     */
    List<LiveEvent> since(long lastEventId, Duration margin, boolean agent, long userId, int limit) {
        return jdbc.prepareStatement("""
                WITH last AS (SELECT created_at FROM ticket_events WHERE id = ?)
                SELECT e.id, e.ticket_id, e.kind, e.requester_id, e.internal FROM ticket_events e, last
                 WHERE (e.id > ? OR (e.id < ? AND e.created_at >= last.created_at - ?::interval))
                   AND (? OR (e.requester_id = ? AND NOT e.internal))
                 ORDER BY e.id LIMIT ?""", ps -> {
            ps.setLong(1, lastEventId);
            ps.setLong(2, lastEventId);
            ps.setLong(3, lastEventId);
            ps.setString(4, margin.toSeconds() + " seconds");
            ps.setBoolean(5, agent);
            ps.setLong(6, userId);
            ps.setInt(7, limit);
            return read(ps);
        });
    }

    /** @return whether the event is still stored */
    boolean exists(long eventId) {
        return jdbc.prepareStatement("SELECT 1 FROM ticket_events WHERE id = ?", ps -> {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Loads events by id on a connection of the caller's (the listener's own).
     *
     * @return the events that still exist, by id
     */
    static List<LiveEvent> load(Connection connection, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ticket_events WHERE id = ANY (?) ORDER BY id")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return read(ps);
        }
    }

    /** Starts listening to {@code channel} (a constant identifier) on the caller's connection. */
    static void listen(Connection connection, String channel) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + channel);
        }
    }

    /** @return the number of events created before {@code before}, now deleted */
    int deleteOlderThan(Instant before) {
        return jdbc.prepareStatement("DELETE FROM ticket_events WHERE created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        });
    }

    private static List<LiveEvent> read(PreparedStatement ps) throws SQLException {
        List<LiveEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(new LiveEvent(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getString("kind"),
                        rs.getLong("requester_id"),
                        rs.getBoolean("internal")));
            }
        }
        return events;
    }
}
