package dev.guichet.notification;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the outbox every {@code MAIL_POLL_INTERVAL} (after the previous poll finished) and
 * delivers what is due, batch after batch until nothing is. Runs on every replica unless
 * {@code MAIL_WORKER_ENABLED=false}; replicas share the work safely (see {@link Outbox#claim}).
 * Created at start-up, so a wrong {@code SMTP_FROM} or {@code SMTP_SECURITY} stops the start.
 */
@Context
@Requires(property = "guichet.mail.worker-enabled", notEquals = "false")
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxDelivery delivery;
    private final MailSettings settings;

    OutboxWorker(OutboxDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    /** One poll: delivers full batches back to back, stops at the first partial one. */
    @Scheduled(fixedDelay = "${guichet.mail.poll-interval}", initialDelay = "${guichet.mail.poll-interval}")
    void poll() {
        try {
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
