package dev.guichet.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation sweep every {@code SLA_SWEEP_INTERVAL} on every replica (unless
 * {@code SLA_SWEEP_ENABLED=false}; replicas share the work safely, see {@link SlaEscalations}),
 * batch after batch until nothing more is due. Before each sweep it computes the due times of
 * open tickets that a policy covers but that have none (tickets filed before the SLA module, or
 * written by a bulk import such as the demo data). Publishes the gauges {@code guichet.sla.breached} and {@code guichet.sla.at_risk}: open
 * tickets with a target breached / at risk, as of the last sweep.
 */
@Context
@Requires(property = "guichet.sla.sweep-enabled", notEquals = "false")
public class SlaSweeper implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SlaSweeper.class);

    private final SlaEscalations escalations;
    private final SlaClock clock;
    private final SlaSettings settings;
    private final SlaTicketQueries queries;
    private final TransactionOperations<Connection> transactions;
    private final TaskScheduler scheduler;
    private final AtomicLong breached = new AtomicLong();
    private final AtomicLong atRisk = new AtomicLong();
    private ScheduledFuture<?> sweeping;

    SlaSweeper(
            SlaEscalations escalations,
            SlaClock clock,
            SlaSettings settings,
            SlaTicketQueries queries,
            TransactionOperations<Connection> transactions,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            MeterRegistry meters) {
        this.escalations = escalations;
        this.clock = clock;
        this.settings = settings;
        this.queries = queries;
        this.transactions = transactions;
        this.scheduler = scheduler;
        Gauge.builder("guichet.sla.breached", breached, AtomicLong::get)
                .description("Open tickets with an SLA target past due (last sweep)")
                .register(meters);
        Gauge.builder("guichet.sla.at_risk", atRisk, AtomicLong::get)
                .description("Open tickets with an SLA target at risk (last sweep)")
                .register(meters);
    }

    /** Starts sweeping once the application is up. */
    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (sweeping == null) {
            sweeping = scheduler.scheduleWithFixedDelay(settings.sweepInterval(), settings.sweepInterval(), this::run);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** One scheduled run; never throws (a thrown exception would end the schedule). */
    void run() {
        try {
            backfill();
            while (escalations.sweep(settings.batchSize()) == settings.batchSize()) {
                // more is due: next batch at once
            }
            count();
        } catch (RuntimeException e) {
            LOG.warn("SLA sweep failed; next try in {}", settings.sweepInterval(), e);
        }
    }

    /**
     * Computes the SLA of open tickets that a policy covers but that have none, in batches
     * (idempotent, any replica; the open tickets' partial index keeps it cheap at any size).
     */
    void backfill() {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = transactions.executeRead(status -> queries.withoutDueTimes(from, 500));
            if (ids.isEmpty()) {
                return;
            }
            transactions.executeWrite(status -> {
                ids.forEach(clock::refresh);
                return null;
            });
            after = ids.getLast();
        }
    }

    private void count() {
        SlaTicketQueries.Counts counts = transactions.executeRead(status -> queries.counts());
        breached.set(counts.breached());
        atRisk.set(counts.atRisk());
    }
}
