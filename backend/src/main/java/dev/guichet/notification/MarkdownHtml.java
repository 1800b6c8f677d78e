package dev.guichet.notification;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns the Markdown of a reply into the HTML of an email, safely, in two independent steps:
 * <ol>
 *   <li>CommonMark (commonmark-java) renders the text with {@code escapeHtml}: raw HTML written in a
 *       reply comes out as visible text, never as markup; {@code sanitizeUrls} drops
 *       {@code javascript:} and other unsafe link targets;</li>
 *   <li>jsoup's allow-list then keeps only formatting tags (paragraphs, emphasis, lists, code,
 *       quotes, links) with {@code http}, {@code https} and {@code mailto} links, and forces
 *       {@code rel="noopener noreferrer"} and {@code target="_blank"} on every link.</li>
 * </ol>
 * The same rules as the SPA's rendering (react-markdown without raw HTML, then rehype-sanitize).
 */
final class MarkdownHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
    private static final Safelist ALLOWED = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "strong",
                    "em",
                    "b",
                    "i",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "a")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private MarkdownHtml() {}

    /** @return an HTML fragment for {@code markdown}, safe to place in an email body as is */
    static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(html, "", ALLOWED, OUTPUT);
    }
}
