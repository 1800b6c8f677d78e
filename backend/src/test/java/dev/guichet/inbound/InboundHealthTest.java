package dev.guichet.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mailbox that cannot be read shows its error to admins and turns /health DEGRADED past the
 * threshold, without taking the replica out of service.
 */
class InboundHealthTest extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.putAll(Map.of(
                // Nobody listens on this port: every poll fails.
                "inbound.mail.1.host", "127.0.0.1",
                "inbound.mail.1.port", String.valueOf(closedPort()),
                "inbound.mail.1.security", "none",
                "inbound.mail.1.user", "helpdesk@down.example.test",
                "inbound.mail.1.password", "secret",
                "guichet.inbound.allow-plain", "true",
                "guichet.inbound.poll-interval", "100ms",
                "guichet.inbound.health-threshold", "1s",
                "endpoints.health.details-visible", "ANONYMOUS"));
        return properties;
    }

    @Test
    void aMailboxFailingLongerThanTheThresholdIsShownAndDegradesHealthButNotReadiness() {
        Person admin = admin("Ada");
        // /health is Micronaut's document, not one of the API's records: it is read as raw JSON.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "DEGRADED".equals(api.get("/health", null).map().get("status")));

        Api.Response health = api.get("/health", null);
        assertEquals(200, health.status(), health::toString);
        Map<?, ?> details = (Map<?, ?>) ((Map<?, ?>) health.map().get("details")).get("inbound-mail");
        assertEquals("DEGRADED", details.get("status"));
        Api.Response readiness = api.get("/health/readiness", null);
        assertEquals(
                200, readiness.status(), "a mail server down must not take the replica out of service: " + readiness);
        assertEquals(200, api.get("/health/liveness", null).status());
        InboundController.MailboxView box = api.get("/api/v1/admin/inbound/mailboxes", admin.token())
                .as(InboundController.Overview.class)
                .mailboxes()
                .getFirst();
        assertEquals(false, box.healthy());
        assertNotNull(box.failingSince());
        assertTrue(String.valueOf(box.lastError()).contains("Connect"), box.lastError());
        assertEquals(
                "UP",
                ((Map<?, ?>) ((Map<?, ?>) api.get("/health", null).map().get("details")).get("mail")).get("status"),
                "outgoing mail is another matter");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
