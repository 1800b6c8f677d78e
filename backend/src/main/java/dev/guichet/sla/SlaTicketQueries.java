package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the SLA columns of tickets (docs/architecture.md, "SLA"): the fragments the ticket
 * statements embed to read a ticket's SLA inputs and write its SLA columns with the change itself,
 * the refresh of one ticket's columns, the escalation sweep's claims and records, and the gauges'
 * counts. Policies and closed days are in {@link SlaQueries}.
 */
@Singleton
@Connectable
public class SlaTicketQueries {

    /** The SLA column names, in {@link #bind}'s order (for an INSERT). */
    public static final String COLUMN_NAMES = "sla_paused_since, sla_paused_seconds, first_response_due_at, "
            + "first_response_risk_at, resolution_due_at, resolution_risk_at, sla_next_due_at, sla_next_risk_at, "
            + "sla_next_escalation_at";
    /** As many placeholders as {@link #COLUMN_NAMES}. */
    public static final String COLUMN_PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?";
    /** The assignments, in {@link #bind}'s order (for an UPDATE). */
    public static final String COLUMN_ASSIGNMENTS =
            "sla_paused_since = ?, sla_paused_seconds = ?, first_response_due_at = ?, "
                    + "first_response_risk_at = ?, resolution_due_at = ?, resolution_risk_at = ?, sla_next_due_at = ?, "
                    + "sla_next_risk_at = ?, sla_next_escalation_at = ?";

    private final JdbcOperations jdbc;

    SlaTicketQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The select-list that {@link #inputs} reads, for a query on {@code tickets} under the alias
     * {@code alias}.
     */
    public static String inputColumns(String alias) {
        return alias + ".created_at, " + alias + ".first_response_at, " + alias + ".sla_paused_since, "
                + alias + ".sla_paused_seconds, now() AS sla_now, ARRAY(SELECT e.target || '/' || e.level"
                + " FROM sla_escalations e WHERE e.ticket_id = " + alias + ".id) AS sla_sent";
    }

    /** @return the inputs read by {@link #inputColumns} from the current row */
    public static SlaClock.Inputs inputs(ResultSet rs) throws SQLException {
        Set<String> sent = new HashSet<>();
        java.sql.Array array = rs.getArray("sla_sent");
        if (array != null) {
            sent.addAll(Arrays.asList((String[]) array.getArray()));
        }
        return new SlaClock.Inputs(
                instant(rs, "created_at"),
                instant(rs, "first_response_at"),
                instant(rs, "sla_paused_since"),
                rs.getLong("sla_paused_seconds"),
                Set.copyOf(sent),
                instant(rs, "sla_now"));
    }

    /**
     * Binds the nine values of {@code columns} from parameter {@code from} on, in the order of
     * {@link #COLUMN_NAMES} and {@link #COLUMN_ASSIGNMENTS}.
     *
     * @return the index of the next parameter
     */
    public static int bind(PreparedStatement ps, int from, SlaClock.Columns columns) throws SQLException {
        int i = from;
        ps.setObject(i++, offset(columns.pausedSince()));
        ps.setLong(i++, columns.pausedSeconds());
        for (Instant at : Arrays.asList(
                columns.firstResponseDue(),
                columns.firstResponseRisk(),
                columns.resolutionDue(),
                columns.resolutionRisk(),
                columns.nextDue(),
                columns.nextRisk(),
                columns.nextEscalation())) {
            ps.setObject(i++, offset(at));
        }
        return i;
    }

    /** What the SLA of one ticket is computed from, as its row holds it now. */
    record Current(
            TicketStatus status,
            Priority priority,
            @Nullable Long categoryId,
            SlaClock.Inputs inputs) {}

    /** @return the ticket's status, priority, category and SLA inputs; empty when there is no such ticket */
    Optional<Current> current(long ticketId) {
        return jdbc.prepareStatement(
                "SELECT status, priority, category_id, " + inputColumns("t") + " FROM tickets t WHERE t.id = ?", ps -> {
                    ps.setLong(1, ticketId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Current>empty();
                        }
                        return Optional.of(new Current(
                                TicketStatus.valueOf(rs.getString("status")),
                                Priority.valueOf(rs.getString("priority")),
                                rs.getObject("category_id", Long.class),
                                inputs(rs)));
                    }
                });
    }

    /** Stores a ticket's SLA columns (its version and {@code updated_at} are kept). */
    void write(long id, SlaClock.Columns columns) {
        jdbc.prepareStatement("UPDATE tickets SET " + COLUMN_ASSIGNMENTS + " WHERE id = ?", ps -> {
            ps.setLong(bind(ps, 1, columns), id);
            return ps.executeUpdate();
        });
    }

    /**
     * @return up to {@code limit} open tickets with an id above {@code after} that a policy covers
     *         but that have no due times, by id
     */
    List<Long> withoutDueTimes(long after, int limit) {
        return jdbc.prepareStatement("""
                SELECT t.id FROM tickets t WHERE t.status IN ('NEW', 'IN_PROGRESS', 'WAITING')
                   AND t.first_response_due_at IS NULL AND t.id > ?
                   AND EXISTS (SELECT 1 FROM sla_policies p WHERE p.priority = t.priority
                                  AND (p.category_id IS NULL OR p.category_id = t.category_id))
                 ORDER BY t.id LIMIT ?""", ps -> {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        });
    }

    /** Open tickets with a target past due and with one at risk (but not past due), now. */
    record Counts(long breached, long atRisk) {}

    /** @return how many tickets have a target breached or at risk now */
    Counts counts() {
        return jdbc.prepareStatement("""
                SELECT count(*) FILTER (WHERE sla_next_due_at <= now()),
                       count(*) FILTER (WHERE sla_next_risk_at <= now() AND sla_next_due_at > now())
                  FROM tickets WHERE sla_next_risk_at <= now()""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    /**
     * Claims, until the end of the transaction, up to {@code limit} tickets whose next escalation is
     * due; tickets another transaction holds are skipped, never waited for.
     *
     * @return their ids, earliest escalation first
     */
    List<Long> claimDueEscalations(int limit) {
        return jdbc.prepareStatement("""
                SELECT id FROM tickets WHERE sla_next_escalation_at <= now()
                 ORDER BY sla_next_escalation_at, id LIMIT ? FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setInt(1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** The stored SLA times of a ticket an escalation is decided from, and the transaction's time. */
    record EscalationTimes(
            TicketStatus status,
            @Nullable Instant firstResponseAt,
            @Nullable Instant frRisk,
            @Nullable Instant frDue,
            @Nullable Instant resRisk,
            @Nullable Instant resDue,
            Instant now) {}

    /** @return the stored SLA times of a ticket that exists */
    EscalationTimes escalationTimes(long id) {
        return jdbc.prepareStatement("""
                SELECT status, first_response_at, first_response_risk_at, first_response_due_at,
                       resolution_risk_at, resolution_due_at, now() FROM tickets WHERE id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new EscalationTimes(
                        TicketStatus.valueOf(rs.getString(1)),
                        instant(rs, "first_response_at"),
                        instant(rs, "first_response_risk_at"),
                        instant(rs, "first_response_due_at"),
                        instant(rs, "resolution_risk_at"),
                        instant(rs, "resolution_due_at"),
                        rs.getTimestamp(7).toInstant());
            }
        });
    }

    /** @return whether this escalation was not recorded yet (and now is) */
    boolean recordEscalation(long id, SlaClock.SlaTarget target, SlaClock.Level level) {
        return jdbc.prepareStatement("""
                INSERT INTO sla_escalations (ticket_id, target, level) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setLong(1, id);
            ps.setString(2, target.name());
            ps.setString(3, level.name());
            return ps.executeUpdate() == 1;
        });
    }

    private static OffsetDateTime offset(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
