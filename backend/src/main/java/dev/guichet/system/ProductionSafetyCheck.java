package dev.guichet.system;

import dev.guichet.auth.PasswordPolicy;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In the {@code prod} environment, refuses to start with an unsafe configuration: a missing,
 * default, example or short JWT secret (HS256 needs at least 256 bits, RFC 7518 §3.2), a common
 * or short first-admin password, a wildcard CORS origin, or demo accounts with a published password.
 * The message lists every problem at once so an operator fixes them in one go.
 */
@Context
@Requires(env = "prod")
public class ProductionSafetyCheck {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
    static final int MIN_SECRET_BYTES = 32;
    private static final List<String> KNOWN_BAD_SECRET_PARTS = List.of("dev-only", "change-me", "changeme", "example", "secret-here");

    ProductionSafetyCheck(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String jwtSecret,
                          @Value("${guichet.admin.password:}") String adminPassword,
                          @Value("${guichet.admin.email:}") String adminEmail,
                          @Value("${micronaut.server.cors.configurations.web.allowed-origins:}") String origins,
                          @Value("${guichet.demo.enabled:false}") boolean demo,
                          PasswordPolicy passwords) {
        List<String> problems = new ArrayList<>();
        String lower = jwtSecret.toLowerCase(Locale.ROOT);
        if (jwtSecret.isBlank()) {
            problems.add("JWT_SECRET is not set");
        } else if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add("JWT_SECRET is shorter than " + MIN_SECRET_BYTES + " bytes");
        } else if (KNOWN_BAD_SECRET_PARTS.stream().anyMatch(lower::contains)) {
            problems.add("JWT_SECRET is a default or example value");
        }
        if (!adminPassword.isBlank() && (adminPassword.length() < PasswordPolicy.MIN_LENGTH
                || passwords.isCommon(adminPassword) || adminPassword.equalsIgnoreCase(adminEmail)
                || adminPassword.toLowerCase(Locale.ROOT).contains("change"))) {
            problems.add("ADMIN_PASSWORD is a default, common or short password");
        }
        if (origins.contains("*")) {
            problems.add("ALLOWED_ORIGINS contains a wildcard");
        }
        if (demo) {
            problems.add("DEMO_DATA=true would create demo accounts with a published password");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems)
                    + ". See .env.example and GUIDE_HEBERGEMENT.md.");
        }
    }
}
