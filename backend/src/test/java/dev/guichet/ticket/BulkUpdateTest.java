package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.web.Problem;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    /** Maps rather than {@link BulkChange.Request}: some tests send an empty change or too many ids on purpose. */
    Api.Response bulk(Person who, List<?> ids, Map<String, Object> change) {
        return api.post("/api/v1/tickets/bulk", who.token(), Map.of("ticket_ids", ids, "change", change));
    }

    @Test
    void assigningThreeTicketsLeavesTheHistoryAndMailsOfThreeSingleAssignments() {
        long single = ticket(camille, "Écran", "Écran noir");
        change(ines, single, Map.of("assignee_id", hugo.id()));
        List<Long> ids = List.of(
                ticket(camille, "Imprimante", "Bourrage"),
                ticket(camille, "VPN", "Coupé"),
                ticket(camille, "Badge", "Perdu"));

        Api.Response answer = bulk(ines, ids, Map.of("assignee_id", hugo.id()));

        assertEquals(200, answer.status(), answer::toString);
        List<BulkChange.Outcome> results = results(answer);
        assertEquals(ids, results.stream().map(BulkChange.Outcome::ticketId).toList());
        for (BulkChange.Outcome result : results) {
            long id = result.ticketId();
            assertEquals(true, result.ok(), result::toString);
            assertNull(result.error());
            TicketResponse ticket = read(id);
            assertEquals(ticket.version(), result.version());
            assertEquals(hugo.id(), ticket.assignee().id());
            assertEquals(history(single), history(id), "history of #" + id);
            assertEquals(mails(single), mails(id), "mails of #" + id);
        }
        assertTrue(
                history(single).contains(List.of("assignee", "", String.valueOf(hugo.id()), String.valueOf(ines.id()))),
                () -> history(single).toString());
        assertTrue(
                mails(single).contains(List.of("ASSIGNED", String.valueOf(hugo.id()))),
                () -> mails(single).toString());
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

        Api.Response answer = bulk(
                ines, List.of(inProgress, fresh, 999_999, waiting), Map.of("status", "RESOLVED", "priority", "HIGH"));

        assertEquals(200, answer.status(), answer::toString);
        List<BulkChange.Outcome> results = results(answer);
        assertEquals(
                List.of(true, false, false, true),
                results.stream().map(BulkChange.Outcome::ok).toList());
        Problem illegal = results.get(1).error();
        assertEquals("https://guichet.dev/problems/illegal-transition", illegal.type());
        assertEquals(409, illegal.status());
        assertTrue(illegal.detail().contains("NEW to RESOLVED"), illegal::toString);
        Problem unknown = results.get(2).error();
        assertEquals(404, unknown.status());
        assertEquals("https://guichet.dev/problems/not-found", unknown.type());
        for (long id : List.of(inProgress, waiting)) {
            TicketResponse ticket = read(id);
            assertEquals(TicketStatus.RESOLVED, ticket.status());
            assertEquals(Priority.HIGH, ticket.priority());
        }
        // The refused ticket keeps its priority too: its whole change rolled back, alone.
        TicketResponse refused = read(fresh);
        assertEquals(TicketStatus.NEW, refused.status());
        assertEquals(Priority.MEDIUM, refused.priority());
        assertEquals(freshHistory, history(fresh));
    }

    @Test
    void aTicketChangedSinceTheQueueWasLoadedIsChangedAtItsCurrentVersion() {
        long id = ticket(camille, "Imprimante", "Bourrage");
        change(ines, id, Map.of("priority", "LOW"));
        change(hugo, id, Map.of("priority", "HIGH"));

        Api.Response answer = bulk(ines, List.of(id), Map.of("priority", "CRITICAL"));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(true, results(answer).getFirst().ok(), answer::toString);
        TicketResponse ticket = read(id);
        assertEquals(Priority.CRITICAL, ticket.priority());
        assertEquals(3, ticket.version());
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
        assertEquals(Priority.MEDIUM, read(id).priority());
        assertEquals(
                200,
                bulk(ines, LongStream.rangeClosed(1, 100).boxed().toList(), Map.of("priority", "HIGH"))
                        .status());
    }

    @Test
    void aTicketNamedTwiceIsRefusedBeforeAnythingChanges() {
        long first = ticket(camille, "Imprimante", "Bourrage");
        long second = ticket(camille, "VPN", "Coupé");

        Problem problem = assertProblem(400, bulk(ines, List.of(first, second, first), Map.of("priority", "HIGH")));

        assertField("ticket_ids", problem);
        assertEquals(Priority.MEDIUM, read(first).priority());
        assertEquals(Priority.MEDIUM, read(second).priority());
    }

    private static void assertField(String field, Problem problem) {
        List<Problem.FieldError> errors = problem.errors();
        assertTrue(errors != null && errors.stream().anyMatch(e -> field.equals(e.field())), problem::toString);
    }

    private static List<BulkChange.Outcome> results(Api.Response answer) {
        return answer.as(BulkChange.Result.class).results();
    }

    private TicketResponse read(long ticketId) {
        return api.get("/api/v1/tickets/" + ticketId, ines.token()).as(TicketResponse.class);
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
