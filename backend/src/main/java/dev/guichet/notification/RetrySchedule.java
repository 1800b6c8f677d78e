package dev.guichet.notification;

import io.github.resilience4j.core.IntervalFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * When a failed delivery is tried again, and when the outbox gives up: resilience4j's
 * exponential backoff ({@code MAIL_RETRY_INITIAL_DELAY} × {@code retry-multiplier}^(n−1), at most
 * {@code MAIL_RETRY_MAX_DELAY}) with ±{@value #JITTER_PERCENT} % jitter, and {@code MAIL_MAX_ATTEMPTS}
 * attempts. resilience4j draws the jitter around the uncapped wait, then caps it: the waits at
 * the cap are exactly {@code MAIL_RETRY_MAX_DELAY}. With the defaults (1 min, ×3, 6 h, 9 attempts)
 * the waits are 1, 3, 9, 27, 81, 243 min (each ±20 %), then 6 h twice: a message is FAILED between
 * {@link #minTimeBeforeGivingUp()} (16 h 51 min) and {@link #maxTimeBeforeGivingUp()} (19 h 17 min)
 * after its first attempt, so an SMTP outage of up to 12 h only delays it (docs/notifications.md,
 * "Delivery").
 */
@Singleton
public class RetrySchedule {

    /** Jitter, in percent of the wait either way: failures that happened together do not retry in lockstep. */
    public static final int JITTER_PERCENT = 20;

    private static final double JITTER = JITTER_PERCENT / 100.0;

    private final int maxAttempts;
    private final double initialMillis;
    private final double multiplier;
    private final double maxMillis;
    private final IntervalFunction jittered;

    @Inject
    RetrySchedule(MailSettings settings) {
        this(
                settings.maxAttempts(),
                settings.retryInitialDelay(),
                settings.retryMultiplier(),
                settings.retryMaxDelay());
    }

    /**
     * @param maxAttempts  deliveries tried before giving up (≥ 1)
     * @param initialDelay wait after the first failure
     * @param multiplier   growth of the wait from one failure to the next (≥ 1)
     * @param maxDelay     longest wait, before jitter
     */
    public RetrySchedule(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.initialMillis = initialDelay.toMillis();
        this.multiplier = multiplier;
        this.maxMillis = maxDelay.toMillis();
        this.jittered = IntervalFunction.ofExponentialRandomBackoff(initialDelay, multiplier, JITTER, maxDelay);
    }

    /** @return attempts made before a message is FAILED */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return whether a message whose {@code attempts}-th delivery just failed is given up */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** @return the wait, jitter included, before the attempt that follows failed attempt number {@code attempts} (≥ 1) */
    public Duration delayAfter(int attempts) {
        return Duration.ofMillis(jittered.apply(attempts));
    }

    /** @return the shortest wait {@link #delayAfter} can return for {@code attempts} */
    public Duration minDelayAfter(int attempts) {
        return Duration.ofMillis((long) Math.floor(Math.min(uncapped(attempts) * (1 - JITTER), maxMillis)));
    }

    /** @return the longest wait {@link #delayAfter} can return for {@code attempts} */
    public Duration maxDelayAfter(int attempts) {
        return Duration.ofMillis((long) Math.ceil(Math.min(uncapped(attempts) * (1 + JITTER), maxMillis)));
    }

    private double uncapped(int attempts) {
        return initialMillis * Math.pow(multiplier, attempts - 1);
    }

    /** @return the shortest time from a message's first attempt to its last, when every attempt fails */
    public Duration minTimeBeforeGivingUp() {
        Duration total = Duration.ZERO;
        for (int n = 1; n < maxAttempts; n++) {
            total = total.plus(minDelayAfter(n));
        }
        return total;
    }

    /** @return the longest time from a message's first attempt to its last, when every attempt fails */
    public Duration maxTimeBeforeGivingUp() {
        Duration total = Duration.ZERO;
        for (int n = 1; n < maxAttempts; n++) {
            total = total.plus(maxDelayAfter(n));
        }
        return total;
    }
}
