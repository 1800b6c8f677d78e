package dev.guichet.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the notification tests: a Guichet whose outbox worker polls every 50 ms and retries
 * fast, delivering to a GreenMail SMTP server of its own on a free port, which tests may stop and
 * start again to play an outage.
 */
abstract class MailTest extends ApiTest {

    static final String HOST = "helpdesk.example.test";
    static final int MAX_ATTEMPTS = 6;

    private final ServerSetup smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    protected GreenMail smtp;

    @Override
    public Map<String, String> getProperties() {
        smtp = new GreenMail(smtpSetup);
        smtp.start();
        Map<String, String> properties = TestMail.properties(HOST, smtpSetup.getPort());
        properties.putAll(
                Map.of("guichet.mail.batch-size", "5", "guichet.mail.max-attempts", String.valueOf(MAX_ATTEMPTS)));
        // Failures are retried after 100, 200, 400, 400… ms: an outage of ~1.5 s fails a message.
        properties.putAll(Map.of(
                "guichet.mail.retry-initial-delay", "100ms",
                "guichet.mail.retry-multiplier", "2",
                "guichet.mail.retry-max-delay", "400ms"));
        return properties;
    }

    @BeforeEach
    void emptyMailbox() {
        purgeMailbox();
    }

    /** Lets the worker finish what it started, so no message of this test lands in the next one. */
    @AfterEach
    void settleOutbox() {
        if (!smtp.isRunning()) {
            startSmtp();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("status IN ('PENDING', 'SENDING')") == 0);
    }

    @AfterAll
    void shutDownSmtp() {
        smtp.stop();
    }

    protected void stopSmtp() {
        smtp.stop();
    }

    protected void startSmtp() {
        smtp = new GreenMail(smtpSetup);
        smtp.start();
    }

    /** Waits until nothing is left to send, then returns everything the relay received. */
    protected List<MimeMessage> delivered() {
        await().atMost(Duration.ofSeconds(10)).until(() -> count("status IN ('PENDING', 'SENDING')") == 0);
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** @return the recipients of the delivered messages, one entry per message, sorted */
    protected List<String> deliveredTo() {
        return delivered().stream().map(MailTest::to).sorted().toList();
    }

    /** @return the messages delivered to one address */
    protected List<MimeMessage> deliveredTo(Person person) {
        return delivered().stream().filter(m -> to(m).equals(person.email())).toList();
    }

    /** @return the decoded text/plain part of a multipart/alternative message */
    protected static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** @return the decoded text/html part of a multipart/alternative message */
    protected static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType(type)) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("No " + type + " part in " + message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void purgeMailbox() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String to(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to.length == 1 ? to[0].toString() : Arrays.toString(to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the number of outbox rows matching a SQL condition */
    protected long count(String condition) {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT count(*) FROM mail_outbox WHERE " + condition, ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
