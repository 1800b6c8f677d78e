package dev.guichet.notification;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
@Context
@ConfigurationProperties("guichet.mail")
public record MailSettings(
        boolean workerEnabled,
        @NotNull @PositiveDuration Duration pollInterval,
        @Min(1) int batchSize,
        @NotNull @PositiveDuration Duration lease,
        @Min(1) int maxAttempts,
        @NotNull @PositiveDuration Duration retryInitialDelay,
        @NotNull @PositiveDuration Duration retryMaxDelay,
        @DecimalMin("1.0") double retryMultiplier,
        @NotNull @PositiveDuration Duration sentRetention) {}
