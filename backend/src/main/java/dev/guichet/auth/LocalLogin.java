package dev.guichet.auth;

import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether email-and-password login is allowed: on by default ({@code LOCAL_LOGIN_ENABLED}); when a
 * company turns it off in favour of its single sign-on, the accounts listed in
 * {@code BREAK_GLASS_ADMIN_EMAILS} can still log in with their password (and their second factor),
 * so an outage of the provider does not lock the helpdesk's admins out.
 */
@Singleton
public class LocalLogin {

    private final boolean enabled;
    private final Set<String> breakGlass;

    LocalLogin(LocalLoginSettings settings) {
        this.enabled = settings.enabled();
        String breakGlassCsv = settings.breakGlassEmails() == null ? "" : settings.breakGlassEmails();
        this.breakGlass = Arrays.stream(breakGlassCsv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return whether the login page offers the password form to everyone */
    public boolean enabled() {
        return enabled;
    }

    /** @return whether this (normalized) email is a break-glass account */
    public boolean isBreakGlass(String email) {
        return breakGlass.contains(email);
    }

    /**
     * @param email normalized email of a password login
     * @throws ApiException 403 {@code local-login-disabled} when local login is off and the email is not
     *     a break-glass account
     */
    public void check(String email) {
        if (!enabled && !isBreakGlass(email)) {
            throw ApiException.of(ProblemType.LOCAL_LOGIN_DISABLED);
        }
    }
}
