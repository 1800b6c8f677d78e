package dev.guichet.report;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
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

    private final ReportSummaryQueries queries;
    private final TransactionOperations<Connection> transactions;
    private final String zone;

    ReportSummaries(
            ReportSummaryQueries queries, TransactionOperations<Connection> transactions, ReportSettings settings) {
        this.queries = queries;
        this.transactions = transactions;
        this.zone = settings.timeZone().getId();
    }

    /** Rebuilds the summaries in the configured zone if they were computed in another one. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        transactions.executeWrite(status -> {
            queries.lock();
            String current = queries.timeZone();
            if (!current.equals(zone)) {
                LOG.info("Reports: rebuilding the summary tables in {} (they were in {})", zone, current);
                queries.rebuildIn(zone);
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
        return transactions.executeWrite(status -> queries.tryLock() ? queries.foldDaily() + queries.foldTimes() : -1);
    }
}
