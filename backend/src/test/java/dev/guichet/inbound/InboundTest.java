package dev.guichet.inbound;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the inbound email tests: a Guichet that reads the IMAP mailbox of a GreenMail server
 * (polling every 100 ms) and sends its notifications through the same GreenMail's SMTP server.
 * Tests send mail as a mail server would receive it: raw bytes over SMTP, envelope to the helpdesk.
 */
abstract class InboundTest extends ApiTest {

    static final String HOST = "helpdesk.example.test";
    static final String HELPDESK = "helpdesk@" + HOST;
    static final String ALLOWED_DOMAIN = "allowed.test";
    static final int SENDER_LIMIT = 5;

    private final ServerSetup smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private final ServerSetup imapSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    protected GreenMail mail;

    @Override
    public Map<String, String> getProperties() {
        mail = new GreenMail(new ServerSetup[] {smtpSetup, imapSetup});
        mail.start();
        mail.setUser(HELPDESK, "helpdesk", "secret");
        Map<String, String> properties = TestMail.properties(HOST, smtpSetup.getPort());
        properties.putAll(Map.of(
                "inbound.mail.1.host", "127.0.0.1",
                "inbound.mail.1.port", String.valueOf(imapSetup.getPort()),
                "inbound.mail.1.security", "none",
                "inbound.mail.1.user", "helpdesk",
                "inbound.mail.1.password", "secret",
                "inbound.mail.1.address", HELPDESK,
                "guichet.inbound.allow-plain", "true",
                "guichet.inbound.poll-interval", "100ms",
                "guichet.inbound.idle", "false",
                "guichet.inbound.reply-secret", "test-reply-secret"));
        properties.putAll(Map.of(
                "guichet.inbound.allowed-domains", ALLOWED_DOMAIN,
                "guichet.inbound.sender-limit", String.valueOf(SENDER_LIMIT),
                "guichet.inbound.max-size", "2MB",
                "guichet.inbound.process-interval", "200ms",
                "guichet.inbound.lease", "2s"));
        return properties;
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    /** Sends a raw message over SMTP to the helpdesk's mailbox (the envelope), whatever its headers say. */
    protected void send(String raw) {
        send(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes (already CRLF) over SMTP to the helpdesk's mailbox. */
    protected void send(byte[] raw) {
        try (Socket socket = new Socket("127.0.0.1", smtpSetup.getPort())) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO test.example", "250");
            command(out, in, "MAIL FROM:<sender@example.test>", "250");
            command(out, in, "RCPT TO:<" + HELPDESK + ">", "250");
            command(out, in, "DATA", "354");
            // Dot-stuffing (RFC 5321 §4.5.2).
            String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n.", "\r\n..");
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            if (!text.endsWith("\r\n")) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            command(out, in, ".", "250");
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("SMTP: expected " + code + ", got " + line);
            }
        } while (line.charAt(3) == '-');
    }

    /** A simple text message, with a fresh Message-ID. */
    protected static String plain(String from, String subject, String body) {
        return plain(from, HELPDESK, subject, body, "");
    }

    /** A simple text message with extra header lines ({@code extra} ends with a newline or is empty). */
    protected static String plain(String from, String to, String subject, String body, String extra) {
        return "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: " + messageId()
                + "\nDate: Fri, 4 Dec 2026 09:00:00 +0100\nMIME-Version: 1.0\n" + extra
                + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body + "\n";
    }

    protected static String messageId() {
        return "<" + UUID.randomUUID() + "@client.example.test>";
    }

    /** Waits until every stored message is done (processed, ignored, rejected or failed) and {@code n} exist. */
    protected void awaitInbound(int n) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> query(
                                        "SELECT count(*) FROM inbound_messages WHERE status NOT IN ('RECEIVED', 'ATTACHING')")
                                >= n
                        && query("SELECT count(*) FROM inbound_messages WHERE status IN ('RECEIVED', 'ATTACHING')")
                                == 0);
    }

    /** @return the single number a query answers */
    protected long query(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** @return the first column of every row a query answers, as text */
    protected List<String> strings(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }));
    }

    /** @return messages the SMTP side delivered to an address, once the outbox is drained */
    protected List<MimeMessage> deliveredTo(String address) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> query("SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING') "
                                + "AND lower(recipient_email) NOT IN (SELECT email FROM mail_bounces)")
                        == 0);
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
