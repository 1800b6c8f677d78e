package dev.guichet.user;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The caller's own account: profile, preferences and password. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "me")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class MeController {

    private final UserRepository users;
    private final UserService service;

    MeController(UserRepository users, UserService service) {
        this.users = users;
        this.service = service;
    }

    /** The caller: id, email, full_name, role, locale and preferences. */
    @Get
    public UserResponse getMe(Authentication authentication) {
        return users.findById(Caller.of(authentication).id())
                .map(UserResponse::of)
                .orElseThrow(() -> ApiException.unauthorized("account-gone"));
    }

    /** Edits the caller's name, locale or notification preference. */
    @ProblemResponses.BadRequest
    @Patch
    public UserResponse updateMe(@Body @Valid UserRequests.UpdateProfile request, Authentication authentication) {
        return UserResponse.of(service.updateProfile(Caller.of(authentication).id(), request));
    }

    /** Changes the caller's password and ends all their sessions (they log in again). */
    @ProblemResponses.BadRequest
    @Post("/password")
    @Status(HttpStatus.NO_CONTENT)
    public void changeMyPassword(@Body @Valid UserRequests.ChangePassword request, Authentication authentication) {
        service.changePassword(Caller.of(authentication).id(), request);
    }
}
