package dev.guichet.user;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.PageResponse;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;

/** Account administration (admins), and the list of people tickets can be assigned to (agents). */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class UserController {

    private final UserRepository users;
    private final UserService service;

    UserController(UserRepository users, UserService service) {
        this.users = users;
        this.service = service;
    }

    /** Lists accounts, filtered by a name/email substring, role and activity; 0-based pages of ≤ 100. */
    @ProblemResponses.BadRequest
    @Get
    @Secured("ADMIN")
    public PageResponse<UserResponse> listUsers(
            @QueryValue @Nullable String q,
            @QueryValue @Schema(type = "string") @Nullable Role role,
            @QueryValue @Nullable Boolean active,
            @QueryValue(defaultValue = "0") @Min(0) int page,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        String needle = q == null || q.isBlank() ? null : EmailAddresses.normalize("q", q);
        Page<User> found = users.search(needle, role == null ? null : role.name(), active, Pageable.from(page, size));
        return new PageResponse<>(
                found.getContent().stream().map(UserResponse::of).toList(), page, size, found.getTotalSize());
    }

    /** Active technicians and admins, by name: who a ticket may be assigned to. */
    @Get("/assignable")
    @Secured({"TECHNICIAN", "ADMIN"})
    public List<UserSummary> listAssignableUsers() {
        return users.findAssignable().stream().map(UserSummary::of).toList();
    }

    /** One account. */
    @ProblemResponses.NotFound
    @Get("/{id}")
    @Secured("ADMIN")
    public UserResponse getUser(long id) {
        return users.findById(id).map(UserResponse::of).orElseThrow(() -> ApiException.notFound("user"));
    }

    /** Creates an account; 409 if the email is taken. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    @Secured("ADMIN")
    public HttpResponse<UserResponse> createUser(@Body @Valid UserRequests.CreateUser request) {
        User user = service.create(request);
        return HttpResponse.created(UserResponse.of(user), URI.create("/api/v1/users/" + user.id()));
    }

    /** Edits name, role, activity, locale or resets the password; ending sessions where needed. */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Patch("/{id}")
    @Secured("ADMIN")
    public UserResponse updateUser(
            long id, @Body @Valid UserRequests.UpdateUser request, Authentication authentication) {
        return UserResponse.of(service.update(Caller.of(authentication).id(), id, request));
    }
}
