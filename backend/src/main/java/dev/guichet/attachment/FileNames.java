package dev.guichet.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Makes a client-supplied file name safe to store and to send back, and builds the
 * {@code Content-Disposition} header of a download.
 */
public final class FileNames {

    /** Longest stored name, in characters (the column is varchar(255)). */
    public static final int MAX_LENGTH = 200;
    /** Used when nothing usable is left of the name. */
    static final String FALLBACK = "fichier";

    private FileNames() {}

    /**
     * Keeps only the last path segment (browsers on Windows may send {@code C:\dir\file}; an attacker
     * may send {@code ../../etc/passwd}), removes control and format characters (NUL, CR/LF, bidi
     * overrides that disguise an extension), characters Windows forbids in names, leading dots
     * (hidden files) and surrounding spaces, normalizes Unicode to NFC, and cuts the name to
     * {@link #MAX_LENGTH} characters keeping the extension.
     *
     * @param original the name the client sent, possibly null
     * @return a non-blank, single-segment name
     */
    public static String sanitize(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED;
            if (!control && "<>:\"|?*".indexOf(c) < 0) {
                kept.appendCodePoint(c);
            }
        });
        name = kept.toString().strip().replaceAll("\\s+", " ");
        name = name.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return truncate(name);
    }

    private static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }

    /**
     * An RFC 6266 {@code Content-Disposition: attachment} value: an ASCII {@code filename} fallback
     * (non-ASCII replaced by {@code _}, quotes and backslashes removed) and the exact name as
     * {@code filename*} in RFC 8187 encoding, which every current browser prefers.
     *
     * @param name a name from {@link #sanitize}
     */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
