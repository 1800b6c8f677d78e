package dev.guichet.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        for (String subject : List.of("Premier", "Deuxième", "Troisième")) {
            send(plain("alice@example.test", subject, "Texte."));
            awaitInbound((int) query("SELECT count(*) FROM tickets") + 1);
        }
        assertEquals(List.of("Premier", "Deuxième", "Troisième"), strings("SELECT title FROM tickets ORDER BY id"));
    }
}
