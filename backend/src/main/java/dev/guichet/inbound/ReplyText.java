package dev.guichet.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The new text of an email: HTML turned into plain text with jsoup (markup dropped, never rendered),
 * then the quoted history and the signature cut where common mail clients mark them. No reply
 * parser for the JVM is served by Maven Central (com.github.edlio:EmailReplyParser is not), so the
 * markers are the ones GitHub's email_reply_parser and Zammad recognise: a {@code -- } signature
 * delimiter (RFC 3676 §4.3), "On … wrote:" / "Le … a écrit :" attributions, Outlook's
 * "-----Original Message-----" and "From:/De :" header blocks, "Sent from my…" lines and
 * {@code >} quoted lines. When the cut would leave nothing, the whole text is kept.
 */
final class ReplyText {

    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\s.{1,300}\\swrote|Le\\s.{1,300}\\sa\\s+écrit|Am\\s.{1,300}\\sschrieb)\\s?:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Message d'origine|Message original|Forwarded message|Message transféré)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM =
            Pattern.compile("^\\*?(From|De)\\s?:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT =
            Pattern.compile("^\\*?(Sent|Envoyé|Date|To|À|Subject|Objet)\\s?:\\*?.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_FROM =
            Pattern.compile("^(Sent from my .+|Envoyé de mon .+|Envoyé depuis .+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}\\s*$");

    private ReplyText() {}

    /** @return the visible text of an HTML body, quoted blocks (blockquote, Gmail, Outlook, Thunderbird) removed */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("head, style, script, blockquote, .gmail_quote, .gmail_signature, #divRplyFwdMsg, .moz-cite-prefix, "
                        + ".moz-signature, #appendonsend, [data-smartmail=gmail_signature]")
                .remove();
        // Outlook puts the quoted history after its separator div: drop it and what follows.
        for (Element separator : doc.select("#divRplyFwdMsg, div[style*=border-top:solid #E1E1E1]")) {
            Element next;
            while ((next = separator.nextElementSibling()) != null) {
                next.remove();
            }
            separator.remove();
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text());
                        } else if (node instanceof Element e && (e.nameIs("br"))) {
                            out.append('\n');
                        } else if (node instanceof Element e
                                && e.isBlock()
                                && !out.isEmpty()
                                && out.charAt(out.length() - 1) != '\n') {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e
                                && e.isBlock()
                                && !e.nameIs("br")
                                && !out.isEmpty()
                                && out.charAt(out.length() - 1) != '\n') {
                            out.append('\n');
                        }
                        if (node instanceof Element e && e.nameIs("p")) {
                            out.append('\n');
                        }
                    }
                },
                doc.body() == null ? doc : doc.body());
        return out.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    /** @return the text without its quoted history and signature; the whole text when nothing would remain */
    static String newText(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
            if (SIGNATURE.matcher(line).matches()
                    || ORIGINAL.matcher(line).matches()
                    || SENT_FROM.matcher(line.strip()).matches()
                    || ATTRIBUTION.matcher(line.strip()).matches()
                    // An attribution wrapped on two lines: "On Mon, 1 Dec 2026 at 10:00, Jane <jane@x>" / "wrote:".
                    || (!next.isEmpty()
                            && ATTRIBUTION.matcher(line.strip() + " " + next).matches()
                            && next.length() < 80
                            && next.matches("(?i).*(wrote|a\\s+écrit|schrieb)\\s?:\\s*$"))
                    || (UNDERSCORES.matcher(line).matches()
                            && HEADER_FROM.matcher(next).matches())
                    || (HEADER_FROM.matcher(line.strip()).matches()
                            && HEADER_NEXT.matcher(next).matches())) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        String result = String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
        return result.isEmpty() ? text.strip() : result;
    }
}
