package dev.guichet.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parser makes of hostile or unusual mail, without a server. */
class MailParserTest {

    private final MailParser parser = new MailParser();

    private ParsedMail parse(String raw) throws Exception {
        return parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingIsCutWithoutBlowingTheStack() throws Exception {
        int depth = 2000;
        StringBuilder raw = new StringBuilder("From: a@example.test\nSubject: Bombe\nMIME-Version: 1.0\n");
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\n\n--b")
                    .append(i)
                    .append('\n');
        }
        raw.append("Content-Type: text/plain\n\nAu fond.\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }
        ParsedMail mail = parse(raw.toString());

        assertEquals("Bombe", mail.subject());
        assertTrue(
                mail.problems().stream().anyMatch(p -> p.contains("nesting deeper than")), mail.problems()::toString);
    }

    @Test
    void anEncodedLineBreakInTheSubjectStaysOneLineAndIsReported() throws Exception {
        ParsedMail mail = parse("From: a@example.test\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                "Panne\r\nBcc: victim@example.test\r\n\r\nspam".getBytes(StandardCharsets.UTF_8))
                + "?=\n\nTexte\n");

        assertEquals("Panne Bcc: victim@example.test spam", mail.subject());
        assertTrue(mail.problems().stream().anyMatch(p -> p.contains("header injection")));
    }

    @Test
    void quotedHistoryAndSignaturesAreCutAtTheUsualMarkers() {
        assertEquals(
                "Merci !",
                ReplyText.newText("Merci !\n\nOn Fri, Dec 4, 2026 at 9:00 AM Guichet <g@x.test>\nwrote:\n> old"));
        assertEquals("Merci !", ReplyText.newText("Merci !\n\nLe 4 déc. 2026 à 09:00, Guichet a écrit :\n> ancien"));
        assertEquals(
                "Merci !",
                ReplyText.newText("Merci !\n\n________________________________\nDe : Guichet\nEnvoyé : vendredi"));
        assertEquals("Merci !", ReplyText.newText("Merci !\n\nEnvoyé de mon iPhone"));
        assertEquals("Merci !", ReplyText.newText("Merci !\n-- \nAlice, Compta"));
        assertEquals("> tout est cité", ReplyText.newText("> tout est cité"), "nothing left: the whole text is kept");
    }

    @Test
    void aDeliveryReportNamesOnlyItsFailedRecipients() throws Exception {
        ParsedMail mail = parse(
                "From: MAILER-DAEMON@mx.test\nSubject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n--r\nContent-Type: text/plain\n\nSorry\n"
                        + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.test\n\n"
                        + "Final-Recipient: rfc822; <Gone@Example.test>\nAction: failed\nStatus: 5.1.1\n\n"
                        + "Final-Recipient: rfc822; later@example.test\nAction: delayed\nStatus: 4.4.1\n\n--r--\n");

        assertNotNull(mail.bounce());
        assertEquals(
                List.of("gone@example.test"),
                mail.bounce().stream().map(ParsedMail.Bounce::email).toList());
        assertEquals("5.1.1", mail.bounce().getFirst().status());
    }

    @Test
    void aPersonsMailIsNotAutomaticButAVacationReplyIs() throws Exception {
        assertNull(parse("From: a@example.test\nSubject: Imprimante\nAuto-Submitted: no\n\nTexte\n")
                .automatic());
        assertNotNull(parse("From: a@example.test\nSubject: Réponse automatique : absent\n\nTexte\n")
                .automatic());
        assertNotNull(parse("From: a@example.test\nSubject: x\nPrecedence: junk\n\nTexte\n")
                .automatic());
    }
}
