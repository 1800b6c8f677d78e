package dev.guichet.sla;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SLA as technicians and admins see it through the API: policies, due times stored on tickets in
 * business time, the most specific policy, the pause while WAITING, and the queue's SLA filters and sort.
 */
class SlaTest extends ApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    BusinessCalendars calendars;

    Person alice;
    Person ines;
    Person emma;

    void people() {
        alice = admin("Alice Admin");
        ines = technician("Inès Tech");
        emma = employee("Emma Employee");
    }

    long policy(String priority, Long categoryId, int firstResponse, int resolution) {
        Map<String, Object> body = new HashMap<>(Map.of("priority", priority, "name_fr", "Délai " + priority,
                "name_en", "Target " + priority, "first_response_minutes", firstResponse, "resolution_minutes", resolution));
        body.put("category_id", categoryId);
        Api.Response created = api.post("/api/v1/sla/policies", alice.token(), body);
        assertEquals(201, created.status(), created::toString);
        return created.id();
    }

    /** Moves a ticket's creation to a Paris local time (as if filed then). */
    void filedAt(long ticketId, String parisLocal) {
        OffsetDateTime at = LocalDateTime.parse(parisLocal).atZone(PARIS).toOffsetDateTime();
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE tickets SET created_at = ? WHERE id = ?", ps -> {
            ps.setObject(1, at);
            ps.setLong(2, ticketId);
            return ps.executeUpdate();
        }));
    }

    static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> target(Api.Response ticket, String name) {
        Map<String, Object> sla = (Map<String, Object>) ticket.get("sla");
        assertNotNull(sla, ticket::toString);
        return (Map<String, Object>) sla.get(name);
    }

    static Instant at(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    @Test
    void anAdminDefinesPoliciesAndTechniciansReadThem() {
        people();
        long critical = policy("CRITICAL", null, 60, 240);
        Api.Response list = api.get("/api/v1/sla/policies", ines.token());
        assertEquals(200, list.status());
        assertEquals("Délai CRITICAL", list.list().get(0).get("name_fr"));

        Api.Response edited = api.send("PUT", "/api/v1/sla/policies/" + critical, alice.token(), Map.of("priority", "CRITICAL",
                "name_fr", "Critique", "name_en", "Critical", "first_response_minutes", 30, "resolution_minutes", 120));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(30, ((Number) edited.get("first_response_minutes")).intValue());

        assertEquals("sla-policy-exists", assertProblem(409, api.post("/api/v1/sla/policies", alice.token(), Map.of(
                "priority", "CRITICAL", "name_fr", "Bis", "name_en", "Again", "first_response_minutes", 10,
                "resolution_minutes", 20))).get("type").toString().replaceAll(".*/", ""));
        assertProblem(400, api.post("/api/v1/sla/policies", alice.token(), Map.of("priority", "LOW", "name_fr", "Basse",
                "name_en", "Low", "first_response_minutes", 0, "resolution_minutes", 20)));
        assertProblem(403, api.post("/api/v1/sla/policies", ines.token(), Map.of("priority", "LOW", "name_fr", "Basse",
                "name_en", "Low", "first_response_minutes", 10, "resolution_minutes", 20)));
        assertProblem(403, api.get("/api/v1/sla/policies", emma.token()));

        assertEquals(204, api.send("DELETE", "/api/v1/sla/policies/" + critical, alice.token(), null).status());
        assertProblem(404, api.send("DELETE", "/api/v1/sla/policies/" + critical, alice.token(), null));
    }

    @Test
    void dueTimesCountBusinessHoursOnly() {
        people();
        policy("CRITICAL", null, 60, 240);
        long id = ticket(emma, "Serveur de fichiers en panne", "Plus personne n’accède au partage.");
        // Filed on Friday 3 April 2026 at 17:00; Monday 6 is Easter Monday.
        filedAt(id, "2026-04-03T17:00");
        Api.Response ticket = change(ines, id, Map.of("priority", "CRITICAL"));
        // 1 h: Friday 17:00-18:00.
        assertEquals(paris("2026-04-03T18:00"), at(ticket.get("first_response_due_at")));
        // 4 h: Friday 17:00-18:00, then Tuesday 09:00-12:00.
        assertEquals(paris("2026-04-07T12:00"), at(ticket.get("resolution_due_at")));
        assertEquals("BREACHED", target(ticket, "first_response").get("state"));
        assertEquals("BREACHED", target(ticket, "resolution").get("state"));
        assertTrue(((Number) target(ticket, "resolution").get("business_seconds_left")).longValue() < 0, "late: negative time left");
    }

    @Test
    void theMostSpecificPolicyWins() {
        people();
        long network = api.post("/api/v1/categories", alice.token(), Map.of("name", "Réseau")).id();
        long printers = api.post("/api/v1/categories", alice.token(), Map.of("name", "Imprimantes")).id();
        policy("HIGH", null, 240, 540);
        policy("HIGH", network, 30, 120);
        long onNetwork = ticket(emma, "Wi-Fi coupé", "Plus de réseau au 2e étage.");
        long onPrinter = ticket(emma, "Imprimante bloquée", "Bourrage papier.");
        filedAt(onNetwork, "2026-03-10T10:00");
        filedAt(onPrinter, "2026-03-10T10:00");
        Api.Response network1 = change(ines, onNetwork, Map.of("priority", "HIGH", "category_id", network));
        Api.Response printer1 = change(ines, onPrinter, Map.of("priority", "HIGH", "category_id", printers));
        assertEquals(paris("2026-03-10T10:30"), at(network1.get("first_response_due_at")));
        assertEquals(paris("2026-03-10T12:00"), at(network1.get("resolution_due_at")));
        assertEquals(paris("2026-03-10T14:00"), at(printer1.get("first_response_due_at")));
        assertEquals(paris("2026-03-11T10:00"), at(printer1.get("resolution_due_at")));
        // Leaving the category falls back on the priority's policy.
        Api.Response moved = change(ines, onNetwork, Map.of("clear_category", true));
        assertEquals(paris("2026-03-10T14:00"), at(moved.get("first_response_due_at")));
    }

    @Test
    void withoutAPolicyATicketHasNoSla() {
        people();
        long id = ticket(emma, "Souris", "La molette ne répond plus.");
        Api.Response ticket = api.get("/api/v1/tickets/" + id, ines.token());
        assertNull(ticket.get("sla"));
        assertNull(ticket.get("first_response_due_at"));
        assertNull(ticket.get("resolution_due_at"));
    }

    @Test
    void theResolutionClockPausesWhileTheTicketWaitsOnItsRequester() {
        people();
        policy("MEDIUM", null, 480, 1620);
        long id = ticket(emma, "Accès VPN", "Le VPN refuse mon mot de passe.");
        filedAt(id, "2026-03-09T09:00");
        Api.Response running = change(ines, id, Map.of("status", "IN_PROGRESS"));
        Instant firstDue = at(running.get("first_response_due_at"));
        Instant resolutionDue = at(running.get("resolution_due_at"));
        // 27 business hours from Monday 9 March 09:00: Wednesday 11 March 18:00.
        assertEquals(paris("2026-03-11T18:00"), resolutionDue);

        Api.Response waiting = change(ines, id, Map.of("status", "WAITING"));
        assertEquals("PAUSED", target(waiting, "resolution").get("state"));
        assertEquals(resolutionDue, at(waiting.get("resolution_due_at")));
        // Paused tickets are neither at risk nor breached in the queue on their resolution target.
        assertEquals(List.of(id), ids(api.get("/api/v1/tickets?sla=BREACHED", ines.token())), "first response still counts");

        // The pause began on Tuesday 10 March 09:00 (as if); resuming now shifts the due time by the
        // business time of the pause, the first-response due time does not move.
        OffsetDateTime pauseStart = paris("2026-03-10T09:00").atOffset(ZoneOffset.UTC);
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE tickets SET sla_paused_since = ? WHERE id = ?", ps -> {
            ps.setObject(1, pauseStart);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }));
        Api.Response resumed = change(ines, id, Map.of("status", "IN_PROGRESS"));
        long pausedSeconds = tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT sla_paused_seconds, sla_paused_since IS NULL FROM tickets WHERE id = ?", ps -> {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertTrue(rs.getBoolean(2), "the pause is over");
                        return rs.getLong(1);
                    }
                }));
        BusinessCalendar calendar = calendars.current();
        Duration paused = calendar.between(pauseStart.toInstant(), at(resumed.get("updated_at")));
        assertTrue(Math.abs(paused.toSeconds() - pausedSeconds) <= 2, paused + " vs " + pausedSeconds);
        assertTrue(pausedSeconds > Duration.ofHours(9 * 100).toSeconds(), "months of business days paused");
        Instant shifted = at(resumed.get("resolution_due_at"));
        assertEquals(pausedSeconds, calendar.between(resolutionDue, shifted).toSeconds());
        assertEquals(firstDue, at(resumed.get("first_response_due_at")));
    }

    @Test
    void aPublicReplyByATechnicianMeetsTheFirstResponseTarget() {
        people();
        policy("MEDIUM", null, 480, 1620);
        long id = ticket(emma, "Écran noir", "Mon écran reste noir au démarrage.");
        Api.Response before = api.get("/api/v1/tickets/" + id, ines.token());
        assertTrue(List.of("OK", "AT_RISK").contains(target(before, "first_response").get("state")));
        assertEquals(201, api.post("/api/v1/tickets/" + id + "/comments", ines.token(),
                Map.of("body", "Avez-vous vérifié le câble ?")).status());
        Api.Response after = api.get("/api/v1/tickets/" + id, ines.token());
        assertNotNull(after.get("first_response_at"));
        assertEquals("MET", target(after, "first_response").get("state"));
        assertNull(target(after, "first_response").get("business_seconds_left"));
    }

    @Test
    void theQueueFiltersAtRiskAndBreachedTicketsAndSortsByNextDueTime() {
        people();
        policy("MEDIUM", null, 480, 1620);
        long late = ticket(emma, "En retard", "Déposée il y a longtemps.");
        long soon = ticket(emma, "Bientôt", "À risque.");
        long fresh = ticket(emma, "Récente", "Tout juste déposée.");
        filedAt(late, "2026-03-09T09:00");
        change(ines, late, Map.of("status", "IN_PROGRESS"));
        // At risk: 80 % of the first-response time used, due in a while (set directly: the test
        // must not depend on the hour it runs at).
        tx.executeWrite(s -> jdbc.prepareStatement("""
                UPDATE tickets SET first_response_risk_at = now() - interval '1 minute',
                       first_response_due_at = now() + interval '1 hour',
                       sla_next_risk_at = now() - interval '1 minute', sla_next_due_at = now() + interval '1 hour'
                 WHERE id = ?""", ps -> {
            ps.setLong(1, soon);
            return ps.executeUpdate();
        }));

        assertEquals(List.of(late), ids(api.get("/api/v1/tickets?sla=BREACHED", ines.token())));
        assertEquals(List.of(soon), ids(api.get("/api/v1/tickets?sla=AT_RISK", ines.token())));
        Api.Response atRisk = api.get("/api/v1/tickets/" + soon, ines.token());
        assertEquals("AT_RISK", target(atRisk, "first_response").get("state"));
        assertEquals(List.of(late, soon, fresh), ids(api.get("/api/v1/tickets?sort=sla_due,asc", ines.token())));
        Api.Response firstPage = api.get("/api/v1/tickets?sort=sla_due,asc&size=2", ines.token());
        Api.Response secondPage = api.get("/api/v1/tickets?sort=sla_due,asc&size=2&cursor="
                + firstPage.get("next_cursor"), ines.token());
        assertEquals(List.of(fresh), ids(secondPage));
        // Counts per status follow the SLA filter.
        Api.Response counts = api.get("/api/v1/tickets/counts?sla=BREACHED", ines.token());
        assertEquals(1, ((Number) counts.map().get("IN_PROGRESS")).intValue());
        assertEquals(0, ((Number) counts.map().get("NEW")).intValue());

        assertProblem(400, api.get("/api/v1/tickets?sla=LATE", ines.token()));
        // Resolved: no longer in the SLA filters.
        change(ines, late, Map.of("status", "RESOLVED"));
        assertEquals(List.of(), ids(api.get("/api/v1/tickets?sla=BREACHED", ines.token())));
        assertEquals("BREACHED", target(api.get("/api/v1/tickets/" + late, ines.token()), "resolution").get("state"));
    }

    @Test
    void anAdminSetsClosedDaysThatTheCalendarSkips() {
        people();
        Api.Response added = api.post("/api/v1/sla/closed-days", alice.token(), Map.of("day", "2026-05-15", "label", "Pont de l’Ascension"));
        assertEquals(200, added.status(), added::toString);
        Api.Response calendar = api.get("/api/v1/sla/calendar?year=2026", ines.token());
        assertEquals("Europe/Paris", calendar.get("time_zone"));
        assertTrue(((List<?>) calendar.get("public_holidays")).containsAll(List.of("2026-04-06", "2026-05-14", "2026-07-14")));
        assertEquals("Pont de l’Ascension", ((Map<?, ?>) ((List<?>) calendar.get("closed_days")).get(0)).get("label"));
        assertEquals(paris("2026-05-18T10:00"), tx.executeRead(s -> calendars.current()).add(paris("2026-05-13T17:00"), Duration.ofHours(2)));
        assertProblem(403, api.post("/api/v1/sla/closed-days", ines.token(), Map.of("day", "2026-05-16", "label", "x")));
        assertProblem(400, api.post("/api/v1/sla/closed-days", alice.token(), Map.of("day", "2026-05-16", "label", " ")));
        assertEquals(204, api.send("DELETE", "/api/v1/sla/closed-days/2026-05-15", alice.token(), null).status());
        assertProblem(404, api.send("DELETE", "/api/v1/sla/closed-days/2026-05-15", alice.token(), null));
    }
}
