package dev.guichet.auth;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
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

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    /** Exchanges email and password for a token pair; 401 on bad credentials. */
    @Post("/login")
    public TokenResponse login(@Body @Valid AuthRequests.Login request) {
        return auth.login(request.email(), request.password());
    }

    /** Rotates a refresh token: returns a new pair and revokes the one presented. */
    @Post("/refresh")
    public TokenResponse refresh(@Body @Valid AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    /** Revokes the given refresh token. Always 204, so it reveals nothing about the token. */
    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    public void logout(@Body @Valid AuthRequests.Refresh request) {
        auth.logout(request.refreshToken());
    }
}
