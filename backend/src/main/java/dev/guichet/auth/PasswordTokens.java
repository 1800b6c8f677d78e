package dev.guichet.auth;

import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Single-use links to choose a password, for accounts created from an email (docs/architecture.md, "Email channel"). The token
 * is 256 random bits (base64url, 43 characters) sent to the person only; the database keeps its
 * SHA-256, an expiry ({@code PASSWORD_TOKEN_TTL}, default 7 days) and when it was used. Using a
 * token sets the password under the password policy and ends the account's sessions.
 */
@Singleton
public class PasswordTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthQueries queries;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthService auth;
    private final Duration ttl;

    PasswordTokens(
            AuthQueries queries,
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AuthService auth,
            TokenSettings tokens) {
        this.queries = queries;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.auth = auth;
        this.ttl = tokens.passwordTokenTtl();
    }

    /**
     * Makes a token for an account, in the caller's transaction.
     *
     * @return the token to put in the link (never stored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        queries.insertPasswordToken(hash(token), userId, ttl);
        return token;
    }

    /**
     * Sets the password of the token's account and spends the token.
     *
     * @throws ApiException 400 {@code invalid-token} when the token is unknown, used or expired; 400 when
     *                      the password breaks the policy
     */
    @Transactional
    public void use(String token, String password) {
        Long userId = queries.usePasswordToken(hash(token));
        User user = userId == null
                ? null
                : users.findById(userId).filter(User::active).orElse(null);
        if (user == null) {
            throw ApiException.of(ProblemType.INVALID_TOKEN);
        }
        policy.check("password", password, user.email());
        users.update(user.withPasswordHash(hasher.hash(password)));
        auth.revokeAllSessions(user.id());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
