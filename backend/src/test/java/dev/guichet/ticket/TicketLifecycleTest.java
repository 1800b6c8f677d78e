package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @CsvSource({"NEW,IN_PROGRESS", "IN_PROGRESS,WAITING", "WAITING,IN_PROGRESS", "IN_PROGRESS,RESOLVED",
            "WAITING,RESOLVED", "RESOLVED,CLOSED", "RESOLVED,IN_PROGRESS"})
    void aTechnicianMakesEveryLegalTransition(String from, String to) {
        long id = ticketIn(from);
        Api.Response changed = change(ines, id, Map.of("status", to));
        assertEquals(to, changed.get("status"));
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({"NEW,WAITING", "NEW,RESOLVED", "NEW,CLOSED", "IN_PROGRESS,NEW", "IN_PROGRESS,CLOSED", "WAITING,CLOSED",
            "RESOLVED,NEW", "RESOLVED,WAITING", "CLOSED,IN_PROGRESS", "CLOSED,NEW", "CLOSED,RESOLVED"})
    void illegalTransitionsGet409AndChangeNothing(String from, String to) {
        long id = ticketIn(from);
        Api.Response before = api.get("/api/v1/tickets/" + id, ines.token());
        Map<String, Object> problem = assertProblem(409, api.patch("/api/v1/tickets/" + id, ines.token(),
                Map.of("version", before.get("version"), "status", to, "priority", "HIGH")));
        assertTrue(((String) problem.get("detail")).contains(from + " to " + to), problem::toString);
        Api.Response after = api.get("/api/v1/tickets/" + id, ines.token());
        assertEquals(before.body(), after.body());
    }

    @Test
    void resolvingAndClosingStampTheTicketAndReopeningClearsResolution() {
        long id = ticketIn("IN_PROGRESS");
        Api.Response resolved = change(ines, id, Map.of("status", "RESOLVED"));
        assertNotNull(resolved.get("resolved_at"));
        assertNull(resolved.get("closed_at"));
        Api.Response reopened = change(camille, id, Map.of("status", "IN_PROGRESS"));
        assertNull(reopened.get("resolved_at"));
        change(ines, id, Map.of("status", "RESOLVED"));
        Api.Response closed = change(camille, id, Map.of("status", "CLOSED"));
        assertNotNull(closed.get("closed_at"));
        assertNotNull(closed.get("resolved_at"));
        assertEquals(List.of(), closed.get("allowed_transitions"));
    }

    @Test
    void theRequesterMayOnlyCloseOrReopenAResolvedTicket() {
        long fresh = ticketIn("NEW");
        assertProblem(409, api.patch("/api/v1/tickets/" + fresh, camille.token(), Map.of("version", 0, "status", "IN_PROGRESS")));
        long waiting = ticketIn("WAITING");
        Api.Response w = api.get("/api/v1/tickets/" + waiting, camille.token());
        assertEquals(List.of(), w.get("allowed_transitions"));
        assertProblem(409, api.patch("/api/v1/tickets/" + waiting, camille.token(), Map.of("version", w.get("version"), "status", "RESOLVED")));
        long resolved = ticketIn("RESOLVED");
        assertEquals(List.of("IN_PROGRESS", "CLOSED"), api.get("/api/v1/tickets/" + resolved, camille.token()).get("allowed_transitions"));
        assertEquals("CLOSED", change(camille, resolved, Map.of("status", "CLOSED")).get("status"));
    }

    @Test
    void aClosedTicketTakesNoMoreReplies() {
        long id = ticketIn("CLOSED");
        assertProblem(409, api.post("/api/v1/tickets/" + id + "/comments", camille.token(), Map.of("body", "encore moi")));
    }
}
