package dev.guichet.attachment;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Files sent with a reply or a note: linked to it, checked like any attachment, hidden with internal notes. */
class ReplyAttachmentTest extends ApiTest {

    private long comment(Person who, long ticket, String body, boolean internal) {
        Api.Response created = api.post("/api/v1/tickets/" + ticket + "/comments", who.token(),
                Map.of("body", body, "internal", internal));
        assertEquals(201, created.status(), created::toString);
        return created.id();
    }

    private Api.Response upload(Person who, long ticket, Long commentId) {
        String query = commentId == null ? "" : "?comment_id=" + commentId;
        return api.upload("/api/v1/tickets/" + ticket + "/attachments" + query, who.token(), "capture.png", "image/png",
                Files.png(20));
    }

    private List<Map<String, Object>> attachments(Person who, long ticket) {
        return api.get("/api/v1/tickets/" + ticket + "/attachments", who.token()).list();
    }

    @Test
    void aFileSentWithAReplyIsLinkedToIt() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "Écran noir", "Rien ne s'affiche");
        long reply = comment(ines, ticket, "Voici la procédure en image.", false);

        Api.Response uploaded = upload(ines, ticket, reply);
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals(reply, ((Number) uploaded.get("comment_id")).longValue());
        Api.Response plain = upload(camille, ticket, null);
        assertEquals(201, plain.status(), plain::toString);
        assertNull(plain.get("comment_id"));

        List<Map<String, Object>> seen = attachments(camille, ticket);
        assertEquals(2, seen.size());
        assertEquals(reply, ((Number) seen.get(0).get("comment_id")).longValue());
    }

    @Test
    void aFileCanOnlyJoinOnesOwnReplyOnTheSameTicket() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        long ticket = ticket(camille, "Écran noir", "Rien");
        long other = ticket(camille, "Clavier", "Touches");
        long inesReply = comment(ines, ticket, "Réponse d'Ines", false);

        Map<String, Object> problem = assertProblem(400, upload(hugo, ticket, inesReply));
        assertEquals("comment_id", ((List<Map<String, Object>>) problem.get("errors")).getFirst().get("field"));
        assertProblem(400, upload(ines, other, inesReply));
        assertProblem(400, upload(ines, ticket, 987654L));
        assertEquals(List.of(), attachments(ines, ticket));
    }

    @Test
    void theFilesOfAnInternalNoteStayHiddenFromTheRequester() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "VPN", "KO");
        long note = comment(ines, ticket, "Journal du pare-feu ci-joint", true);
        long fileId = upload(ines, ticket, note).id();

        assertEquals(List.of(), attachments(camille, ticket));
        assertEquals(1, attachments(ines, ticket).size());
        assertEquals(404, api.download("/api/v1/attachments/" + fileId, camille.token()).statusCode());
        assertEquals(200, api.download("/api/v1/attachments/" + fileId, ines.token()).statusCode());
    }

    @Test
    void noFileJoinsAReplyOnceTheTicketIsClosed() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "VPN", "KO");
        long reply = comment(ines, ticket, "Réglé", false);
        change(ines, ticket, Map.of("status", "IN_PROGRESS"));
        change(ines, ticket, Map.of("status", "RESOLVED"));
        change(ines, ticket, Map.of("status", "CLOSED"));
        assertProblem(409, upload(ines, ticket, reply));
    }
}
