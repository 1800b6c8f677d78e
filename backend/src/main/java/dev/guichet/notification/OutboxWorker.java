package dev.guichet.notification;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the outbox every {@code MAIL_POLL_INTERVAL} (a fixed delay after the previous poll
 * finished) and delivers what is due, batch after batch until nothing more is. Runs on every
 * replica unless {@code MAIL_WORKER_ENABLED=false}; replicas share the work safely (see
 * {@link OutboxQueries#claim}). Scheduled once the application has started rather than with
 * {@code @Scheduled}, whose first run can race the start-up of the data source; created at
 * start-up, so a wrong {@code SMTP_FROM} or {@code SMTP_SECURITY} stops the start.
 *
 * <p>Shutdown (SIGTERM, graceful shutdown): stops claiming at once, lets the message being sent
 * finish, hands the rest of its batch back untried (PENDING, no attempt counted) and returns: the
 * backlog never holds the shutdown for its grace period (docs/notifications.md, "Delivery").
 */
@Context
@Requires(property = "guichet.mail.worker-enabled", notEquals = "false")
public class OutboxWorker implements ApplicationEventListener<StartupEvent>, GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** How often a replica deletes old SENT messages: retention is counted in days, hourly is plenty. */
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final OutboxDelivery delivery;
    private final OutboxQueries outbox;
    private final MailSettings settings;
    private final TaskScheduler scheduler;
    private ScheduledFuture<?> polling;
    private Instant nextPurge = Instant.EPOCH;
    /** Held while a poll runs: shutdown waits on it for the message being sent. */
    private final ReentrantLock running = new ReentrantLock();

    OutboxWorker(
            OutboxDelivery delivery,
            OutboxQueries outbox,
            MailSettings settings,
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

    /**
     * Graceful shutdown: stops claiming and polling; completes once the poll in progress, if any,
     * has finished its current message and handed the rest back.
     */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopClaiming();
        return CompletableFuture.runAsync(this::awaitPoll);
    }

    /** Stops polling when the context closes (also without graceful shutdown), waiting for the poll in progress. */
    @PreDestroy
    void stop() {
        stopClaiming();
        awaitPoll();
    }

    private synchronized void stopClaiming() {
        delivery.stop();
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Waits for a running poll (bounded by one SMTP conversation: its timeout is set on the session). */
    private void awaitPoll() {
        try {
            if (running.tryLock(1, TimeUnit.MINUTES)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One poll: delivers full batches back to back, stopping at a partial one (nothing more due, or
     * relay down); about once an hour, also deletes SENT messages older than {@code MAIL_SENT_RETENTION}.
     */
    void poll() {
        if (delivery.stopping() || !running.tryLock()) {
            return;
        }
        try {
            if (Instant.now().isAfter(nextPurge)) {
                nextPurge = Instant.now().plus(PURGE_EVERY);
                outbox.deleteSentOlderThan(settings.sentRetention());
            }
            while (delivery.deliverBatch() == settings.batchSize()) {
                if (Thread.currentThread().isInterrupted() || delivery.stopping()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable: the next poll tries again.
            LOG.warn("Mail outbox poll failed: {}", e.getMessage());
        } finally {
            running.unlock();
        }
    }
}
