package dev.guichet.notification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification into its subject, plain-text body and HTML body with the Thymeleaf
 * templates {@code mail/notification.txt} and {@code mail/notification.html}. User text (names,
 * titles, descriptions) is escaped in HTML by Thymeleaf's {@code th:text}; a public reply, written in
 * Markdown, is rendered to sanitized HTML by {@link MarkdownHtml} and keeps its Markdown source in
 * the plain-text part.
 */
@Singleton
public class MailRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final MailMessages messages = new MailMessages();
    private final MailLinks links;

    MailRenderer(MailLinks links) {
        this.links = links;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setMessageResolver(messages);
    }

    /**
     * What one email says.
     *
     * @param kind          which notification
     * @param locale        {@code fr} or {@code en} (anything else renders in French)
     * @param recipientName whom it greets
     * @param actorName     who acted
     * @param ticketId      the ticket concerned
     * @param title         the ticket's title
     * @param quote         text shown quoted (the ticket's description, a public reply), or null
     * @param surveyLink    the satisfaction survey's link (to the requester of a resolved ticket), or null
     */
    public record Content(
            MailKind kind,
            String locale,
            String recipientName,
            String actorName,
            long ticketId,
            String title,
            @Nullable String quote,
            @Nullable String surveyLink) {

        /** Content without a survey link. */
        public Content(
                MailKind kind,
                String locale,
                String recipientName,
                String actorName,
                long ticketId,
                String title,
                @Nullable String quote) {
            this(kind, locale, recipientName, actorName, ticketId, title, quote, null);
        }
    }

    /** A rendered email. */
    public record Rendered(String subject, String text, String html) {}

    /** @return the subject and both bodies, in the content's locale */
    public Rendered render(Content content) {
        Locale locale = Locale.forLanguageTag("en".equals(content.locale()) ? "en" : "fr");
        String ref = String.valueOf(content.ticketId());
        String subject = messages.get(locale, "subject." + content.kind().key(), ref, oneLine(content.title()));
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("ref", ref);
        context.setVariable("title", content.title());
        context.setVariable("recipientName", content.recipientName());
        context.setVariable("actorName", content.actorName());
        context.setVariable("leadKey", "lead." + content.kind().key());
        context.setVariable("quote", content.quote());
        // A reply is Markdown: its HTML part is formatted (MarkdownHtml); other quotes stay text.
        context.setVariable(
                "quoteHtml",
                content.quote() == null || !content.kind().isReply() ? null : MarkdownHtml.render(content.quote()));
        context.setVariable(
                "quoteLines",
                content.quote() == null ? List.of() : content.quote().lines().toList());
        context.setVariable("link", links.ticket(content.ticketId()));
        context.setVariable("profileLink", links.profile());
        context.setVariable("surveyLink", content.surveyLink());
        return new Rendered(
                subject, engine.process("notification.txt", context), engine.process("notification.html", context));
    }

    /**
     * The refusal sent once to an unknown sender: French then English, since the
     * sender's language is unknown; the subject names theirs.
     *
     * @param originalSubject the subject of the refused message, on one line
     */
    public Rendered renderRefusal(String originalSubject) {
        String fr = messages.get(Locale.FRENCH, "lead.mail_refused");
        String en = messages.get(Locale.ENGLISH, "lead.mail_refused");
        String subject = messages.get(Locale.FRENCH, "subject.mail_refused", "", oneLine(originalSubject)) + " / "
                + messages.get(Locale.ENGLISH, "subject.mail_refused", "", oneLine(originalSubject));
        String text = fr + "\n\n----\n\n" + en + "\n";
        String html = "<!DOCTYPE html><html><body><p lang=\"fr\">" + org.jsoup.nodes.Entities.escape(fr)
                + "</p><hr><p lang=\"en\">" + org.jsoup.nodes.Entities.escape(en) + "</p></body></html>";
        return new Rendered(subject, text, html);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
