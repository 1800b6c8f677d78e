package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
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

    /** Share of a target's business time after which it is at risk (issue 13: 80 %). */
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

    /** The SLA columns of a ticket and what they are computed from, as read from its row. */
    record Row(long id, TicketStatus status, Priority priority, @Nullable Long categoryId, Instant createdAt,
               @Nullable Instant firstResponseAt, @Nullable Instant pausedSince, long pausedSeconds, Instant now) {
    }

    /**
     * Recomputes and stores the ticket's due times, at-risk times, pause and next escalation from
     * its current row and the policy and calendar in force. Runs in the caller's transaction,
     * after the caller's change; does not change the ticket's version or {@code updated_at}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(long ticketId) {
        Optional<Row> found = read(ticketId);
        if (found.isEmpty()) {
            return;
        }
        Row row = found.get();
        BusinessCalendar calendar = calendars.current();
        Instant pausedSince = row.pausedSince();
        long pausedSeconds = row.pausedSeconds();
        boolean running = RUNNING.contains(row.status());
        if (!running && pausedSince == null) {
            pausedSince = row.now();
        } else if (running && pausedSince != null) {
            pausedSeconds += calendar.between(pausedSince, row.now()).toSeconds();
            pausedSince = null;
        }
        Optional<SlaPolicy> policy = policies.applying(row.priority(), row.categoryId());
        Instant frDue = null, frRisk = null, resDue = null, resRisk = null, nextDue = null, nextRisk = null, nextEscalation = null;
        if (policy.isPresent()) {
            Duration firstResponse = Duration.ofMinutes(policy.get().firstResponseMinutes());
            Duration resolution = Duration.ofMinutes(policy.get().resolutionMinutes());
            Duration paused = Duration.ofSeconds(pausedSeconds);
            frDue = calendar.add(row.createdAt(), firstResponse);
            frRisk = calendar.add(row.createdAt(), atRisk(firstResponse));
            resDue = calendar.add(row.createdAt(), resolution.plus(paused));
            resRisk = calendar.add(row.createdAt(), atRisk(resolution).plus(paused));
            boolean frCounting = row.firstResponseAt() == null && OPEN.contains(row.status());
            Set<String> sent = sentEscalations(ticketId);
            if (frCounting) {
                nextDue = frDue;
                nextRisk = frRisk;
                nextEscalation = nextEscalation(SlaTarget.FIRST_RESPONSE, frRisk, frDue, sent);
            }
            if (running) {
                nextDue = earliest(nextDue, resDue);
                nextRisk = earliest(nextRisk, resRisk);
                nextEscalation = earliest(nextEscalation, nextEscalation(SlaTarget.RESOLUTION, resRisk, resDue, sent));
            }
        }
        write(ticketId, pausedSince, pausedSeconds, frDue, frRisk, resDue, resRisk, nextDue, nextRisk, nextEscalation);
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

    private Set<String> sentEscalations(long ticketId) {
        return jdbc.prepareStatement("SELECT target, level FROM sla_escalations WHERE ticket_id = ?", ps -> {
            ps.setLong(1, ticketId);
            Set<String> sent = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sent.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
            return sent;
        });
    }

    Optional<Row> read(long ticketId) {
        return jdbc.prepareStatement("""
                SELECT id, status, priority, category_id, created_at, first_response_at, sla_paused_since,
                       sla_paused_seconds, now() AS now
                  FROM tickets WHERE id = ?""", ps -> {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getLong("id"), TicketStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")), rs.getObject("category_id", Long.class),
                        instant(rs, "created_at"), instant(rs, "first_response_at"), instant(rs, "sla_paused_since"),
                        rs.getLong("sla_paused_seconds"), instant(rs, "now")));
            }
        });
    }

    private void write(long id, Instant pausedSince, long pausedSeconds, Instant frDue, Instant frRisk, Instant resDue,
                       Instant resRisk, Instant nextDue, Instant nextRisk, Instant nextEscalation) {
        jdbc.prepareStatement("""
                UPDATE tickets SET sla_paused_since = ?, sla_paused_seconds = ?, first_response_due_at = ?,
                       first_response_risk_at = ?, resolution_due_at = ?, resolution_risk_at = ?,
                       sla_next_due_at = ?, sla_next_risk_at = ?, sla_next_escalation_at = ?
                 WHERE id = ?""", ps -> {
            int i = 1;
            ps.setObject(i++, offset(pausedSince));
            ps.setLong(i++, pausedSeconds);
            for (Instant at : Arrays.asList(frDue, frRisk, resDue, resRisk, nextDue, nextRisk, nextEscalation)) {
                ps.setObject(i++, offset(at));
            }
            ps.setLong(i, id);
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
