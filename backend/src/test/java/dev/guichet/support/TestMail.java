package dev.guichet.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings that point Guichet's outbound mail at an in-process GreenMail SMTP server, shared by
 * the mail and inbound test bases: the database of {@link TestDatabase}, the public address links
 * are built from, the SMTP server and sender, and an outbox worker polling every 50 ms.
 */
public final class TestMail {

    private TestMail() {}

    /**
     * @param host     the helpdesk's host name ({@code https://<host>/} and {@code guichet@<host>})
     * @param smtpPort the GreenMail SMTP port on 127.0.0.1
     * @return a mutable map the caller adds its own settings to
     */
    public static Map<String, String> properties(String host, int smtpPort) {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.putAll(Map.of(
                "guichet.public-url",
                "https://" + host + "/",
                "guichet.mail.smtp.host",
                "127.0.0.1",
                "guichet.mail.smtp.port",
                String.valueOf(smtpPort),
                "guichet.mail.smtp.from",
                "Guichet <guichet@" + host + ">",
                "guichet.mail.worker-enabled",
                "true",
                "guichet.mail.poll-interval",
                "50ms"));
        return properties;
    }
}
