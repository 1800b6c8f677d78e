package dev.guichet.canned;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Canned responses of technicians and admins: shared ones (admins manage them) and each agent's
 * own (rules in {@link CannedResponseService}). Employees are refused with 403. Bodies are
 * Markdown and may hold the placeholders of {@link Placeholders}, filled by {@code GET …/filled}.
 */
@Controller("/api/v1/canned-responses")
@Secured({"TECHNICIAN", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "canned-responses")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class CannedResponseController {

    private final CannedResponseService responses;

    CannedResponseController(CannedResponseService responses) {
        this.responses = responses;
    }

    /**
     * The shared replies and the caller's own, by title (at most 200).
     *
     * @param q     words looked for in the title or body, case-insensitively
     * @param scope {@code all} (default), {@code shared} or {@code personal}
     */
    @ProblemResponses.BadRequest
    @Get
    public List<CannedResponseView> listCannedResponses(
            @QueryValue
                    @Nullable
                    @Size(max = 200)
                    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
                    String q,
            @QueryValue(defaultValue = "all") @Pattern(regexp = "all|shared|personal") String scope,
            Authentication authentication) {
        CannedResponseService.Scope chosen =
                CannedResponseService.Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
        return responses.list(Caller.of(authentication), chosen, q).stream()
                .map(CannedResponseView::of)
                .toList();
    }

    /** Creates a reply: 201; 403 when a technician asks for {@code shared: true}. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<CannedResponseView> createCannedResponse(
            @Body @Valid CannedResponseRequest request, Authentication authentication) {
        CannedResponse saved = responses.create(
                Caller.of(authentication),
                Boolean.TRUE.equals(request.shared()),
                request.title(),
                request.body(),
                request.locale());
        return HttpResponse.created(CannedResponseView.of(saved), URI.create("/api/v1/canned-responses/" + saved.id()));
    }

    /** Replaces a reply's title, body and language ({@code shared} is ignored: a reply keeps its owner). */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Put("/{id}")
    public CannedResponseView updateCannedResponse(
            long id, @Body @Valid CannedResponseRequest request, Authentication authentication) {
        return CannedResponseView.of(
                responses.update(Caller.of(authentication), id, request.title(), request.body(), request.locale()));
    }

    /** Deletes a reply: 204; 403 shared and not admin; 404 unknown or someone else's. */
    @ProblemResponses.NotFound
    @Delete("/{id}")
    public HttpResponse<Void> deleteCannedResponse(long id, Authentication authentication) {
        responses.delete(Caller.of(authentication), id);
        return HttpResponse.noContent();
    }

    /** The reply's body with its placeholders filled for a ticket the caller may see; 404 otherwise. */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Get("/{id}/filled")
    public FilledResponse fillCannedResponse(
            long id, @QueryValue("ticket_id") long ticketId, Authentication authentication) {
        return new FilledResponse(responses.fill(Caller.of(authentication), id, ticketId));
    }

    /**
     * A new or changed reply.
     *
     * @param shared true for a reply every agent sees (admins only); default false (personal)
     * @param locale {@code fr}, {@code en}, or null for any language
     */
    @Serdeable
    public record CannedResponseRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String title,

            @NotBlank @Size(max = 20000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String body,

            @Nullable @Pattern(regexp = "fr|en") String locale,
            @Nullable Boolean shared) {}

    /** A canned response as the API shows it; {@code shared} false means it is the caller's own. */
    @Serdeable
    public record CannedResponseView(
            long id,
            String title,
            String body,
            @Nullable String locale,
            boolean shared,
            Instant createdAt,
            Instant updatedAt) {
        static CannedResponseView of(CannedResponse r) {
            return new CannedResponseView(
                    r.id(), r.title(), r.body(), r.locale(), r.shared(), r.createdAt(), r.updatedAt());
        }
    }

    /** A reply ready to insert: the body with its placeholders filled. */
    @Serdeable
    public record FilledResponse(String body) {}
}
