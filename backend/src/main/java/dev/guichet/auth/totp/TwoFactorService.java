package dev.guichet.auth.totp;

import dev.guichet.auth.AuthService;
import dev.guichet.auth.LoginResponse;
import dev.guichet.auth.LoginThrottle;
import dev.guichet.auth.OpaqueTokens;
import dev.guichet.auth.PasswordHasher;
import dev.guichet.auth.totp.TwoFactorQueries.TotpState;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-factor authentication for local accounts: enrolment (secret, QR code, first code), the second
 * step of a login, recovery codes, and the per-role requirement set by admins. A login whose password
 * is right but whose second factor is due receives a short-lived challenge token (table
 * {@code login_challenges}), never an access token. Codes go through the same {@link LoginThrottle}
 * as passwords, so wrong codes lock the account like wrong passwords; a code already accepted is
 * refused for the rest of its window (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt
 * of the OTP after the successful validation has been issued for the first OTP").
 */
@Singleton
public class TwoFactorService {

    private static final Logger LOG = LoggerFactory.getLogger(TwoFactorService.class);
    /** How long the second step of a login may take. */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    /** Recovery codes issued at a time. */
    public static final int RECOVERY_CODES = 10;

    private final TwoFactorQueries queries;
    private final UserRepository users;
    private final AuthService auth;
    private final TotpCodes totp;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;

    TwoFactorService(
            TwoFactorQueries queries,
            UserRepository users,
            AuthService auth,
            TotpCodes totp,
            LoginThrottle throttle,
            PasswordHasher hasher) {
        this.queries = queries;
        this.users = users;
        this.auth = auth;
        this.totp = totp;
        this.throttle = throttle;
        this.hasher = hasher;
    }

    /**
     * A new secret waiting for its first code.
     *
     * @param secret     base32 secret, for typing into an app by hand
     * @param otpauthUri the {@code otpauth://} key URI
     * @param qrCode     the key URI as a PNG QR code, in a {@code data:} URI
     */
    @Serdeable
    public record Setup(String secret, String otpauthUri, String qrCode) {}

    /**
     * Where the caller stands.
     *
     * @param enabled                whether a second factor is asked at login
     * @param required               whether the caller's role requires it
     * @param available              false for accounts signing in through a company provider (it handles MFA)
     * @param recoveryCodesRemaining unused recovery codes
     */
    @Serdeable
    public record Status(boolean enabled, boolean required, boolean available, int recoveryCodesRemaining) {}

    /**
     * What a right password leads to: tokens, or a challenge for a code, or for an enrolment when
     * the account's role requires two-factor authentication and it has none yet.
     *
     * @throws ApiException 403 {@code use-company-sign-in} for an account linked to OIDC or LDAP
     */
    @Transactional
    public LoginResponse afterPassword(User user) {
        TotpState state = state(user.id());
        if (!state.local()) {
            // A linked account keeps its old hash, but its second factor lives at the company's provider:
            // a password alone must not get around it.
            throw ApiException.of(ProblemType.USE_COMPANY_SIGN_IN);
        }
        if (state.enabled()) {
            return LoginResponse.challenge("TOTP", newChallenge(user.id(), "TOTP"), (int) CHALLENGE_TTL.toSeconds());
        }
        if (state.local() && queries.twoFactorRequiredRoles().contains(user.role())) {
            return LoginResponse.challenge(
                    "TOTP_ENROLMENT", newChallenge(user.id(), "TOTP_ENROL"), (int) CHALLENGE_TTL.toSeconds());
        }
        return LoginResponse.of(auth.signIn(user));
    }

    /**
     * The second step of a login: a code from the app, or a recovery code.
     *
     * @throws ApiException 401 {@code challenge-expired} for an unknown or expired challenge; 401
     *     {@code invalid-two-factor-code} for a wrong or replayed code; 429 from the throttle
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public LoginResponse completeLogin(String challengeToken, String code, String clientAddress) {
        User user = challenged(challengeToken, "TOTP");
        LoginThrottle.Attempt attempt = throttle.begin(user.email(), clientAddress);
        TotpState state = state(user.id());
        if (!state.enabled() || !(acceptTotp(user.id(), state.secret(), code) || useRecoveryCode(user.id(), code))) {
            LOG.info("Wrong second-factor code for user {}", user.id());
            throw invalidCode();
        }
        attempt.succeeded();
        deleteChallenge(challengeToken);
        return LoginResponse.of(auth.signIn(user));
    }

    /**
     * Starts the enrolment a role requires, during login.
     *
     * @throws ApiException 401 {@code challenge-expired}
     */
    @Transactional
    public Setup setupAtLogin(String challengeToken) {
        return newSecret(challenged(challengeToken, "TOTP_ENROL"));
    }

    /**
     * Finishes the enrolment a role requires with the first code, and signs in.
     *
     * @return tokens and the recovery codes, shown once
     * @throws ApiException 401 {@code challenge-expired}; 400 {@code invalid-two-factor-code}; 409
     *     {@code two-factor-setup-missing} when setup was not called first; 429 from the throttle
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public LoginResponse confirmAtLogin(String challengeToken, String code, String clientAddress) {
        User user = challenged(challengeToken, "TOTP_ENROL");
        LoginThrottle.Attempt attempt = throttle.begin(user.email(), clientAddress);
        List<String> codes = enable(user, code);
        attempt.succeeded();
        deleteChallenge(challengeToken);
        return LoginResponse.enrolled(auth.signIn(user), codes);
    }

    /** @return the caller's two-factor status */
    @Transactional
    public Status status(long userId) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("account-gone"));
        TotpState state = state(userId);
        int remaining = queries.unusedRecoveryCodes(userId);
        return new Status(
                state.enabled(),
                state.local() && queries.twoFactorRequiredRoles().contains(user.role()),
                state.local(),
                state.enabled() ? remaining : 0);
    }

    /**
     * Starts an enrolment from the profile page (a new pending secret replaces any earlier pending one).
     *
     * @throws ApiException 409 {@code two-factor-already-enabled}; 409 {@code two-factor-unavailable} for
     *     accounts of a company provider
     */
    @Transactional
    public Setup setup(long userId) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("account-gone"));
        TotpState state = state(userId);
        if (!state.local()) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_UNAVAILABLE);
        }
        if (state.enabled()) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_ALREADY_ENABLED);
        }
        return newSecret(user);
    }

    /**
     * Finishes a profile enrolment with the first code.
     *
     * @return the recovery codes, shown once
     * @throws ApiException 400 {@code invalid-two-factor-code}; 409 {@code two-factor-setup-missing}
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<String> confirm(long userId, String code) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("account-gone"));
        if (state(userId).enabled()) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_ALREADY_ENABLED);
        }
        return enable(user, code);
    }

    /**
     * Turns two-factor authentication off, after the password and a current code (or a recovery code).
     *
     * @throws ApiException 400 {@code invalid-password} or {@code invalid-two-factor-code}; 409
     *     {@code two-factor-required} when the caller's role requires it; 409 {@code two-factor-not-enabled}
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public void disable(long userId, String password, String code) {
        User user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("account-gone"));
        TotpState state = state(userId);
        if (!state.enabled()) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_NOT_ENABLED);
        }
        if (queries.twoFactorRequiredRoles().contains(user.role())) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_REQUIRED);
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throw ApiException.of(ProblemType.INVALID_PASSWORD);
        }
        if (!acceptTotp(userId, state.secret(), code) && !useRecoveryCode(userId, code)) {
            throw ApiException.of(ProblemType.WRONG_TWO_FACTOR_CODE);
        }
        queries.disable(userId);
        queries.deleteRecoveryCodes(userId);
        auth.revokeAllSessions(userId);
        LOG.info("Two-factor authentication turned off for user {}", userId);
    }

    /**
     * Replaces the recovery codes, after a current code.
     *
     * @return the new codes, shown once; the earlier ones stop working
     * @throws ApiException 400 {@code invalid-two-factor-code}; 409 {@code two-factor-not-enabled}
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<String> regenerateRecoveryCodes(long userId, String code) {
        TotpState state = state(userId);
        if (!state.enabled()) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_NOT_ENABLED);
        }
        if (!acceptTotp(userId, state.secret(), code)) {
            throw ApiException.of(ProblemType.WRONG_TWO_FACTOR_CODE);
        }
        return newRecoveryCodes(userId);
    }

    private List<String> enable(User user, String code) {
        TotpState state = state(user.id());
        if (state.secret() == null) {
            throw ApiException.conflict(ProblemType.TWO_FACTOR_SETUP_MISSING);
        }
        if (!acceptTotp(user.id(), state.secret(), code)) {
            throw new ApiException(ProblemType.WRONG_TWO_FACTOR_CODE, "wrong-two-factor-code.setup");
        }
        queries.enable(user.id());
        LOG.info("Two-factor authentication turned on for user {}", user.id());
        return newRecoveryCodes(user.id());
    }

    private Setup newSecret(User user) {
        String secret = totp.newSecret();
        queries.setPendingSecret(user.id(), secret);
        return new Setup(secret, totp.uri(user.email(), secret), totp.qrDataUri(user.email(), secret));
    }

    /** Accepts a TOTP code once: the conditional update fails for a step already used (or older). */
    private boolean acceptTotp(long userId, String secret, String code) {
        if (secret == null) {
            return false;
        }
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            return false;
        }
        return queries.acceptStep(userId, step.getAsLong());
    }

    private boolean useRecoveryCode(long userId, String code) {
        String normalized = normalizeRecoveryCode(code);
        if (normalized.length() < 16) {
            return false;
        }
        return queries.useRecoveryCode(userId, OpaqueTokens.sha256(normalized));
    }

    /** Recovery codes are compared without dashes, spaces or case, as people retype them. */
    private static String normalizeRecoveryCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private List<String> newRecoveryCodes(long userId) {
        queries.deleteRecoveryCodes(userId);
        // 16 characters of [a-z0-9] in groups of four: about 82 bits each (library default).
        List<String> codes = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String code : codes) {
            queries.insertRecoveryCode(userId, OpaqueTokens.sha256(normalizeRecoveryCode(code)));
        }
        return codes;
    }

    private String newChallenge(long userId, String purpose) {
        String token = OpaqueTokens.newToken();
        queries.insertChallenge(OpaqueTokens.sha256(token), userId, purpose, CHALLENGE_TTL);
        return token;
    }

    private User challenged(String challengeToken, String purpose) {
        Optional<Long> userId = queries.challengedUserId(OpaqueTokens.sha256(challengeToken), purpose);
        return userId.flatMap(users::findById)
                .filter(User::active)
                .orElseThrow(() -> ApiException.of(ProblemType.CHALLENGE_EXPIRED));
    }

    private void deleteChallenge(String challengeToken) {
        queries.deleteChallenge(OpaqueTokens.sha256(challengeToken));
    }

    private static ApiException invalidCode() {
        return ApiException.of(ProblemType.INVALID_TWO_FACTOR_CODE);
    }

    private TotpState state(long userId) {
        return queries.state(userId);
    }
}
