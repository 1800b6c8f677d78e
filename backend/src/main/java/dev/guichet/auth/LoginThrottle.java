package dev.guichet.auth;

import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import dev.guichet.web.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force protection of the login (OWASP Authentication Cheat Sheet, "Protect against automated
 * attacks"), with Bucket4j buckets stored in PostgreSQL so all replicas count together:
 *
 * <ul>
 *   <li><b>per client address</b>: {@code LOGIN_IP_LIMIT} attempts (default 30) per
 *       {@code LOGIN_IP_WINDOW} (default 1 min), refilled smoothly; a successful login gives its
 *       token back, so only failures add up (password spraying from one address);</li>
 *   <li><b>per account</b>: {@code LOGIN_MAX_FAILURES} failed attempts (default 10) lock the account
 *       until {@code LOGIN_LOCKOUT} (default 15 min) after the first of them; a successful login
 *       clears the count. Unknown emails are counted the same way, so a lockout reveals nothing.</li>
 * </ul>
 *
 * An attempt takes its tokens <em>before</em> the password is checked, so parallel guesses cannot
 * slip through between check and count. Refused attempts get 429 with {@code Retry-After}, even
 * with the right password: a locked account stays locked.
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final RateLimiter limiter;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perAccount;
    private final boolean enabled;

    LoginThrottle(RateLimiter limiter,
                  @Value("${guichet.rate-limits.login-ip-limit:30}") long ipLimit,
                  @Value("${guichet.rate-limits.login-ip-window:1m}") Duration ipWindow,
                  @Value("${guichet.rate-limits.login-max-failures:10}") long maxFailures,
                  @Value("${guichet.rate-limits.login-lockout:15m}") Duration lockout,
                  @Value("${guichet.rate-limits.enabled:true}") boolean enabled) {
        this.limiter = limiter;
        this.enabled = enabled;
        this.perAddress = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(ipLimit).refillGreedy(ipLimit, ipWindow).build()).build();
        // Interval refill: all tokens come back at once, a window after the bucket's creation
        // (its first failure): a fixed-window counter, i.e. a lockout rather than a trickle.
        this.perAccount = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(maxFailures).refillIntervally(maxFailures, lockout).build()).build();
    }

    /**
     * Records the start of a login attempt, or refuses it.
     *
     * @param email         the email as normalized by {@link dev.guichet.user.EmailAddresses#normalize}
     * @param clientAddress the client's IP address, see {@code web.ClientAddress}
     * @return the attempt, to be told whether it succeeded
     * @throws RateLimitedException 429 when the address or the account is over its limit
     */
    public Attempt begin(String email, String clientAddress) {
        if (!enabled) {
            return new Attempt(null, null);
        }
        String addressKey = "login-ip:" + clientAddress;
        Bucket address = limiter.bucket(addressKey, () -> perAddress);
        ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            LOG.warn("Login attempts from {} are rate limited", clientAddress);
            long wait = RateLimiter.retryAfterSeconds(byAddress);
            throw new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.login", wait);
        }
        String accountKey = "login-account:" + accountKey(email);
        ConsumptionProbe byAccount = limiter.consume(accountKey, () -> perAccount);
        if (!byAccount.isConsumed()) {
            address.addTokens(1);
            LOG.warn("Login attempt on a locked account from {}", clientAddress);
            long wait = RateLimiter.retryAfterSeconds(byAccount);
            throw new RateLimitedException(ProblemType.ACCOUNT_LOCKED, "account-locked.detail", wait);
        }
        return new Attempt(address, accountKey);
    }

    /**
     * Keys the account bucket by a hash of the email, so the table holds no email addresses and a
     * key cannot exceed the column's length.
     */
    private static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** One login attempt in progress. */
    public final class Attempt {
        private final Bucket address;
        private final String accountKey;

        private Attempt(Bucket address, String accountKey) {
            this.address = address;
            this.accountKey = accountKey;
        }

        /** The password was right: give the address its token back and clear the account's failures. */
        public void succeeded() {
            if (address != null) {
                address.addTokens(1);
                limiter.forget(accountKey);
            }
        }
    }
}
