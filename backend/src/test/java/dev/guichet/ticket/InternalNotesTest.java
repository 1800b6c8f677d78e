package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An internal note never reaches the requester, through any endpoint. */
class InternalNotesTest extends ApiTest {

    static final String SECRET = "motdepasseduserveurzorglub";

    Person camille;
    Person ines;
    long id;

    @BeforeEach
    void aTicketWithANoteAndAReply() {
        camille = employee("Camille");
        ines = technician("Ines");
        id = ticket(camille, "Accès au partage", "Je n'ai plus accès au dossier partagé comptabilité");
        assertEquals(201, api.post(path("/comments"), ines.token(), Map.of("body", "Note: " + SECRET, "internal", true)).status());
        assertEquals(201, api.post(path("/comments"), ines.token(), Map.of("body", "Pouvez-vous redémarrer votre poste ?")).status());
        change(ines, id, Map.of("status", "IN_PROGRESS", "assignee_id", ines.id()));
    }

    String path(String suffix) {
        return "/api/v1/tickets/" + id + suffix;
    }

    @Test
    void theRequesterReadsPublicRepliesOnly() {
        List<Map<String, Object>> seen = api.get(path("/comments"), camille.token()).list();
        assertEquals(1, seen.size());
        assertEquals(false, seen.getFirst().get("internal"));
        assertEquals("Ines", ((Map<?, ?>) seen.getFirst().get("author")).get("full_name"));
    }

    @Test
    void techniciansReadNotesAndRepliesInOrder() {
        List<Map<String, Object>> seen = api.get(path("/comments"), ines.token()).list();
        assertEquals(List.of(true, false), seen.stream().map(c -> c.get("internal")).toList());
    }

    @Test
    void noEndpointShowsTheNoteToTheRequester() {
        for (String p : List.of(path(""), path("/comments"), path("/history"), "/api/v1/tickets", "/api/v1/tickets?q=" + SECRET,
                "/api/v1/tickets/counts")) {
            Api.Response response = api.get(p, camille.token());
            assertEquals(200, response.status(), p);
            assertFalse(response.body().contains(SECRET), p + " leaked the note: " + response.body());
        }
    }

    @Test
    void searchNeverMatchesTheWordsOfANote() {
        assertTrue(ids(api.get("/api/v1/tickets?q=" + SECRET, camille.token())).isEmpty());
        assertTrue(ids(api.get("/api/v1/tickets?q=" + SECRET, ines.token())).isEmpty());
        assertEquals(List.of(id), ids(api.get("/api/v1/tickets?q=redemarrer", camille.token())));
    }

    @Test
    void aRequesterCannotWriteAnInternalNote() {
        assertProblem(403, api.post(path("/comments"), camille.token(), Map.of("body", "psst", "internal", true)));
        assertEquals(1, api.get(path("/comments"), camille.token()).list().size());
    }

    @Test
    void historyRecordsEveryChangeWithActorAndValues() {
        List<Map<String, Object>> history = api.get(path("/history"), camille.token()).list();
        assertEquals(List.of("created", "reply", "status", "assignee"), history.stream().map(h -> h.get("field")).toList());
        assertEquals(List.of("created", "internal_note", "reply", "status", "assignee"),
                api.get(path("/history"), ines.token()).list().stream().map(h -> h.get("field")).toList());
        Map<String, Object> assignee = history.get(3);
        assertEquals(null, assignee.get("old_value"));
        assertEquals("Ines", assignee.get("new_value"));
        assertEquals("Ines", ((Map<?, ?>) assignee.get("actor")).get("full_name"));
        assertEquals("NEW", history.get(2).get("old_value"));
        assertEquals("IN_PROGRESS", history.get(2).get("new_value"));
    }
}
