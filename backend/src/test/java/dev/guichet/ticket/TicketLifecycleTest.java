package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lifecycle of docs/architecture.md: NEW → IN_PROGRESS ⇄ WAITING → RESOLVED → CLOSED, reopen, CLOSED final. */
class TicketLifecycleTest extends ApiTest {

    Person camille;
    Person ines;

    @BeforeEach
    void people() {
        camille = employee("Camille");
        ines = technician("Ines");
    }

    /** Brings a new ticket to {@code status} along legal moves. */
    long ticketIn(String status) {
        long id = ticket(camille, "Imprimante", "Bourrage papier");
        List<String> path = switch (status) {
            case "NEW" -> List.of();
            case "IN_PROGRESS" -> List.of("IN_PROGRESS");
            case "WAITING" -> List.of("IN_PROGRESS", "WAITING");
            case "RESOLVED" -> List.of("IN_PROGRESS", "RESOLVED");
            case "CLOSED" -> List.of("IN_PROGRESS", "RESOLVED", "CLOSED");
            default -> throw new IllegalArgumentException(status);
        };
        path.forEach(s -> change(ines, id, Map.of("status", s)));
        return id;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "NEW,IN_PROGRESS",
        "IN_PROGRESS,WAITING",
        "WAITING,IN_PROGRESS",
        "IN_PROGRESS,RESOLVED",
        "WAITING,RESOLVED",
        "RESOLVED,CLOSED",
        "RESOLVED,IN_PROGRESS"
    })
    void aTechnicianMakesEveryLegalTransition(String from, String to) {
        long id = ticketIn(from);
        Api.Response changed = change(ines, id, Map.of("status", to));
        assertEquals(TicketStatus.valueOf(to), changed.as(TicketResponse.class).status());
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({
        "NEW,WAITING",
        "NEW,RESOLVED",
        "NEW,CLOSED",
        "IN_PROGRESS,NEW",
        "IN_PROGRESS,CLOSED",
        "WAITING,CLOSED",
        "RESOLVED,NEW",
        "RESOLVED,WAITING",
        "CLOSED,IN_PROGRESS",
        "CLOSED,NEW",
        "CLOSED,RESOLVED"
    })
    void illegalTransitionsGet409AndChangeNothing(String from, String to) {
        long id = ticketIn(from);
        Api.Response before = api.get("/api/v1/tickets/" + id, ines.token());
        Problem problem = assertProblem(
                409,
                api.patch(
                        "/api/v1/tickets/" + id,
                        ines.token(),
                        Map.of(
                                "version",
                                before.as(TicketResponse.class).version(),
                                "status",
                                to,
                                "priority",
                                "HIGH")));
        assertTrue(problem.detail().contains(from + " to " + to), problem::toString);
        Api.Response after = api.get("/api/v1/tickets/" + id, ines.token());
        assertEquals(before.body(), after.body());
    }

    @Test
    void resolvingAndClosingStampTheTicketAndReopeningClearsResolution() {
        long id = ticketIn("IN_PROGRESS");
        TicketResponse resolved = change(ines, id, Map.of("status", "RESOLVED")).as(TicketResponse.class);
        assertNotNull(resolved.resolvedAt());
        assertNull(resolved.closedAt());
        TicketResponse reopened =
                change(camille, id, Map.of("status", "IN_PROGRESS")).as(TicketResponse.class);
        assertNull(reopened.resolvedAt());
        change(ines, id, Map.of("status", "RESOLVED"));
        TicketResponse closed = change(camille, id, Map.of("status", "CLOSED")).as(TicketResponse.class);
        assertNotNull(closed.closedAt());
        assertNotNull(closed.resolvedAt());
        assertEquals(Set.of(), closed.allowedTransitions());
    }

    @Test
    void theRequesterMayOnlyCloseOrReopenAResolvedTicket() {
        long fresh = ticketIn("NEW");
        assertProblem(
                409,
                api.patch("/api/v1/tickets/" + fresh, camille.token(), Map.of("version", 0, "status", "IN_PROGRESS")));
        long waiting = ticketIn("WAITING");
        TicketResponse w =
                api.get("/api/v1/tickets/" + waiting, camille.token()).as(TicketResponse.class);
        assertEquals(Set.of(), w.allowedTransitions());
        assertProblem(
                409,
                api.patch(
                        "/api/v1/tickets/" + waiting,
                        camille.token(),
                        Map.of("version", w.version(), "status", "RESOLVED")));
        long resolved = ticketIn("RESOLVED");
        // The raw JSON array: its order is the order the SPA offers the actions in.
        assertEquals(
                List.of("IN_PROGRESS", "CLOSED"),
                api.get("/api/v1/tickets/" + resolved, camille.token()).map().get("allowed_transitions"));
        assertEquals(
                TicketStatus.CLOSED,
                change(camille, resolved, Map.of("status", "CLOSED"))
                        .as(TicketResponse.class)
                        .status());
    }

    @Test
    void aClosedTicketTakesNoMoreReplies() {
        long id = ticketIn("CLOSED");
        assertProblem(
                409,
                api.post(
                        "/api/v1/tickets/" + id + "/comments",
                        camille.token(),
                        new CommentController.CreateComment("encore moi", null, null)));
    }
}
