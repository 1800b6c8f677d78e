package dev.guichet.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The first admin, created on an empty database ({@code guichet.admin.*}, from {@code ADMIN_EMAIL}
 * and {@code ADMIN_PASSWORD}; see {@link Bootstrap}).
 *
 * @param email    the admin's email; empty = no admin is created
 * @param password the admin's first password; empty = no admin is created
 */
@ConfigurationProperties("guichet.admin")
public record AdminSettings(
        @Nullable String email, @Nullable String password) {

    /** Reads an unset value as empty. */
    public AdminSettings {
        email = email == null ? "" : email.strip();
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        // Never print the password (configuration dumps, logs).
        return "AdminSettings[email=" + email + "]";
    }
}
