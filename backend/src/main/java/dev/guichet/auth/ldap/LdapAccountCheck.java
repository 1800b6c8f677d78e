package dev.guichet.auth.ldap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.guichet.auth.AuthQueries;
import dev.guichet.auth.ExternalAccountCheck;
import dev.guichet.user.UserRepository;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory's say on each request of an account that signs in through LDAP: its entry is read
 * by DN through the pool ({@link LdapDirectory#find}) and the nightly sync's rule applied
 * ({@link LdapSync#changeFor}, {@link LdapSync#apply}). Removed from the directory, or no longer
 * matching {@code LDAP_USER_FILTER}: deactivated, sessions revoked, this request refused. Moved to
 * another group: the new role, sessions ended, this request answered with the new role.
 *
 * <p>An entry read stands for {@code LDAP_RECHECK_SECONDS} (0, the default: read on every request),
 * per replica, so a large site can trade freshness for directory load.
 *
 * <p>A directory that cannot be reached does not lock anyone out: the request is served with the
 * state stored in Guichet (a warning, and the {@code guichet.ldap.unavailable} counter). After a
 * failure, a circuit breaker (resilience4j) stops asking for {@code LDAP_RETRY_SECONDS}, so requests
 * do not each wait for {@code LDAP_TIMEOUT_MILLIS}; then one request tries again.
 */
@Singleton
public class LdapAccountCheck implements ExternalAccountCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LdapAccountCheck.class);
    /** Accounts whose entry was read lately, at most this many remembered (well above any site's directory accounts). */
    private static final int REMEMBERED_ACCOUNTS = 200_000;

    private final LdapSettings settings;
    private final LdapDirectory directory;
    private final LdapSync sync;
    private final UserRepository users;
    private final AuthQueries states;
    private final Counter unavailable;
    private final CircuitBreaker breaker;
    /** When each account's entry was last read; null when every request reads it. */
    private final Cache<Long, Instant> readLately;

    LdapAccountCheck(
            LdapSettings settings,
            LdapDirectory directory,
            LdapSync sync,
            UserRepository users,
            AuthQueries states,
            MeterRegistry meters) {
        this.settings = settings;
        this.directory = directory;
        this.sync = sync;
        this.users = users;
        this.states = states;
        this.unavailable = Counter.builder("guichet.ldap.unavailable")
                .description(
                        "Requests of directory accounts served with the stored state because the directory could not be asked")
                .register(meters);
        // One failure opens it; after the wait, one trial request closes it again, or reopens it.
        this.breaker = CircuitBreaker.of(
                "ldap",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(1)
                        .minimumNumberOfCalls(1)
                        .failureRateThreshold(100)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .waitDurationInOpenState(Duration.ofSeconds(settings.retrySeconds()))
                        .build());
        this.readLately = settings.recheckSeconds() == 0
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(Duration.ofSeconds(settings.recheckSeconds()))
                        .maximumSize(REMEMBERED_ACCOUNTS)
                        .build();
    }

    /**
     * @param stored a live session's account as stored
     * @return {@code stored} for an account that does not sign in through LDAP, whose entry was read
     *     less than {@code LDAP_RECHECK_SECONDS} ago, or when the directory cannot be asked; else the
     *     state after the directory's answer was applied (empty once deactivated)
     */
    @Override
    public Optional<AuthQueries.AccountState> check(AuthQueries.AccountState stored) {
        if (!settings.enabled()
                || !"LDAP".equals(stored.authSource())
                || stored.externalId() == null
                || (readLately != null && readLately.getIfPresent(stored.id()) != null)) {
            return Optional.of(stored);
        }
        if (!breaker.tryAcquirePermission()) {
            unavailable.increment();
            return Optional.of(stored);
        }
        Optional<LdapDirectory.Person> entry;
        long start = System.nanoTime();
        try {
            entry = directory.find(stored.externalId());
        } catch (LdapDirectory.Unavailable e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            unavailable.increment();
            LOG.warn(
                    "Directory unreachable ({}): account {} keeps its stored state; asking again in {} s",
                    e.getMessage(),
                    stored.id(),
                    settings.retrySeconds());
            return Optional.of(stored);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (readLately != null) {
            readLately.put(stored.id(), Instant.now());
        }
        LdapSync.Change change = sync.changeFor(stored.role(), entry);
        if (!change.any()) {
            return Optional.of(stored);
        }
        users.findById(stored.id()).ifPresent(user -> sync.apply(user, change));
        return states.find(stored.id()).filter(AuthQueries.AccountState::active);
    }
}
