package dev.guichet.demo;

import dev.guichet.support.ApiTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest extends ApiTest {

    @Inject
    DemoData demo;

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
                        || (SELECT string_agg(h::text, '|' ORDER BY h.id) FROM ticket_history h))""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    @Test
    void loadsRealTicketsThroughTheServiceAndASecondLoadChangesNothing() {
        assertEquals(300, demo.load(300));
        String before = snapshot();
        assertEquals(0, demo.load(300));
        assertEquals(before, snapshot());
        tx.executeRead(s -> {
            assertEquals(300, count("SELECT count(*) FROM tickets"));
            assertEquals(300, count("SELECT count(*) FROM ticket_history WHERE field = 'created'"));
            assertEquals(DemoData.PEOPLE.size(), count("SELECT count(*) FROM users"));
            assertEquals(0, count("SELECT count(*) FROM tickets WHERE category_id IS NULL"));
            assertTrue(count("SELECT count(DISTINCT category_id) FROM tickets") >= 5);
            // Priorities come from the original layout's urgency where the text matches.
            assertTrue(count("SELECT count(*) FROM tickets WHERE priority <> 'MEDIUM'") > 100);
            return null;
        });
        var login = login("ines.dubois@demo.guichet.dev", DemoData.DEMO_PASSWORD);
        assertEquals(200, login.status());
        var found = api.get("/api/v1/tickets?q=password&size=5", (String) login.get("access_token"));
        assertTrue(((Number) found.get("total")).intValue() > 0, found::toString);
        assertTrue(api.get("/api/v1/tickets?size=1", (String) login.get("access_token")).items().getFirst().get("title") instanceof String);
    }

    @Test
    void urgencyCodesMapToPriorities() {
        assertEquals(dev.guichet.ticket.Priority.CRITICAL, DemoData.priorityOfUrgency("0"));
        assertEquals(dev.guichet.ticket.Priority.HIGH, DemoData.priorityOfUrgency("1"));
        assertEquals(dev.guichet.ticket.Priority.MEDIUM, DemoData.priorityOfUrgency("2"));
        assertEquals(dev.guichet.ticket.Priority.LOW, DemoData.priorityOfUrgency("3"));
    }
}
