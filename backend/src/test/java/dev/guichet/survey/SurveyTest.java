package dev.guichet.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import io.micronaut.context.annotation.Property;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The satisfaction survey: the mailed link (single use, expiry, its own ticket only), in-app answers, alerts. */
@Property(name = "guichet.public-url", value = "https://helpdesk.example.test")
@Property(name = "guichet.rate-limits.survey-ip-limit", value = "12")
@Property(name = "guichet.rate-limits.survey-ip-window", value = "1h")
class SurveyTest extends ApiTest {

    private static final Pattern LINK =
            Pattern.compile("https://helpdesk\\.example\\.test/survey/(\\d+)#([A-Za-z0-9_-]{43})");

    @Test
    void theResolvedMailCarriesALinkThatAnswersOnceWithoutSigningIn() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        long id = ticket(camille, "Imprimante bloquée", "Elle ne sort plus rien");
        String token = resolveAndGetLink(hugo, id);
        // Only the token's SHA-256 is stored.
        assertEquals(
                List.of(SurveyTokens.hash(token)),
                column("SELECT token_hash FROM survey_tokens WHERE ticket_id = " + id));

        Api.Response opened = view(id, token);
        assertEquals(200, opened.status(), opened::toString);
        SurveyRequests.Survey survey = opened.as(SurveyRequests.Survey.class);
        assertEquals("Imprimante bloquée", survey.title());
        assertNull(survey.answer());
        assertEquals(true, survey.canAnswer());

        Api.Response answered = api.post(
                "/api/v1/public/surveys/" + id, null, new SurveyRequests.LinkAnswer(token, 4, "Rapide, merci"));
        assertEquals(200, answered.status(), answered::toString);
        assertEquals(4, answered.as(SurveyRequests.Survey.class).answer().score());

        // Used: the link neither answers again nor shows the ticket any more.
        Problem again = assertProblem(
                410, api.post("/api/v1/public/surveys/" + id, null, new SurveyRequests.LinkAnswer(token, 1, null)));
        assertEquals("https://guichet.dev/problems/survey-link-used", again.type());
        Api.Response reopened = view(id, token);
        assertEquals(
                "https://guichet.dev/problems/survey-link-used",
                assertProblem(410, reopened).type());
        assertFalse(reopened.body().contains("Imprimante"));
        // The technician sees the answer on the ticket, unchanged by the refused second try.
        SurveyRequests.Result seen = survey(api.get("/api/v1/tickets/" + id + "/survey", hugo.token()))
                .answer();
        assertEquals(4, seen.score());
        assertEquals("Rapide, merci", seen.comment());
    }

    @Test
    void anExpiredLinkIsRefusedAndRecordsNothing() {
        Person camille = employee("Camille");
        long id = ticket(camille, "Écran noir", "Après la mise à jour");
        String token = resolveAndGetLink(technician("Hugo"), id);
        tx.executeWrite(s -> jdbc.prepareStatement(
                "UPDATE survey_tokens SET expires_at = now() - interval '1 minute'", ps -> ps.executeUpdate()));

        Problem problem = assertProblem(
                410, api.post("/api/v1/public/surveys/" + id, null, new SurveyRequests.LinkAnswer(token, 5, null)));

        assertEquals("https://guichet.dev/problems/survey-link-expired", problem.type());
        assertEquals(List.of(), column("SELECT score::text FROM satisfaction_surveys"));
    }

    @Test
    void aLinkOnlyAnswersForItsOwnTicketAndAnUnknownTokenRevealsNothing() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        long first = ticket(camille, "Souris cassée", "La molette");
        long second = ticket(camille, "Badge refusé", "Porte du 3e");
        String token = resolveAndGetLink(hugo, first);

        Api.Response wrongTicket =
                api.post("/api/v1/public/surveys/" + second, null, new SurveyRequests.LinkAnswer(token, 1, null));
        assertEquals(
                "https://guichet.dev/problems/survey-link-invalid",
                assertProblem(404, wrongTicket).type());
        assertFalse(wrongTicket.body().contains("Badge") || wrongTicket.body().contains("Souris"));
        Api.Response unknown = view(first, "A".repeat(43));
        assertEquals(
                "https://guichet.dev/problems/survey-link-invalid",
                assertProblem(404, unknown).type());
        assertFalse(unknown.body().contains("Souris"));
        // The link still works for its own ticket.
        assertEquals(
                200,
                api.post("/api/v1/public/surveys/" + first, null, new SurveyRequests.LinkAnswer(token, 3, null))
                        .status());
        assertEquals(List.of(first + ":3"), column("SELECT ticket_id || ':' || score FROM satisfaction_surveys"));
    }

    @Test
    void theRequesterAnswersInTheAppAndChangesTheAnswerUntilTheTicketIsClosed() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        long id = ticket(camille, "VPN lent", "Depuis lundi");
        String path = "/api/v1/tickets/" + id + "/survey";
        // Not before the ticket is resolved.
        assertEquals(false, survey(api.get(path, camille.token())).canAnswer());
        assertEquals(
                "https://guichet.dev/problems/survey-not-open",
                assertProblem(409, api.send("PUT", path, camille.token(), new SurveyRequests.Answer(5, null)))
                        .type());
        String token = resolveAndGetLink(hugo, id);

        assertEquals(true, survey(api.get(path, camille.token())).canAnswer());
        assertEquals(
                200,
                api.send("PUT", path, camille.token(), new SurveyRequests.Answer(5, null))
                        .status());
        Api.Response changed =
                api.send("PUT", path, camille.token(), new SurveyRequests.Answer(3, "Finalement, ça recommence"));
        assertEquals(3, survey(changed).answer().score());
        assertEquals(List.of("1"), column("SELECT count(*)::text FROM satisfaction_surveys"));
        // Only the requester answers; other employees do not even see the ticket.
        assertProblem(403, api.send("PUT", path, hugo.token(), new SurveyRequests.Answer(1, null)));
        assertProblem(404, api.get(path, employee("Zoe").token()));
        assertProblem(400, api.send("PUT", path, camille.token(), new SurveyRequests.Answer(6, null)));

        change(camille, id, Map.of("status", "CLOSED"));

        assertEquals(false, survey(api.get(path, camille.token())).canAnswer());
        assertEquals(
                "https://guichet.dev/problems/survey-closed",
                assertProblem(409, api.send("PUT", path, camille.token(), new SurveyRequests.Answer(1, null)))
                        .type());
        assertEquals(
                "https://guichet.dev/problems/survey-closed",
                assertProblem(
                                409,
                                api.post(
                                        "/api/v1/public/surveys/" + id,
                                        null,
                                        new SurveyRequests.LinkAnswer(token, 1, null)))
                        .type());
        assertEquals(List.of("3"), column("SELECT score::text FROM satisfaction_surveys"));
    }

    @Test
    void aLowScoreAlertsTheTechniciansOnceNotTheRequester() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        Person ines = technician("Ines");
        long id = ticket(camille, "Wi-Fi coupé", "Salle B");
        resolveAndGetLink(hugo, id);
        String path = "/api/v1/tickets/" + id + "/survey";

        api.send("PUT", path, camille.token(), new SurveyRequests.Answer(4, null));
        assertEquals(List.of(), alerts());
        api.send("PUT", path, camille.token(), new SurveyRequests.Answer(2, "Toujours coupé"));
        api.send("PUT", path, camille.token(), new SurveyRequests.Answer(1, "Toujours coupé"));

        // No category mapped: every technician and admin, once, with the score and the comment.
        assertEquals(List.of(hugo.email(), ines.email()), alerts());
        String body = column("SELECT body_text FROM mail_outbox WHERE kind = 'SURVEY_LOW_SCORE' ORDER BY id LIMIT 1")
                .getFirst();
        assertTrue(body.contains("2/5") && body.contains("Toujours coupé"), body);
    }

    @Test
    void theAnonymousEndpointsAreRateLimitedPerAddress() {
        for (int i = 0; i < 12; i++) {
            assertEquals(404, view(1, "guess" + i).status());
        }
        Api.Response limited = view(1, "guess");
        assertEquals(
                "https://guichet.dev/problems/rate-limited",
                assertProblem(429, limited).type());
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
    }

    @Test
    void eachTokenIsUnguessableAndDifferent() {
        Person camille = employee("Camille");
        Person hugo = technician("Hugo");
        String first = resolveAndGetLink(hugo, ticket(camille, "Un", "Un"));
        String second = resolveAndGetLink(hugo, ticket(camille, "Deux", "Deux"));
        assertNotEquals(first, second);
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(first).length);
    }

    /** Opens the survey as the public page does: the token in its header, not in the URL. */
    private static SurveyRequests.Survey survey(Api.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response.as(SurveyRequests.Survey.class);
    }

    private Api.Response view(long ticketId, String token) {
        return api.send(
                "GET",
                "/api/v1/public/surveys/" + ticketId,
                null,
                null,
                Map.of(PublicSurveyController.TOKEN_HEADER, token));
    }

    private List<String> alerts() {
        return column(
                "SELECT recipient_email FROM mail_outbox WHERE kind = 'SURVEY_LOW_SCORE' ORDER BY recipient_email");
    }

    /** Resolves the ticket as the technician and returns the token of the survey link mailed to the requester. */
    private String resolveAndGetLink(Person technician, long id) {
        change(technician, id, Map.of("status", "IN_PROGRESS"));
        change(technician, id, Map.of("status", "RESOLVED"));
        List<String> bodies =
                column("SELECT body_text || body_html FROM mail_outbox WHERE kind = 'RESOLVED' AND ticket_id = " + id);
        assertEquals(1, bodies.size(), bodies::toString);
        Matcher link = LINK.matcher(bodies.getFirst());
        assertTrue(link.find(), bodies::toString);
        assertEquals(String.valueOf(id), link.group(1));
        return link.group(2);
    }

    private List<String> column(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            List<String> values = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }
}
