package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController.CommentResponse;
import dev.guichet.comment.CommentController.CreateComment;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import io.micronaut.core.type.Argument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue reacts to what happens: automatic transitions (a requester's answer, an assignment),
 * a reply that sets the status in the same change with one email, and unread marks per person.
 */
class AgentWorkflowTest extends ApiTest {

    Person camille;
    Person ines;
    Person hugo;
    long id;

    @BeforeEach
    void aTicket() {
        camille = employee("Camille");
        ines = technician("Ines");
        hugo = technician("Hugo");
        id = ticket(camille, "VPN coupé", "Le VPN se coupe toutes les dix minutes depuis ce matin");
    }

    String path(String suffix) {
        return "/api/v1/tickets/" + id + suffix;
    }

    TicketResponse ticket() {
        return api.get(path(""), ines.token()).as(TicketResponse.class);
    }

    /** @param body a {@link CreateComment}, or a map for a status that does not exist */
    Api.Response reply(Person who, Object body) {
        return api.post(path("/comments"), who.token(), body);
    }

    List<TicketHistory.Entry> history() {
        return api.get(path("/history"), ines.token()).asList(TicketHistory.Entry.class);
    }

    List<TicketHistory.Entry> statusHistory() {
        return history().stream().filter(h -> "status".equals(h.field())).toList();
    }

    int comments() {
        return api.get(path("/comments"), ines.token())
                .asList(CommentResponse.class)
                .size();
    }

    long mails(String condition) {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT count(*) FROM mail_outbox WHERE ticket_id = ? AND " + condition, ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    static String actorName(TicketHistory.Entry entry) {
        return entry.actor().fullName();
    }

    @Test
    void assigningANewTicketStartsTheWork() {
        change(ines, id, Map.of("assignee_id", hugo.id()));

        TicketResponse t = ticket();
        assertEquals(TicketStatus.IN_PROGRESS, t.status());
        assertEquals("Hugo", t.assignee().fullName());
        List<TicketHistory.Entry> moves = statusHistory();
        assertEquals(1, moves.size());
        assertEquals("NEW", moves.getFirst().oldValue());
        assertEquals("IN_PROGRESS", moves.getFirst().newValue());
        assertEquals("Ines", actorName(moves.getFirst()), "the person who assigned made the move");
    }

    @Test
    void assigningATicketAlreadyInProgressKeepsItsStatus() {
        change(ines, id, Map.of("status", "IN_PROGRESS"));
        change(ines, id, Map.of("status", "WAITING"));
        change(ines, id, Map.of("assignee_id", ines.id()));
        assertEquals(TicketStatus.WAITING, ticket().status());
    }

    @Test
    void theRequestersAnswerMovesAWaitingTicketBackToInProgress() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "WAITING"));
        int version = ticket().version();

        assertEquals(
                201,
                reply(camille, new CreateComment("Voici la capture demandée", null, null))
                        .status());

        TicketResponse t = ticket();
        assertEquals(TicketStatus.IN_PROGRESS, t.status());
        assertEquals(version + 1, t.version(), "a status change bumps the version");
        TicketHistory.Entry last = statusHistory().getLast();
        assertEquals("WAITING", last.oldValue());
        assertEquals("IN_PROGRESS", last.newValue());
        assertEquals("Camille", actorName(last));
    }

    @Test
    void theRequestersAnswerReopensAResolvedTicket() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "RESOLVED"));
        assertTrue(ticket().resolvedAt() != null);

        assertEquals(
                201,
                reply(camille, new CreateComment("Le problème est revenu ce matin", null, null))
                        .status());

        TicketResponse t = ticket();
        assertEquals(TicketStatus.IN_PROGRESS, t.status());
        assertNull(t.resolvedAt(), "a reopened ticket is no longer resolved");
        assertEquals("RESOLVED", statusHistory().getLast().oldValue());
    }

    @Test
    void aTechniciansReplyOrAnInternalNoteLeavesWaitingAlone() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "WAITING"));
        assertEquals(
                201, reply(ines, new CreateComment("Une relance", null, null)).status());
        assertEquals(201, reply(hugo, new CreateComment("note", true, null)).status());
        assertEquals(TicketStatus.WAITING, ticket().status());
    }

    @Test
    void aReplyCanSetTheStatusInOneChangeWithOneEmail() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        long before = mails("recipient_id = " + camille.id());

        Api.Response sent =
                reply(ines, new CreateComment("Pouvez-vous redémarrer le poste ?", null, TicketStatus.WAITING));

        assertEquals(201, sent.status(), sent::toString);
        assertEquals(TicketStatus.WAITING, ticket().status());
        assertEquals(1, mails("recipient_id = " + camille.id()) - before, "one email for the reply and the status");
        assertEquals(1, mails("recipient_id = " + camille.id() + " AND kind = 'REPLY_WAITING'"));
        List<String> fields = history().stream().map(TicketHistory.Entry::field).toList();
        assertEquals(List.of("reply", "status"), fields.subList(fields.size() - 2, fields.size()));
    }

    @Test
    void aReplyThatResolvesANewTicketPassesThroughInProgress() {
        assertEquals(
                201,
                reply(ines, new CreateComment("C'est corrigé côté serveur", null, TicketStatus.RESOLVED))
                        .status());

        assertEquals(TicketStatus.RESOLVED, ticket().status());
        assertEquals(
                List.of("NEW>IN_PROGRESS", "IN_PROGRESS>RESOLVED"),
                statusHistory().stream()
                        .map(h -> h.oldValue() + ">" + h.newValue())
                        .toList());
        assertEquals(1, mails("recipient_id = " + camille.id() + " AND kind = 'REPLY_RESOLVED'"));
        assertEquals(0, mails("recipient_id = " + camille.id() + " AND kind = 'RESOLVED'"), "not a second email");
    }

    @Test
    void aRefusedStatusStoresNeitherTheReplyNorTheChange() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "RESOLVED"));
        int comments = comments();

        assertEquals(
                "illegal-transition",
                type(assertProblem(409, reply(ines, new CreateComment("x", null, TicketStatus.WAITING)))));
        assertProblem(403, reply(camille, new CreateComment("je ferme", null, TicketStatus.CLOSED)));
        assertProblem(400, reply(ines, new CreateComment("note", true, TicketStatus.CLOSED)));
        assertProblem(400, reply(ines, Map.of("body", "x", "status", "LOST")));

        assertEquals(comments, comments(), "nothing stored");
        assertEquals(TicketStatus.RESOLVED, ticket().status());
    }

    static String type(Problem problem) {
        String type = problem.type();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    // --- unread marks -------------------------------------------------------------------------

    Map<Long, Boolean> unreadIn(String list, Person who) {
        Map<Long, Boolean> result = new java.util.HashMap<>();
        for (TicketResponse item :
                api.get(list, who.token()).as(TicketPage.class).items()) {
            result.put(item.id(), item.unread());
        }
        return result;
    }

    void see(Person who) {
        assertEquals(204, api.send("PUT", path("/seen"), who.token(), null).status());
    }

    @Test
    void aNewTicketIsUnreadForEveryTechnicianUntilTheyOpenIt() {
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", ines).get(id));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", hugo).get(id));
        assertEquals(
                Boolean.FALSE,
                unreadIn("/api/v1/tickets?requester_id=" + camille.id(), camille)
                        .get(id),
                "filing it is not news to its requester");

        see(ines);

        assertEquals(Boolean.FALSE, unreadIn("/api/v1/tickets", ines).get(id));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", hugo).get(id), "per person");
    }

    @Test
    void someoneElsesActivityMarksItAgainButOnesOwnDoesNot() {
        see(ines);
        see(hugo);
        change(ines, id, Map.of("assignee_id", ines.id()));
        assertEquals(Boolean.FALSE, unreadIn("/api/v1/tickets", ines).get(id), "her own change");
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", hugo).get(id), "a change by someone else");

        see(ines);
        reply(camille, new CreateComment("Merci, j'attends", null, null));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", ines).get(id), "the requester replied");
    }

    @Test
    void theUnreadFilterListsOnlyWhatTheTechnicianHasNotSeen() {
        long other = ticket(camille, "Imprimante", "L'imprimante du 2e étage bourre");
        see(ines);

        assertEquals(List.of(other), ids(api.get("/api/v1/tickets?unread=true", ines.token())));
        assertEquals(
                2, ids(api.get("/api/v1/tickets?unread=true", hugo.token())).size());
        Map<TicketStatus, Long> counts = api.get("/api/v1/tickets/counts?unread=true", ines.token())
                .as(Argument.mapOf(TicketStatus.class, Long.class));
        assertEquals(1L, counts.get(TicketStatus.NEW));
    }

    @Test
    void theRequesterSeesNewPublicRepliesButNotInternalNotes() {
        String mine = "/api/v1/tickets?requester_id=" + camille.id();
        reply(ines, new CreateComment("note interne", true, null));
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id), "an internal note is not news to the requester");
        assertTrue(ids(api.get(mine + "&unread=true", camille.token())).isEmpty());

        reply(ines, new CreateComment("Pouvez-vous redémarrer ?", null, null));
        assertEquals(Boolean.TRUE, unreadIn(mine, camille).get(id));
        assertEquals(List.of(id), ids(api.get(mine + "&unread=true", camille.token())));

        see(camille);
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id));
        reply(camille, new CreateComment("C'est fait", null, null));
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id), "her own reply");
    }

    @Test
    void activityOlderThanTheHorizonIsNotNews() {
        tx.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE tickets SET updated_at = now() - interval '" + (TicketQueries.UNREAD_HORIZON_DAYS + 1)
                        + " days' WHERE id = ?",
                ps -> {
                    ps.setLong(1, id);
                    return ps.executeUpdate();
                }));
        assertEquals(Boolean.FALSE, unreadIn("/api/v1/tickets", ines).get(id));
        assertTrue(ids(api.get("/api/v1/tickets?unread=true", ines.token())).isEmpty());
    }

    @Test
    void nobodyMarksSomeoneElsesTicketSeen() {
        Person other = employee("Zoé");
        assertProblem(404, api.send("PUT", path("/seen"), other.token(), null));
        assertProblem(404, api.send("PUT", "/api/v1/tickets/999999/seen", ines.token(), null));
    }

    @Test
    void anAnswerAfterOpeningMarksItAgainUntilItIsOpenedAgain() {
        see(ines);
        reply(camille, new CreateComment("Nouvelle info", null, null));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", ines).get(id));
        see(ines);
        assertFalse(unreadIn("/api/v1/tickets", ines).get(id));
    }

    java.time.Instant firstResponseAt() {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT first_response_at FROM tickets WHERE id = ?", ps -> {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        var at = rs.getTimestamp(1);
                        return at == null ? null : at.toInstant();
                    }
                }));
    }

    @Test
    void theFirstPublicReplyOfATechnicianIsTheFirstResponse() {
        reply(camille, new CreateComment("Toujours coupé après redémarrage", null, null));
        reply(ines, new CreateComment("Je regarde les journaux du concentrateur", true, null));
        assertNull(firstResponseAt(), "neither the requester's reply nor an internal note answers the requester");

        reply(ines, new CreateComment("Pouvez-vous essayer le profil VPN de secours ?", null, null));
        java.time.Instant first = firstResponseAt();
        assertTrue(first != null, "a technician's public reply is the first response");

        reply(hugo, new CreateComment("Je confirme, le profil de secours contourne le problème", null, null));
        assertEquals(first, firstResponseAt(), "later replies keep the first response time");
    }
}
