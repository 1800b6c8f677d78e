package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** SMTP_SECURITY, SMTP_USER and SMTP_TIMEOUT become the Jakarta Mail settings an operator expects. */
class SmtpSessionProviderTest {

    @Test
    void noneIsPlainSmtpWithoutLoginAndWithTimeouts() {
        Properties props = session("none", "");
        assertEquals("relay.example.org", props.getProperty("mail.smtp.host"));
        assertEquals("25", props.getProperty("mail.smtp.port"));
        assertEquals("false", props.getProperty("mail.smtp.auth"));
        assertNull(props.getProperty("mail.smtp.starttls.enable"));
        assertNull(props.getProperty("mail.smtp.ssl.enable"));
        assertEquals("15000", props.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("15000", props.getProperty("mail.smtp.timeout"));
        assertEquals("15000", props.getProperty("mail.smtp.writetimeout"));
    }

    @Test
    void starttlsIsRequiredNotOpportunisticAndChecksTheServerName() {
        Properties props = session("STARTTLS", "guichet");
        assertEquals("true", props.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", props.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", props.getProperty("mail.smtp.auth"));
    }

    @Test
    void sslIsImplicitTls() {
        Properties props = session("ssl", "guichet");
        assertEquals("true", props.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"));
    }

    @Test
    void anUnknownSecurityModeStopsTheStart() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> session("tls", ""));
        assertTrue(error.getMessage().contains("none, starttls or ssl"), error.getMessage());
    }

    @Test
    void thePasswordNeverAppearsInTheSettingsText() {
        assertFalse(settings("none", "guichet").toString().contains("s3cret"));
    }

    private static Properties session(String security, String user) {
        return new SmtpSessionProvider(settings(security, user)).session().getProperties();
    }

    private static SmtpSettings settings(String security, String user) {
        return new SmtpSettings(
                "relay.example.org", 25, security, user, "s3cret", "guichet@example.org", Duration.ofSeconds(15));
    }
}
