package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.user.UserRequests;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a notification looks like in a mailbox: valid MIME, both formats, the reader's language, threading. */
class NotificationMessageTest extends MailTest {

    @Test
    void aNotificationIsValidMultipartTextAndHtmlInFrenchByDefault() throws Exception {
        Person camille = employee("Camille");
        long id = ticket(camille, "Imprimante en panne", "Bourrage papier");
        MimeMessage received = deliveredTo(camille).getFirst();

        // What went over the wire parses back into the same message.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        MimeMessage reparsed =
                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
        assertEquals(received.getSubject(), reparsed.getSubject());
        assertTrue(reparsed.isMimeType("multipart/alternative"), reparsed.getContentType());

        assertEquals("[#" + id + "] Demande reçue\u00a0: Imprimante en panne", received.getSubject());
        assertEquals("Guichet <guichet@" + HOST + ">", received.getFrom()[0].toString());
        assertTrue(text(received).startsWith("Bonjour Camille,"), text(received));
        assertTrue(text(received).contains("https://" + HOST + "/tickets/" + id));
        assertTrue(html(received).contains("lang=\"fr\""));
        assertTrue(html(received).contains("href=\"https://" + HOST + "/tickets/" + id + "\""));
        assertTrue(html(received).contains("Voir la demande"));
    }

    @Test
    void aPersonWhoReadsEnglishGetsSubjectAndBodyInEnglish() throws Exception {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        assertEquals(
                200,
                api.patch("/api/v1/me", ines.token(), new UserRequests.UpdateProfile(null, "en", null))
                        .status());
        long id = ticket(camille, "Imprimante en panne", "Bourrage papier");

        MimeMessage alert = deliveredTo(ines).getFirst();
        assertEquals("[#" + id + "] New ticket: Imprimante en panne", alert.getSubject());
        assertTrue(text(alert).startsWith("Hello Ines,"), text(alert));
        assertTrue(text(alert).contains("Camille filed ticket #" + id));
        assertTrue(html(alert).contains("lang=\"en\""));
        assertTrue(html(alert).contains("View the ticket"));
        assertTrue(
                subject(deliveredTo(camille).getFirst()).contains("Demande reçue"), "the requester still reads French");
    }

    @Test
    void everyMailOfATicketCarriesItsOwnIdAndRefersToTheTicketSoClientsThreadThem() throws Exception {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "VPN", "Connexion refusée");
        Api.Response reply = api.post(
                "/api/v1/tickets/" + id + "/comments",
                ines.token(),
                new CommentController.CreateComment("Redémarrez", null, null));
        assertEquals(201, reply.status());

        Pattern rootId = Pattern.compile("<ticket-" + id + "\\.[0-9a-z]+@" + Pattern.quote(HOST) + ">");
        Pattern ownId = Pattern.compile("<ticket-" + id + "-\\d+\\.[0-9a-z]+@" + Pattern.quote(HOST) + ">");
        var messages = delivered();
        assertEquals(3, messages.size());
        String root = header(messages.getFirst(), "In-Reply-To");
        assertTrue(rootId.matcher(root).matches(), root);
        assertEquals(
                3,
                messages.stream().map(m -> header(m, "Message-ID")).distinct().count());
        for (MimeMessage message : messages) {
            assertTrue(ownId.matcher(header(message, "Message-ID")).matches(), header(message, "Message-ID"));
            assertEquals(root, header(message, "In-Reply-To"));
            assertEquals(root, header(message, "References"));
            assertEquals("auto-generated", header(message, "Auto-Submitted"));
        }
        assertEquals(3, count("message_id LIKE '<ticket-" + id + "-%'"));
    }

    @Test
    void userTextIsEscapedInTheHtmlPart() throws Exception {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        ticket(camille, "<b>gras</b> & co", "<img src=x onerror=alert(1)>");

        MimeMessage alert = deliveredTo(ines).getFirst();
        String html = html(alert);
        assertFalse(html.contains("<b>gras</b>"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;b&gt;gras&lt;/b&gt; &amp; co"), html);
        assertTrue(
                text(alert).contains("> <img src=x onerror=alert(1)>"), "the text part quotes the description as is");
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
