package dev.guichet.user;

import dev.guichet.web.ApiException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one place where an email address typed by someone becomes the key of an account. Login, the
 * login lockout, account creation and the user search all go through {@link #normalize}, so two
 * spellings that reach the same account also count against the same lockout.
 */
public final class EmailAddresses {

    private EmailAddresses() {}

    /**
     * Trims surrounding whitespace, applies Unicode NFC and lower-cases (root locale).
     *
     * @param field the request field, named in the error
     * @param raw   the address as received
     * @return the normalized address
     * @throws ApiException 400 naming {@code field} when the address holds a control character
     *     (U+0000–U+001F, U+007F–U+009F), which no address may contain (RFC 5322 §3.2.3)
     */
    public static String normalize(String field, String raw) {
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(field, "control-characters");
        }
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
