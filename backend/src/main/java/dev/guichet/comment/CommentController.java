package dev.guichet.comment;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.user.UserSummary;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conversation of a ticket: public replies and internal notes. A requester never receives an
 * internal note and cannot write one.
 */
@Controller("/api/v1/tickets/{ticketId}/comments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "comments")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class CommentController {

    private final CommentService comments;
    private final UserRepository users;

    CommentController(CommentService comments, UserRepository users) {
        this.comments = comments;
        this.users = users;
    }

    /** The conversation, oldest first; internal notes only for technicians and admins. */
    @ProblemResponses.NotFound
    @Get
    public List<CommentResponse> listComments(long ticketId, Authentication authentication) {
        List<Comment> found = comments.list(Caller.of(authentication), ticketId);
        Map<Long, User> authors = users
                .findByIdIn(found.stream().map(Comment::authorId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return found.stream()
                .map(c -> CommentResponse.of(c, authors.get(c.authorId())))
                .toList();
    }

    /**
     * Adds a public reply or, for technicians and admins, an internal note (rules in {@link CommentService}).
     *
     * @throws ApiException 403 when a requester writes an internal note; 404 unseen ticket; 409 on a closed ticket
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<CommentResponse> createComment(
            long ticketId, @Body @Valid CreateComment request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Comment saved = comments.add(
                caller, ticketId, request.body(), Boolean.TRUE.equals(request.internal()), request.status());
        User author = users.findById(caller.id()).orElseThrow();
        return HttpResponse.created(
                CommentResponse.of(saved, author), URI.create("/api/v1/tickets/" + ticketId + "/comments"));
    }

    /**
     * A new reply or note; {@code internal} defaults to false (public). {@code status}: technicians
     * only, with a public reply: the status to set in the same change ("send and set to Waiting").
     */
    @Serdeable
    public record CreateComment(
            @NotBlank @Size(max = 20000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
            String body,

            @Nullable Boolean internal,
            @Schema(type = "string") @Nullable TicketStatus status) {}

    /** A reply or note as the API shows it. */
    @Serdeable
    public record CommentResponse(
            long id, long ticketId, UserSummary author, String body, boolean internal, Instant createdAt) {
        static CommentResponse of(Comment c, User author) {
            return new CommentResponse(
                    c.id(), c.ticketId(), UserSummary.of(author), c.body(), c.internal(), c.createdAt());
        }
    }
}
