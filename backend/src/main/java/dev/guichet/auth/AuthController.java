package dev.guichet.auth;

import dev.guichet.auth.totp.TwoFactorService;
import dev.guichet.user.EmailAddresses;
import dev.guichet.user.User;
import dev.guichet.web.ClientAddress;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Login, token rotation and logout (docs/architecture.md, "API conventions"). */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@ProblemResponses.RateLimited
public class AuthController {

    private final AuthService auth;
    private final LoginThrottle throttle;
    private final ClientAddress clients;
    private final LocalLogin localLogin;
    private final TwoFactorService twoFactor;
    private final PasswordTokens passwordTokens;

    AuthController(
            AuthService auth,
            LoginThrottle throttle,
            ClientAddress clients,
            LocalLogin localLogin,
            TwoFactorService twoFactor,
            PasswordTokens passwordTokens) {
        this.auth = auth;
        this.passwordTokens = passwordTokens;
        this.throttle = throttle;
        this.clients = clients;
        this.localLogin = localLogin;
        this.twoFactor = twoFactor;
    }

    /**
     * Exchanges email and password for a token pair, or for a challenge when a second factor is due
     * (see {@link LoginResponse}); 401 on bad credentials; 403 {@code local-login-disabled} when
     * password login is off for this account; 429 with {@code Retry-After} when the client address or
     * the account has failed too often (see {@link LoginThrottle}).
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @Post("/login")
    public LoginResponse login(@Body @Valid AuthRequests.Login request, HttpRequest<?> http) {
        String email = EmailAddresses.normalize("email", request.email());
        localLogin.check(email);
        LoginThrottle.Attempt attempt = throttle.begin(email, clients.of(http));
        User user = auth.checkPassword(email, request.password());
        attempt.succeeded();
        return twoFactor.afterPassword(user);
    }

    /**
     * Second step of a login: a code from the authenticator app, or a recovery code. 401
     * {@code invalid-two-factor-code} or {@code challenge-expired}; 429 like a password.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @Post("/login/two-factor")
    public LoginResponse loginSecondFactor(@Body @Valid AuthRequests.SecondFactor request, HttpRequest<?> http) {
        return twoFactor.completeLogin(request.challengeToken(), request.code(), clients.of(http));
    }

    /** Enrolment that the account's role requires, during login: a new secret and its QR code. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @ProblemResponses.Conflict
    @Post("/login/two-factor/setup")
    public TwoFactorService.Setup loginTwoFactorSetup(@Body @Valid AuthRequests.Challenge request) {
        return twoFactor.setupAtLogin(request.challengeToken());
    }

    /** Finishes that enrolment with the first code: tokens plus recovery codes, shown once. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @ProblemResponses.Conflict
    @Post("/login/two-factor/confirm")
    public LoginResponse loginTwoFactorConfirm(@Body @Valid AuthRequests.SecondFactor request, HttpRequest<?> http) {
        return twoFactor.confirmAtLogin(request.challengeToken(), request.code(), clients.of(http));
    }

    /** Rotates a refresh token: returns a new pair and revokes the one presented. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Unauthorized
    @Post("/refresh")
    public TokenResponse refreshTokens(@Body @Valid AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    /**
     * Ends every session of the caller, this one included: all refresh tokens are revoked and every
     * access token issued so far is refused from the next request. 204; 401 without a valid token.
     */
    @ProblemResponses.Unauthorized
    @Post("/logout-all")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    public void logoutEverywhere(Authentication authentication) {
        auth.revokeAllSessions(Caller.of(authentication).id());
    }

    /** Revokes the given refresh token. Always 204, so it reveals nothing about the token. */
    @ProblemResponses.BadRequest
    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    public void logout(@Body @Valid AuthRequests.Refresh request) {
        auth.logout(request.refreshToken());
    }

    /**
     * Chooses a password with the single-use token of a "choose your password" link (accounts created
     * from an email). 204; 400 {@code invalid-token} when it is unknown, expired or used; 400 when the
     * password breaks the policy.
     */
    @ProblemResponses.BadRequest
    @Post("/password-token")
    @Status(HttpStatus.NO_CONTENT)
    public void usePasswordToken(@Body @Valid AuthRequests.UsePasswordToken request) {
        passwordTokens.use(request.token(), request.password());
    }
}
