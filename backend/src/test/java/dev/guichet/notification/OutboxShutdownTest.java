package dev.guichet.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shutting down with a mail backlog (docs/notifications.md, "Delivery"): the worker stops claiming, the message
 * being sent finishes, the rest goes back to PENDING with no attempt counted, and nothing is left
 * SENDING for its lease to run out, nor sent without being recorded (so never sent twice).
 */
class OutboxShutdownTest {

    static final int BACKLOG = 3_000;

    @Test
    void closingTheApplicationWithABacklogStopsClaimingAndLeavesNothingSending() throws Exception {
        ServerSetup setup;
        try (ServerSocket socket = new ServerSocket(0)) {
            setup = new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        }
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("micronaut.server.port", -1);
        props.put("guichet.demo.enabled", false);
        props.put("guichet.mail.smtp.host", "127.0.0.1");
        props.put("guichet.mail.smtp.port", setup.getPort());
        props.put("guichet.mail.worker-enabled", true);
        props.put("guichet.mail.poll-interval", "200ms");
        props.put("guichet.mail.batch-size", 10);
        try {
            ApplicationContext context = ApplicationContext.run(props, "test");
            try {
                sql("DELETE FROM mail_outbox");
                sql("""
                        INSERT INTO mail_outbox (kind, recipient_email, locale, subject, body_text, body_html, message_id)
                        SELECT 'REPLY', 'camille@example.test', 'fr', 'Arriéré ' || g, 'texte', '<p>html</p>',
                               '<backlog-' || g || '@example.test>' FROM generate_series(1, %d) g""".formatted(BACKLOG));
                await().atMost(Duration.ofSeconds(30)).until(() -> count("status = 'SENT'") >= 10);
            } finally {
                context.close();
            }
            long sent = count("status = 'SENT'");
            assertEquals(0, count("status = 'SENDING'"), "rows left SENDING until their lease runs out");
            assertTrue(sent < BACKLOG, "the worker drained the whole backlog instead of stopping");
            assertEquals(
                    BACKLOG - sent,
                    count("status = 'PENDING' AND attempts = 0"),
                    "the rest is handed back untried, no attempt counted");
            assertEquals(sent, smtp.getReceivedMessages().length, "every mail the relay got is recorded SENT, once");
        } finally {
            smtp.stop();
            sql("DELETE FROM mail_outbox");
        }
    }

    private static Connection connect() throws SQLException {
        Map<String, String> db = TestDatabase.properties();
        return DriverManager.getConnection(
                db.get("datasources.default.url"),
                db.get("datasources.default.username"),
                db.get("datasources.default.password"));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String where) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM mail_outbox WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
