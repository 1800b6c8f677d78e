package dev.guichet.sla;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.guichet.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA escalations through the outbox, with two replicas (two application contexts on one
 * database) sweeping at the same moment: each escalation is sent once per ticket, target and
 * level, to the right people, and a restarted replica sends nothing again.
 */
class SlaEscalationTest {

    static final int TICKETS = 12;

    GreenMail smtp;
    ServerSetup setup;
    final List<ApplicationContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            setup = new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        }
        smtp = new GreenMail(setup);
        smtp.start();
        sql("""
                TRUNCATE sla_escalations, mail_outbox, tickets, users, categories, sla_policies, sla_closed_days
                RESTART IDENTITY CASCADE""");
    }

    @AfterEach
    void stop() throws Exception {
        contexts.forEach(ApplicationContext::close);
        smtp.stop();
        sql("TRUNCATE sla_escalations, mail_outbox, tickets, users, categories, sla_policies RESTART IDENTITY CASCADE");
    }

    /** A replica; {@code delivering}: it also runs the outbox worker towards GreenMail. */
    ApplicationContext replica(boolean delivering) {
        return replica(delivering, false);
    }

    /** A replica; {@code sweeping}: its scheduled sweep runs every 200 ms. */
    ApplicationContext replica(boolean delivering, boolean sweeping) {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("micronaut.server.port", -1);
        props.put("guichet.demo.enabled", false);
        props.put("guichet.mail.smtp.host", "127.0.0.1");
        props.put("guichet.mail.smtp.port", setup.getPort());
        props.put("guichet.mail.worker-enabled", delivering);
        props.put("guichet.mail.poll-interval", "100ms");
        // Unless sweeping, the sweeps are started by the test, at the same moment on both replicas.
        props.put("guichet.sla.sweep-enabled", sweeping);
        props.put("guichet.sla.sweep-interval", "200ms");
        ApplicationContext context = ApplicationContext.run(props, "test");
        contexts.add(context);
        return context;
    }

    void people() throws SQLException {
        sql("""
                INSERT INTO users (email, password_hash, full_name, role, locale) VALUES
                  ('alice@example.test', 'x', 'Alice Admin', 'ADMIN', 'fr'),
                  ('ines@example.test', 'x', 'Inès Tech', 'TECHNICIAN', 'fr'),
                  ('theo@example.test', 'x', 'Théo Tech', 'TECHNICIAN', 'en'),
                  ('emma@example.test', 'x', 'Emma Employee', 'EMPLOYEE', 'fr');
                INSERT INTO categories (name) VALUES ('Réseau');
                INSERT INTO category_technicians (category_id, user_id) VALUES (1, 3);
                INSERT INTO sla_policies (priority, name_fr, name_en, first_response_minutes, resolution_minutes)
                VALUES ('HIGH', 'Haute', 'High', 240, 540)""");
    }

    /** Inserts a ticket and computes its SLA as the ticket service does. */
    static void ticket(ApplicationContext context, String createdAt, Long assigneeId, Long categoryId)
            throws SQLException {
        long id;
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     INSERT INTO tickets (title, description, priority, requester_id, assignee_id, category_id, status, created_at)
                     VALUES ('Panne', 'Rien ne marche', 'HIGH', 4, %s, %s, %s, %s) RETURNING id""".formatted(
                                assigneeId, categoryId, assigneeId == null ? "'NEW'" : "'IN_PROGRESS'", createdAt))) {
            rs.next();
            id = rs.getLong(1);
        }
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            context.getBean(SlaClock.class).refresh(id);
            return null;
        });
    }

    @Test
    void twoReplicasSweepingAtOnceSendEachEscalationOnce() throws Exception {
        people();
        ApplicationContext a = replica(true);
        ApplicationContext b = replica(false);
        for (int i = 0; i < TICKETS; i++) {
            // Filed in March and never answered: both targets breached. Every other one is assigned to Inès.
            ticket(a, "'2026-03-09 09:00 Europe/Paris'", i % 2 == 0 ? 2L : null, null);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = Stream.of(a, b)
                    .map(ctx -> pool.submit(() -> {
                        SlaEscalations sweep = ctx.getBean(SlaEscalations.class);
                        together.await();
                        int claimed = 0;
                        int n;
                        while ((n = sweep.sweep(2)) > 0) {
                            claimed += n;
                        }
                        return claimed;
                    }))
                    .toList();
            int claimed = runs.get(0).get() + runs.get(1).get();
            assertEquals(TICKETS, claimed, "each ticket claimed by one replica");
        } finally {
            pool.shutdown();
        }
        assertEquals(
                TICKETS * 4L, count("SELECT count(*) FROM sla_escalations"), "both levels of both targets recorded");
        // Breach of each target: the assignee (else every technician and admin) and the admins.
        // Assigned: Inès + Alice = 2 per target; unassigned: Alice, Inès, Théo = 3 per target.
        long expected = (TICKETS / 2) * 2 * 2 + (TICKETS / 2) * 2 * 3;
        assertEquals(expected, count("SELECT count(*) FROM mail_outbox"));
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT ticket_id, recipient_id, kind FROM mail_outbox
                 GROUP BY 1, 2, 3 HAVING count(*) > 1) twice"""), "an email queued twice");
        assertEquals(0, count("SELECT count(*) FROM mail_outbox WHERE kind LIKE '%AT_RISK'"), "a breach says it all");
        assertEquals(0, count("SELECT count(*) FROM tickets WHERE sla_next_escalation_at IS NOT NULL"));
        double counted = Stream.of(a, b)
                .mapToDouble(ctx -> ctx
                        .getBean(MeterRegistry.class)
                        .get("guichet.sla.escalations")
                        .tag("level", "breached")
                        .counters()
                        .stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .sum();
        assertEquals(TICKETS * 2, counted, "escalations counted in metrics");

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= expected);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertTrue(mail.getSubject().contains("dépassé") || mail.getSubject().contains("overdue"), mail.getSubject());

        // A restarted replica finds nothing more to send.
        b.close();
        contexts.remove(b);
        ApplicationContext restarted = replica(false);
        assertEquals(0, restarted.getBean(SlaEscalations.class).sweep(100));
        assertEquals(expected, count("SELECT count(*) FROM mail_outbox"));
    }

    @Test
    void atRiskGoesToTheAssigneeOrTheCategorysTechniciansAndBreachToAdminsToo() throws Exception {
        people();
        ApplicationContext a = replica(false);
        ticket(a, "now()", 2L, null); // assigned to Inès
        ticket(a, "now()", null, 1L); // unassigned, category Réseau (Théo)
        // 80 % of the first-response time used on both (set directly: independent of the hour the test runs at).
        sql("""
                UPDATE tickets SET first_response_risk_at = now() - interval '1 minute',
                       first_response_due_at = now() + interval '1 hour', sla_next_escalation_at = now() - interval '1 minute'""");
        assertEquals(2, a.getBean(SlaEscalations.class).sweep(10));
        assertEquals(
                List.of(
                        "1:ines@example.test:SLA_FIRST_RESPONSE_AT_RISK",
                        "2:theo@example.test:SLA_FIRST_RESPONSE_AT_RISK"),
                outbox());
        // Nothing more until the due times pass.
        assertEquals(0, a.getBean(SlaEscalations.class).sweep(10));

        // Later: both targets of ticket 1 are breached.
        sql("UPDATE tickets SET created_at = '2026-03-09 09:00 Europe/Paris' WHERE id = 1");
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = a.getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            a.getBean(SlaClock.class).refresh(1L);
            return null;
        });
        assertEquals(1, a.getBean(SlaEscalations.class).sweep(10));
        List<String> after = outbox();
        assertTrue(
                after.containsAll(List.of(
                        "1:ines@example.test:SLA_FIRST_RESPONSE_BREACHED",
                        "1:alice@example.test:SLA_FIRST_RESPONSE_BREACHED",
                        "1:ines@example.test:SLA_RESOLUTION_BREACHED",
                        "1:alice@example.test:SLA_RESOLUTION_BREACHED")),
                after::toString);
        assertEquals(6, after.size(), after::toString);
    }

    @Test
    void theScheduledSweepGivesImportedOpenTicketsTheirSlaAndEscalatesThem() throws Exception {
        people();
        // Written straight to the table (as the demo data or an import does): no SLA yet.
        sql("""
                INSERT INTO tickets (title, description, priority, requester_id, status, created_at, resolved_at, closed_at)
                VALUES ('Importée', 'Sans délai', 'HIGH', 4, 'NEW', '2026-03-09 09:00 Europe/Paris', NULL, NULL),
                       ('Close', 'Finie', 'HIGH', 4, 'CLOSED', '2026-03-09 09:00 Europe/Paris',
                        '2026-03-10 09:00 Europe/Paris', '2026-03-11 09:00 Europe/Paris'),
                       ('Basse', 'Aucune politique', 'LOW', 4, 'NEW', '2026-03-09 09:00 Europe/Paris', NULL, NULL)""");
        replica(false, true);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM mail_outbox WHERE kind = 'SLA_RESOLUTION_BREACHED'") > 0);
        assertEquals(
                1,
                count("SELECT count(*) FROM tickets WHERE first_response_due_at IS NOT NULL"),
                "only the open ticket a policy covers");
        assertEquals(1, count("SELECT count(DISTINCT ticket_id) FROM sla_escalations"));
    }

    List<String> outbox() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT ticket_id, recipient_email, kind FROM mail_outbox ORDER BY ticket_id, id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
            }
        }
        return rows;
    }

    static Connection connect() throws SQLException {
        Map<String, String> db = TestDatabase.properties();
        return DriverManager.getConnection(
                db.get("datasources.default.url"),
                db.get("datasources.default.username"),
                db.get("datasources.default.password"));
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String query) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
