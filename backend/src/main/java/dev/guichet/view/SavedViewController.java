package dev.guichet.view;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.TextRules;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The queue views a technician or admin saved (rules in {@link SavedViewService}). */
@Controller("/api/v1/views")
@Secured({"TECHNICIAN", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "views")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class SavedViewController {

    private final SavedViewService views;

    SavedViewController(SavedViewService views) {
        this.views = views;
    }

    /** The caller's saved views, by name. */
    @Get
    public List<ViewResponse> listSavedViews(Authentication authentication) {
        return views.list(Caller.of(authentication)).stream()
                .map(ViewResponse::of)
                .toList();
    }

    /** Saves the queue's current filters and sort under a name: 201; 409 {@code view-exists} or {@code view-limit}. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<ViewResponse> createSavedView(@Body @Valid CreateView request, Authentication authentication) {
        SavedView saved = views.create(Caller.of(authentication), request.name(), request.query());
        return HttpResponse.created(ViewResponse.of(saved), URI.create("/api/v1/views/" + saved.id()));
    }

    /** Deletes one of the caller's views: 204; 404 for someone else's. */
    @ProblemResponses.NotFound
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void deleteSavedView(long id, Authentication authentication) {
        views.delete(Caller.of(authentication), id);
    }

    /**
     * A view to save.
     *
     * @param name  shown in the menu, 1–60 characters
     * @param query the queue's search string (e.g. {@code status=NEW&sort=created_at,asc}), up to 1 000 characters
     */
    @Serdeable
    public record CreateView(
            @NotBlank @Size(max = 60) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String name,

            @NotNull @Size(max = 1000) @Pattern(regexp = "[^\\s]*", message = TextRules.QUERY_STRING)
            String query) {}

    /** A saved view as the API shows it. */
    @Serdeable
    public record ViewResponse(long id, String name, String query, Instant createdAt) {
        static ViewResponse of(SavedView view) {
            return new ViewResponse(view.id(), view.name(), view.query(), view.createdAt());
        }
    }
}
