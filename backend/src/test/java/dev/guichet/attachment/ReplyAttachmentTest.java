package dev.guichet.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files sent with a reply or a note: linked to it, checked like any attachment, hidden with internal notes. */
class ReplyAttachmentTest extends ApiTest {

    private long comment(Person who, long ticket, String body, boolean internal) {
        Api.Response created = api.post(
                "/api/v1/tickets/" + ticket + "/comments",
                who.token(),
                new CommentController.CreateComment(body, internal, null));
        assertEquals(201, created.status(), created::toString);
        return created.as(CommentController.CommentResponse.class).id();
    }

    private Api.Response upload(Person who, long ticket, Long commentId) {
        String query = commentId == null ? "" : "?comment_id=" + commentId;
        return api.upload(
                "/api/v1/tickets/" + ticket + "/attachments" + query,
                who.token(),
                "capture.png",
                "image/png",
                Files.png(20));
    }

    private List<AttachmentResponse> attachments(Person who, long ticket) {
        return api.get("/api/v1/tickets/" + ticket + "/attachments", who.token())
                .asList(AttachmentResponse.class);
    }

    @Test
    void aFileSentWithAReplyIsLinkedToIt() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long ticket = ticket(camille, "Écran noir", "Rien ne s'affiche");
        long reply = comment(ines, ticket, "Voici la procédure en image.", false);

        Api.Response uploaded = upload(ines, ticket, reply);
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals(reply, uploaded.as(AttachmentResponse.class).commentId());
        Api.Response plain = upload(camille, ticket, null);
        assertEquals(201, plain.status(), plain::toString);
        assertNull(plain.as(AttachmentResponse.class).commentId());

        List<AttachmentResponse> seen = attachments(camille, ticket);
        assertEquals(2, seen.size());
        assertEquals(reply, seen.get(0).commentId());
    }

    @Test
    void aFileCanOnlyJoinOnesOwnReplyOnTheSameTicket() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        Person hugo = technician("Hugo");
        long ticket = ticket(camille, "Écran noir", "Rien");
        long other = ticket(camille, "Clavier", "Touches");
        long inesReply = comment(ines, ticket, "Réponse d'Ines", false);

        Problem problem = assertProblem(400, upload(hugo, ticket, inesReply));
        assertEquals("comment_id", problem.errors().getFirst().field());
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
        long fileId = upload(ines, ticket, note).as(AttachmentResponse.class).id();

        assertEquals(List.of(), attachments(camille, ticket));
        assertEquals(1, attachments(ines, ticket).size());
        assertEquals(
                404,
                api.download("/api/v1/attachments/" + fileId, camille.token()).statusCode());
        assertEquals(
                200, api.download("/api/v1/attachments/" + fileId, ines.token()).statusCode());
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
