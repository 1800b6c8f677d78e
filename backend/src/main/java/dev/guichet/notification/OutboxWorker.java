package dev.guichet.notification;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the outbox every {@code MAIL_POLL_INTERVAL} (a fixed delay after the previous poll
 * finished) and delivers what is due, batch after batch until nothing more is. Runs on every
 * replica unless {@code MAIL_WORKER_ENABLED=false}; replicas share the work safely (see
 * {@link Outbox#claim}). Scheduled once the application has started rather than with
 * {@code @Scheduled}, whose first run can race the start-up of the data source; created at
 * start-up, so a wrong {@code SMTP_FROM} or {@code SMTP_SECURITY} stops the start.
 */
@Context
@Requires(property = "guichet.mail.worker-enabled", notEquals = "false")
public class OutboxWorker implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** How often a replica deletes old SENT messages: retention is counted in days, hourly is plenty. */
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final OutboxDelivery delivery;
    private final Outbox outbox;
    private final MailSettings settings;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> polling;
    private Instant nextPurge = Instant.EPOCH;

    OutboxWorker(OutboxDelivery delivery, Outbox outbox, MailSettings settings,
                 @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.delivery = delivery;
        this.outbox = outbox;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Starts polling once the application is up. */
    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(settings.pollInterval(), settings.pollInterval(), this::poll);
        }
    }

    /** Stops polling at shutdown; a delivery in progress finishes, or its lease expires. */
    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /**
     * One poll: delivers full batches back to back, stopping at a partial one (nothing more due, or
     * relay down); about once an hour, also deletes SENT messages older than {@code MAIL_SENT_RETENTION}.
     */
    void poll() {
        try {
            if (Instant.now().isAfter(nextPurge)) {
                nextPurge = Instant.now().plus(PURGE_EVERY);
                outbox.deleteSentOlderThan(settings.sentRetention());
            }
            while (delivery.deliverBatch() == settings.batchSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable: the next poll tries again.
            LOG.warn("Mail outbox poll failed: {}", e.getMessage());
        }
    }
}
