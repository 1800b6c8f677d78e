package dev.guichet.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Token buckets (Bucket4j) whose state lives in PostgreSQL table {@code rate_limit_buckets}
 * (migration V4), so every replica sees the same counts and no extra server is needed. Each check
 * is one short {@code SELECT … FOR UPDATE} transaction on its own connection.
 *
 * <p>Keys are namespaced strings ({@code login-ip:203.0.113.7}, {@code inbound-sender:…}); the
 * limits of requests use them through {@link KeyedRateLimit#shared}. A bucket that has
 * refilled completely is worth nothing, so its row expires ten seconds later and is purged
 * periodically.
 */
@Singleton
public class RateLimiter {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /** @param dataSource the application's pool; unwrapped so Bucket4j commits its own transactions */
    RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Takes one token from a bucket.
     *
     * @param key           the bucket's key, namespaced by purpose
     * @param configuration the bucket's limits, used when the bucket does not exist yet
     * @return the outcome: whether a token was taken, how many remain, how long until the next one
     */
    public ConsumptionProbe consume(String key, Supplier<BucketConfiguration> configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    /** @return the bucket for this key, created with {@code configuration} on first use */
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.getProxy(key, configuration);
    }

    /** Forgets a bucket, e.g. an account's failed logins after a successful one. */
    public void forget(String key) {
        buckets.removeProxy(key);
    }

    /** Deletes expired buckets in batches; safe to run on every replica at once (SKIP LOCKED). */
    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void purgeExpired() {
        int removed;
        do {
            removed = buckets.removeExpired(1000);
        } while (removed == 1000);
    }
}
