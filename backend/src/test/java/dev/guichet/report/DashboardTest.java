package dev.guichet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.ticket.TicketStatus;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Inject
    ReportSummaries summaries;

    @Inject
    TimesQueries timesQueries;

    private Person camille;
    private Person hugo;
    private Person ines;
    private long net;
    private long pc;

    /** A short statement timeout, so that the busy case answers quickly. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("guichet.reports.statement-timeout", "1500ms");
        return properties;
    }

    @BeforeEach
    void fixture() {
        camille = employee("Camille");
        hugo = technician("Hugo");
        ines = technician("Ines");
        net = category("Réseau");
        pc = category("Postes");
        long t1 = insert(
                net,
                hugo,
                "RESOLVED",
                "2025-11-03 09:00+01",
                "1 hour",
                "2025-11-03 13:00+01",
                "2 hours",
                "8 hours",
                camille);
        long t2 = insert(
                net,
                hugo,
                "RESOLVED",
                "2025-11-04 00:30+01",
                "3 hours",
                "2025-11-04 10:30+01",
                "2 hours",
                "24 hours",
                camille);
        long t3 = insert(
                pc,
                ines,
                "RESOLVED",
                "2025-11-05 10:00+01",
                "2 hours",
                "2025-11-07 10:00+01",
                "4 hours",
                "24 hours",
                camille);
        insert(pc, null, "NEW", "2025-11-06 08:00+01", null, null, "4 hours", "24 hours", camille);
        insert(net, hugo, "RESOLVED", "2025-11-08 09:00+01", "1 hour", "2025-11-08 15:00+01", null, null, camille);
        long t6 = insert(
                net, hugo, "RESOLVED", "2025-10-20 12:00+01", "5 hours", "2025-11-05 12:00+01", null, null, camille);
        insert(pc, ines, "IN_PROGRESS", "2025-11-09 20:00+01", null, null, "74 years", "74 years", camille);
        insert(net, hugo, "WAITING", "2025-11-10 09:00+01", null, null, null, null, camille);
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO tickets (title, description, requester_id, category_id) VALUES ('T9', 'x', ?, ?)", ps -> {
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
        assertEquals(
                List.of(
                        point("2025-11-03", 1, 1),
                        point("2025-11-04", 1, 1),
                        point("2025-11-05", 1, 1),
                        point("2025-11-06", 1, 0),
                        point("2025-11-07", 0, 1),
                        point("2025-11-08", 1, 1),
                        point("2025-11-09", 1, 0)),
                dashboard.volume());
        assertEquals(
                List.of(point("2025-11-03", 6, 5)),
                dashboard(PERIOD + "&granularity=week").volume());
    }

    @Test
    void backlogCountsOpenTicketsByStatusAndAge() {
        Dashboard dashboard = dashboard(PERIOD);

        assertEquals(
                List.of(
                        status(TicketStatus.NEW, 2),
                        status(TicketStatus.IN_PROGRESS, 1),
                        status(TicketStatus.WAITING, 1)),
                dashboard.backlog());
        assertEquals(
                List.of(age("lt_1d", 1), age("1d_3d", 0), age("3d_7d", 0), age("7d_30d", 0), age("gt_30d", 3)),
                dashboard.backlogAge());
    }

    @Test
    void medianAndP90TimesPerCategoryAndPerTechnician() {
        Dashboard dashboard = dashboard(PERIOD);

        // net: first responses 1, 1, 3, 5 h; resolutions 4, 6, 10, 384 h (percentile_cont, linear interpolation).
        assertEquals(
                List.of(
                        times(net, "Réseau", 4, 4, 2.0, 4.4, 8.0, 271.8),
                        times(pc, "Postes", 1, 1, 2.0, 2.0, 48.0, 48.0)),
                dashboard.byCategory());
        assertEquals(
                List.of(
                        times(hugo.id(), "Hugo", 4, 4, 2.0, 4.4, 8.0, 271.8),
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
        assertEquals(
                List.of(score(1, 0), score(2, 1), score(3, 0), score(4, 1), score(5, 1)), satisfaction.distribution());
    }

    @Test
    void theCategoryFilterAppliesToEveryFigure() {
        Dashboard dashboard = dashboard(PERIOD + "&category_id=" + net);

        assertEquals(
                List.of(1L, 1L, 0L, 0L, 0L, 1L, 0L),
                dashboard.volume().stream().map(Dashboard.VolumePoint::created).toList());
        assertEquals(
                List.of(
                        status(TicketStatus.NEW, 1),
                        status(TicketStatus.IN_PROGRESS, 0),
                        status(TicketStatus.WAITING, 1)),
                dashboard.backlog());
        Dashboard.Sla sla = dashboard.sla();
        assertEquals(target(1, 1, 0, 50.0), sla.firstResponse());
        assertEquals(target(2, 0, 0, 100.0), sla.resolution());
        assertEquals(2, dashboard.satisfaction().answers());
        assertEquals(
                List.of("Réseau"),
                dashboard.byCategory().stream().map(Dashboard.Times::name).toList());
    }

    @Test
    void onlyAgentsReadTheDashboardAndBadPeriodsAreRefused() {
        assertProblem(403, api.get(PERIOD, employee("Zoe").token()));
        assertEquals(
                "from",
                assertProblem(400, api.get("/api/v1/reports/dashboard?from=2025-11-10&to=2025-11-09", hugo.token()))
                        .errors()
                        .getFirst()
                        .field());
        assertProblem(400, api.get("/api/v1/reports/dashboard?from=2015-11-01&to=2025-11-09", hugo.token()));
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

    @Test
    void summariesFollowEveryChangeAndEqualTheLiveFigures() {
        generate(400);
        summaries.fold(); // the rows so far are folded, the changes below stay in the delta tables
        sql("UPDATE tickets SET category_id = " + pc + " WHERE title = 'G' AND id % 10 = 1");
        sql("UPDATE tickets SET category_id = NULL WHERE title = 'G' AND id % 10 = 4");
        sql("UPDATE tickets SET assignee_id = " + ines.id() + " WHERE title = 'G' AND id % 10 = 2");
        sql("UPDATE tickets SET priority = 'HIGH' WHERE title = 'G' AND id % 10 = 5");
        // Reopened, then a part of them resolved again later; a late first response.
        sql(
                "UPDATE tickets SET status = 'IN_PROGRESS', resolved_at = NULL WHERE title = 'G' AND id % 10 = 3 AND resolved_at IS NOT NULL");
        sql(
                "UPDATE tickets SET status = 'RESOLVED', resolved_at = created_at + interval '300 hours' WHERE title = 'G' AND id % 20 = 3");
        sql(
                "UPDATE tickets SET first_response_at = created_at + interval '30 hours' WHERE title = 'G' AND first_response_at IS NULL AND id % 3 = 1");
        sql(
                "UPDATE tickets SET first_response_due_at = created_at + interval '1 hour' WHERE title = 'G' AND id % 10 = 6");
        sql(
                "UPDATE satisfaction_surveys SET score = 6 - score, answered_at = answered_at + interval '2 days' WHERE ticket_id % 4 = 0");
        sql("DELETE FROM satisfaction_surveys WHERE ticket_id % 9 = 0");
        sql("DELETE FROM tickets WHERE title = 'G' AND id % 25 = 7"); // their surveys go with them

        for (String[] period : List.of(
                new String[] {"2025-11-03", "2025-11-09"},
                new String[] {"2024-02-01", "2024-03-15"},
                new String[] {"2023-06-10", "2025-11-20"})) {
            for (Long category : Arrays.asList(null, net)) {
                assertDashboardEqualsLive(period[0], period[1], category);
                assertHistogramsWithinABucket(period[0], period[1], category);
            }
        }
        String maintained = summaryRows();
        tx.executeWrite(s -> jdbc.prepareStatement("SELECT report_rebuild_summaries()", ps -> ps.execute()));
        assertEquals(summaryRows(), maintained);
        summaries.fold();
        assertEquals(summaryRows(), maintained);
    }

    @Test
    void startingWithAnotherTimeZoneRebuildsTheSummariesInIt() {
        // As if the summaries had been computed with REPORTS_TIME_ZONE=UTC: T2 (00:30 in Paris on
        // 11-04) is then a ticket of 11-03.
        sql("SELECT report_set_time_zone('UTC')");
        assertEquals(2, createdOn("2025-11-03"));

        summaries.onApplicationEvent(null);

        assertEquals(1, createdOn("2025-11-03"));
        assertEquals(
                "Europe/Paris",
                tx.executeRead(s -> jdbc.prepareStatement("SELECT report_time_zone()", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                })));
        assertEquals(
                List.of(point("2025-11-03", 6, 5)),
                dashboard(PERIOD + "&granularity=week").volume());
    }

    private long createdOn(String day) {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT coalesce(sum(created), 0) FROM (SELECT day, created FROM report_daily UNION ALL
                                                       SELECT day, created FROM report_daily_delta) d WHERE day = ?::date""", ps -> {
            ps.setString(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    @Test
    void aDashboardPastItsStatementTimeoutAnswers503ReportBusy() throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual()
                .start(() -> tx.executeWrite(s ->
                        jdbc.prepareStatement("LOCK TABLE report_daily IN ACCESS EXCLUSIVE MODE", ps -> {
                            ps.execute();
                            locked.countDown();
                            try {
                                return answered.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        })));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        Api.Response busy = api.get(PERIOD, hugo.token());
        answered.countDown();
        holder.join();

        assertEquals(
                "https://guichet.dev/problems/report-busy",
                assertProblem(503, busy).type());
        assertEquals(String.valueOf(ReportBusyException.RETRY_AFTER_SECONDS), busy.header("Retry-After"));
        assertEquals(200, api.get(PERIOD, hugo.token()).status());
    }

    /** Every figure of the dashboard equals the live computation (exact percentiles: the test's periods are short). */
    private void assertDashboardEqualsLive(String from, String to, Long category) {
        LiveFigures live = new LiveFigures(jdbc, tx);
        Dashboard dashboard = dashboard("/api/v1/reports/dashboard?from=" + from + "&to=" + to
                + (category == null ? "" : "&category_id=" + category));
        String where = from + ".." + to + " category " + category;
        assertEquals(
                live.volume(from, to, category),
                String.join(
                        "\n",
                        dashboard.volume().stream()
                                .map(p -> p.start() + " " + p.created() + "/" + p.resolved())
                                .toList()),
                where);
        assertEquals(
                live.sla(from, to, category),
                outcome(dashboard.sla().firstResponse()) + " / "
                        + outcome(dashboard.sla().resolution()),
                where);
        assertEquals(
                live.satisfaction(from, to, category),
                String.join(
                        " ",
                        dashboard.satisfaction().distribution().stream()
                                .map(c -> String.valueOf(c.count()))
                                .toList()),
                where);
        for (boolean byAssignee : List.of(false, true)) {
            List<Dashboard.Times> rows = byAssignee ? dashboard.byAssignee() : dashboard.byCategory();
            List<LiveFigures.Times> expected = live.times(from, to, category, byAssignee);
            assertRows(expected, rows, 0, where);
        }
    }

    /** Each expected row (by category or assignee id) has its dashboard row, with the same times within {@code relative}. */
    private static void assertRows(
            List<LiveFigures.Times> expected, List<Dashboard.Times> rows, double relative, String where) {
        assertEquals(expected.size(), rows.size(), where);
        for (LiveFigures.Times e : expected) {
            Dashboard.Times row = rows.stream()
                    .filter(r -> Objects.equals(r.id(), e.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no row for " + e.id()));
            assertTimes(
                    e,
                    row.resolved(),
                    row.responded(),
                    new Object[] {
                        row.firstResponseMedianHours(),
                        row.firstResponseP90Hours(),
                        row.resolutionMedianHours(),
                        row.resolutionP90Hours()
                    },
                    relative,
                    where);
        }
    }

    /** The histogram method, forced on the same period: same counts, percentiles within a bucket (6.25 %). */
    private void assertHistogramsWithinABucket(String from, String to, Long category) {
        LiveFigures live = new LiveFigures(jdbc, tx);
        TimesQueries.Tables tables = tx.executeRead(s -> timesQueries.times(
                LocalDate.parse(from), LocalDate.parse(to), ZoneId.of("Europe/Paris"), Long.MAX_VALUE, category));
        String where = "histograms " + from + ".." + to + " category " + category;
        for (boolean byAssignee : List.of(false, true)) {
            List<Dashboard.Times> rows = byAssignee ? tables.byAssignee() : tables.byCategory();
            List<LiveFigures.Times> expected = live.times(from, to, category, byAssignee);
            assertRows(expected, rows, 0.0625, where);
        }
    }

    /** Counts equal; each percentile within {@code relative} of the live one, plus the rounding to 0.01 h. */
    private static void assertTimes(
            LiveFigures.Times expected, long resolved, long responded, Object[] hours, double relative, String where) {
        assertEquals(expected.resolved(), resolved, where);
        assertEquals(expected.responded(), responded, where);
        Double[] live = {expected.fr50(), expected.fr90(), expected.res50(), expected.res90()};
        for (int i = 0; i < live.length; i++) {
            if (live[i] == null) {
                assertEquals(null, hours[i], where);
                continue;
            }
            assertNotNull(hours[i], where);
            double got = ((Number) hours[i]).doubleValue();
            assertTrue(
                    Math.abs(got - live[i])
                            <= relative * Math.abs(live[i]) + 0.005 + 1e-9 + (relative > 0 ? 1.0 / 3600 : 0),
                    where + ": id " + expected.id() + " percentile " + i + " is " + got + ", live " + live[i]);
        }
    }

    private static String outcome(Dashboard.Target t) {
        return t.met() + " " + t.breached() + " " + t.pending();
    }

    /**
     * {@code count} tickets "G" from June 2023 every 2 days 7 h 13 min, in two categories or none,
     * assigned to Hugo, Ines or nobody, most resolved after 1 to 200 hours, some answered, some with
     * SLA due times, a third of the resolved ones with a survey answer.
     */
    private void generate(int count) {
        sql("""
                INSERT INTO tickets (title, description, requester_id, category_id, assignee_id, status, created_at, updated_at,
                                     first_response_at, resolved_at, first_response_due_at, resolution_due_at)
                SELECT 'G', 'x', %d, (ARRAY[%d, %d, NULL])[1 + i %% 3], (ARRAY[%d, %d, NULL, %d])[1 + i %% 4],
                       CASE WHEN i %% 7 = 0 THEN 'IN_PROGRESS' ELSE 'RESOLVED' END, c, c,
                       CASE WHEN i %% 5 <> 0 THEN c + (i * 37 %% 600) * interval '1 minute' END,
                       CASE WHEN i %% 7 <> 0 THEN c + ((i * 7919) %% 200 + 1) * interval '1 hour' + (i * 13 %% 60) * interval '1 second' END,
                       CASE WHEN i %% 2 = 0 THEN c + interval '4 hours' END,
                       CASE WHEN i %% 2 = 0 THEN c + interval '48 hours' END
                  FROM generate_series(1, %d) i, LATERAL (SELECT '2023-06-01 08:00+02'::timestamptz + i * interval '2 days 7 hours 13 minutes' AS c) t
                """.formatted(camille.id(), net, pc, hugo.id(), ines.id(), hugo.id(), count));
        sql("""
                INSERT INTO satisfaction_surveys (ticket_id, score, answered_at)
                SELECT id, 1 + id %% 5, resolved_at + interval '3 hours' FROM tickets WHERE title = 'G' AND resolved_at IS NOT NULL AND id %% 3 = 0
                """.formatted());
    }

    /** Every non-zero figure of the summary tables (main and delta added up), one line each, sorted. */
    private String summaryRows() {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT string_agg(r, E'\n' ORDER BY r) FROM (
                  SELECT day || ' ' || coalesce(category_id::text, '-') || ' ' || array_to_string(v, ',') AS r
                    FROM (SELECT day, category_id, ARRAY[sum(created), sum(resolved), sum(first_response_met), sum(first_response_late),
                                 sum(first_response_open), sum(resolution_met), sum(resolution_late), sum(resolution_open),
                                 sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5)] AS v
                            FROM (SELECT * FROM report_daily UNION ALL SELECT * FROM report_daily_delta) d GROUP BY 1, 2) x
                   WHERE v <> array_fill(0::bigint, ARRAY[13])
                  UNION ALL
                  SELECT months || ' ' || start || ' ' || dim || ' ' || coalesce(category_id::text, '-') || ' '
                         || coalesce(assignee_id::text, '-') || ' ' || kind || ' ' || bucket || ' ' || sum(n)
                    FROM (SELECT * FROM report_times UNION ALL SELECT * FROM report_times_delta) t
                   GROUP BY months, start, dim, category_id, assignee_id, kind, bucket HAVING sum(n) <> 0) s""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    private void sql(String statement) {
        tx.executeWrite(s -> jdbc.prepareStatement(statement, ps -> ps.execute()));
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

    private static Dashboard.Times times(
            long id, String name, int resolved, int responded, double fr50, double fr90, double res50, double res90) {
        return new Dashboard.Times(id, name, resolved, responded, fr50, fr90, res50, res90);
    }

    private long category(String name) {
        return tx.executeWrite(s ->
                jdbc.prepareStatement("INSERT INTO categories (name) VALUES (?) RETURNING id", ps -> {
                    ps.setString(1, name);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    /** A ticket with its times: offsets are PostgreSQL intervals after creation, null for none. */
    private long insert(
            long category,
            Person assignee,
            String status,
            String created,
            String firstResponse,
            String resolved,
            String firstDue,
            String resolutionDue,
            Person requester) {
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
                "INSERT INTO satisfaction_surveys (ticket_id, score, answered_at) VALUES (?, ?, ?::timestamptz)",
                ps -> {
                    ps.setLong(1, ticket);
                    ps.setInt(2, score);
                    ps.setString(3, answeredAt);
                    return ps.executeUpdate();
                }));
    }
}
