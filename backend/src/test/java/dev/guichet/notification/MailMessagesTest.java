package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The wording of emails exists in both languages, for every kind, and survives MessageFormat. */
class MailMessagesTest {

    @Test
    void everyTextExistsInFrenchAndEnglish() throws IOException {
        Properties french = load("mail/messages.properties");
        Properties english = load("mail/messages_en.properties");
        assertEquals(new TreeSet<>(french.stringPropertyNames()), new TreeSet<>(english.stringPropertyNames()));
        for (MailKind kind : MailKind.values()) {
            assertNotNull(french.getProperty("subject." + kind.key()), kind::name);
            assertNotNull(french.getProperty("lead." + kind.key()), kind::name);
        }
    }

    @Test
    void noTextUsesTheApostropheMessageFormatWouldSwallow() throws IOException {
        for (String bundle : new String[] {"mail/messages.properties", "mail/messages_en.properties"}) {
            Properties texts = load(bundle);
            texts.stringPropertyNames()
                    .forEach(key -> assertFalse(
                            texts.getProperty(key).contains("'"), bundle + " " + key + ": write ’ instead of '"));
        }
    }

    @Test
    void aSubjectNamesTheTicketAndKeepsItsTitleVerbatim() {
        MailMessages messages = new MailMessages();
        assertEquals(
                "[#1234] New reply: It's {broken}",
                messages.get(java.util.Locale.ENGLISH, "subject.reply", "1234", "It's {broken}"));
        assertEquals(
                "[#1234] Demande reçue\u00a0: Imprimante",
                messages.get(java.util.Locale.FRENCH, "subject.created_ack", "1234", "Imprimante"));
        assertEquals(
                "[#7] Demande reçue\u00a0: x",
                messages.get(java.util.Locale.GERMAN, "subject.created_ack", "7", "x"),
                "a locale without texts falls back to French, not to the JVM's language");
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
