package dev.guichet.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With IMAP IDLE (RFC 2177) and a long poll interval, new mail is fetched as soon as the server
 * announces it, not at the next poll.
 */
class InboundIdleTest extends InboundTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("guichet.inbound.idle", "true");
        properties.put("guichet.inbound.poll-interval", "10m");
        properties.put("guichet.inbound.process-interval", "10m");
        return properties;
    }

    @Test
    void mailIsFetchedAsSoonAsTheServerAnnouncesIt() {
        employee("Alice");
        // Each message is sent as soon as the previous one is filed: while the poller goes back to
        // IDLE, the moment a message can slip between its last search and the IDLE command. Five:
        // the sender limit per hour in these tests.
        List<String> subjects = List.of("Premier", "Deuxième", "Troisième", "Quatrième", "Cinquième");
        for (int i = 0; i < subjects.size(); i++) {
            send(plain("alice@example.test", subjects.get(i), "Texte."));
            long filed = i + 1;
            await().atMost(Duration.ofSeconds(15)).until(() -> query("SELECT count(*) FROM tickets") == filed);
        }
        assertEquals(subjects, strings("SELECT title FROM tickets ORDER BY id"));
    }
}
