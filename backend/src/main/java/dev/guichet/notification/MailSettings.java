package dev.guichet.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How the outbox worker runs and retries ({@code guichet.mail.*} in application.yml, set from
 * {@code MAIL_*} environment variables).
 *
 * @param workerEnabled     whether this replica runs the delivery worker ({@code MAIL_WORKER_ENABLED})
 * @param pollInterval      pause between two polls of the outbox ({@code MAIL_POLL_INTERVAL})
 * @param batchSize         messages claimed per poll ({@code MAIL_BATCH_SIZE})
 * @param lease             how long a claim lasts before another worker may take the message again ({@code MAIL_LEASE})
 * @param maxAttempts       deliveries tried before a message is FAILED ({@code MAIL_MAX_ATTEMPTS})
 * @param retryInitialDelay wait after the first failure ({@code MAIL_RETRY_INITIAL_DELAY})
 * @param retryMaxDelay     longest wait between two attempts ({@code MAIL_RETRY_MAX_DELAY})
 * @param retryMultiplier   growth of the wait from one failure to the next
 * @param sentRetention     how long SENT messages (their bodies quote tickets) are kept ({@code MAIL_SENT_RETENTION})
 */
@ConfigurationProperties("guichet.mail")
public record MailSettings(boolean workerEnabled,
                           Duration pollInterval,
                           @Min(1) int batchSize,
                           Duration lease,
                           @Min(1) int maxAttempts,
                           Duration retryInitialDelay,
                           Duration retryMaxDelay,
                           double retryMultiplier,
                           Duration sentRetention) {
}
