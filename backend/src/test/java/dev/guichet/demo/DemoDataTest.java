package dev.guichet.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.LoginResponse;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketPage;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataTest extends ApiTest {

    @Inject
    DemoData demo;

    @Inject
    DemoLoadState state;

    long count(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A checksum of every table's rows, to prove a second load changes nothing. */
    String snapshot() {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT md5((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM tickets t)
                        || (SELECT string_agg(u::text, '|' ORDER BY u.id) FROM users u)
                        || (SELECT string_agg(c::text, '|' ORDER BY c.id) FROM categories c)
                        || (SELECT string_agg(h::text, '|' ORDER BY h.id) FROM ticket_history h)
                        || (SELECT string_agg(m::text, '|' ORDER BY m.id) FROM comments m))""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    @Test
    void loadsRealTicketsWithASimulatedLifeAndASecondLoadChangesNothing() {
        assertEquals(300, demo.load(300));
        String before = snapshot();
        assertEquals(0, demo.load(300));
        assertEquals(before, snapshot());
        tx.executeRead(s -> {
            assertEquals(300, count("SELECT count(*) FROM tickets"));
            assertEquals(300, count("SELECT count(*) FROM ticket_history WHERE field = 'created'"));
            // A few hundred requesters and nine technicians, the documented accounts among them.
            assertEquals(DemoStory.REQUESTERS, count("SELECT count(*) FROM users WHERE role = 'EMPLOYEE'"));
            assertEquals(
                    2 + DemoStory.MORE_TECHNICIANS.size(),
                    count("SELECT count(*) FROM users WHERE role = 'TECHNICIAN'"));
            assertTrue(count("SELECT count(DISTINCT requester_id) FROM tickets") > 100);
            assertEquals(0, count("SELECT count(*) FROM tickets WHERE category_id IS NULL"));
            assertTrue(count("SELECT count(DISTINCT category_id) FROM tickets") >= 5);
            // Category names in French, the data set's own name in the description.
            assertEquals(
                    1,
                    count("SELECT count(*) FROM categories WHERE name = 'Matériel' AND description LIKE '%Hardware%'"));
            assertEquals(
                    0, count("SELECT count(*) FROM categories WHERE name IN ('Hardware', 'Access', 'HR Support')"));
            // Priorities come from the original layout's urgency where the text matches.
            assertTrue(count("SELECT count(*) FROM tickets WHERE priority <> 'MEDIUM'") > 100);
            // Every status is there, most tickets are done, all by a technician.
            for (String status : List.of("NEW", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED")) {
                assertTrue(count("SELECT count(*) FROM tickets WHERE status = '" + status + "'") > 0, status);
            }
            assertTrue(count("SELECT count(*) FROM tickets WHERE status IN ('RESOLVED', 'CLOSED')") > 150);
            assertEquals(0, count("""
                    SELECT count(*) FROM tickets t JOIN users u ON u.id = t.assignee_id WHERE u.role <> 'TECHNICIAN'"""));
            assertEquals(0, count("SELECT count(*) FROM tickets WHERE status <> 'NEW' AND assignee_id IS NULL"));
            // The first response is the first public reply of a technician, as a live reply stamps it.
            assertTrue(count("SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL") > 100);
            assertEquals(0, count("""
                    SELECT count(*) FROM tickets t
                     WHERE t.first_response_at IS DISTINCT FROM (
                           SELECT min(c.created_at) FROM comments c JOIN users u ON u.id = c.author_id
                            WHERE c.ticket_id = t.id AND NOT c.internal AND u.role = 'TECHNICIAN')"""));
            // Spread over weeks, never in the future, updated at the last event.
            assertTrue(count("SELECT count(*) FROM tickets WHERE created_at < now() - interval '7 days'") > 150);
            assertEquals(0, count("SELECT count(*) FROM tickets WHERE created_at > now() OR updated_at > now()"));
            assertEquals(0, count("""
                    SELECT count(*) FROM tickets t
                     WHERE t.updated_at <> (SELECT max(h.created_at) FROM ticket_history h WHERE h.ticket_id = t.id)"""));
            // Open work is spread over the last days, not all touched in the last minutes.
            assertTrue(count("SELECT count(*) FROM tickets WHERE updated_at > now() - interval '10 minutes'") < 15);
            assertHistoryMatchesTickets();
            return null;
        });
        var login = login("ines.dubois@demo.guichet.dev", DemoData.DEMO_PASSWORD);
        assertEquals(200, login.status());
        String token = login.as(LoginResponse.class).accessToken();
        var found = api.get("/api/v1/tickets?q=password&size=5", token);
        assertTrue(found.as(TicketPage.class).total() > 0, found::toString);
        // The public replies are searchable too (the search documents were recomputed).
        var byReply = api.get("/api/v1/tickets?q=redémarrage&size=5", token);
        assertTrue(byReply.as(TicketPage.class).total() > 0, byReply::toString);
        // A generated requester signs in with the demo password, and sees only their tickets.
        String someone = tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT u.email FROM users u JOIN tickets t ON t.requester_id = u.id
                 WHERE u.email NOT IN ('camille.martin@demo.guichet.dev', 'lucas.bernard@demo.guichet.dev')
                 GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        var requester = login(someone, DemoData.DEMO_PASSWORD);
        assertEquals(200, requester.status());
        var mine = api.get(
                "/api/v1/tickets?size=100", requester.as(LoginResponse.class).accessToken());
        assertTrue(mine.as(TicketPage.class).total() > 0);
    }

    /** The history says what the tickets are: the last change of each field is the current value. */
    private void assertHistoryMatchesTickets() {
        // Status: the last status change (or the creation, NEW) is the ticket's status.
        assertEquals(0, count("""
                SELECT count(*) FROM tickets t
                 WHERE t.status <> coalesce((SELECT h.new_value FROM ticket_history h
                                              WHERE h.ticket_id = t.id AND h.field = 'status'
                                              ORDER BY h.created_at DESC, h.id DESC LIMIT 1), 'NEW')"""));
        // Each status change starts from the previous one's end, and follows the lifecycle.
        assertEquals(0, count("""
                SELECT count(*) FROM (
                  SELECT h.old_value, lag(h.new_value, 1, 'NEW') OVER (PARTITION BY h.ticket_id ORDER BY h.created_at, h.id) AS prev,
                         h.new_value
                    FROM ticket_history h WHERE h.field = 'status') s
                 WHERE s.old_value <> s.prev
                    OR (s.old_value, s.new_value) NOT IN (('NEW','IN_PROGRESS'), ('IN_PROGRESS','WAITING'),
                        ('IN_PROGRESS','RESOLVED'), ('WAITING','IN_PROGRESS'), ('WAITING','RESOLVED'),
                        ('RESOLVED','CLOSED'), ('RESOLVED','IN_PROGRESS'))"""));
        // Assignee: the last assignment names the assignee.
        assertEquals(0, count("""
                SELECT count(*) FROM tickets t
                 WHERE t.assignee_id IS DISTINCT FROM (SELECT h.new_value::bigint FROM ticket_history h
                                              WHERE h.ticket_id = t.id AND h.field = 'assignee'
                                              ORDER BY h.created_at DESC, h.id DESC LIMIT 1)"""));
        // Resolved and closed dates are those of the changes.
        assertEquals(0, count("""
                SELECT count(*) FROM tickets t
                 WHERE t.status IN ('RESOLVED', 'CLOSED') AND t.resolved_at IS DISTINCT FROM
                       (SELECT max(h.created_at) FROM ticket_history h
                         WHERE h.ticket_id = t.id AND h.field = 'status' AND h.new_value = 'RESOLVED')"""));
        assertEquals(0, count("""
                SELECT count(*) FROM tickets t
                 WHERE (t.status = 'CLOSED') <> (t.closed_at IS NOT NULL)"""));
        // One history row per comment, naming it, of the right kind, by its author, at its time.
        assertEquals(
                count("SELECT count(*) FROM comments"),
                count("SELECT count(*) FROM ticket_history WHERE field IN ('reply', 'internal_note')"));
        assertEquals(0, count("""
                SELECT count(*) FROM ticket_history h
                  LEFT JOIN comments c ON c.id = h.new_value::bigint AND c.ticket_id = h.ticket_id
                       AND c.author_id = h.actor_id AND c.created_at = h.created_at
                       AND c.internal = (h.field = 'internal_note')
                 WHERE h.field IN ('reply', 'internal_note') AND c.id IS NULL"""));
        // Internal notes come from technicians only; requesters answer in public.
        assertEquals(0, count("""
                SELECT count(*) FROM comments c JOIN users u ON u.id = c.author_id
                 WHERE c.internal AND u.role <> 'TECHNICIAN'"""));
        assertTrue(count("SELECT count(*) FROM comments WHERE internal") > 0);
        assertTrue(count("SELECT count(*) FROM comments c JOIN users u ON u.id = c.author_id WHERE u.role = 'EMPLOYEE'")
                > 0);
    }

    @Test
    void readinessSaysLoadingWhileTheDemoLoads() {
        // Anonymous probes get the status only; the detail is for signed-in callers (HEALTH_DETAILS_VISIBLE).
        String operator = admin("Alice").token();
        state.started();
        state.progress(2500, 47837);
        try {
            var anonymous = api.get("/health/readiness", null);
            assertEquals(503, anonymous.status(), anonymous::toString);
            // Micronaut's health document, not one of the API's records: read as raw JSON.
            assertEquals("LOADING", anonymous.map().get("status"), anonymous::toString);
            var loading = api.get("/health/readiness", operator);
            assertEquals(503, loading.status(), loading::toString);
            assertTrue(loading.body().contains("\"loading\""), loading::toString);
            assertTrue(loading.body().contains("\"percent\":5"), loading::toString);
        } finally {
            state.finished();
        }
        var ready = api.get("/health/readiness", null);
        assertEquals(200, ready.status(), ready::toString);
    }

    @Test
    void filingTimesFollowTheWorkingWeek() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        java.time.Instant[] times = DemoStory.filingTimes(47_837, now);
        assertTrue(times[0].isAfter(now.minus(java.time.Duration.ofDays(731))));
        assertTrue(times[0].isBefore(now.minus(java.time.Duration.ofDays(700))));
        assertTrue(times[times.length - 1].isBefore(now));
        long weekend = java.util.Arrays.stream(times).filter(DemoStory::weekend).count();
        // Two weekend days out of seven would be 28 %; a helpdesk's weekend is nearly empty.
        assertTrue(weekend < times.length * 0.05, "weekend tickets: " + weekend);
        long office = java.util.Arrays.stream(times)
                .map(t -> t.atZone(DemoStory.ZONE).getHour())
                .filter(h -> h >= 8 && h < 19)
                .count();
        assertTrue(office > times.length * 0.85, "office-hour tickets: " + office);
    }

    @Test
    void urgencyCodesMapToPriorities() {
        assertEquals(dev.guichet.ticket.Priority.CRITICAL, DemoData.priorityOfUrgency("0"));
        assertEquals(dev.guichet.ticket.Priority.HIGH, DemoData.priorityOfUrgency("1"));
        assertEquals(dev.guichet.ticket.Priority.MEDIUM, DemoData.priorityOfUrgency("2"));
        assertEquals(dev.guichet.ticket.Priority.LOW, DemoData.priorityOfUrgency("3"));
    }
}
