package dev.guichet.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * The SQL of the dashboard's summary tables' upkeep (migration V23; docs/architecture.md, "Reports,
 * export and survey"): the maintenance lock, the zone they were computed in, and the fold of the
 * rows the triggers append into the main tables. Every method runs in the caller's transaction.
 */
@Singleton
class ReportSummaryQueries {

    /** Advisory lock key of the summaries' maintenance ("report" in ASCII). */
    private static final long LOCK = 0x7265706f7274L;

    private final JdbcOperations jdbc;

    ReportSummaryQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the maintenance lock, held until the transaction ends. */
    void lock() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
            ps.setLong(1, LOCK);
            return ps.execute();
        });
    }

    /** @return whether the maintenance lock was free (then held until the transaction ends) */
    boolean tryLock() {
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(?)", ps -> {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** @return the IANA time zone the summaries are computed in */
    String timeZone() {
        return jdbc.prepareStatement("SELECT report_time_zone()", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** Rebuilds every summary in {@code zone} (an IANA name). */
    void rebuildIn(String zone) {
        jdbc.prepareStatement("SELECT report_set_time_zone(?)", ps -> {
            ps.setString(1, zone);
            return ps.execute();
        });
    }

    /** @return daily summary rows written by folding {@code report_daily_delta} into {@code report_daily} */
    int foldDaily() {
        return update("""
                    WITH moved AS (DELETE FROM report_daily_delta RETURNING *)
                    INSERT INTO report_daily AS r (day, category_id, created, resolved, first_response_met, first_response_late,
                                                   first_response_open, resolution_met, resolution_late, resolution_open,
                                                   score_1, score_2, score_3, score_4, score_5)
                    SELECT day, category_id, sum(created), sum(resolved), sum(first_response_met), sum(first_response_late),
                           sum(first_response_open), sum(resolution_met), sum(resolution_late), sum(resolution_open),
                           sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5)
                      FROM moved GROUP BY day, category_id
                    ON CONFLICT (day, category_id) DO UPDATE SET
                        created = r.created + excluded.created, resolved = r.resolved + excluded.resolved,
                        first_response_met = r.first_response_met + excluded.first_response_met,
                        first_response_late = r.first_response_late + excluded.first_response_late,
                        first_response_open = r.first_response_open + excluded.first_response_open,
                        resolution_met = r.resolution_met + excluded.resolution_met,
                        resolution_late = r.resolution_late + excluded.resolution_late,
                        resolution_open = r.resolution_open + excluded.resolution_open,
                        score_1 = r.score_1 + excluded.score_1, score_2 = r.score_2 + excluded.score_2,
                        score_3 = r.score_3 + excluded.score_3, score_4 = r.score_4 + excluded.score_4,
                        score_5 = r.score_5 + excluded.score_5""");
    }

    /** @return time histogram rows written by folding {@code report_times_delta} into {@code report_times} */
    int foldTimes() {
        return update("""
                    WITH moved AS (DELETE FROM report_times_delta RETURNING *)
                    INSERT INTO report_times AS r (months, start, dim, category_id, assignee_id, kind, bucket, n)
                    SELECT months, start, dim, category_id, assignee_id, kind, bucket, sum(n)
                      FROM moved GROUP BY months, start, dim, category_id, assignee_id, kind, bucket
                    ON CONFLICT (months, start, dim, category_id, assignee_id, kind, bucket) DO UPDATE SET n = r.n + excluded.n""");
    }

    private int update(String sql) {
        return jdbc.prepareStatement(sql, ps -> ps.executeUpdate());
    }
}
