package dev.guichet.report;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Api.Response dashboard = api.get(PERIOD, hugo.token());

        assertEquals(200, dashboard.status(), dashboard::toString);
        assertEquals("Europe/Paris", dashboard.get("time_zone"));
        assertEquals(List.of(
                        point("2025-11-03", 1, 1), point("2025-11-04", 1, 1), point("2025-11-05", 1, 1), point("2025-11-06", 1, 0),
                        point("2025-11-07", 0, 1), point("2025-11-08", 1, 1), point("2025-11-09", 1, 0)),
                dashboard.get("volume"));
        assertEquals(List.of(point("2025-11-03", 6, 5)), api.get(PERIOD + "&granularity=week", hugo.token()).get("volume"));
    }

    @Test
    void backlogCountsOpenTicketsByStatusAndAge() {
        Api.Response dashboard = api.get(PERIOD, hugo.token());

        assertEquals(List.of(Map.of("status", "NEW", "count", 2), Map.of("status", "IN_PROGRESS", "count", 1),
                Map.of("status", "WAITING", "count", 1)), dashboard.get("backlog"));
        assertEquals(List.of(age("lt_1d", 1), age("1d_3d", 0), age("3d_7d", 0), age("7d_30d", 0), age("gt_30d", 3)),
                dashboard.get("backlog_age"));
    }

    @Test
    void medianAndP90TimesPerCategoryAndPerTechnician() {
        Api.Response dashboard = api.get(PERIOD, hugo.token());

        // net: first responses 1, 1, 3, 5 h; resolutions 4, 6, 10, 384 h (percentile_cont, linear interpolation).
        assertEquals(List.of(times(net, "Réseau", 4, 4, 2.0, 4.4, 8.0, 271.8), times(pc, "Postes", 1, 1, 2.0, 2.0, 48.0, 48.0)),
                dashboard.get("by_category"));
        assertEquals(List.of(times(hugo.id(), "Hugo", 4, 4, 2.0, 4.4, 8.0, 271.8),
                times(ines.id(), "Ines", 1, 1, 2.0, 2.0, 48.0, 48.0)),
                dashboard.get("by_assignee"));
    }

    @Test
    void slaComplianceCountsOpenTicketsPastDueAsBreachedAndLeavesPendingOnesOut() {
        Map<?, ?> sla = (Map<?, ?>) api.get(PERIOD, hugo.token()).get("sla");

        // First response: T1, T3 met; T2 late, T4 never answered and past due; T7 not yet due; T5 has no target.
        assertEquals(target(2, 2, 1, 50.0), sla.get("first_response"));
        // Resolution: T1, T2 met; T3 late, T4 open past due; T7 not yet due.
        assertEquals(target(2, 2, 1, 50.0), sla.get("resolution"));
    }

    @Test
    void satisfactionAveragesTheAnswersOfThePeriod() {
        Map<?, ?> satisfaction = (Map<?, ?>) api.get(PERIOD, hugo.token()).get("satisfaction");

        assertEquals(3, satisfaction.get("answers"));
        assertEquals(3.67, satisfaction.get("average"));
        assertEquals(List.of(score(1, 0), score(2, 1), score(3, 0), score(4, 1), score(5, 1)), satisfaction.get("distribution"));
    }

    @Test
    void theCategoryFilterAppliesToEveryFigure() {
        Api.Response dashboard = api.get(PERIOD + "&category_id=" + net, hugo.token());

        assertEquals(List.of(1, 1, 0, 0, 0, 1, 0), ((List<?>) dashboard.get("volume")).stream().map(p -> ((Map<?, ?>) p).get("created")).toList());
        assertEquals(List.of(Map.of("status", "NEW", "count", 1), Map.of("status", "IN_PROGRESS", "count", 0),
                Map.of("status", "WAITING", "count", 1)), dashboard.get("backlog"));
        Map<?, ?> sla = (Map<?, ?>) dashboard.get("sla");
        assertEquals(target(1, 1, 0, 50.0), sla.get("first_response"));
        assertEquals(target(2, 0, 0, 100.0), sla.get("resolution"));
        assertEquals(2, ((Map<?, ?>) dashboard.get("satisfaction")).get("answers"));
        assertEquals(List.of("Réseau"), ((List<?>) dashboard.get("by_category")).stream().map(t -> ((Map<?, ?>) t).get("name")).toList());
    }

    @Test
    void onlyAgentsReadTheDashboardAndBadPeriodsAreRefused() {
        assertProblem(403, api.get(PERIOD, employee("Zoe").token()));
        assertEquals("from", ((Map<?, ?>) ((List<?>) assertProblem(400, api.get(
                "/api/v1/reports/dashboard?from=2025-11-10&to=2025-11-09", hugo.token())).get("errors")).getFirst()).get("field"));
        assertProblem(400, api.get("/api/v1/reports/dashboard?from=2015-11-01&to=2025-11-09", hugo.token()));
        assertProblem(400, api.get("/api/v1/reports/dashboard?from=hier", hugo.token()));
        assertProblem(400, api.get(PERIOD + "&granularity=month", hugo.token()));
        // Default: the last 30 days.
        assertEquals(30, ((List<?>) api.get("/api/v1/reports/dashboard", hugo.token()).get("volume")).size());
    }

    @Test
    void summariesFollowEveryChangeAndEqualTheLiveFigures() {
        generate(400);
        summaries.fold();  // the rows so far are folded, the changes below stay in the delta tables
        sql("UPDATE tickets SET category_id = " + pc + " WHERE title = 'G' AND id % 10 = 1");
        sql("UPDATE tickets SET category_id = NULL WHERE title = 'G' AND id % 10 = 4");
        sql("UPDATE tickets SET assignee_id = " + ines.id() + " WHERE title = 'G' AND id % 10 = 2");
        sql("UPDATE tickets SET priority = 'HIGH' WHERE title = 'G' AND id % 10 = 5");
        // Reopened, then a part of them resolved again later; a late first response.
        sql("UPDATE tickets SET status = 'IN_PROGRESS', resolved_at = NULL WHERE title = 'G' AND id % 10 = 3 AND resolved_at IS NOT NULL");
        sql("UPDATE tickets SET status = 'RESOLVED', resolved_at = created_at + interval '300 hours' WHERE title = 'G' AND id % 20 = 3");
        sql("UPDATE tickets SET first_response_at = created_at + interval '30 hours' WHERE title = 'G' AND first_response_at IS NULL AND id % 3 = 1");
        sql("UPDATE tickets SET first_response_due_at = created_at + interval '1 hour' WHERE title = 'G' AND id % 10 = 6");
        sql("UPDATE satisfaction_surveys SET score = 6 - score, answered_at = answered_at + interval '2 days' WHERE ticket_id % 4 = 0");
        sql("DELETE FROM satisfaction_surveys WHERE ticket_id % 9 = 0");
        sql("DELETE FROM tickets WHERE title = 'G' AND id % 25 = 7");  // their surveys go with them

        for (String[] period : List.of(new String[] {"2025-11-03", "2025-11-09"}, new String[] {"2024-02-01", "2024-03-15"},
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
        assertEquals("Europe/Paris", tx.executeRead(s -> jdbc.prepareStatement("SELECT report_time_zone()", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        })));
        assertEquals(List.of(point("2025-11-03", 6, 5)), api.get(PERIOD + "&granularity=week", hugo.token()).get("volume"));
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
        Thread holder = Thread.ofVirtual().start(() -> tx.executeWrite(s -> jdbc.prepareStatement(
                "LOCK TABLE report_daily IN ACCESS EXCLUSIVE MODE", ps -> {
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

        assertEquals("https://guichet.dev/problems/report-busy", assertProblem(503, busy).get("type"));
        assertEquals(String.valueOf(ReportBusyException.RETRY_AFTER_SECONDS), busy.header("Retry-After"));
        assertEquals(200, api.get(PERIOD, hugo.token()).status());
    }

    /** Every figure of the dashboard equals the live computation (exact percentiles: the test's periods are short). */
    private void assertDashboardEqualsLive(String from, String to, Long category) {
        LiveFigures live = new LiveFigures(jdbc, tx);
        Api.Response dashboard = api.get("/api/v1/reports/dashboard?from=" + from + "&to=" + to
                + (category == null ? "" : "&category_id=" + category), hugo.token());
        assertEquals(200, dashboard.status(), dashboard::toString);
        String where = from + ".." + to + " category " + category;
        assertEquals(live.volume(from, to, category), String.join("\n", ((List<?>) dashboard.get("volume")).stream()
                .map(p -> (Map<?, ?>) p).map(p -> p.get("start") + " " + p.get("created") + "/" + p.get("resolved")).toList()), where);
        Map<?, ?> sla = (Map<?, ?>) dashboard.get("sla");
        assertEquals(live.sla(from, to, category), outcome(sla.get("first_response")) + " / " + outcome(sla.get("resolution")), where);
        assertEquals(live.satisfaction(from, to, category), String.join(" ", ((List<?>) ((Map<?, ?>) dashboard.get("satisfaction"))
                .get("distribution")).stream().map(c -> String.valueOf(((Map<?, ?>) c).get("count"))).toList()), where);
        for (boolean byAssignee : List.of(false, true)) {
            List<?> rows = (List<?>) dashboard.get(byAssignee ? "by_assignee" : "by_category");
            List<LiveFigures.Times> expected = live.times(from, to, category, byAssignee);
            assertEquals(expected.size(), rows.size(), where);
            for (LiveFigures.Times e : expected) {
                Map<?, ?> row = rows.stream().map(r -> (Map<?, ?>) r)
                        .filter(r -> e.id() == null ? r.get("id") == null : r.get("id") != null && ((Number) r.get("id")).longValue() == e.id())
                        .findFirst().orElseThrow(() -> new AssertionError(where + ": no row for " + e.id()));
                assertTimes(e, ((Number) row.get("resolved")).longValue(), ((Number) row.get("responded")).longValue(),
                        new Object[] {row.get("first_response_median_hours"), row.get("first_response_p90_hours"),
                                row.get("resolution_median_hours"), row.get("resolution_p90_hours")}, 0, where);
            }
        }
    }

    /** The histogram method, forced on the same period: same counts, percentiles within a bucket (6.25 %). */
    private void assertHistogramsWithinABucket(String from, String to, Long category) {
        LiveFigures live = new LiveFigures(jdbc, tx);
        TimesQueries.Tables tables = tx.executeRead(s -> timesQueries.times(LocalDate.parse(from), LocalDate.parse(to),
                ZoneId.of("Europe/Paris"), Long.MAX_VALUE, category));
        String where = "histograms " + from + ".." + to + " category " + category;
        for (boolean byAssignee : List.of(false, true)) {
            List<Dashboard.Times> rows = byAssignee ? tables.byAssignee() : tables.byCategory();
            List<LiveFigures.Times> expected = live.times(from, to, category, byAssignee);
            assertEquals(expected.size(), rows.size(), where);
            for (LiveFigures.Times e : expected) {
                Dashboard.Times row = rows.stream().filter(r -> java.util.Objects.equals(r.id(), e.id())).findFirst().orElseThrow();
                assertTimes(e, row.resolved(), row.responded(), new Object[] {row.firstResponseMedianHours(),
                        row.firstResponseP90Hours(), row.resolutionMedianHours(), row.resolutionP90Hours()}, 0.0625, where);
            }
        }
    }

    /** Counts equal; each percentile within {@code relative} of the live one, plus the rounding to 0.01 h. */
    private static void assertTimes(LiveFigures.Times expected, long resolved, long responded, Object[] hours, double relative,
                                    String where) {
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
            assertTrue(Math.abs(got - live[i]) <= relative * Math.abs(live[i]) + 0.005 + 1e-9 + (relative > 0 ? 1.0 / 3600 : 0),
                    where + ": id " + expected.id() + " percentile " + i + " is " + got + ", live " + live[i]);
        }
    }

    private static String outcome(Object target) {
        Map<?, ?> t = (Map<?, ?>) target;
        return t.get("met") + " " + t.get("breached") + " " + t.get("pending");
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

    private static Map<String, Object> point(String start, int created, int resolved) {
        return Map.of("start", start, "created", created, "resolved", resolved);
    }

    private static Map<String, Object> age(String bucket, int count) {
        return Map.of("bucket", bucket, "count", count);
    }

    private static Map<String, Object> score(int score, int count) {
        return Map.of("score", score, "count", count);
    }

    private static Map<String, Object> target(int met, int breached, int pending, double percent) {
        return Map.of("met", met, "breached", breached, "pending", pending, "compliance_percent", percent);
    }

    private static Map<String, Object> times(long id, String name, int resolved, int responded, double fr50, double fr90,
                                             double res50, double res90) {
        return Map.of("id", (int) id, "name", name, "resolved", resolved, "responded", responded,
                "first_response_median_hours", fr50, "first_response_p90_hours", fr90,
                "resolution_median_hours", res50, "resolution_p90_hours", res90);
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
