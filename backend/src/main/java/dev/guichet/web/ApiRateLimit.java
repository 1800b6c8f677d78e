package dev.guichet.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/**
 * The general API budget of each signed-in person: {@code API_RATE_LIMIT} requests (default 300)
 * per {@code API_RATE_WINDOW} (default one minute), refilled smoothly, counted across all replicas.
 * Past it, 429 problem+json with {@code Retry-After}. Anonymous calls (login, refresh) have their
 * own limits in {@code auth.LoginThrottle}. The default fits a person clicking around the SPA with
 * room to spare, and stops a runaway script.
 */
@ServerFilter("/api/**")
public class ApiRateLimit implements Ordered {

    private final RateLimiter limiter;
    private final ApiExceptionHandler errors;
    private final BucketConfiguration budget;
    private final boolean enabled;

    /**
     * @param limit   requests allowed per window, at least 1
     * @param window  the window over which {@code limit} refills
     * @param enabled false turns every rate limit off ({@code RATE_LIMITS_ENABLED}, for load tests)
     */
    ApiRateLimit(RateLimiter limiter, ApiExceptionHandler errors,
                 @Value("${guichet.rate-limits.api-limit:300}") long limit,
                 @Value("${guichet.rate-limits.api-window:1m}") Duration window,
                 @Value("${guichet.rate-limits.enabled:true}") boolean enabled) {
        this.limiter = limiter;
        this.errors = errors;
        this.enabled = enabled;
        this.budget = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
                .build();
    }

    /**
     * Takes one token from the caller's bucket.
     *
     * @return null to let the request through, or the 429 response
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> checkBudget(HttpRequest<?> request) {
        Optional<Principal> principal = request.getUserPrincipal();
        if (!enabled || principal.isEmpty() || !(principal.get() instanceof Authentication authentication)) {
            return null;
        }
        ConsumptionProbe probe = limiter.consume("api:" + authentication.getName(), () -> budget);
        if (probe.isConsumed()) {
            return null;
        }
        long wait = RateLimiter.retryAfterSeconds(probe);
        return errors.handle(request, new RateLimitedException("rate-limited",
                "Too many requests: try again in " + wait + " s.", wait));
    }

    /** After the security filter, which identifies the caller. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
