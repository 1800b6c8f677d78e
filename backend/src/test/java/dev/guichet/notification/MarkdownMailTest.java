package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A reply's Markdown in the mailbox: formatted and sanitized HTML, the same text as plain text. */
class MarkdownMailTest extends MailTest {

    private MimeMessage replyMail(String body) {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "VPN", "Connexion refusée");
        delivered();
        purgeMailbox();
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + id + "/comments",
                                ines.token(),
                                new CommentController.CreateComment(body, null, null))
                        .status());
        return deliveredTo(camille).getFirst();
    }

    private static Element quote(MimeMessage mail) {
        Document html = Jsoup.parse(html(mail));
        return html.selectFirst("blockquote");
    }

    @Test
    void aReplyInMarkdownIsFormattedInHtmlAndKeptAsWrittenInText() {
        String body =
                "Bonjour,\n\n**Redémarrez** le client :\n\n- quitter\n- relancer\n\n`vpn --reset` puis [la FAQ](https://faq.example.test/vpn).";
        MimeMessage mail = replyMail(body);

        Element quote = quote(mail);
        assertEquals("Redémarrez", quote.selectFirst("strong").text());
        assertEquals(2, quote.select("ul > li").size());
        assertEquals("vpn --reset", quote.selectFirst("code").text());
        Element link = quote.selectFirst("a");
        assertEquals("https://faq.example.test/vpn", link.attr("href"));
        assertEquals("noopener noreferrer", link.attr("rel"));
        assertTrue(text(mail).contains("**Redémarrez** le client :"), text(mail));
        assertTrue(text(mail).contains("> - quitter"), text(mail));
    }

    @Test
    void scriptsAndEventHandlersInAReplyNeverReachTheHtmlMail() {
        String body = """
                <script>alert('x')</script>
                <img src=x onerror="alert(1)"> <b onclick="steal()">gras</b>

                [clic](javascript:alert(2)) <a href="https://evil.test" onmouseover="x()">lien</a>
                """;
        String html = html(replyMail(body));
        Document parsed = Jsoup.parse(html);

        assertTrue(parsed.select("script, img, iframe, object, style").isEmpty(), html);
        for (Element element : parsed.getAllElements()) {
            element.attributes()
                    .forEach(attribute -> assertFalse(
                            attribute.getKey().toLowerCase().startsWith("on"), "event handler in " + element));
        }
        assertTrue(
                parsed.select("a[href^=javascript], a[href=https://evil.test]").isEmpty(), html);
        assertFalse(html.contains("<script"), html);
        // The raw HTML was written by a person: it shows as text, escaped, rather than running.
        Element quote = parsed.selectFirst("blockquote");
        assertTrue(quote.text().contains("<script>alert('x')</script>"), quote::outerHtml);
        assertTrue(quote.text().contains("onerror"), quote::outerHtml);
    }

    @Test
    void theDescriptionOfANewTicketStaysPlainText() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        ticket(camille, "Écran", "**pas du gras** <i>ni de l'italique</i>");
        Element quote = Jsoup.parse(html(deliveredTo(ines).getFirst())).selectFirst("blockquote");
        assertEquals("**pas du gras** <i>ni de l'italique</i>", quote.text());
        assertTrue(quote.select("strong, i").isEmpty());
    }
}
