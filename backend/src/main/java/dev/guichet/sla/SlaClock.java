package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the SLA columns of a ticket current (docs/architecture.md, "SLA"): the one place that
 * computes due times, called by the ticket service whenever a ticket is created or changes
 * (priority, category, status, first response) and by the escalation sweep.
 *
 * <p>Rules:
 * <ul>
 *   <li>the policy is the most specific one for the ticket's priority and category
 *       ({@link SlaPolicies#applying}); none: every SLA column is NULL;</li>
 *   <li>both targets count business time ({@link BusinessCalendar}) from the ticket's creation;</li>
 *   <li>the resolution clock runs while the ticket is NEW or IN_PROGRESS only: WAITING (on the
 *       requester) and RESOLVED pause it, and each finished pause's business time shifts the
 *       resolution due time; the first-response clock never pauses (the requester is owed a first
 *       answer whatever the status: putting a ticket on WAITING without replying answers no one);</li>
 *   <li>at risk once 80 % of the target's business time has elapsed.</li>
 * </ul>
 */
@Singleton
public class SlaClock {

    /** Share of a target's business time after which it is at risk (docs/architecture.md, "Due times on the ticket"). */
    public static final double AT_RISK_SHARE = 0.8;

    private static final Set<TicketStatus> RUNNING = EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS);
    private static final Set<TicketStatus> OPEN = EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING);

    private final JdbcOperations jdbc;
    private final SlaPolicies policies;
    private final BusinessCalendars calendars;

    SlaClock(JdbcOperations jdbc, SlaPolicies policies, BusinessCalendars calendars) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * What a ticket's SLA columns are computed from, as read from its row ({@link #inputColumns}) in
     * the transaction that changes it.
     *
     * @param sent the escalations already sent, as {@code TARGET/LEVEL}
     * @param now  the transaction's time ({@code now()})
     */
    public record Inputs(Instant createdAt, @Nullable Instant firstResponseAt, @Nullable Instant pausedSince,
                         long pausedSeconds, Set<String> sent, Instant now) {

        /** @return the inputs of a ticket filed now: no response, no pause, no escalation */
        public static Inputs newTicket(Instant now) {
            return new Inputs(now, null, null, 0, Set.of(), now);
        }

        /** @return these inputs with the first response given now, unless one was given before */
        public Inputs withFirstResponse() {
            return firstResponseAt != null ? this : new Inputs(createdAt, now, pausedSince, pausedSeconds, sent, now);
        }

        /** @return the inputs read by {@link #inputColumns} from the current row */
        public static Inputs read(ResultSet rs) throws SQLException {
            Set<String> sent = new HashSet<>();
            java.sql.Array array = rs.getArray("sla_sent");
            if (array != null) {
                sent.addAll(Arrays.asList((String[]) array.getArray()));
            }
            return new Inputs(instant(rs, "created_at"), instant(rs, "first_response_at"),
                    instant(rs, "sla_paused_since"), rs.getLong("sla_paused_seconds"), Set.copyOf(sent),
                    instant(rs, "sla_now"));
        }
    }

    /**
     * The select-list that {@link Inputs#read} reads, for a query on {@code tickets} under the alias
     * {@code alias}.
     */
    public static String inputColumns(String alias) {
        return alias + ".created_at, " + alias + ".first_response_at, " + alias + ".sla_paused_since, "
                + alias + ".sla_paused_seconds, now() AS sla_now, ARRAY(SELECT e.target || '/' || e.level"
                + " FROM sla_escalations e WHERE e.ticket_id = " + alias + ".id) AS sla_sent";
    }

    /**
     * The SLA columns of a ticket, as {@link #compute} derives them; bound into the caller's own
     * INSERT or UPDATE of the ticket so that a change writes the row once.
     */
    public record Columns(@Nullable Instant pausedSince, long pausedSeconds, @Nullable Instant firstResponseDue,
                          @Nullable Instant firstResponseRisk, @Nullable Instant resolutionDue,
                          @Nullable Instant resolutionRisk, @Nullable Instant nextDue, @Nullable Instant nextRisk,
                          @Nullable Instant nextEscalation) {

        /** The column names, in {@link #bind}'s order (for an INSERT). */
        public static final String NAMES = "sla_paused_since, sla_paused_seconds, first_response_due_at, "
                + "first_response_risk_at, resolution_due_at, resolution_risk_at, sla_next_due_at, sla_next_risk_at, "
                + "sla_next_escalation_at";
        /** As many placeholders as {@link #NAMES}. */
        public static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?";
        /** The assignments, in {@link #bind}'s order (for an UPDATE). */
        public static final String ASSIGNMENTS = "sla_paused_since = ?, sla_paused_seconds = ?, first_response_due_at = ?, "
                + "first_response_risk_at = ?, resolution_due_at = ?, resolution_risk_at = ?, sla_next_due_at = ?, "
                + "sla_next_risk_at = ?, sla_next_escalation_at = ?";

        /**
         * Binds the nine values from parameter {@code from} on.
         *
         * @return the index of the next parameter
         */
        public int bind(PreparedStatement ps, int from) throws SQLException {
            int i = from;
            ps.setObject(i++, offset(pausedSince));
            ps.setLong(i++, pausedSeconds);
            for (Instant at : Arrays.asList(firstResponseDue, firstResponseRisk, resolutionDue, resolutionRisk, nextDue,
                    nextRisk, nextEscalation)) {
                ps.setObject(i++, offset(at));
            }
            return i;
        }
    }

    /**
     * Recomputes and stores the ticket's SLA columns from its current row and the policy and
     * calendar in force, for callers that did not change the row themselves (the escalation sweep,
     * the backfill of tickets without due times). Runs in the caller's transaction; does not change
     * the ticket's version or {@code updated_at}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(long ticketId) {
        jdbc.prepareStatement("SELECT status, priority, category_id, " + inputColumns("t")
                + " FROM tickets t WHERE t.id = ?", ps -> {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Columns columns = compute(Inputs.read(rs), TicketStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")), rs.getObject("category_id", Long.class));
                write(ticketId, columns);
                return null;
            }
        });
    }

    /**
     * Computes a ticket's SLA columns for the state it is about to have: due times, at-risk times,
     * pause and next escalation, from the policy and calendar in force. No I/O but the policy cache.
     *
     * @param inputs     what the row holds (with the first response the change gives, if any)
     * @param status     the ticket's status after the change
     * @param priority   its priority after the change
     * @param categoryId its category after the change, or null
     */
    public Columns compute(Inputs inputs, TicketStatus status, Priority priority, @Nullable Long categoryId) {
        BusinessCalendar calendar = calendars.current();
        Instant pausedSince = inputs.pausedSince();
        long pausedSeconds = inputs.pausedSeconds();
        boolean running = RUNNING.contains(status);
        if (!running && pausedSince == null) {
            pausedSince = inputs.now();
        } else if (running && pausedSince != null) {
            pausedSeconds += calendar.between(pausedSince, inputs.now()).toSeconds();
            pausedSince = null;
        }
        Optional<SlaPolicy> policy = policies.applying(priority, categoryId);
        if (policy.isEmpty()) {
            return new Columns(pausedSince, pausedSeconds, null, null, null, null, null, null, null);
        }
        Duration firstResponse = Duration.ofMinutes(policy.get().firstResponseMinutes());
        Duration resolution = Duration.ofMinutes(policy.get().resolutionMinutes());
        Duration paused = Duration.ofSeconds(pausedSeconds);
        Instant frDue = calendar.add(inputs.createdAt(), firstResponse);
        Instant frRisk = calendar.add(inputs.createdAt(), atRisk(firstResponse));
        Instant resDue = calendar.add(inputs.createdAt(), resolution.plus(paused));
        Instant resRisk = calendar.add(inputs.createdAt(), atRisk(resolution).plus(paused));
        Instant nextDue = null, nextRisk = null, nextEscalation = null;
        if (inputs.firstResponseAt() == null && OPEN.contains(status)) {
            nextDue = frDue;
            nextRisk = frRisk;
            nextEscalation = nextEscalation(SlaTarget.FIRST_RESPONSE, frRisk, frDue, inputs.sent());
        }
        if (running) {
            nextDue = earliest(nextDue, resDue);
            nextRisk = earliest(nextRisk, resRisk);
            nextEscalation = earliest(nextEscalation, nextEscalation(SlaTarget.RESOLUTION, resRisk, resDue, inputs.sent()));
        }
        return new Columns(pausedSince, pausedSeconds, frDue, frRisk, resDue, resRisk, nextDue, nextRisk, nextEscalation);
    }

    /** The targets whose escalations the sweep sends. */
    public enum SlaTarget { FIRST_RESPONSE, RESOLUTION }

    /** The escalation levels. */
    public enum Level { AT_RISK, BREACHED }

    /** @return 80 % of a target, to the second */
    static Duration atRisk(Duration target) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * AT_RISK_SHARE));
    }

    private static @Nullable Instant nextEscalation(SlaTarget target, Instant risk, Instant due, Set<String> sent) {
        if (!sent.contains(target + "/" + Level.AT_RISK)) {
            return risk;
        }
        return sent.contains(target + "/" + Level.BREACHED) ? null : due;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private void write(long id, Columns columns) {
        jdbc.prepareStatement("UPDATE tickets SET " + Columns.ASSIGNMENTS + " WHERE id = ?", ps -> {
            ps.setLong(columns.bind(ps, 1), id);
            return ps.executeUpdate();
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
