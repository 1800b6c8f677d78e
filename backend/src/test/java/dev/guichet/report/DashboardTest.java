package dev.guichet.report;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dashboard's figures against a fixture computed by hand: tickets written straight in SQL with
 * their times (Europe/Paris, UTC+1 in November 2025) and due times, as the SLA module would fill them.
 *
 * <pre>
 * ticket cat  assignee created (Paris)     1st response  resolved           due 1st / resolution  status
 * T1     net  Hugo     11-03 09:00         +1 h          11-03 13:00 (4 h)  +2 h / +8 h           RESOLVED
 * T2     net  Hugo     11-04 00:30 (= 11-03 23:30 UTC)  +3 h  11-04 10:30 (10 h)  +2 h / +24 h    RESOLVED
 * T3     pc   Ines     11-05 10:00         +2 h          11-07 10:00 (48 h) +4 h / +24 h          RESOLVED
 * T4     pc   -        11-06 08:00         none          -                  +4 h / +24 h          NEW
 * T5     net  Hugo     11-08 09:00         +1 h          11-08 15:00 (6 h)  none                  RESOLVED
 * T6     net  Hugo     10-20 12:00         +5 h          11-05 12:00 (384 h) none                 RESOLVED
 * T7     pc   Ines     11-09 20:00         none          -                  2099 / 2099           IN_PROGRESS
 * T8     net  Hugo     11-10 09:00         none          -                  none                  WAITING
 * T9     net  -        now                 none          -                  none                  NEW
 * surveys: T1 5 (11-04), T2 2 (11-05), T3 4 (11-08), T6 1 (11-02, before the period)
 * </pre>
 */
class DashboardTest extends ApiTest {

    private static final String PERIOD = "/api/v1/reports/dashboard?from=2025-11-03&to=2025-11-09";

    private Person hugo;
    private Person ines;
    private long net;
    private long pc;

    @BeforeEach
    void fixture() {
        Person camille = employee("Camille");
        hugo = technician("Hugo");
        ines = technician("Ines");
        net = category("Réseau");
        pc = category("Postes");
        long t1 = insert(net, hugo, "RESOLVED", "2025-11-03 09:00+01", "1 hour", "2025-11-03 13:00+01", "2 hours", "8 hours", camille);
        long t2 = insert(net, hugo, "RESOLVED", "2025-11-04 00:30+01", "3 hours", "2025-11-04 10:30+01", "2 hours", "24 hours", camille);
        long t3 = insert(pc, ines, "RESOLVED", "2025-11-05 10:00+01", "2 hours", "2025-11-07 10:00+01", "4 hours", "24 hours", camille);
        insert(pc, null, "NEW", "2025-11-06 08:00+01", null, null, "4 hours", "24 hours", camille);
        insert(net, hugo, "RESOLVED", "2025-11-08 09:00+01", "1 hour", "2025-11-08 15:00+01", null, null, camille);
        long t6 = insert(net, hugo, "RESOLVED", "2025-10-20 12:00+01", "5 hours", "2025-11-05 12:00+01", null, null, camille);
        insert(pc, ines, "IN_PROGRESS", "2025-11-09 20:00+01", null, null, "74 years", "74 years", camille);
        insert(net, hugo, "WAITING", "2025-11-10 09:00+01", null, null, null, null, camille);
        tx.executeWrite(s -> jdbc.prepareStatement("INSERT INTO tickets (title, description, requester_id, category_id) VALUES ('T9', 'x', ?, ?)", ps -> {
            ps.setLong(1, camille.id());
            ps.setLong(2, net);
            return ps.executeUpdate();
        }));
        survey(t1, 5, "2025-11-04 10:00+01");
        survey(t2, 2, "2025-11-05 10:00+01");
        survey(t3, 4, "2025-11-08 10:00+01");
        survey(t6, 1, "2025-11-02 10:00+01");
    }

    @Test
    void createdAndResolvedPerDayFollowTheReportsTimeZone() {
        Api.Response response = api.get(PERIOD, hugo.token());

        assertEquals(200, response.status(), response::toString);
        Dashboard dashboard = response.as(Dashboard.class);
        assertEquals("Europe/Paris", dashboard.timeZone());
        assertEquals(List.of(
                        point("2025-11-03", 1, 1), point("2025-11-04", 1, 1), point("2025-11-05", 1, 1), point("2025-11-06", 1, 0),
                        point("2025-11-07", 0, 1), point("2025-11-08", 1, 1), point("2025-11-09", 1, 0)),
                dashboard.volume());
        assertEquals(List.of(point("2025-11-03", 6, 5)), dashboard(PERIOD + "&granularity=week").volume());
    }

    @Test
    void backlogCountsOpenTicketsByStatusAndAge() {
        Dashboard dashboard = dashboard(PERIOD);

        assertEquals(List.of(status(TicketStatus.NEW, 2), status(TicketStatus.IN_PROGRESS, 1),
                status(TicketStatus.WAITING, 1)), dashboard.backlog());
        assertEquals(List.of(age("lt_1d", 1), age("1d_3d", 0), age("3d_7d", 0), age("7d_30d", 0), age("gt_30d", 3)),
                dashboard.backlogAge());
    }

    @Test
    void medianAndP90TimesPerCategoryAndPerTechnician() {
        Dashboard dashboard = dashboard(PERIOD);

        // net: first responses 1, 1, 3, 5 h; resolutions 4, 6, 10, 384 h (percentile_cont, linear interpolation).
        assertEquals(List.of(times(net, "Réseau", 4, 4, 2.0, 4.4, 8.0, 271.8), times(pc, "Postes", 1, 1, 2.0, 2.0, 48.0, 48.0)),
                dashboard.byCategory());
        assertEquals(List.of(times(hugo.id(), "Hugo", 4, 4, 2.0, 4.4, 8.0, 271.8),
                times(ines.id(), "Ines", 1, 1, 2.0, 2.0, 48.0, 48.0)),
                dashboard.byAssignee());
    }

    @Test
    void slaComplianceCountsOpenTicketsPastDueAsBreachedAndLeavesPendingOnesOut() {
        Dashboard.Sla sla = dashboard(PERIOD).sla();

        // First response: T1, T3 met; T2 late, T4 never answered and past due; T7 not yet due; T5 has no target.
        assertEquals(target(2, 2, 1, 50.0), sla.firstResponse());
        // Resolution: T1, T2 met; T3 late, T4 open past due; T7 not yet due.
        assertEquals(target(2, 2, 1, 50.0), sla.resolution());
    }

    @Test
    void satisfactionAveragesTheAnswersOfThePeriod() {
        Dashboard.Satisfaction satisfaction = dashboard(PERIOD).satisfaction();

        assertEquals(3, satisfaction.answers());
        assertEquals(3.67, satisfaction.average());
        assertEquals(List.of(score(1, 0), score(2, 1), score(3, 0), score(4, 1), score(5, 1)), satisfaction.distribution());
    }

    @Test
    void theCategoryFilterAppliesToEveryFigure() {
        Dashboard dashboard = dashboard(PERIOD + "&category_id=" + net);

        assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 1L, 0L), dashboard.volume().stream().map(Dashboard.VolumePoint::created).toList());
        assertEquals(List.of(status(TicketStatus.NEW, 1), status(TicketStatus.IN_PROGRESS, 0),
                status(TicketStatus.WAITING, 1)), dashboard.backlog());
        Dashboard.Sla sla = dashboard.sla();
        assertEquals(target(1, 1, 0, 50.0), sla.firstResponse());
        assertEquals(target(2, 0, 0, 100.0), sla.resolution());
        assertEquals(2, dashboard.satisfaction().answers());
        assertEquals(List.of("Réseau"), dashboard.byCategory().stream().map(Dashboard.Times::name).toList());
    }

    @Test
    void onlyAgentsReadTheDashboardAndBadPeriodsAreRefused() {
        assertProblem(403, api.get(PERIOD, employee("Zoe").token()));
        assertEquals("from", assertProblem(400, api.get(
                "/api/v1/reports/dashboard?from=2025-11-10&to=2025-11-09", hugo.token())).errors().getFirst().field());
        assertProblem(400, api.get("/api/v1/reports/dashboard?from=2024-01-01&to=2025-11-09", hugo.token()));
        assertProblem(400, api.get("/api/v1/reports/dashboard?from=hier", hugo.token()));
        assertProblem(400, api.get(PERIOD + "&granularity=month", hugo.token()));
        // Default: the last 30 days.
        assertEquals(30, dashboard("/api/v1/reports/dashboard").volume().size());
    }

    private Dashboard dashboard(String path) {
        Api.Response response = api.get(path, hugo.token());
        assertEquals(200, response.status(), response::toString);
        return response.as(Dashboard.class);
    }

    private static Dashboard.VolumePoint point(String start, int created, int resolved) {
        return new Dashboard.VolumePoint(LocalDate.parse(start), created, resolved);
    }

    private static Dashboard.StatusCount status(TicketStatus status, int count) {
        return new Dashboard.StatusCount(status, count);
    }

    private static Dashboard.AgeCount age(String bucket, int count) {
        return new Dashboard.AgeCount(bucket, count);
    }

    private static Dashboard.ScoreCount score(int score, int count) {
        return new Dashboard.ScoreCount(score, count);
    }

    private static Dashboard.Target target(int met, int breached, int pending, double percent) {
        return new Dashboard.Target(met, breached, pending, percent);
    }

    private static Dashboard.Times times(long id, String name, int resolved, int responded, double fr50, double fr90,
                                         double res50, double res90) {
        return new Dashboard.Times(id, name, resolved, responded, fr50, fr90, res50, res90);
    }

    private long category(String name) {
        return tx.executeWrite(s -> jdbc.prepareStatement("INSERT INTO categories (name) VALUES (?) RETURNING id", ps -> {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** A ticket with its times: offsets are PostgreSQL intervals after creation, null for none. */
    private long insert(long category, Person assignee, String status, String created, String firstResponse, String resolved,
                        String firstDue, String resolutionDue, Person requester) {
        return tx.executeWrite(s -> jdbc.prepareStatement("""
                INSERT INTO tickets (title, description, requester_id, category_id, assignee_id, status, created_at, updated_at,
                                     first_response_at, resolved_at, first_response_due_at, resolution_due_at)
                VALUES ('T', 'x', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz + ?::interval, ?::timestamptz,
                        ?::timestamptz + ?::interval, ?::timestamptz + ?::interval)
                RETURNING id""", ps -> {
            ps.setLong(1, requester.id());
            ps.setLong(2, category);
            ps.setObject(3, assignee == null ? null : assignee.id());
            ps.setString(4, status);
            ps.setString(5, created);
            ps.setString(6, created);
            ps.setString(7, created);
            ps.setString(8, firstResponse);
            ps.setString(9, resolved);
            ps.setString(10, created);
            ps.setString(11, firstDue);
            ps.setString(12, created);
            ps.setString(13, resolutionDue);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private void survey(long ticket, int score, String answeredAt) {
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO satisfaction_surveys (ticket_id, score, answered_at) VALUES (?, ?, ?::timestamptz)", ps -> {
                    ps.setLong(1, ticket);
                    ps.setInt(2, score);
                    ps.setString(3, answeredAt);
                    return ps.executeUpdate();
                }));
    }
}
