package dev.guichet.survey;

import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import dev.guichet.web.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The budget of the anonymous survey endpoints per client address: {@code SURVEY_IP_LIMIT} requests
 * (default 30) per {@code SURVEY_IP_WINDOW} (default 1 min), in the shared PostgreSQL buckets of
 * {@link RateLimiter} (every replica counts against the same budget, as for logins). Enough for a
 * person answering from the link, far too few to try tokens (a token has 256 random bits anyway).
 */
@Singleton
public class SurveyThrottle {

    private final RateLimiter limiter;
    private final BucketConfiguration perAddress;
    private final boolean enabled;

    SurveyThrottle(RateLimiter limiter,
                   @Value("${guichet.rate-limits.survey-ip-limit:30}") long limit,
                   @Value("${guichet.rate-limits.survey-ip-window:1m}") Duration window,
                   @Value("${guichet.rate-limits.enabled:true}") boolean enabled) {
        this.limiter = limiter;
        this.enabled = enabled;
        this.perAddress = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build()).build();
    }

    /**
     * Takes one request from the address's budget.
     *
     * @param clientAddress the client's IP address, see {@code web.ClientAddress}
     * @throws RateLimitedException 429 {@code rate-limited} with {@code Retry-After} past the budget
     */
    public void check(String clientAddress) {
        if (!enabled) {
            return;
        }
        ConsumptionProbe probe = limiter.consume("survey-ip:" + clientAddress, () -> perAddress);
        if (!probe.isConsumed()) {
            long wait = RateLimiter.retryAfterSeconds(probe);
            throw new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.detail", wait);
        }
    }
}
