package dev.guichet.web;

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
import java.util.Optional;

/**
 * The general API budget of each signed-in person: {@code API_RATE_LIMIT} requests per
 * {@code API_RATE_WINDOW} ({@link RateLimits}), refilled smoothly, counted by each replica in its
 * own memory ({@link KeyedRateLimit#local}, lock-free): with N replicas behind a balancer a person
 * gets at most N times the budget. A shared bucket in PostgreSQL cost a {@code SELECT … FOR UPDATE}
 * transaction per request and made one person's parallel requests wait for each other; this budget
 * only stops runaway scripts, so per replica is precise enough (docs/architecture.md).
 * Past it, 429 problem+json with {@code Retry-After}. Anonymous calls (login, refresh) have their
 * own limits in {@code auth.LoginThrottle}. The default fits a person clicking around the SPA with
 * room to spare, and stops a runaway script.
 */
@ServerFilter("/api/**")
public class ApiRateLimit implements Ordered {

    private final ApiExceptionHandler errors;
    private final KeyedRateLimit perPerson;

    ApiRateLimit(ApiExceptionHandler errors, RateLimits limits) {
        this.errors = errors;
        this.perPerson = KeyedRateLimit.local(
                limits.apiPerPerson(),
                limits.enabled(),
                wait -> new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.detail", wait));
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
        if (principal.isEmpty() || !(principal.get() instanceof Authentication authentication)) {
            return null;
        }
        try {
            perPerson.take(authentication.getName());
            return null;
        } catch (RateLimitedException refused) {
            return errors.handle(request, refused);
        }
    }

    /** Forgets the buckets that have refilled completely (they hold no information), every 5 min. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    void forgetFullBuckets() {
        perPerson.forgetFullBuckets();
    }

    /** Forgets every bucket of this replica (tests, which reuse user ids after emptying the database). */
    public void forgetAll() {
        perPerson.forgetAll();
    }

    /** @return how many people have a bucket in this replica now (for tests and metrics) */
    int trackedBuckets() {
        return perPerson.localBuckets();
    }

    /** After the security filter, which identifies the caller. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
