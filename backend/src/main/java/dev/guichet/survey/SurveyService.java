package dev.guichet.survey;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.TicketService;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The one-question satisfaction survey of a ticket (docs/architecture.md, "Reports, export and survey"): the requester scores the resolution
 * from 1 to 5 with an optional comment. One answer per ticket, changeable until the ticket is
 * CLOSED. It opens when the ticket is RESOLVED; an answer given stays (and can still be changed) if
 * the ticket is reopened. Technicians and admins read it; a score of {@value SurveyAlerts#LOW_SCORE}
 * or less alerts the category's technicians.
 *
 * <p>Two ways to answer: signed in, on the ticket's page; or without signing in, through the link
 * mailed with the "resolved" notification, whose token answers <b>once</b> (later changes are made
 * in the app), for its own ticket only, before it expires.
 */
@Singleton
public class SurveyService {

    private final SurveyQueries queries;
    private final SurveyTokens tokens;
    private final SurveyAlerts alerts;

    SurveyService(SurveyQueries queries, SurveyTokens tokens, SurveyAlerts alerts) {
        this.queries = queries;
        this.tokens = tokens;
        this.alerts = alerts;
    }

    /** What the survey needs of a ticket. */
    record TicketState(long id, String title, TicketStatus status, long requesterId) {}

    /**
     * The survey a mailed link opens.
     *
     * @throws ApiException 404 {@code survey-link-invalid} for an unknown token or one of another
     *                      ticket, 410 {@code survey-link-expired} / {@code survey-link-used}
     */
    @Transactional
    public SurveyRequests.Survey viewByToken(long ticketId, String token) {
        SurveyTokens.Token stored = usable(ticketId, token, false);
        TicketState ticket = ticket(stored.ticketId(), false);
        return view(ticket, ticket.status() != TicketStatus.CLOSED);
    }

    /**
     * Records an answer through a mailed link and spends the link's token.
     *
     * @throws ApiException as {@link #viewByToken}, and 409 {@code survey-closed} once the ticket is closed
     */
    @Transactional
    public SurveyRequests.Survey answerByToken(long ticketId, SurveyRequests.LinkAnswer answer) {
        SurveyTokens.Token stored = usable(ticketId, answer.token(), true);
        TicketState ticket = ticket(stored.ticketId(), true);
        record(ticket, answer.score(), answer.comment());
        tokens.markUsed(stored.id());
        return view(ticket, true);
    }

    /**
     * The survey of a ticket in the app: its requester, technicians and admins; 404 for other employees.
     */
    @Transactional
    public SurveyRequests.Survey view(Caller caller, long ticketId) {
        TicketState ticket = visible(caller, ticketId, false);
        Optional<SurveyRequests.Result> answer = answer(ticketId);
        return new SurveyRequests.Survey(
                ticket.id(),
                ticket.title(),
                ticket.status(),
                answer.orElse(null),
                mayAnswer(caller, ticket, answer.isPresent()));
    }

    /**
     * Records or changes the requester's answer in the app.
     *
     * @throws ApiException 404 for another employee's ticket, 403 {@code forbidden} for anyone but the
     *                      requester, 409 {@code survey-not-open} before the ticket is resolved,
     *                      409 {@code survey-closed} once it is closed
     */
    @Transactional
    public SurveyRequests.Survey answer(Caller caller, long ticketId, SurveyRequests.Answer answer) {
        TicketState ticket = visible(caller, ticketId, true);
        if (ticket.requesterId() != caller.id()) {
            throw ApiException.forbidden("survey-requester-only");
        }
        if (ticket.status() != TicketStatus.CLOSED
                && ticket.status() != TicketStatus.RESOLVED
                && answer(ticketId).isEmpty()) {
            throw ApiException.conflict(ProblemType.SURVEY_NOT_OPEN);
        }
        record(ticket, answer.score(), answer.comment());
        return view(caller, ticketId);
    }

    private static boolean mayAnswer(Caller caller, TicketState ticket, boolean answered) {
        return caller.id() == ticket.requesterId()
                && ticket.status() != TicketStatus.CLOSED
                && (answered || ticket.status() == TicketStatus.RESOLVED);
    }

    /** Upserts the answer under the ticket's row lock, then alerts on a score that became low. */
    private void record(TicketState ticket, int score, @Nullable String comment) {
        if (ticket.status() == TicketStatus.CLOSED) {
            throw ApiException.conflict(ProblemType.SURVEY_CLOSED);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Integer previous = answer(ticket.id()).map(SurveyRequests.Result::score).orElse(null);
        queries.saveAnswer(ticket.id(), score, text);
        if (score <= SurveyAlerts.LOW_SCORE && (previous == null || previous > SurveyAlerts.LOW_SCORE)) {
            alerts.lowScore(ticket.id(), ticket.requesterId(), score, text);
        }
    }

    private SurveyRequests.Survey view(TicketState ticket, boolean canAnswer) {
        return new SurveyRequests.Survey(
                ticket.id(),
                ticket.title(),
                ticket.status(),
                answer(ticket.id()).orElse(null),
                canAnswer);
    }

    private SurveyTokens.Token usable(long ticketId, String token, boolean lock) {
        SurveyTokens.Token stored = tokens.find(token, lock)
                .filter(t -> t.ticketId() == ticketId)
                .orElseThrow(() -> ApiException.of(ProblemType.SURVEY_LINK_INVALID));
        if (stored.used()) {
            throw ApiException.of(ProblemType.SURVEY_LINK_USED);
        }
        if (stored.expired()) {
            throw ApiException.of(ProblemType.SURVEY_LINK_EXPIRED);
        }
        return stored;
    }

    private TicketState visible(Caller caller, long ticketId, boolean lock) {
        TicketState ticket = find(ticketId, lock).orElseThrow(() -> ApiException.notFound("ticket"));
        if (!TicketService.mayView(caller, ticket.requesterId())) {
            throw ApiException.notFound("ticket");
        }
        return ticket;
    }

    private TicketState ticket(long ticketId, boolean lock) {
        return find(ticketId, lock).orElseThrow(() -> ApiException.notFound("ticket"));
    }

    private Optional<TicketState> find(long ticketId, boolean lock) {
        return queries.ticket(ticketId, lock);
    }

    private Optional<SurveyRequests.Result> answer(long ticketId) {
        return queries.answer(ticketId);
    }
}
