package dev.guichet.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.web.PageResponse;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The outbox loses nothing and sends nothing twice: outages, concurrent workers, crashes, failures. */
class OutboxDeliveryTest extends MailTest {

    @Inject
    OutboxDelivery delivery;

    @Inject
    OutboxQueries outbox;

    @Inject
    MailRenderer renderer;

    @Test
    void anSmtpOutageDelaysMessagesAndEachIsDeliveredExactlyOnceWhenTheRelayIsBack() {
        Person camille = employee("Camille");
        technician("Ines");
        stopSmtp();
        for (int i = 1; i <= 3; i++) {
            ticket(camille, "Panne " + i, "Pendant la coupure du relais");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> count("attempts >= 1 AND last_error IS NOT NULL") == 6);
        assertEquals(6, count("status IN ('PENDING', 'SENDING')"), "nothing is lost or given up during the outage");

        startSmtp();

        List<MimeMessage> received = delivered();
        assertEquals(6, received.size());
        assertEquals(
                6,
                received.stream().map(OutboxDeliveryTest::messageId).distinct().count());
        assertEquals(6, count("status = 'SENT' AND attempts >= 2"));
    }

    @Test
    void workersRunningConcurrentlyOnTheSameOutboxNeverSendAMessageTwice() throws Exception {
        Person camille = employee("Camille");
        long ticketId = ticket(camille, "Charge", "Beaucoup de messages");
        delivered();
        purgeMailbox();
        int queued = 60;
        tx.executeWrite(status -> {
            for (int i = 0; i < queued; i++) {
                outbox.enqueue(
                        MailKind.REPLY, camille.id(), camille.email(), "fr", ticketId, rendered(ticketId, "n° " + i));
            }
            return null;
        });

        // Three workers on top of the scheduled one, each claiming batches of 5 as fast as it can.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                claimed.add(threads.submit((Callable<Integer>) () -> {
                    int total = 0;
                    for (int n; (n = delivery.deliverBatch()) > 0; ) {
                        total += n;
                    }
                    return total;
                }));
            }
            for (Future<Integer> f : claimed) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }

        List<MimeMessage> received = delivered();
        assertEquals(queued, received.size());
        assertEquals(
                queued,
                received.stream().map(OutboxDeliveryTest::messageId).distinct().count());
        assertEquals(queued, count("kind = 'REPLY' AND status = 'SENT' AND attempts = 1"));
    }

    @Test
    void aMessageLeftSendingByACrashedWorkerIsClaimedAgainOnceItsLeaseRunsOut() {
        Person camille = employee("Camille");
        long ticketId = ticket(camille, "Crash", "Le serveur a redémarré");
        delivered();
        purgeMailbox();
        // What a replica that died mid-delivery leaves behind: SENDING, one attempt, a lease.
        tx.executeWrite(status -> {
            long id = outbox.enqueue(
                    MailKind.REPLY, camille.id(), camille.email(), "fr", ticketId, rendered(ticketId, "orphelin"));
            return jdbc.prepareStatement(
                    "UPDATE mail_outbox SET status = 'SENDING', attempts = 1, "
                            + "lease_until = now() + interval '500 milliseconds' WHERE id = " + id,
                    java.sql.PreparedStatement::executeUpdate);
        });
        assertEquals(0, delivery.deliverBatch(), "a live lease is left alone");

        List<MimeMessage> received = delivered();
        assertEquals(1, received.size());
        assertEquals(1, count("status = 'SENT' AND attempts = 2"));
    }

    @Test
    void aMessageThatKeepsFailingEndsFailedWithItsErrorAndAnAdminCanRetryIt() {
        Person alice = admin("Alice");
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        stopSmtp();
        long ticketId = ticket(camille, "Relais en panne", "Aucun e-mail ne part");
        await().atMost(Duration.ofSeconds(10)).until(() -> count("status = 'FAILED'") == 3);

        Api.Response failed = api.get("/api/v1/admin/outbox?status=FAILED&size=2", alice.token());
        assertEquals(200, failed.status(), failed::toString);
        PageResponse<OutboxItem> page = failed.page(OutboxItem.class);
        assertEquals(3L, page.total());
        assertEquals(2, page.items().size());
        OutboxItem item = page.items().getFirst();
        assertEquals(OutboxStatus.FAILED, item.status());
        assertEquals(MAX_ATTEMPTS, item.attempts());
        assertTrue(item.lastError().contains("connect"), item::toString);
        assertTrue(item.subject().startsWith("[#" + ticketId + "]"));
        // The raw JSON: the admin page relies on these keys being present, even when null (sent_at).
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = ((List<Map<String, Object>>) failed.map().get("items")).getFirst();
        assertTrue(
                raw.containsKey("recipient")
                        && raw.containsKey("created_at")
                        && raw.containsKey("sent_at")
                        && raw.containsKey("next_attempt_at"),
                raw::toString);

        long id = item.id();
        assertProblem(403, api.post("/api/v1/admin/outbox/" + id + "/retry", ines.token(), null));
        assertProblem(403, api.get("/api/v1/admin/outbox", camille.token()));
        assertProblem(404, api.post("/api/v1/admin/outbox/999999/retry", alice.token(), null));
        startSmtp();
        Api.Response retried = api.post("/api/v1/admin/outbox/" + id + "/retry", alice.token(), null);
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(OutboxStatus.PENDING, retried.as(OutboxItem.class).status());
        assertEquals(0, retried.as(OutboxItem.class).attempts());

        List<MimeMessage> received = delivered();
        assertEquals(1, received.size());
        assertEquals(item.recipient(), to(received.getFirst()));
        assertEquals(
                OutboxStatus.SENT,
                api.get("/api/v1/admin/outbox?status=SENT", alice.token())
                        .page(OutboxItem.class)
                        .items()
                        .getFirst()
                        .status());
        assertProblem(409, api.post("/api/v1/admin/outbox/" + id + "/retry", alice.token(), null));
        assertProblem(400, api.get("/api/v1/admin/outbox?status=LOST", alice.token()));

        String metrics = api.get("/prometheus", "test-prometheus-token").body();
        assertTrue(counter(metrics, "guichet_mail_failed_total") >= 3, metrics);
        assertTrue(counter(metrics, "guichet_mail_retried_total") >= 3 * (MAX_ATTEMPTS - 1), metrics);
        assertTrue(counter(metrics, "guichet_mail_sent_total") >= 1, metrics);
    }

    @Test
    void sentMessagesAreDeletedAfterTheRetentionButFailedOnesAreKept() {
        Person camille = employee("Camille");
        long ticketId = ticket(camille, "Ancien", "Il y a longtemps");
        delivered();
        tx.executeWrite(status -> {
            outbox.enqueue(MailKind.REPLY, camille.id(), camille.email(), "fr", ticketId, rendered(ticketId, "échoué"));
            return jdbc.prepareStatement("""
                    UPDATE mail_outbox SET status = CASE kind WHEN 'REPLY' THEN 'FAILED' ELSE status END,
                           sent_at = now() - interval '31 days', created_at = now() - interval '31 days'""", java.sql.PreparedStatement::executeUpdate);
        });
        long recent = tx.executeWrite(status -> outbox.enqueue(
                MailKind.REPLY, camille.id(), camille.email(), "fr", ticketId, rendered(ticketId, "récent")));
        delivered();

        assertEquals(1, outbox.deleteSentOlderThan(Duration.ofDays(30)), "the old acknowledgement");
        assertEquals(1, count("status = 'FAILED'"));
        assertEquals(1, count("status = 'SENT' AND id = " + recent));
    }

    @Test
    void healthReportsTheBacklogAndTheServiceStaysReadyWhileSmtpIsDown() {
        Person camille = employee("Camille");
        long failedBefore = count("status = 'FAILED'");
        stopSmtp();
        ticket(camille, "Relais en panne", "Aucun e-mail ne part");

        // Details for a signed-in caller only (anonymous callers get the status).
        Api.Response health = api.get("/health", admin("Hugo").token());
        assertEquals(200, health.status(), health::toString);
        // Micronaut's health document, not one of the API's records: read as raw JSON.
        assertEquals("UP", health.map().get("status"));
        Map<String, Object> mail = details(health.map(), "mail");
        assertEquals("UP", mail.get("status"));
        Map<String, Object> backlog = details(mail, null);
        // The acknowledgement waits, or, on a slow machine, was already given up (the tests' retries
        // give up after ~1.5 s of outage): either way the health check counts it.
        int pending = ((Number) backlog.get("pending")).intValue();
        long failed = ((Number) backlog.get("failed")).longValue() - failedBefore;
        assertEquals(1, pending + failed, backlog::toString);
        assertTrue(((Number) backlog.get("oldest_pending_age_seconds")).longValue() >= 0);
        assertEquals(200, api.get("/health/readiness", null).status());
        startSmtp();
    }

    private static double counter(String prometheus, String name) {
        Matcher m =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(prometheus);
        assertTrue(m.find(), name + " missing");
        return Double.parseDouble(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> health, String component) {
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        return component == null ? details : (Map<String, Object>) details.get(component);
    }

    private MailRenderer.Rendered rendered(long ticketId, String quote) {
        return renderer.render(
                new MailRenderer.Content(MailKind.REPLY, "fr", "Camille", "Ines", ticketId, "Charge", quote));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
