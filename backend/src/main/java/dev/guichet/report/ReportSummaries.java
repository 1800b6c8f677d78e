package dev.guichet.report;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dashboard's summary tables (migration V23; docs/architecture.md, "Reports, export and
 * survey") in shape: folds the rows the triggers append to {@code report_daily_delta} and
 * {@code report_times_delta} into the main tables every 30 s, and at start-up rebuilds them when
 * {@code REPORTS_TIME_ZONE} is not the zone they were computed in. Both run on every replica at once
 * safely: each takes a transaction-scoped advisory lock, and a replica that cannot get it skips.
 */
@Singleton
public class ReportSummaries implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSummaries.class);
    /** Advisory lock key of the summaries' maintenance ("report" in ASCII). */
    private static final long LOCK = 0x7265706f7274L;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final String zone;

    ReportSummaries(JdbcOperations jdbc, TransactionOperations<Connection> transactions, ReportSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.zone = settings.timeZone().getId();
    }

    /** Rebuilds the summaries in the configured zone if they were computed in another one. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        transactions.executeWrite(status -> {
            jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", ps -> {
                ps.setLong(1, LOCK);
                return ps.execute();
            });
            String current = jdbc.prepareStatement("SELECT report_time_zone()", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            if (!current.equals(zone)) {
                LOG.info("Reports: rebuilding the summary tables in {} (they were in {})", zone, current);
                jdbc.prepareStatement("SELECT report_set_time_zone(?)", ps -> {
                    ps.setString(1, zone);
                    return ps.execute();
                });
            }
            return null;
        });
    }

    /**
     * Moves the appended rows into the main tables, summed per key, in one transaction: readers,
     * who add up both tables, see the same totals before and after.
     *
     * @return summary rows written, or -1 when another replica is folding
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "15s")
    public int fold() {
        return transactions.executeWrite(status -> {
            boolean mine = jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(?)", ps -> {
                ps.setLong(1, LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            });
            if (!mine) {
                return -1;
            }
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
                        score_5 = r.score_5 + excluded.score_5""")
                    + update("""
                    WITH moved AS (DELETE FROM report_times_delta RETURNING *)
                    INSERT INTO report_times AS r (months, start, dim, category_id, assignee_id, kind, bucket, n)
                    SELECT months, start, dim, category_id, assignee_id, kind, bucket, sum(n)
                      FROM moved GROUP BY months, start, dim, category_id, assignee_id, kind, bucket
                    ON CONFLICT (months, start, dim, category_id, assignee_id, kind, bucket) DO UPDATE SET n = r.n + excluded.n""");
        });
    }

    private int update(String sql) {
        return jdbc.prepareStatement(sql, ps -> ps.executeUpdate());
    }
}
