package dev.guichet.auth;

import dev.guichet.user.EmailAddresses;
import dev.guichet.web.ClientAddress;
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

/** Login, token rotation and logout (design.md, HTTP API). */
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
public class AuthController {

    private final AuthService auth;
    private final LoginThrottle throttle;
    private final ClientAddress clients;
    private final PasswordTokens passwordTokens;

    AuthController(AuthService auth, LoginThrottle throttle, ClientAddress clients, PasswordTokens passwordTokens) {
        this.auth = auth;
        this.passwordTokens = passwordTokens;
        this.throttle = throttle;
        this.clients = clients;
    }

    /**
     * Exchanges email and password for a token pair; 401 on bad credentials; 429 with
     * {@code Retry-After} when the client address or the account has failed too often (see {@link LoginThrottle}).
     */
    @Post("/login")
    public TokenResponse login(@Body @Valid AuthRequests.Login request, HttpRequest<?> http) {
        String email = EmailAddresses.normalize("email", request.email());
        LoginThrottle.Attempt attempt = throttle.begin(email, clients.of(http));
        TokenResponse tokens = auth.login(email, request.password());
        attempt.succeeded();
        return tokens;
    }

    /** Rotates a refresh token: returns a new pair and revokes the one presented. */
    @Post("/refresh")
    public TokenResponse refresh(@Body @Valid AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    /**
     * Ends every session of the caller, this one included: all refresh tokens are revoked and every
     * access token issued so far is refused from the next request. 204; 401 without a valid token.
     */
    @Post("/logout-all")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    public void logoutEverywhere(Authentication authentication) {
        auth.revokeAllSessions(Caller.of(authentication).id());
    }

    /** Revokes the given refresh token. Always 204, so it reveals nothing about the token. */
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
    @Post("/password-token")
    @Status(HttpStatus.NO_CONTENT)
    public void usePasswordToken(@Body @Valid AuthRequests.UsePasswordToken request) {
        passwordTokens.use(request.token(), request.password());
    }
}
