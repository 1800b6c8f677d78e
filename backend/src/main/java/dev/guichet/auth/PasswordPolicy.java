package dev.guichet.auth;

import dev.guichet.web.ApiException;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The minimum password rules, after NIST SP 800-63B §5.1.1.2: at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_LENGTH}, not the account's email or its local part, and not in
 * the list of common passwords shipped in {@code common-passwords.txt}.
 */
@Singleton
public class PasswordPolicy {

    /** NIST SP 800-63B asks for at least 8; we ask for 10. */
    public static final int MIN_LENGTH = 10;
    /** An upper bound so hashing cannot be used to burn CPU. */
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            common = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a new password.
     *
     * @param field    the request field name to report ({@code password} or {@code new_password})
     * @param password the candidate
     * @param email    the account's email
     * @throws ApiException 400 naming the field and the rule broken
     */
    public void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.invalidField(field, "password-too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiException.invalidField(field, "password-too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        String local = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if (lower.equals(mail) || (!local.isEmpty() && lower.equals(local))) {
            throw ApiException.invalidField(field, "password-is-email");
        }
        if (common.contains(lower)) {
            throw ApiException.invalidField(field, "password-too-common");
        }
    }

    /** @return whether {@code password} is in the shipped list of common passwords */
    public boolean isCommon(String password) {
        return password != null && common.contains(password.toLowerCase(Locale.ROOT));
    }
}
