package dev.guichet.report;

import dev.guichet.ticket.TicketFilter;
import dev.guichet.ticket.TicketQueries;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the dashboard, designed for a million tickets and periods of years (docs/architecture.md,
 * "Reports, export and survey"):
 * <ul>
 *   <li>created / resolved per day, SLA outcomes and survey answers: the daily summary of V23
 *       ({@code report_daily} plus its unfolded {@code report_daily_delta}), one row per day and
 *       category; the SLA's pending tickets (not done, not yet due) live from two small partial
 *       indexes;</li>
 *   <li>backlog by status: the counts ledger ({@link TicketQueries#countByStatus}), exact and cheap;
 *       by age: the open tickets only (partial indexes on the open statuses, ~0.5 % of the table);</li>
 *   <li>median and p90 times per category and per assignee: {@link TimesQueries}, exact for short
 *       periods, from duration histograms for long ones.</li>
 * </ul>
 * Every figure is exact as of the request, except long periods' percentiles (within a bucket,
 * 6.25 %). The statements run in one read-only transaction (one snapshot) with a statement timeout:
 * past it the request fails with {@link ReportBusyException} rather than holding a pooled connection.
 */
@Singleton
@Connectable
public class DashboardQueries {

    /** Longest period the dashboard answers for: ten years, leap days included. */
    public static final int MAX_DAYS = 3660;

    private static final List<TicketStatus> OPEN =
            List.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING);

    private final JdbcOperations jdbc;
    private final TicketQueries tickets;
    private final TimesQueries times;
    private final ZoneId zone;
    private final Duration statementTimeout;

    DashboardQueries(JdbcOperations jdbc, TicketQueries tickets, TimesQueries times, ReportSettings settings) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.times = times;
        this.zone = settings.timeZone();
        this.statementTimeout = settings.statementTimeout();
    }

    /** @return today in the reports' time zone */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /**
     * @param from       first day (inclusive), at most {@value #MAX_DAYS} days before {@code to}
     * @param to         last day (inclusive)
     * @param weekly     group the volume by ISO week instead of by day
     * @param categoryId only this category, or null for all
     * @throws ReportBusyException when a statement runs past the statement timeout
     */
    @Transactional
    public Dashboard dashboard(LocalDate from, LocalDate to, boolean weekly, @Nullable Long categoryId) {
        try {
            // One snapshot for every figure: a month's histogram and the tickets taken out of it agree.
            jdbc.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", ps -> ps.execute());
            jdbc.prepareStatement("SELECT set_config('statement_timeout', ?, true)", ps -> {
                ps.setString(1, statementTimeout.toMillis() + "ms");
                return ps.execute();
            });
            Daily daily = daily(from, to, weekly, categoryId);
            long[] pending = pending(from, to, categoryId);
            TimesQueries.Tables table = times.times(from, to, zone, daily.total[RESOLVED], categoryId);
            long[] sum = daily.total;
            Dashboard.Sla sla = new Dashboard.Sla(
                    target(sum[FR_MET], sum[FR_LATE] + sum[FR_OPEN] - pending[0], pending[0]),
                    target(sum[RES_MET], sum[RES_LATE] + sum[RES_OPEN] - pending[1], pending[1]));
            return new Dashboard(
                    from,
                    to,
                    weekly ? "week" : "day",
                    zone.getId(),
                    daily.volume(),
                    backlog(categoryId),
                    backlogAge(categoryId),
                    table.byCategory(),
                    table.byAssignee(),
                    sla,
                    satisfaction(sum));
        } catch (RuntimeException e) {
            if (ReportBusyException.isTimeout(e)) {
                throw new ReportBusyException();
            }
            throw e;
        }
    }

    private static final int RESOLVED = 1;
    private static final int FR_MET = 2;
    private static final int FR_LATE = 3;
    private static final int FR_OPEN = 4;
    private static final int RES_MET = 5;
    private static final int RES_LATE = 6;
    private static final int RES_OPEN = 7;
    private static final int SCORE_1 = 8;
    private static final String DAILY_COLUMNS = "day, created, resolved, first_response_met, first_response_late,"
            + " first_response_open, resolution_met, resolution_late, resolution_open, score_1, score_2, score_3, score_4, score_5";

    /** The daily summary of the period: volume points, and the sum of every column over the period. */
    private record Daily(Map<LocalDate, long[]> points, long[] total) {
        List<Dashboard.VolumePoint> volume() {
            return points.entrySet().stream()
                    .map(e -> new Dashboard.VolumePoint(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }
    }

    private Daily daily(LocalDate from, LocalDate to, boolean weekly, @Nullable Long categoryId) {
        Map<LocalDate, long[]> points = new LinkedHashMap<>();
        LocalDate first = weekly ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(weekly ? 7 : 1)) {
            points.put(d, new long[2]);
        }
        long[] total = new long[13];
        String where = " WHERE day >= ? AND day <= ?" + (categoryId == null ? "" : " AND category_id = ?");
        String sql = "SELECT day, sum(created), sum(resolved), sum(first_response_met), sum(first_response_late),"
                + " sum(first_response_open), sum(resolution_met), sum(resolution_late), sum(resolution_open),"
                + " sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5)"
                + " FROM (SELECT " + DAILY_COLUMNS + " FROM report_daily" + where
                + " UNION ALL SELECT " + DAILY_COLUMNS + " FROM report_daily_delta" + where + ") d GROUP BY day";
        jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (int copy = 0; copy < 2; copy++) {
                ps.setObject(i++, from);
                ps.setObject(i++, to);
                if (categoryId != null) {
                    ps.setLong(i++, categoryId);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    long[] point =
                            points.get(weekly ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day);
                    for (int c = 0; c < total.length; c++) {
                        total[c] += rs.getLong(c + 2);
                    }
                    point[0] += rs.getLong(2);
                    point[1] += rs.getLong(3);
                }
            }
            return null;
        });
        return new Daily(points, total);
    }

    /**
     * Tickets created in the period whose first response (resolution) is not done yet and not yet
     * due: few, read from the partial indexes {@code tickets_*_pending_idx} (V23).
     *
     * @return {first response, resolution}
     */
    private long[] pending(LocalDate from, LocalDate to, @Nullable Long categoryId) {
        String period =
                " AND t.created_at >= ? AND t.created_at < ?" + (categoryId == null ? "" : " AND t.category_id = ?");
        String sql =
                "SELECT (SELECT count(*) FROM tickets t WHERE t.first_response_at IS NULL AND t.first_response_due_at >= now()"
                        + period + "),"
                        + " (SELECT count(*) FROM tickets t WHERE t.resolved_at IS NULL AND t.resolution_due_at >= now()"
                        + period + ")";
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (int copy = 0; copy < 2; copy++) {
                ps.setTimestamp(i++, start);
                ps.setTimestamp(i++, end);
                if (categoryId != null) {
                    ps.setLong(i++, categoryId);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    private List<Dashboard.StatusCount> backlog(@Nullable Long categoryId) {
        Map<TicketStatus, Long> counts = tickets.countByStatus(
                new TicketFilter(OPEN, List.of(), categoryId, null, false, null, null, null, null));
        return OPEN.stream()
                .map(s -> new Dashboard.StatusCount(s, counts.getOrDefault(s, 0L)))
                .toList();
    }

    private List<Dashboard.AgeCount> backlogAge(@Nullable Long categoryId) {
        String sql = """
                SELECT count(*) FILTER (WHERE t.created_at > now() - interval '1 day'),
                       count(*) FILTER (WHERE t.created_at <= now() - interval '1 day' AND t.created_at > now() - interval '3 days'),
                       count(*) FILTER (WHERE t.created_at <= now() - interval '3 days' AND t.created_at > now() - interval '7 days'),
                       count(*) FILTER (WHERE t.created_at <= now() - interval '7 days' AND t.created_at > now() - interval '30 days'),
                       count(*) FILTER (WHERE t.created_at <= now() - interval '30 days')
                  FROM tickets t WHERE t.status IN ('NEW', 'IN_PROGRESS', 'WAITING')""" + (categoryId == null ? "" : " AND t.category_id = ?");
        return jdbc.prepareStatement(sql, ps -> {
            if (categoryId != null) {
                ps.setLong(1, categoryId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> buckets = List.of("lt_1d", "1d_3d", "3d_7d", "7d_30d", "gt_30d");
                List<Dashboard.AgeCount> result = new ArrayList<>();
                for (int i = 0; i < buckets.size(); i++) {
                    result.add(new Dashboard.AgeCount(buckets.get(i), rs.getLong(i + 1)));
                }
                return result;
            }
        });
    }

    private static Dashboard.Target target(long met, long breached, long pending) {
        return new Dashboard.Target(
                met, breached, pending, met + breached == 0 ? null : round(100.0 * met / (met + breached)));
    }

    private static Dashboard.Satisfaction satisfaction(long[] total) {
        long answers = 0;
        long sum = 0;
        List<Dashboard.ScoreCount> distribution = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            long count = total[SCORE_1 + score - 1];
            answers += count;
            sum += score * count;
            distribution.add(new Dashboard.ScoreCount(score, count));
        }
        return new Dashboard.Satisfaction(answers, answers == 0 ? null : round((double) sum / answers), distribution);
    }

    /** Two decimals: enough for hours and percentages, and stable in JSON. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
