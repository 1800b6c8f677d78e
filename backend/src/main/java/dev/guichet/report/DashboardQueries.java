package dev.guichet.report;

import dev.guichet.ticket.TicketFilter;
import dev.guichet.ticket.TicketQueries;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the dashboard from the tickets table, one bounded query per figure, designed for a
 * million tickets (docs/architecture.md, "Reports, export and survey"):
 * <ul>
 *   <li>created / resolved per day: range scans of the {@code created_at} and {@code resolved_at}
 *       indexes over the period only;</li>
 *   <li>backlog by status: the counts ledger ({@link TicketQueries#countByStatus}), exact and cheap;
 *       by age: the open tickets only (partial indexes on the open statuses, ~0.5 % of the table);</li>
 *   <li>median and p90 times ({@code percentile_cont}) per category and per assignee in one scan of
 *       the tickets resolved in the period ({@code GROUPING SETS});</li>
 *   <li>SLA compliance over the tickets created in the period; satisfaction over the answers given in
 *       the period (index on {@code answered_at}).</li>
 * </ul>
 * Every figure reads the live tables, so today is exact. The cost grows with the tickets of the
 * period, not with the table: the period is capped at {@value #MAX_DAYS} days.
 */
@Singleton
@Connectable
public class DashboardQueries {

    /** Longest period the dashboard answers for (a year, leap day included). */
    public static final int MAX_DAYS = 366;
    private static final List<TicketStatus> OPEN = List.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING);

    private final JdbcOperations jdbc;
    private final TicketQueries tickets;
    private final ZoneId zone;

    DashboardQueries(JdbcOperations jdbc, TicketQueries tickets, ReportSettings settings) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.zone = settings.timeZone();
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
     */
    public Dashboard dashboard(LocalDate from, LocalDate to, boolean weekly, @Nullable Long categoryId) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Period period = new Period(start, end, categoryId);
        List<List<Dashboard.Times>> times = times(period);
        return new Dashboard(from, to, weekly ? "week" : "day", zone.getId(), volume(period, from, to, weekly),
                backlog(categoryId), backlogAge(categoryId), times.get(0), times.get(1), sla(period),
                satisfaction(period));
    }

    /** The bounds of the period as instants, and the category filter. */
    private record Period(Timestamp start, Timestamp end, @Nullable Long categoryId) {
        String category(String alias) {
            return categoryId == null ? "" : " AND " + alias + ".category_id = ?";
        }

        int bind(PreparedStatement ps, int first) throws SQLException {
            ps.setTimestamp(first, start);
            ps.setTimestamp(first + 1, end);
            if (categoryId != null) {
                ps.setLong(first + 2, categoryId);
                return first + 3;
            }
            return first + 2;
        }
    }

    private List<Dashboard.VolumePoint> volume(Period period, LocalDate from, LocalDate to, boolean weekly) {
        Map<LocalDate, long[]> points = new LinkedHashMap<>();
        LocalDate first = weekly ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(weekly ? 7 : 1)) {
            points.put(d, new long[2]);
        }
        count(period, "created_at", weekly, points, 0);
        count(period, "resolved_at", weekly, points, 1);
        return points.entrySet().stream().map(e -> new Dashboard.VolumePoint(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private void count(Period period, String column, boolean weekly, Map<LocalDate, long[]> points, int slot) {
        String sql = "SELECT date_trunc('" + (weekly ? "week" : "day") + "', t." + column + " AT TIME ZONE ?)::date, count(*)"
                + " FROM tickets t WHERE t." + column + " >= ? AND t." + column + " < ?" + period.category("t") + " GROUP BY 1";
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, zone.getId());
            period.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] point = points.get(rs.getObject(1, LocalDate.class));
                    if (point != null) {
                        point[slot] = rs.getLong(2);
                    }
                }
            }
            return null;
        });
    }

    private List<Dashboard.StatusCount> backlog(@Nullable Long categoryId) {
        Map<TicketStatus, Long> counts = tickets.countByStatus(
                new TicketFilter(OPEN, List.of(), categoryId, null, false, null, null, null, null));
        return OPEN.stream().map(s -> new Dashboard.StatusCount(s, counts.getOrDefault(s, 0L))).toList();
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

    /**
     * Median and p90 per category and per assignee, over the tickets resolved in the period, in one
     * scan ({@code GROUPING SETS}: at 1M tickets and a year, one scan instead of two saves ~150 ms).
     *
     * @return the rows per category, then the rows per assignee
     */
    private List<List<Dashboard.Times>> times(Period period) {
        String sql = "SELECT g.by_assignee, coalesce(g.category_id, g.assignee_id), coalesce(c.name, u.full_name),"
                + " g.resolved, g.responded, g.fr50, g.fr90, g.res50, g.res90 FROM ("
                + "SELECT GROUPING(t.category_id) AS by_assignee, t.category_id, t.assignee_id, count(*) AS resolved,"
                + " count(t.first_response_at) AS responded,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)) / 3600 AS fr50,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)) / 3600 AS fr90,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at)) / 3600 AS res50,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at)) / 3600 AS res90"
                + " FROM tickets t WHERE t.resolved_at >= ? AND t.resolved_at < ?" + period.category("t")
                + " GROUP BY GROUPING SETS ((t.category_id), (t.assignee_id))) g"
                + " LEFT JOIN categories c ON g.by_assignee = 0 AND c.id = g.category_id"
                + " LEFT JOIN users u ON g.by_assignee = 1 AND u.id = g.assignee_id"
                + " ORDER BY g.by_assignee, g.resolved DESC, 3 NULLS LAST";
        return jdbc.prepareStatement(sql, ps -> {
            period.bind(ps, 1);
            List<Dashboard.Times> byCategory = new ArrayList<>();
            List<Dashboard.Times> byAssignee = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean assignee = rs.getInt(1) == 1;
                    long id = rs.getLong(2);
                    Long key = rs.wasNull() ? null : id;
                    (assignee ? byAssignee : byCategory).add(new Dashboard.Times(key, rs.getString(3), rs.getLong(4),
                            rs.getLong(5), hours(rs, 6), hours(rs, 7), hours(rs, 8), hours(rs, 9)));
                }
            }
            return List.of(byCategory, byAssignee);
        });
    }

    private Dashboard.Sla sla(Period period) {
        String sql = """
                SELECT count(*) FILTER (WHERE t.first_response_at <= t.first_response_due_at),
                       count(*) FILTER (WHERE t.first_response_at > t.first_response_due_at
                                           OR (t.first_response_at IS NULL AND t.first_response_due_at < now())),
                       count(*) FILTER (WHERE t.first_response_at IS NULL AND t.first_response_due_at >= now()),
                       count(*) FILTER (WHERE t.resolved_at <= t.resolution_due_at),
                       count(*) FILTER (WHERE t.resolved_at > t.resolution_due_at
                                           OR (t.resolved_at IS NULL AND t.resolution_due_at < now())),
                       count(*) FILTER (WHERE t.resolved_at IS NULL AND t.resolution_due_at >= now())
                  FROM tickets t WHERE t.created_at >= ? AND t.created_at < ?""" + period.category("t");
        return jdbc.prepareStatement(sql, ps -> {
            period.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Dashboard.Sla(target(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                        target(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        });
    }

    private static Dashboard.Target target(long met, long breached, long pending) {
        return new Dashboard.Target(met, breached, pending, met + breached == 0 ? null : round(100.0 * met / (met + breached)));
    }

    private Dashboard.Satisfaction satisfaction(Period period) {
        String sql = "SELECT s.score, count(*) FROM satisfaction_surveys s"
                + (period.categoryId() == null ? "" : " JOIN tickets t ON t.id = s.ticket_id")
                + " WHERE s.answered_at >= ? AND s.answered_at < ?" + period.category("t") + " GROUP BY s.score";
        return jdbc.prepareStatement(sql, ps -> {
            period.bind(ps, 1);
            long[] perScore = new long[6];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perScore[rs.getInt(1)] = rs.getLong(2);
                }
            }
            long answers = 0;
            long sum = 0;
            List<Dashboard.ScoreCount> distribution = new ArrayList<>();
            for (int score = 1; score <= 5; score++) {
                answers += perScore[score];
                sum += score * perScore[score];
                distribution.add(new Dashboard.ScoreCount(score, perScore[score]));
            }
            return new Dashboard.Satisfaction(answers, answers == 0 ? null : round((double) sum / answers), distribution);
        });
    }

    private static Double hours(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : round(value);
    }

    /** Two decimals: enough for hours and percentages, and stable in JSON. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
