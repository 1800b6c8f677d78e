package dev.guichet.survey;

import dev.guichet.web.ClientAddress;
import dev.guichet.web.KeyedRateLimit;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import dev.guichet.web.RateLimiter;
import dev.guichet.web.RateLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The survey behind the link mailed with a "resolved" notification, without signing in. Every call
 * is rate-limited per client address: {@code SURVEY_IP_LIMIT} requests per {@code SURVEY_IP_WINDOW}
 * ({@link RateLimits}), counted by all replicas together, enough for a person answering from the
 * link and far too few to try tokens (a token has 256 random bits anyway). A wrong, expired or used
 * token gets a problem and nothing about the ticket.
 */
@Controller("/api/v1/public/surveys")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "survey")
@ProblemResponses.RateLimited
public class PublicSurveyController {

    /** The request header that carries a survey link's token on GET. */
    public static final String TOKEN_HEADER = "X-Survey-Token";

    private final SurveyService surveys;
    private final KeyedRateLimit perAddress;
    private final ClientAddress clientAddress;

    PublicSurveyController(SurveyService surveys, RateLimiter buckets, RateLimits limits, ClientAddress clientAddress) {
        this.surveys = surveys;
        this.perAddress = KeyedRateLimit.shared(
                buckets,
                "survey-ip",
                limits.surveyPerAddress(),
                limits.enabled(),
                wait -> new RateLimitedException(ProblemType.RATE_LIMITED, "rate-limited.detail", wait));
        this.clientAddress = clientAddress;
    }

    /**
     * The ticket's title and the current answer. The token travels in the {@code X-Survey-Token}
     * header, never in the URL, so it stays out of access logs. 404 {@code survey-link-invalid}
     * (unknown token, or a token of another ticket), 410 {@code survey-link-expired} or
     * {@code survey-link-used}, 429.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Get("/{ticketId}")
    public SurveyRequests.Survey viewSurveyByLink(
            long ticketId, @Header(TOKEN_HEADER) @NotBlank @Size(max = 100) String token, HttpRequest<?> request) {
        perAddress.take(clientAddress.of(request));
        return surveys.viewByToken(ticketId, token);
    }

    /**
     * Records the answer (score 1–5, optional comment) and spends the token: a link answers once,
     * later changes are made in the app. Errors as for GET, plus 409 {@code survey-closed} and 400.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/{ticketId}")
    public SurveyRequests.Survey answerSurveyByLink(
            long ticketId, @Body @Valid SurveyRequests.LinkAnswer answer, HttpRequest<?> request) {
        perAddress.take(clientAddress.of(request));
        return surveys.answerByToken(ticketId, answer);
    }
}
