package dev.guichet.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The general API budget of each signed-in person: {@code API_RATE_LIMIT} requests (default 300)
 * per {@code API_RATE_WINDOW} (default one minute), refilled smoothly, counted by each replica in its
 * own memory (Bucket4j local buckets, lock-free): with N replicas behind a balancer a person gets at
 * most N times the budget. A shared bucket in PostgreSQL cost a {@code SELECT … FOR UPDATE}
 * transaction per request and made one person's parallel requests wait for each other; this budget
 * only stops runaway scripts, so per replica is precise enough (docs/architecture.md).
 * Past it, 429 problem+json with {@code Retry-After}. Anonymous calls (login, refresh) have their
 * own limits in {@code auth.LoginThrottle}. The default fits a person clicking around the SPA with
 * room to spare, and stops a runaway script.
 */
@ServerFilter("/api/**")
public class ApiRateLimit implements Ordered {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ApiExceptionHandler errors;
    private final Bandwidth limit;
    private final boolean enabled;

    /**
     * @param limit   requests allowed per window, at least 1
     * @param window  the window over which {@code limit} refills
     * @param enabled false turns every rate limit off ({@code RATE_LIMITS_ENABLED}, for load tests)
     */
    ApiRateLimit(ApiExceptionHandler errors,
                 @Value("${guichet.rate-limits.api-limit:300}") long limit,
                 @Value("${guichet.rate-limits.api-window:1m}") Duration window,
                 @Value("${guichet.rate-limits.enabled:true}") boolean enabled) {
        this.errors = errors;
        this.enabled = enabled;
        this.limit = Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
    }

    /**
     * Takes one token from the caller's bucket.
     *
     * @return null to let the request through, or the 429 response
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> checkBudget(HttpRequest<?> request) {
        Optional<Principal> principal = request.getUserPrincipal();
        if (!enabled || principal.isEmpty() || !(principal.get() instanceof Authentication authentication)) {
            return null;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(authentication.getName(),
                name -> Bucket.builder().addLimit(limit).build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long wait = RateLimiter.retryAfterSeconds(probe);
        return errors.handle(request, new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.detail", wait));
    }

    /** Forgets the buckets that have refilled completely (they hold no information), every 5 min. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    void forgetFullBuckets() {
        long capacity = limit.getCapacity();
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
    }

    /** Forgets every bucket of this replica (tests, which reuse user ids after emptying the database). */
    public void forgetAll() {
        buckets.clear();
    }

    /** @return how many people have a bucket in this replica now (for tests and metrics) */
    int trackedBuckets() {
        return buckets.size();
    }

    /** After the security filter, which identifies the caller. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
