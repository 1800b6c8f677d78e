package dev.guichet.survey;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The satisfaction survey of a ticket in the app: read by its requester and agents, answered by its requester. */
@Controller("/api/v1/tickets/{id}/survey")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "survey")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class SurveyController {

    private final SurveyService surveys;

    SurveyController(SurveyService surveys) {
        this.surveys = surveys;
    }

    /** The answer (null before one) and whether the caller may answer now; 404 for another employee's ticket. */
    @ProblemResponses.NotFound
    @Get
    public SurveyRequests.Survey getSurvey(long id, Authentication authentication) {
        return surveys.view(Caller.of(authentication), id);
    }

    /**
     * Records or changes the requester's answer. 403 for anyone else, 409 {@code survey-not-open}
     * before the ticket is resolved, 409 {@code survey-closed} once it is closed.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Put
    public SurveyRequests.Survey answerSurvey(
            long id, @Body @Valid SurveyRequests.Answer answer, Authentication authentication) {
        return surveys.answer(Caller.of(authentication), id, answer);
    }
}
