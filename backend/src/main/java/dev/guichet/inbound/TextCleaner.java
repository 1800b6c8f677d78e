package dev.guichet.inbound;

/** Text from mail made storable: no NUL or other control character the ticket's text rules refuse (TextRules.MULTI_LINE). */
final class TextCleaner {

    private TextCleaner() {}

    /** @return the text with CR LF as LF and every control character but tab and line feed removed */
    static String multiLine(String text) {
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]", "");
    }

    /** @return at most {@code max} characters, cut at a code point boundary */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
