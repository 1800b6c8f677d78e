package dev.guichet.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Email-and-password login ({@code guichet.local-login.*}; see {@link LocalLogin}).
 *
 * @param enabled          whether everyone may log in with a password ({@code LOCAL_LOGIN_ENABLED})
 * @param breakGlassEmails comma-separated emails that may still log in with a password when it is off ({@code BREAK_GLASS_ADMIN_EMAILS})
 */
@ConfigurationProperties("guichet.local-login")
public record LocalLoginSettings(boolean enabled, @Nullable String breakGlassEmails) {}
