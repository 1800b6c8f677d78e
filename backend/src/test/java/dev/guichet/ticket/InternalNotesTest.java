package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController.CommentResponse;
import dev.guichet.comment.CommentController.CreateComment;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                201,
                api.post(path("/comments"), ines.token(), new CreateComment("Note: " + SECRET, true, null))
                        .status());
        assertEquals(
                201,
                api.post(
                                path("/comments"),
                                ines.token(),
                                new CreateComment("Pouvez-vous redémarrer votre poste ?", null, null))
                        .status());
        change(ines, id, Map.of("status", "IN_PROGRESS", "assignee_id", ines.id()));
    }

    String path(String suffix) {
        return "/api/v1/tickets/" + id + suffix;
    }

    List<CommentResponse> comments(Person who) {
        return api.get(path("/comments"), who.token()).asList(CommentResponse.class);
    }

    List<TicketHistory.Entry> history(Person who) {
        return api.get(path("/history"), who.token()).asList(TicketHistory.Entry.class);
    }

    @Test
    void theRequesterReadsPublicRepliesOnly() {
        List<CommentResponse> seen = comments(camille);
        assertEquals(1, seen.size());
        assertEquals(false, seen.getFirst().internal());
        assertEquals("Ines", seen.getFirst().author().fullName());
    }

    @Test
    void techniciansReadNotesAndRepliesInOrder() {
        assertEquals(
                List.of(true, false),
                comments(ines).stream().map(CommentResponse::internal).toList());
    }

    @Test
    void noEndpointShowsTheNoteToTheRequester() {
        for (String p : List.of(
                path(""),
                path("/comments"),
                path("/history"),
                "/api/v1/tickets",
                "/api/v1/tickets?q=" + SECRET,
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
        assertProblem(403, api.post(path("/comments"), camille.token(), new CreateComment("psst", true, null)));
        assertEquals(1, comments(camille).size());
    }

    @Test
    void historyRecordsEveryChangeWithActorAndValues() {
        List<TicketHistory.Entry> history = history(camille);
        assertEquals(
                List.of("created", "reply", "status", "assignee"),
                history.stream().map(TicketHistory.Entry::field).toList());
        assertEquals(
                List.of("created", "internal_note", "reply", "status", "assignee"),
                history(ines).stream().map(TicketHistory.Entry::field).toList());
        TicketHistory.Entry assignee = history.get(3);
        assertEquals(null, assignee.oldValue());
        assertEquals("Ines", assignee.newValue());
        assertEquals("Ines", assignee.actor().fullName());
        assertEquals("NEW", history.get(2).oldValue());
        assertEquals("IN_PROGRESS", history.get(2).newValue());
    }
}
