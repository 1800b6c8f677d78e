package dev.guichet.ticket;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/tickets/bulk}: one change, many tickets, each under the rules of a single change. */
class BulkUpdateTest extends ApiTest {

    Person camille;
    Person ines;
    Person hugo;

    @BeforeEach
    void people() {
        camille = employee("Camille");
        ines = technician("Ines");
        hugo = technician("Hugo");
    }

    Api.Response bulk(Person who, List<?> ids, Map<String, Object> change) {
        return api.post("/api/v1/tickets/bulk", who.token(), Map.of("ticket_ids", ids, "change", change));
    }

    @Test
    void assigningThreeTicketsLeavesTheHistoryAndMailsOfThreeSingleAssignments() {
        long single = ticket(camille, "Écran", "Écran noir");
        change(ines, single, Map.of("assignee_id", hugo.id()));
        List<Long> ids = List.of(ticket(camille, "Imprimante", "Bourrage"), ticket(camille, "VPN", "Coupé"),
                ticket(camille, "Badge", "Perdu"));

        Api.Response answer = bulk(ines, ids, Map.of("assignee_id", hugo.id()));

        assertEquals(200, answer.status(), answer::toString);
        List<Map<String, Object>> results = results(answer);
        assertEquals(ids, results.stream().map(r -> ((Number) r.get("ticket_id")).longValue()).toList());
        for (Map<String, Object> result : results) {
            long id = ((Number) result.get("ticket_id")).longValue();
            assertEquals(true, result.get("ok"), result::toString);
            assertNull(result.get("error"));
            Api.Response ticket = api.get("/api/v1/tickets/" + id, ines.token());
            assertEquals(ticket.get("version"), result.get("version"));
            assertEquals(hugo.id(), ((Number) ((Map<?, ?>) ticket.get("assignee")).get("id")).longValue());
            assertEquals(history(single), history(id), "history of #" + id);
            assertEquals(mails(single), mails(id), "mails of #" + id);
        }
        assertTrue(history(single).contains(List.of("assignee", "", String.valueOf(hugo.id()), String.valueOf(ines.id()))),
                () -> history(single).toString());
        assertTrue(mails(single).contains(List.of("ASSIGNED", String.valueOf(hugo.id()))), () -> mails(single).toString());
    }

    @Test
    void aRefusedTicketIsReportedAndTheOthersAreStillChanged() {
        long inProgress = ticket(camille, "Imprimante", "Bourrage");
        change(ines, inProgress, Map.of("status", "IN_PROGRESS"));
        long fresh = ticket(camille, "VPN", "Coupé");
        long waiting = ticket(camille, "Badge", "Perdu");
        change(ines, waiting, Map.of("status", "IN_PROGRESS"));
        change(ines, waiting, Map.of("status", "WAITING"));
        List<List<String>> freshHistory = history(fresh);

        Api.Response answer = bulk(ines, List.of(inProgress, fresh, 999_999, waiting), Map.of("status", "RESOLVED", "priority", "HIGH"));

        assertEquals(200, answer.status(), answer::toString);
        List<Map<String, Object>> results = results(answer);
        assertEquals(List.of(true, false, false, true), results.stream().map(r -> r.get("ok")).toList());
        Map<?, ?> illegal = (Map<?, ?>) results.get(1).get("error");
        assertEquals("https://guichet.dev/problems/illegal-transition", illegal.get("type"));
        assertEquals(409, ((Number) illegal.get("status")).intValue());
        assertTrue(((String) illegal.get("detail")).contains("NEW to RESOLVED"), illegal::toString);
        Map<?, ?> unknown = (Map<?, ?>) results.get(2).get("error");
        assertEquals(404, ((Number) unknown.get("status")).intValue());
        assertEquals("https://guichet.dev/problems/not-found", unknown.get("type"));
        for (long id : List.of(inProgress, waiting)) {
            Api.Response ticket = api.get("/api/v1/tickets/" + id, ines.token());
            assertEquals("RESOLVED", ticket.get("status"));
            assertEquals("HIGH", ticket.get("priority"));
        }
        // The refused ticket keeps its priority too: its whole change rolled back, alone.
        Api.Response refused = api.get("/api/v1/tickets/" + fresh, ines.token());
        assertEquals("NEW", refused.get("status"));
        assertEquals("MEDIUM", refused.get("priority"));
        assertEquals(freshHistory, history(fresh));
    }

    @Test
    void aTicketChangedSinceTheQueueWasLoadedIsChangedAtItsCurrentVersion() {
        long id = ticket(camille, "Imprimante", "Bourrage");
        change(ines, id, Map.of("priority", "LOW"));
        change(hugo, id, Map.of("priority", "HIGH"));

        Api.Response answer = bulk(ines, List.of(id), Map.of("priority", "CRITICAL"));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(true, results(answer).getFirst().get("ok"), answer::toString);
        Api.Response ticket = api.get("/api/v1/tickets/" + id, ines.token());
        assertEquals("CRITICAL", ticket.get("priority"));
        assertEquals(3, ((Number) ticket.get("version")).intValue());
    }

    @Test
    void anEmployeeMayNotChangeTicketsInBulk() {
        long id = ticket(camille, "Imprimante", "Bourrage");
        String before = api.get("/api/v1/tickets/" + id, camille.token()).body();

        assertProblem(403, bulk(camille, List.of(id), Map.of("priority", "CRITICAL")));

        assertEquals(before, api.get("/api/v1/tickets/" + id, camille.token()).body());
    }

    @Test
    void anEmptyOrOversizedListOrAnEmptyChangeIsRefusedWhole() {
        long id = ticket(camille, "Imprimante", "Bourrage");
        assertField("ticket_ids", assertProblem(400, bulk(ines, List.of(), Map.of("priority", "HIGH"))));
        List<Long> tooMany = LongStream.rangeClosed(1, 101).boxed().toList();
        assertField("ticket_ids", assertProblem(400, bulk(ines, tooMany, Map.of("priority", "HIGH"))));
        assertField("change", assertProblem(400, bulk(ines, List.of(id), Map.of())));
        assertEquals("MEDIUM", api.get("/api/v1/tickets/" + id, ines.token()).get("priority"));
        assertEquals(200, bulk(ines, LongStream.rangeClosed(1, 100).boxed().toList(), Map.of("priority", "HIGH")).status());
    }

    @Test
    void aTicketNamedTwiceIsRefusedBeforeAnythingChanges() {
        long first = ticket(camille, "Imprimante", "Bourrage");
        long second = ticket(camille, "VPN", "Coupé");

        Map<String, Object> problem = assertProblem(400, bulk(ines, List.of(first, second, first), Map.of("priority", "HIGH")));

        assertField("ticket_ids", problem);
        assertEquals("MEDIUM", api.get("/api/v1/tickets/" + first, ines.token()).get("priority"));
        assertEquals("MEDIUM", api.get("/api/v1/tickets/" + second, ines.token()).get("priority"));
    }

    private static void assertField(String field, Map<String, Object> problem) {
        List<?> errors = (List<?>) problem.get("errors");
        assertTrue(errors != null && errors.stream().anyMatch(e -> field.equals(((Map<?, ?>) e).get("field"))), problem::toString);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Api.Response answer) {
        return (List<Map<String, Object>>) answer.get("results");
    }

    /** The history of a ticket past its creation, as (field, old, new, actor). */
    private List<List<String>> history(long ticketId) {
        return rows("""
                SELECT field, coalesce(old_value, ''), coalesce(new_value, ''), actor_id::text FROM ticket_history
                 WHERE ticket_id = ? AND field <> 'created' ORDER BY id""", ticketId, 4);
    }

    /** The mails queued about a ticket, as (kind, recipient). */
    private List<List<String>> mails(long ticketId) {
        return rows("SELECT kind, recipient_id::text FROM mail_outbox WHERE ticket_id = ? ORDER BY id", ticketId, 2);
    }

    private List<List<String>> rows(String sql, long ticketId, int columns) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, ticketId);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }));
    }
}
