package dev.guichet.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Median and p90 first-response and resolution times per category and per assignee over the
 * tickets resolved in a period (docs/architecture.md, "Reports, export and survey"): exact
 * ({@code percentile_cont} over the tickets) when the period has at most {@value #EXACT_LIMIT}
 * resolved tickets, else from the duration histograms of V23 ({@link DurationHistogram}): whole
 * years and months of the period read from {@code report_times}, the days left over at each end
 * bucketed from the tickets. Counts (resolved, responded) are exact either way.
 */
@Singleton
class TimesQueries {

    /** Resolved tickets up to which the percentiles are computed exactly (~30 ms at 1M tickets). */
    static final long EXACT_LIMIT = 20_000;

    private final JdbcOperations jdbc;

    TimesQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows per category, then the rows per assignee. */
    record Tables(List<Dashboard.Times> byCategory, List<Dashboard.Times> byAssignee) {}

    /**
     * @param resolved   tickets resolved in the period (from the daily summary), to choose the method
     * @param categoryId only this category, or null for all
     */
    Tables times(LocalDate from, LocalDate to, ZoneId zone, long resolved, @Nullable Long categoryId) {
        return resolved <= EXACT_LIMIT
                ? exact(start(from, zone), start(to.plusDays(1), zone), categoryId)
                : bucketed(PeriodSplit.of(from, to), zone, categoryId);
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** {@code percentile_cont} per category and per assignee in one scan ({@code GROUPING SETS}). */
    private Tables exact(Timestamp start, Timestamp end, @Nullable Long categoryId) {
        String sql =
                "SELECT GROUPING(t.category_id), coalesce(t.category_id, t.assignee_id), count(*), count(t.first_response_at),"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)),"
                        + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)),"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at)),"
                        + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at))"
                        + " FROM tickets t WHERE t.resolved_at >= ? AND t.resolved_at < ?"
                        + (categoryId == null ? "" : " AND t.category_id = ?")
                        + " GROUP BY GROUPING SETS ((t.category_id), (t.assignee_id))";
        List<Row> categories = new ArrayList<>();
        List<Row> assignees = new ArrayList<>();
        jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, start);
            ps.setTimestamp(2, end);
            if (categoryId != null) {
                ps.setLong(3, categoryId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    Row row = new Row(
                            rs.wasNull() ? null : id,
                            rs.getLong(3),
                            rs.getLong(4),
                            seconds(rs, 5),
                            seconds(rs, 6),
                            seconds(rs, 7),
                            seconds(rs, 8));
                    (rs.getInt(1) == 1 ? assignees : categories).add(row);
                }
            }
            return null;
        });
        return named(categories, assignees);
    }

    /**
     * Percentiles from the histograms of whole years and months plus the tickets of the days left
     * over. A run of days inside one month that covers most of it is read as the month's histogram
     * minus the tickets of the month's other days (fewer tickets to read: five years from the 4th of a
     * month read 3 days of tickets, not 28). Days after today hold no resolved tickets: free to take out.
     */
    private Tables bucketed(PeriodSplit period, ZoneId zone, @Nullable Long categoryId) {
        LocalDate today = LocalDate.now(zone);
        Map<Long, DurationHistogram[]> categories = new HashMap<>();
        Map<Long, DurationHistogram[]> assignees = new HashMap<>();
        List<LocalDate> months = new ArrayList<>(period.months());
        List<LocalDate[]> added = new ArrayList<>();
        List<LocalDate[]> removed = new ArrayList<>();
        for (LocalDate[] run : period.days()) {
            LocalDate first = run[0].withDayOfMonth(1);
            LocalDate last = run[0].withDayOfMonth(run[0].lengthOfMonth());
            long inside = run[1].toEpochDay() - run[0].toEpochDay() + 1;
            LocalDate lastPast = today.isBefore(last) ? today : last;
            long outside = Math.max(0, lastPast.toEpochDay() - first.toEpochDay() + 1)
                    - (lastPast.isBefore(run[0])
                            ? 0
                            : Math.min(lastPast.toEpochDay(), run[1].toEpochDay()) - run[0].toEpochDay() + 1);
            if (!run[1].isAfter(last) && outside < inside) {
                months.add(first);
                if (run[0].isAfter(first)) {
                    removed.add(new LocalDate[] {first, run[0].minusDays(1)});
                }
                if (run[1].isBefore(last)) {
                    removed.add(new LocalDate[] {run[1].plusDays(1), last});
                }
            } else {
                added.add(run);
            }
        }
        PeriodSplit split = new PeriodSplit(period.years(), months, added);
        if (!split.years().isEmpty() || !split.months().isEmpty()) {
            String where = " WHERE ((months = 12 AND start = ANY(?)) OR (months = 1 AND start = ANY(?)))"
                    + (categoryId == null ? " AND dim IN ('C', 'A')" : " AND dim IN ('C', 'B') AND category_id = ?");
            String columns = "SELECT dim, category_id, assignee_id, kind, bucket, n FROM ";
            String sql = "SELECT dim, category_id, assignee_id, kind, bucket, sum(n) FROM (" + columns + "report_times"
                    + where + " UNION ALL " + columns + "report_times_delta" + where + ") x GROUP BY 1, 2, 3, 4, 5";
            jdbc.prepareStatement(sql, ps -> {
                Array yearStarts = ps.getConnection()
                        .createArrayOf(
                                "date",
                                split.years().stream()
                                        .map(java.sql.Date::valueOf)
                                        .toArray());
                Array monthStarts = ps.getConnection()
                        .createArrayOf(
                                "date",
                                split.months().stream()
                                        .map(java.sql.Date::valueOf)
                                        .toArray());
                int i = 1;
                for (int copy = 0; copy < 2; copy++) {
                    ps.setArray(i++, yearStarts);
                    ps.setArray(i++, monthStarts);
                    if (categoryId != null) {
                        ps.setLong(i++, categoryId);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean byCategory = rs.getString(1).equals("C");
                        long id = rs.getLong(byCategory ? 2 : 3);
                        histogram(byCategory ? categories : assignees, rs.wasNull() ? null : id, rs.getInt(4))
                                .add(rs.getInt(5), rs.getLong(6));
                    }
                }
                return null;
            });
        }
        for (LocalDate[] days : split.days()) {
            addTickets(start(days[0], zone), start(days[1].plusDays(1), zone), categoryId, categories, assignees, 1);
        }
        for (LocalDate[] days : removed) {
            addTickets(start(days[0], zone), start(days[1].plusDays(1), zone), categoryId, categories, assignees, -1);
        }
        return named(rows(categories), rows(assignees));
    }

    /**
     * Buckets the durations of the tickets resolved in [start, end) into both tables' histograms.
     *
     * @param sign 1 to add them, -1 to take them out
     */
    private void addTickets(
            Timestamp start,
            Timestamp end,
            @Nullable Long categoryId,
            Map<Long, DurationHistogram[]> categories,
            Map<Long, DurationHistogram[]> assignees,
            int sign) {
        String sql = "SELECT t.category_id, t.assignee_id,"
                + " report_bucket(extract(epoch FROM t.first_response_at - t.created_at)::float8),"
                + " report_bucket(extract(epoch FROM t.resolved_at - t.created_at)::float8), count(*)"
                + " FROM tickets t WHERE t.resolved_at >= ? AND t.resolved_at < ?"
                + (categoryId == null ? "" : " AND t.category_id = ?")
                + " GROUP BY 1, 2, 3, 4";
        jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, start);
            ps.setTimestamp(2, end);
            if (categoryId != null) {
                ps.setLong(3, categoryId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long category = rs.getLong(1);
                    Long categoryKey = rs.wasNull() ? null : category;
                    long assignee = rs.getLong(2);
                    Long assigneeKey = rs.wasNull() ? null : assignee;
                    long n = sign * rs.getLong(5);
                    int resolution = rs.getInt(4);
                    histogram(categories, categoryKey, 1).add(resolution, n);
                    histogram(assignees, assigneeKey, 1).add(resolution, n);
                    int response = rs.getInt(3);
                    if (!rs.wasNull()) {
                        histogram(categories, categoryKey, 0).add(response, n);
                        histogram(assignees, assigneeKey, 0).add(response, n);
                    }
                }
            }
            return null;
        });
    }

    private static DurationHistogram histogram(Map<Long, DurationHistogram[]> groups, @Nullable Long id, int kind) {
        return groups.computeIfAbsent(
                        id, k -> new DurationHistogram[] {new DurationHistogram(), new DurationHistogram()})[kind];
    }

    private static List<Row> rows(Map<Long, DurationHistogram[]> groups) {
        List<Row> rows = new ArrayList<>();
        groups.forEach((id, h) -> {
            if (h[1].total() > 0) {
                rows.add(new Row(
                        id,
                        h[1].total(),
                        h[0].total(),
                        h[0].percentile(0.5),
                        h[0].percentile(0.9),
                        h[1].percentile(0.5),
                        h[1].percentile(0.9)));
            }
        });
        return rows;
    }

    /** One category or assignee: counts and percentiles in seconds. */
    private record Row(
            @Nullable Long id,
            long resolved,
            long responded,
            @Nullable Double fr50,
            @Nullable Double fr90,
            @Nullable Double res50,
            @Nullable Double res90) {}

    /** Names the rows and orders them by tickets resolved, then name ("none" last). */
    private Tables named(List<Row> categories, List<Row> assignees) {
        Map<Long, String> categoryNames = names("SELECT id, name FROM categories WHERE id = ANY(?)", categories);
        Map<Long, String> personNames = names("SELECT id, full_name FROM users WHERE id = ANY(?)", assignees);
        return new Tables(times(categories, categoryNames), times(assignees, personNames));
    }

    private Map<Long, String> names(String sql, List<Row> rows) {
        Long[] ids = rows.stream().map(Row::id).filter(id -> id != null).toArray(Long[]::new);
        Map<Long, String> names = new HashMap<>();
        if (ids.length == 0) {
            return names;
        }
        jdbc.prepareStatement(sql, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return names;
    }

    private static List<Dashboard.Times> times(List<Row> rows, Map<Long, String> names) {
        return rows.stream()
                .map(r -> new Dashboard.Times(
                        r.id(),
                        r.id() == null ? null : names.get(r.id()),
                        r.resolved(),
                        r.responded(),
                        hours(r.fr50()),
                        hours(r.fr90()),
                        hours(r.res50()),
                        hours(r.res90())))
                .sorted(Comparator.comparingLong(Dashboard.Times::resolved)
                        .reversed()
                        .thenComparing(Dashboard.Times::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static Double seconds(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double hours(@Nullable Double seconds) {
        return seconds == null ? null : Math.round(seconds / 3600 * 100) / 100.0;
    }
}
