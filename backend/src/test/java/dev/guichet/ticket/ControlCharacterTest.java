package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text a column cannot store (NUL) or a person cannot see is a 400 naming the field, never a 500.
 * The refused bodies are sent as maps, the way a client that skips validation would send them.
 */
class ControlCharacterTest extends ApiTest {

    @Test
    void nulInASearchIsRefusedOnEveryListing() {
        Person alice = admin("Alice");
        for (String path :
                List.of("/api/v1/tickets?q=a%00b", "/api/v1/tickets/counts?q=a%00b", "/api/v1/users?q=a%00b")) {
            assertEquals("q", field(assertProblem(400, api.get(path, alice.token()))), path);
        }
    }

    @Test
    void nulInTicketTextIsRefusedAndNothingIsStored() {
        Person camille = employee("Camille");
        assertEquals(
                "title",
                field(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets",
                                camille.token(),
                                Map.of("title", "Im\u0000primante", "description", "Bourrage")))));
        assertEquals(
                "description",
                field(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets",
                                camille.token(),
                                Map.of("title", "Imprimante", "description", "Bour\u0000rage")))));
        assertEquals(0L, count("SELECT count(*) FROM tickets"));
    }

    @Test
    void nulInACommentIsRefusedButLineBreaksAndTabsAreKept() {
        Person camille = employee("Camille");
        long id = ticket(camille, "Imprimante", "Bourrage papier");
        assertEquals(
                "body",
                field(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets/" + id + "/comments",
                                camille.token(),
                                Map.of("body", "Merci\u0000")))));

        Api.Response kept = api.post(
                "/api/v1/tickets/" + id + "/comments",
                camille.token(),
                new CommentController.CreateComment("Ligne 1\r\nLigne 2\n\tindentée", null, null));

        assertEquals(201, kept.status(), kept::toString);
        assertEquals(
                "Ligne 1\r\nLigne 2\n\tindentée",
                kept.as(CommentController.CommentResponse.class).body());
    }

    @Test
    void aControlCharacterInATitleIsRefusedEvenWhenPostgresCouldStoreIt() {
        Person camille = employee("Camille");
        assertEquals(
                "title",
                field(assertProblem(
                        400,
                        api.post(
                                "/api/v1/tickets",
                                camille.token(),
                                Map.of("title", "Imprimante\u001b[31m", "description", "Bourrage")))));
    }

    @Test
    void nulInAProfileNameIsRefused() {
        Person camille = employee("Camille");
        assertEquals(
                "full_name",
                field(assertProblem(
                        400, api.patch("/api/v1/me", camille.token(), Map.of("full_name", "Cam\u0000ille")))));
    }

    @Test
    void everyMalformedSortIsABadRequest() {
        Person alice = admin("Alice");
        for (String sort :
                List.of(",", ",,", "created_at,", ",desc", "created_at,desc,x", "created_at,up", "%00", "nope")) {
            assertEquals(
                    "sort", field(assertProblem(400, api.get("/api/v1/tickets?sort=" + sort, alice.token()))), sort);
        }
        assertEquals(
                200,
                api.get("/api/v1/tickets?sort=priority,desc", alice.token()).status());
    }

    private static String field(Problem problem) {
        return problem.errors() == null || problem.errors().isEmpty()
                ? null
                : problem.errors().getFirst().field();
    }

    private long count(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
