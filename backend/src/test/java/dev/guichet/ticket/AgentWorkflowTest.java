package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    Map<String, Object> ticket() {
        return api.get(path(""), ines.token()).map();
    }

    Api.Response reply(Person who, Map<String, Object> body) {
        return api.post(path("/comments"), who.token(), body);
    }

    List<Map<String, Object>> statusHistory() {
        return api.get(path("/history"), ines.token()).list().stream().filter(h -> "status".equals(h.get("field"))).toList();
    }

    long mails(String condition) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT count(*) FROM mail_outbox WHERE ticket_id = ? AND " + condition, ps -> {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    static String actorName(Map<String, Object> entry) {
        return (String) ((Map<?, ?>) entry.get("actor")).get("full_name");
    }

    @Test
    void assigningANewTicketStartsTheWork() {
        change(ines, id, Map.of("assignee_id", hugo.id()));

        Map<String, Object> t = ticket();
        assertEquals("IN_PROGRESS", t.get("status"));
        assertEquals("Hugo", ((Map<?, ?>) t.get("assignee")).get("full_name"));
        List<Map<String, Object>> moves = statusHistory();
        assertEquals(1, moves.size());
        assertEquals("NEW", moves.getFirst().get("old_value"));
        assertEquals("IN_PROGRESS", moves.getFirst().get("new_value"));
        assertEquals("Ines", actorName(moves.getFirst()), "the person who assigned made the move");
    }

    @Test
    void assigningATicketAlreadyInProgressKeepsItsStatus() {
        change(ines, id, Map.of("status", "IN_PROGRESS"));
        change(ines, id, Map.of("status", "WAITING"));
        change(ines, id, Map.of("assignee_id", ines.id()));
        assertEquals("WAITING", ticket().get("status"));
    }

    @Test
    void theRequestersAnswerMovesAWaitingTicketBackToInProgress() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "WAITING"));
        int version = ((Number) ticket().get("version")).intValue();

        assertEquals(201, reply(camille, Map.of("body", "Voici la capture demandée")).status());

        Map<String, Object> t = ticket();
        assertEquals("IN_PROGRESS", t.get("status"));
        assertEquals(version + 1, ((Number) t.get("version")).intValue(), "a status change bumps the version");
        Map<String, Object> last = statusHistory().getLast();
        assertEquals("WAITING", last.get("old_value"));
        assertEquals("IN_PROGRESS", last.get("new_value"));
        assertEquals("Camille", actorName(last));
    }

    @Test
    void theRequestersAnswerReopensAResolvedTicket() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "RESOLVED"));
        assertTrue(ticket().get("resolved_at") != null);

        assertEquals(201, reply(camille, Map.of("body", "Le problème est revenu ce matin")).status());

        Map<String, Object> t = ticket();
        assertEquals("IN_PROGRESS", t.get("status"));
        assertNull(t.get("resolved_at"), "a reopened ticket is no longer resolved");
        assertEquals("RESOLVED", statusHistory().getLast().get("old_value"));
    }

    @Test
    void aTechniciansReplyOrAnInternalNoteLeavesWaitingAlone() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "WAITING"));
        assertEquals(201, reply(ines, Map.of("body", "Une relance")).status());
        assertEquals(201, reply(hugo, Map.of("body", "note", "internal", true)).status());
        assertEquals("WAITING", ticket().get("status"));
    }

    @Test
    void aReplyCanSetTheStatusInOneChangeWithOneEmail() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        long before = mails("recipient_id = " + camille.id());

        Api.Response sent = reply(ines, Map.of("body", "Pouvez-vous redémarrer le poste ?", "status", "WAITING"));

        assertEquals(201, sent.status(), sent::toString);
        assertEquals("WAITING", ticket().get("status"));
        assertEquals(1, mails("recipient_id = " + camille.id()) - before, "one email for the reply and the status");
        assertEquals(1, mails("recipient_id = " + camille.id() + " AND kind = 'REPLY_WAITING'"));
        List<String> fields = api.get(path("/history"), ines.token()).list().stream().map(h -> (String) h.get("field")).toList();
        assertEquals(List.of("reply", "status"), fields.subList(fields.size() - 2, fields.size()));
    }

    @Test
    void aReplyThatResolvesANewTicketPassesThroughInProgress() {
        assertEquals(201, reply(ines, Map.of("body", "C'est corrigé côté serveur", "status", "RESOLVED")).status());

        assertEquals("RESOLVED", ticket().get("status"));
        assertEquals(List.of("NEW>IN_PROGRESS", "IN_PROGRESS>RESOLVED"), statusHistory().stream()
                .map(h -> h.get("old_value") + ">" + h.get("new_value")).toList());
        assertEquals(1, mails("recipient_id = " + camille.id() + " AND kind = 'REPLY_RESOLVED'"));
        assertEquals(0, mails("recipient_id = " + camille.id() + " AND kind = 'RESOLVED'"), "not a second email");
    }

    @Test
    void aRefusedStatusStoresNeitherTheReplyNorTheChange() {
        change(ines, id, Map.of("assignee_id", ines.id()));
        change(ines, id, Map.of("status", "RESOLVED"));
        int comments = api.get(path("/comments"), ines.token()).list().size();

        assertEquals("illegal-transition", type(assertProblem(409, reply(ines, Map.of("body", "x", "status", "WAITING")))));
        assertProblem(403, reply(camille, Map.of("body", "je ferme", "status", "CLOSED")));
        assertProblem(400, reply(ines, Map.of("body", "note", "internal", true, "status", "CLOSED")));
        assertProblem(400, reply(ines, Map.of("body", "x", "status", "LOST")));

        assertEquals(comments, api.get(path("/comments"), ines.token()).list().size(), "nothing stored");
        assertEquals("RESOLVED", ticket().get("status"));
    }

    static String type(Map<String, Object> problem) {
        String type = (String) problem.get("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    // --- unread marks -------------------------------------------------------------------------

    Map<Long, Boolean> unreadIn(String list, Person who) {
        Map<Long, Boolean> result = new java.util.HashMap<>();
        for (Map<String, Object> item : api.get(list, who.token()).items()) {
            result.put(((Number) item.get("id")).longValue(), (Boolean) item.get("unread"));
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
        assertEquals(Boolean.FALSE, unreadIn("/api/v1/tickets?requester_id=" + camille.id(), camille).get(id),
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
        reply(camille, Map.of("body", "Merci, j'attends"));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", ines).get(id), "the requester replied");
    }

    @Test
    void theUnreadFilterListsOnlyWhatTheTechnicianHasNotSeen() {
        long other = ticket(camille, "Imprimante", "L'imprimante du 2e étage bourre");
        see(ines);

        assertEquals(List.of(other), ids(api.get("/api/v1/tickets?unread=true", ines.token())));
        assertEquals(2, ids(api.get("/api/v1/tickets?unread=true", hugo.token())).size());
        Map<?, ?> counts = api.get("/api/v1/tickets/counts?unread=true", ines.token()).map();
        assertEquals(1, ((Number) counts.get("NEW")).intValue());
    }

    @Test
    void theRequesterSeesNewPublicRepliesButNotInternalNotes() {
        String mine = "/api/v1/tickets?requester_id=" + camille.id();
        reply(ines, Map.of("body", "note interne", "internal", true));
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id), "an internal note is not news to the requester");
        assertTrue(ids(api.get(mine + "&unread=true", camille.token())).isEmpty());

        reply(ines, Map.of("body", "Pouvez-vous redémarrer ?"));
        assertEquals(Boolean.TRUE, unreadIn(mine, camille).get(id));
        assertEquals(List.of(id), ids(api.get(mine + "&unread=true", camille.token())));

        see(camille);
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id));
        reply(camille, Map.of("body", "C'est fait"));
        assertEquals(Boolean.FALSE, unreadIn(mine, camille).get(id), "her own reply");
    }

    @Test
    void activityOlderThanTheHorizonIsNotNews() {
        tx.executeWrite(status -> jdbc.prepareStatement("UPDATE tickets SET updated_at = now() - interval '"
                + (TicketQueries.UNREAD_HORIZON_DAYS + 1) + " days' WHERE id = ?", ps -> {
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
        reply(camille, Map.of("body", "Nouvelle info"));
        assertEquals(Boolean.TRUE, unreadIn("/api/v1/tickets", ines).get(id));
        see(ines);
        assertFalse(unreadIn("/api/v1/tickets", ines).get(id));
    }
    java.time.Instant firstResponseAt() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT first_response_at FROM tickets WHERE id = ?", ps -> {
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
        reply(camille, Map.of("body", "Toujours coupé après redémarrage"));
        reply(ines, Map.of("body", "Je regarde les journaux du concentrateur", "internal", true));
        assertNull(firstResponseAt(), "neither the requester's reply nor an internal note answers the requester");

        reply(ines, Map.of("body", "Pouvez-vous essayer le profil VPN de secours ?"));
        java.time.Instant first = firstResponseAt();
        assertTrue(first != null, "a technician's public reply is the first response");

        reply(hugo, Map.of("body", "Je confirme, le profil de secours contourne le problème"));
        assertEquals(first, firstResponseAt(), "later replies keep the first response time");
    }
}
