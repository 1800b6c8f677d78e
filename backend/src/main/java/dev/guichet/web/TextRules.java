package dev.guichet.web;

/**
 * Patterns for {@code @jakarta.validation.constraints.Pattern} that keep out of the database the
 * characters a text column cannot store or a person cannot see: PostgreSQL refuses U+0000 in text
 * ("invalid byte sequence for encoding UTF8: 0x00"), and the other C0 and C1 controls are invisible
 * in the interface and in emails. Applied at the edge, on every free-text field of a request, so bad
 * input is a 400 naming the field instead of a 500.
 */
public final class TextRules {

    /** One line of text: no control character at all (titles, names, search queries). */
    public static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F-\\x9F]*";

    /** Several lines of text: tab, line feed and carriage return allowed, no other control character. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*";

    /** The message of a violation of either pattern. */
    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    /** The message of a query string that contains spaces (saved views). */
    public static final String QUERY_STRING = "must be a query string without spaces";

    /**
     * Guichet's own validation messages and their keys in the problem texts, so a violation is
     * answered in the caller's language ({@link ProblemTexts}).
     */
    public static final java.util.Map<String, String> KEYS = java.util.Map.of(
            CONTROL_CHARACTERS, "field.control-characters",
            QUERY_STRING, "field.query-string");

    private TextRules() {}
}
