package dev.guichet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words problems in the caller's language (docs/architecture.md, "Error format"): titles, details
 * and field messages come from {@code i18n/problems.properties} (English, the base) and
 * {@code i18n/problems_fr.properties}, formatted with {@link MessageFormat}; the language is
 * negotiated from the request's {@code Accept-Language} (RFC 9110 §12.5.4) among French and
 * English, English when the header is absent or names neither.
 */
public final class ProblemTexts {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemTexts.class);
    private static final String BUNDLE = "i18n.problems";
    /** The languages problems are worded in; the first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {}

    /**
     * @param acceptLanguage an {@code Accept-Language} header value, or null
     * @return French or English, whichever the header prefers; English when it names neither or is malformed
     */
    public static Locale negotiate(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** @return the language of the problems answered to this request */
    public static Locale of(HttpRequest<?> request) {
        return negotiate(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** @return the language of the request being served on this thread, English outside a request */
    public static Locale current() {
        return ServerRequestContext.currentRequest().map(ProblemTexts::of).orElse(Locale.ENGLISH);
    }

    /**
     * @param locale French or English
     * @param key    a key of the problem texts
     * @param args   its {@link MessageFormat} arguments
     * @return the formatted text; the key itself (and a warning in the log) when the texts lack it
     */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern =
                    ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE).getString(key);
        } catch (MissingResourceException missing) {
            LOG.warn("No problem text for key {} ({})", key, locale);
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** @return the English text of a key, for logs and exception messages */
    public static String english(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }

    /**
     * Renders a domain failure as the problem body the caller reads.
     *
     * @param exception the failure
     * @param locale    the caller's language ({@link #of}, {@link #current})
     * @return the RFC 9457 body: type URI, title, status, detail, and field errors when there are any
     */
    public static Problem problem(ApiException exception, Locale locale) {
        List<Problem.FieldError> errors = exception.errors().stream()
                .map(e -> new Problem.FieldError(
                        e.field(), text(locale, e.key(), e.args().toArray())))
                .toList();
        Object[] args = exception.args();
        if (exception.type() == ProblemType.VALIDATION && args.length == 0) {
            // The detail of a validation failure lists the fields, in the caller's language.
            args = new Object[] {
                String.join(
                        "; ",
                        errors.stream().map(e -> e.field() + " " + e.message()).toList())
            };
        }
        return new Problem(
                exception.type().uri().toString(),
                text(locale, exception.type().slug() + ".title"),
                exception.type().status().getCode(),
                text(locale, exception.key(), args),
                errors.isEmpty() ? null : errors);
    }
}
