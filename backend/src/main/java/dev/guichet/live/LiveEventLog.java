package dev.guichet.live;

import dev.guichet.auth.Caller;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads and prunes {@code ticket_events} (migration V14), whose rows the database writes in the
 * transaction of each ticket change.
 */
@Singleton
@Connectable
public class LiveEventLog {

    /** At most this many events are replayed to a reconnecting client; past it, it resyncs. */
    static final int REPLAY_LIMIT = 1000;

    /**
     * Ids are taken when a row is inserted, but rows become visible when their transaction
     * commits, so an event with a smaller id than the last one a client saw may commit after it.
     * A replay therefore also sends the events inserted up to this long before the client's last
     * one (sending an event twice only makes the client refetch twice). Ticket transactions last
     * milliseconds; one minute is far beyond them.
     */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, ticket_id, kind, requester_id, internal";

    private final JdbcOperations jdbc;
    private final Duration retention;

    LiveEventLog(JdbcOperations jdbc, LiveSettings settings) {
        this.jdbc = jdbc;
        this.retention = settings.retention();
    }

    /**
     * The events a client missed since the event {@code lastEventId}, that {@code caller} may see,
     * oldest first.
     *
     * @return the events, or empty when they cannot be told: the event is unknown (pruned, or from
     *         another database) or more than {@link #REPLAY_LIMIT} were missed; the client must then
     *         refetch everything
     */
    public Optional<List<LiveEvent>> replay(Caller caller, long lastEventId) {
        return jdbc.prepareStatement("""
                WITH last AS (SELECT created_at FROM ticket_events WHERE id = ?)
                SELECT e.id, e.ticket_id, e.kind, e.requester_id, e.internal FROM ticket_events e, last
                 WHERE (e.id > ? OR (e.id < ? AND e.created_at >= last.created_at - ?::interval))
                   AND (? OR (e.requester_id = ? AND NOT e.internal))
                 ORDER BY e.id LIMIT ?""", ps -> {
            ps.setLong(1, lastEventId);
            ps.setLong(2, lastEventId);
            ps.setLong(3, lastEventId);
            ps.setString(4, LATE_COMMIT_MARGIN.toSeconds() + " seconds");
            ps.setBoolean(5, caller.isAgent());
            ps.setLong(6, caller.id());
            ps.setInt(7, REPLAY_LIMIT + 1);
            List<LiveEvent> events = read(ps);
            if (events.size() > REPLAY_LIMIT || (events.isEmpty() && !exists(lastEventId))) {
                return Optional.<List<LiveEvent>>empty();
            }
            return Optional.of(events);
        });
    }

    private boolean exists(long eventId) {
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

    /**
     * Deletes the events older than {@code guichet.live.retention} (one day by default), every
     * hour. Safe on several replicas at once: each deletes what is old, whoever gets there first.
     *
     * @return the number of rows deleted
     */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    public int prune() {
        return jdbc.prepareStatement("DELETE FROM ticket_events WHERE created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return ps.executeUpdate();
        });
    }

    private static List<LiveEvent> read(PreparedStatement ps) throws SQLException {
        List<LiveEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(new LiveEvent(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("kind"),
                        rs.getLong("requester_id"), rs.getBoolean("internal")));
            }
        }
        return events;
    }
}
