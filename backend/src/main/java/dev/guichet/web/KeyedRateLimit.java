package dev.guichet.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongFunction;

/**
 * One rate limit applied separately to each key (a client address, an account, a person): a Bucket4j
 * token bucket per key, its limits from {@link RateLimits}. The buckets are either
 * <ul>
 *   <li><b>shared</b>: rows of {@code rate_limit_buckets} in PostgreSQL ({@link RateLimiter}), so all
 *       replicas count together, at the cost of one short transaction per check (logins, the survey);</li>
 *   <li><b>local</b>: this replica's memory, lock-free; with N replicas a key gets up to N times the
 *       limit, precise enough to stop a runaway script (the API budget).</li>
 * </ul>
 * Past the limit, {@link #take} throws the feature's own {@link RateLimitedException} (its problem
 * type and text), which carries the wait until the next token as {@code Retry-After}. With
 * {@code RATE_LIMITS_ENABLED=false} every check passes.
 */
public final class KeyedRateLimit {

    private final @Nullable RateLimiter shared;
    private final String namespace;
    private final Bandwidth limit;
    private final BucketConfiguration configuration;
    private final ConcurrentMap<String, Bucket> local = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final LongFunction<RateLimitedException> refusal;

    private KeyedRateLimit(
            @Nullable RateLimiter shared,
            String namespace,
            Bandwidth limit,
            boolean enabled,
            LongFunction<RateLimitedException> refusal) {
        this.shared = shared;
        this.namespace = namespace;
        this.limit = limit;
        this.configuration = BucketConfiguration.builder().addLimit(limit).build();
        this.enabled = enabled;
        this.refusal = refusal;
    }

    /**
     * A limit whose buckets live in PostgreSQL, counted by all replicas together.
     *
     * @param buckets   the shared store
     * @param namespace the prefix of this limit's keys in the store, e.g. {@code login-ip}
     * @param limit     the limit of one key, e.g. {@link RateLimits#loginPerAddress()}
     * @param enabled   {@link RateLimits#enabled()}
     * @param refusal   makes the exception for a refused request, given the seconds to wait (at least 1)
     * @return the limit
     */
    public static KeyedRateLimit shared(
            RateLimiter buckets,
            String namespace,
            Bandwidth limit,
            boolean enabled,
            LongFunction<RateLimitedException> refusal) {
        return new KeyedRateLimit(buckets, namespace, limit, enabled, refusal);
    }

    /**
     * A limit whose buckets live in this replica's memory.
     *
     * @param limit   the limit of one key, e.g. {@link RateLimits#apiPerPerson()}
     * @param enabled {@link RateLimits#enabled()}
     * @param refusal makes the exception for a refused request, given the seconds to wait (at least 1)
     * @return the limit
     */
    public static KeyedRateLimit local(Bandwidth limit, boolean enabled, LongFunction<RateLimitedException> refusal) {
        return new KeyedRateLimit(null, "", limit, enabled, refusal);
    }

    /**
     * Takes one token from the key's bucket.
     *
     * @param key whose budget, e.g. a client address
     * @throws RateLimitedException the refusal, when the key's bucket is empty
     */
    public void take(String key) {
        if (!enabled) {
            return;
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal.apply(retryAfterSeconds(probe));
        }
    }

    /** Gives the key a token back, e.g. for a login that turned out to be right. */
    public void giveBack(String key) {
        if (enabled) {
            bucket(key).addTokens(1);
        }
    }

    /** Forgets the key's bucket, which starts full again, e.g. an account's failures after a successful login. */
    public void forget(String key) {
        if (!enabled) {
            return;
        }
        if (shared != null) {
            shared.forget(namespaced(key));
        } else {
            local.remove(key);
        }
    }

    /** Forgets the local buckets that have refilled completely (they hold no information). */
    public void forgetFullBuckets() {
        local.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.getCapacity());
    }

    /** Forgets every local bucket (tests, which reuse ids after emptying the database). */
    public void forgetAll() {
        local.clear();
    }

    /** @return how many keys have a local bucket now */
    public int localBuckets() {
        return local.size();
    }

    private Bucket bucket(String key) {
        if (shared != null) {
            return shared.bucket(namespaced(key), () -> configuration);
        }
        return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).build());
    }

    private String namespaced(String key) {
        return namespace + ":" + key;
    }

    /** @return whole seconds to wait before a probe's next token, at least 1 (for {@code Retry-After}) */
    private static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
