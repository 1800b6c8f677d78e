package dev.guichet.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.category.CategoryController;
import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketPage;
import dev.guichet.ticket.TicketResponse;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.type.Argument;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
        Api.Response created = api.post(
                "/api/v1/sla/policies",
                alice.token(),
                new SlaRequests.Policy(
                        Priority.valueOf(priority),
                        categoryId,
                        "Délai " + priority,
                        "Target " + priority,
                        firstResponse,
                        resolution));
        assertEquals(201, created.status(), created::toString);
        return created.as(SlaPolicy.class).id();
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

    /** @return the SLA of a ticket, which must have one */
    static TicketSla sla(TicketResponse ticket) {
        assertNotNull(ticket.sla(), ticket::toString);
        return ticket.sla();
    }

    /** Applies a PATCH (see {@link #change}) and returns the ticket as it answered. */
    TicketResponse changed(Person who, long ticketId, Map<String, Object> fields) {
        return change(who, ticketId, fields).as(TicketResponse.class);
    }

    TicketResponse read(long ticketId) {
        return api.get("/api/v1/tickets/" + ticketId, ines.token()).as(TicketResponse.class);
    }

    long category(String name) {
        return api.post("/api/v1/categories", alice.token(), new CategoryController.CreateCategory(name, null))
                .as(CategoryController.CategoryResponse.class)
                .id();
    }

    @Test
    void anAdminDefinesPoliciesAndTechniciansReadThem() {
        people();
        long critical = policy("CRITICAL", null, 60, 240);
        Api.Response list = api.get("/api/v1/sla/policies", ines.token());
        assertEquals(200, list.status());
        assertEquals("Délai CRITICAL", list.asList(SlaPolicy.class).get(0).nameFr());

        Api.Response edited = api.send(
                "PUT",
                "/api/v1/sla/policies/" + critical,
                alice.token(),
                new SlaRequests.Policy(Priority.CRITICAL, null, "Critique", "Critical", 30, 120));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(30, edited.as(SlaPolicy.class).firstResponseMinutes());

        assertEquals(
                "sla-policy-exists",
                assertProblem(
                                409,
                                api.post(
                                        "/api/v1/sla/policies",
                                        alice.token(),
                                        new SlaRequests.Policy(Priority.CRITICAL, null, "Bis", "Again", 10, 20)))
                        .type()
                        .replaceAll(".*/", ""));
        assertProblem(
                400,
                api.post(
                        "/api/v1/sla/policies",
                        alice.token(),
                        new SlaRequests.Policy(Priority.LOW, null, "Basse", "Low", 0, 20)));
        assertProblem(
                403,
                api.post(
                        "/api/v1/sla/policies",
                        ines.token(),
                        new SlaRequests.Policy(Priority.LOW, null, "Basse", "Low", 10, 20)));
        assertProblem(403, api.get("/api/v1/sla/policies", emma.token()));

        assertEquals(
                204,
                api.send("DELETE", "/api/v1/sla/policies/" + critical, alice.token(), null)
                        .status());
        assertProblem(404, api.send("DELETE", "/api/v1/sla/policies/" + critical, alice.token(), null));
    }

    @Test
    void dueTimesCountBusinessHoursOnly() {
        people();
        policy("CRITICAL", null, 60, 240);
        long id = ticket(emma, "Serveur de fichiers en panne", "Plus personne n’accède au partage.");
        // Filed on Friday 3 April 2026 at 17:00; Monday 6 is Easter Monday.
        filedAt(id, "2026-04-03T17:00");
        TicketResponse ticket = changed(ines, id, Map.of("priority", "CRITICAL"));
        // 1 h: Friday 17:00-18:00.
        assertEquals(paris("2026-04-03T18:00"), ticket.firstResponseDueAt());
        // 4 h: Friday 17:00-18:00, then Tuesday 09:00-12:00.
        assertEquals(paris("2026-04-07T12:00"), ticket.resolutionDueAt());
        assertEquals(TicketSla.State.BREACHED, sla(ticket).firstResponse().state());
        assertEquals(TicketSla.State.BREACHED, sla(ticket).resolution().state());
        assertTrue(sla(ticket).resolution().businessSecondsLeft() < 0, "late: negative time left");
    }

    @Test
    void theMostSpecificPolicyWins() {
        people();
        long network = category("Réseau");
        long printers = category("Imprimantes");
        policy("HIGH", null, 240, 540);
        policy("HIGH", network, 30, 120);
        long onNetwork = ticket(emma, "Wi-Fi coupé", "Plus de réseau au 2e étage.");
        long onPrinter = ticket(emma, "Imprimante bloquée", "Bourrage papier.");
        filedAt(onNetwork, "2026-03-10T10:00");
        filedAt(onPrinter, "2026-03-10T10:00");
        TicketResponse network1 = changed(ines, onNetwork, Map.of("priority", "HIGH", "category_id", network));
        TicketResponse printer1 = changed(ines, onPrinter, Map.of("priority", "HIGH", "category_id", printers));
        assertEquals(paris("2026-03-10T10:30"), network1.firstResponseDueAt());
        assertEquals(paris("2026-03-10T12:00"), network1.resolutionDueAt());
        assertEquals(paris("2026-03-10T14:00"), printer1.firstResponseDueAt());
        assertEquals(paris("2026-03-11T10:00"), printer1.resolutionDueAt());
        // Leaving the category falls back on the priority's policy.
        TicketResponse moved = changed(ines, onNetwork, Map.of("clear_category", true));
        assertEquals(paris("2026-03-10T14:00"), moved.firstResponseDueAt());
    }

    @Test
    void withoutAPolicyATicketHasNoSla() {
        people();
        long id = ticket(emma, "Souris", "La molette ne répond plus.");
        TicketResponse ticket = read(id);
        assertNull(ticket.sla());
        assertNull(ticket.firstResponseDueAt());
        assertNull(ticket.resolutionDueAt());
    }

    @Test
    void theResolutionClockPausesWhileTheTicketWaitsOnItsRequester() {
        people();
        policy("MEDIUM", null, 480, 1620);
        long id = ticket(emma, "Accès VPN", "Le VPN refuse mon mot de passe.");
        filedAt(id, "2026-03-09T09:00");
        TicketResponse running = changed(ines, id, Map.of("status", "IN_PROGRESS"));
        Instant firstDue = running.firstResponseDueAt();
        Instant resolutionDue = running.resolutionDueAt();
        // 27 business hours from Monday 9 March 09:00: Wednesday 11 March 18:00.
        assertEquals(paris("2026-03-11T18:00"), resolutionDue);

        TicketResponse waiting = changed(ines, id, Map.of("status", "WAITING"));
        assertEquals(TicketSla.State.PAUSED, sla(waiting).resolution().state());
        assertEquals(resolutionDue, waiting.resolutionDueAt());
        // Paused tickets are neither at risk nor breached in the queue on their resolution target.
        assertEquals(
                List.of(id), ids(api.get("/api/v1/tickets?sla=BREACHED", ines.token())), "first response still counts");

        // The pause began on Tuesday 10 March 09:00 (as if); resuming now shifts the due time by the
        // business time of the pause, the first-response due time does not move.
        OffsetDateTime pauseStart = paris("2026-03-10T09:00").atOffset(ZoneOffset.UTC);
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE tickets SET sla_paused_since = ? WHERE id = ?", ps -> {
            ps.setObject(1, pauseStart);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }));
        TicketResponse resumed = changed(ines, id, Map.of("status", "IN_PROGRESS"));
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
        Duration paused = calendar.between(pauseStart.toInstant(), resumed.updatedAt());
        assertTrue(Math.abs(paused.toSeconds() - pausedSeconds) <= 2, paused + " vs " + pausedSeconds);
        assertTrue(pausedSeconds > Duration.ofHours(9 * 100).toSeconds(), "months of business days paused");
        Instant shifted = resumed.resolutionDueAt();
        assertEquals(pausedSeconds, calendar.between(resolutionDue, shifted).toSeconds());
        assertEquals(firstDue, resumed.firstResponseDueAt());
    }

    @Test
    void aPublicReplyByATechnicianMeetsTheFirstResponseTarget() {
        people();
        policy("MEDIUM", null, 480, 1620);
        long id = ticket(emma, "Écran noir", "Mon écran reste noir au démarrage.");
        TicketResponse before = read(id);
        assertTrue(List.of(TicketSla.State.OK, TicketSla.State.AT_RISK)
                .contains(sla(before).firstResponse().state()));
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + id + "/comments",
                                ines.token(),
                                new CommentController.CreateComment("Avez-vous vérifié le câble ?", null, null))
                        .status());
        TicketResponse after = read(id);
        assertNotNull(after.firstResponseAt());
        assertEquals(TicketSla.State.MET, sla(after).firstResponse().state());
        assertNull(sla(after).firstResponse().businessSecondsLeft());
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
        assertEquals(TicketSla.State.AT_RISK, sla(read(soon)).firstResponse().state());
        assertEquals(List.of(late, soon, fresh), ids(api.get("/api/v1/tickets?sort=sla_due,asc", ines.token())));
        Api.Response firstPage = api.get("/api/v1/tickets?sort=sla_due,asc&size=2", ines.token());
        Api.Response secondPage = api.get(
                "/api/v1/tickets?sort=sla_due,asc&size=2&cursor="
                        + firstPage.as(TicketPage.class).nextCursor(),
                ines.token());
        assertEquals(List.of(fresh), ids(secondPage));
        // Counts per status follow the SLA filter.
        Map<TicketStatus, Long> counts = api.get("/api/v1/tickets/counts?sla=BREACHED", ines.token())
                .as(Argument.mapOf(TicketStatus.class, Long.class));
        assertEquals(1L, counts.get(TicketStatus.IN_PROGRESS));
        assertEquals(0L, counts.get(TicketStatus.NEW));

        assertProblem(400, api.get("/api/v1/tickets?sla=LATE", ines.token()));
        // Resolved: no longer in the SLA filters.
        change(ines, late, Map.of("status", "RESOLVED"));
        assertEquals(List.of(), ids(api.get("/api/v1/tickets?sla=BREACHED", ines.token())));
        assertEquals(TicketSla.State.BREACHED, sla(read(late)).resolution().state());
    }

    @Test
    void anAdminSetsClosedDaysThatTheCalendarSkips() {
        people();
        Api.Response added = api.post(
                "/api/v1/sla/closed-days",
                alice.token(),
                new SlaRequests.ClosedDay(LocalDate.parse("2026-05-15"), "Pont de l’Ascension"));
        assertEquals(200, added.status(), added::toString);
        SlaController.Calendar calendar =
                api.get("/api/v1/sla/calendar?year=2026", ines.token()).as(SlaController.Calendar.class);
        assertEquals("Europe/Paris", calendar.timeZone());
        assertTrue(calendar.publicHolidays()
                .containsAll(Stream.of("2026-04-06", "2026-05-14", "2026-07-14")
                        .map(LocalDate::parse)
                        .toList()));
        assertEquals("Pont de l’Ascension", calendar.closedDays().get(0).label());
        assertEquals(
                paris("2026-05-18T10:00"),
                tx.executeRead(s -> calendars.current()).add(paris("2026-05-13T17:00"), Duration.ofHours(2)));
        assertProblem(
                403,
                api.post(
                        "/api/v1/sla/closed-days",
                        ines.token(),
                        new SlaRequests.ClosedDay(LocalDate.parse("2026-05-16"), "x")));
        assertProblem(
                400, api.post("/api/v1/sla/closed-days", alice.token(), Map.of("day", "2026-05-16", "label", " ")));
        assertEquals(
                204,
                api.send("DELETE", "/api/v1/sla/closed-days/2026-05-15", alice.token(), null)
                        .status());
        assertProblem(404, api.send("DELETE", "/api/v1/sla/closed-days/2026-05-15", alice.token(), null));
    }
}
