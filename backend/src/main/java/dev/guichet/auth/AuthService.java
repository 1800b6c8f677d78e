package dev.guichet.auth;

import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs people in and keeps them logged in: short-lived JWT access tokens plus opaque refresh tokens
 * that rotate on every use and are stored hashed. Presenting an already-rotated refresh token is
 * treated as theft and revokes every session of the account (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
@Singleton
public class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final AuthQueries accounts;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenGenerator tokenGenerator;
    private final int accessTokenSeconds;
    private final Duration refreshTokenTtl;
    private final String dummyHash;
    /** Lazily: the OpenID Connect side needs this service to end sessions. */
    private final Provider<ProviderSessions> providerSessions;

    AuthService(
            UserRepository users,
            AuthQueries accounts,
            RefreshTokenRepository refreshTokens,
            PasswordHasher hasher,
            TokenGenerator tokenGenerator,
            AccessTokenConfiguration accessTokens,
            TokenSettings tokens,
            Provider<ProviderSessions> providerSessions) {
        this.users = users;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.tokenGenerator = tokenGenerator;
        this.accessTokenSeconds = accessTokens.getExpiration();
        this.refreshTokenTtl = tokens.refreshTokenTtl();
        this.dummyHash = hasher.hash("timing-equalizer-" + RANDOM.nextLong());
        this.providerSessions = providerSessions;
    }

    /**
     * Checks email and password and issues a token pair, with no second factor. Kept for callers
     * that do not go through {@link dev.guichet.auth.totp.TwoFactorService}.
     *
     * @param email    the address as normalized by {@link dev.guichet.user.EmailAddresses#normalize}
     * @param password the password as typed
     * @throws ApiException as {@link #checkPassword}
     */
    @Transactional
    public TokenResponse login(String email, String password) {
        return signIn(checkPassword(email, password));
    }

    /**
     * Checks email and password of a local account, without issuing anything.
     *
     * @param email    the address as normalized by {@link dev.guichet.user.EmailAddresses#normalize}
     * @param password the password as typed
     * @return the account, active
     * @throws ApiException 401 {@code unauthorized} for an unknown email or a wrong password (same answer
     *     for both); 401 {@code account-deactivated} for a deactivated account with the right password
     */
    @Transactional
    public User checkPassword(String email, String password) {
        Optional<User> found = users.findByEmail(email);
        // Hash even for an unknown email, so response time does not reveal which emails exist.
        boolean matches = hasher.matches(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            LOG.info("Failed login for an {} account", found.isPresent() ? "existing" : "unknown");
            throw ApiException.unauthorized("invalid-credentials");
        }
        User user = found.get();
        requireActive(user);
        return user;
    }

    /**
     * Issues a token pair to an account whose identity another step has proven (password and second
     * factor, an OpenID Connect provider, an LDAP bind). Every login method ends here, so every token
     * pair carries the session version that {@link CurrentAccountAuthenticationFactory} checks.
     *
     * @param user the account
     * @return a fresh access/refresh pair
     * @throws ApiException 401 {@code account-deactivated} when the account is deactivated
     */
    @Transactional
    public TokenResponse signIn(User user) {
        return signIn(user, null);
    }

    /**
     * As {@link #signIn(User)}, for a single sign-on whose provider gave a refresh token: it is kept
     * with the new refresh token (server-side only) and renewed at each refresh ({@link ProviderSessions}).
     *
     * @param user                 the account
     * @param providerRefreshToken the provider's refresh token, or null when it gave none
     * @return a fresh access/refresh pair
     * @throws ApiException 401 {@code account-deactivated} when the account is deactivated
     */
    @Transactional
    public TokenResponse signIn(User user, @Nullable String providerRefreshToken) {
        requireActive(user);
        LOG.info("User {} logged in", user.id());
        return issue(user, providerRefreshToken).response();
    }

    private static void requireActive(User user) {
        if (!user.active()) {
            // Only someone who proved the identity learns that the account exists but is deactivated.
            throw new ApiException(ProblemType.ACCOUNT_DEACTIVATED);
        }
    }

    /**
     * Exchanges a live refresh token for a new pair and revokes the presented one. For a single
     * sign-on session whose provider gave a refresh token, the provider is asked first
     * ({@link ProviderSessions#renew}): the new pair carries the role the provider's groups now give.
     *
     * @throws ApiException 401 for an unknown, expired or revoked token, or a deactivated account;
     *     401 {@code sso-session-ended} when the provider refuses to renew its session
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public TokenResponse refresh(String presented) {
        RefreshToken token = refreshTokens
                .findByTokenHash(sha256(presented))
                .orElseThrow(() -> ApiException.unauthorized("unknown-refresh-token"));
        if (token.revokedAt() != null || refreshTokens.revokeIfLive(token.id()) == 0) {
            int revoked = refreshTokens.revokeAllOfUser(token.userId());
            LOG.warn("Reuse of a revoked refresh token for user {}: revoked {} live sessions", token.userId(), revoked);
            throw ApiException.unauthorized("refresh-token-revoked");
        }
        if (token.expiresAt().isBefore(Instant.now())) {
            throw ApiException.unauthorized("refresh-token-expired");
        }
        User user = active(token.userId());
        String providerRefreshToken = token.providerRefreshToken();
        if (providerRefreshToken != null) {
            providerRefreshToken = providerSessions.get().renew(user.id(), providerRefreshToken);
            user = active(user.id());
        }
        Issued next = issue(user, providerRefreshToken);
        refreshTokens.markReplaced(token.id(), next.refreshTokenId());
        return next.response();
    }

    private User active(long userId) {
        return users.findById(userId)
                .filter(User::active)
                .orElseThrow(() -> ApiException.unauthorized("account-deactivated"));
    }

    /** Revokes the presented refresh token; unknown or already revoked tokens are ignored. */
    @Transactional
    public void logout(String presented) {
        refreshTokens.findByTokenHash(sha256(presented)).ifPresent(t -> refreshTokens.revokeIfLive(t.id()));
    }

    /**
     * Ends every session of a user: revokes their refresh tokens and moves their session version on,
     * so every access token issued so far is refused from the next request (see
     * {@link CurrentAccountAuthenticationFactory}). Used on password change, deactivation, role change
     * and "log out everywhere".
     */
    @Transactional
    public void revokeAllSessions(long userId) {
        refreshTokens.revokeAllOfUser(userId);
        accounts.endAccessTokens(userId);
    }

    private Issued issue(User user, @Nullable String providerRefreshToken) {
        int sessionVersion = accounts.find(user.id()).orElseThrow().sessionVersion();
        Authentication authentication = Authentication.build(
                String.valueOf(user.id()),
                List.of(user.role().name()),
                Map.of(
                        "email",
                        user.email(),
                        CurrentAccountAuthenticationFactory.SESSION_VERSION_CLAIM,
                        sessionVersion));
        String accessToken = tokenGenerator
                .generateToken(authentication, accessTokenSeconds)
                .orElseThrow(() -> new IllegalStateException("JWT generation failed"));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken stored = refreshTokens.save(new RefreshToken(
                null,
                user.id(),
                sha256(refreshToken),
                Instant.now().plus(refreshTokenTtl),
                null,
                null,
                null,
                providerRefreshToken));
        return new Issued(new TokenResponse(accessToken, refreshToken, "Bearer", accessTokenSeconds), stored.id());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private record Issued(TokenResponse response, long refreshTokenId) {}
}
