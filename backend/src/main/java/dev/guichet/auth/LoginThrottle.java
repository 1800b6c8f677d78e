package dev.guichet.auth;

import dev.guichet.web.KeyedRateLimit;
import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import dev.guichet.web.RateLimiter;
import dev.guichet.web.RateLimits;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force protection of the login (OWASP Authentication Cheat Sheet, "Protect against automated
 * attacks"), with {@link KeyedRateLimit}s stored in PostgreSQL so all replicas count together
 * (limits in {@link RateLimits}):
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

    private final KeyedRateLimit perAddress;
    private final KeyedRateLimit perAccount;

    LoginThrottle(RateLimiter buckets, RateLimits limits) {
        this.perAddress = KeyedRateLimit.shared(
                buckets,
                "login-ip",
                limits.loginPerAddress(),
                limits.enabled(),
                wait -> new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.login", wait));
        this.perAccount = KeyedRateLimit.shared(
                buckets,
                "login-account",
                limits.loginPerAccount(),
                limits.enabled(),
                wait -> new RateLimitedException(ProblemType.ACCOUNT_LOCKED, "account-locked.detail", wait));
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
        try {
            perAddress.take(clientAddress);
        } catch (RateLimitedException refused) {
            LOG.warn("Login attempts from {} are rate limited", clientAddress);
            throw refused;
        }
        String account = accountKey(email);
        try {
            perAccount.take(account);
        } catch (RateLimitedException refused) {
            perAddress.giveBack(clientAddress);
            LOG.warn("Login attempt on a locked account from {}", clientAddress);
            throw refused;
        }
        return new Attempt(clientAddress, account);
    }

    /**
     * Keys the account bucket by a hash of the email, so the table holds no email addresses and a
     * key cannot exceed the column's length.
     */
    private static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** One login attempt in progress. */
    public final class Attempt {
        private final String clientAddress;
        private final String account;

        private Attempt(String clientAddress, String account) {
            this.clientAddress = clientAddress;
            this.account = account;
        }

        /** The password was right: give the address its token back and clear the account's failures. */
        public void succeeded() {
            perAddress.giveBack(clientAddress);
            perAccount.forget(account);
        }
    }
}
