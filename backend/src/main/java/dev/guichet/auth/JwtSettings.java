package dev.guichet.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The key access tokens are signed with (HS256), as Micronaut Security reads it
 * ({@code micronaut.security.token.jwt.signatures.secret.generator.secret}, from {@code JWT_SECRET}).
 * Guichet reads it too: production checks it is strong ({@code system.ProductionSafetyCheck}) and
 * reply addresses derive their key from it when {@code INBOUND_MAIL_REPLY_SECRET} is unset.
 *
 * @param secret the key as configured; empty or null when unset
 */
@ConfigurationProperties("micronaut.security.token.jwt.signatures.secret.generator")
public record JwtSettings(@Nullable String secret) {

    /** @return the key, or an empty string when unset */
    public String secretOrEmpty() {
        return secret == null ? "" : secret;
    }

    @Override
    public String toString() {
        // Never print the key (configuration dumps, logs).
        return "JwtSettings[secret=" + (secretOrEmpty().isEmpty() ? "unset" : "set") + "]";
    }
}
