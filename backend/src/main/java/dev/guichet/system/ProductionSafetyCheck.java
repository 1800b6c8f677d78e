package dev.guichet.system;

import dev.guichet.auth.JwtSettings;
import dev.guichet.auth.PasswordPolicy;
import dev.guichet.demo.DemoSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * In the {@code prod} environment, refuses to start with an unsafe configuration: a missing,
 * default, example or short JWT secret (HS256 needs at least 256 bits, RFC 7518 §3.2), a common
 * or short first-admin password, a wildcard CORS origin, demo accounts with a published password, or
 * logging that would write request bodies, passwords or tokens ({@link #LOGGERS_THAT_SEE_SECRETS} at
 * DEBUG or TRACE, Netty wire logging).
 * The message lists every problem at once so an operator fixes them in one go.
 */
@Context
@Requires(env = "prod")
public class ProductionSafetyCheck {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
    static final int MIN_SECRET_BYTES = 32;

    private static final List<String> KNOWN_BAD_SECRET_PARTS =
            List.of("dev-only", "change-me", "changeme", "example", "secret-here");

    /**
     * Loggers that, at DEBUG or TRACE, write request or response bodies and headers (login passwords,
     * bearer and refresh tokens) or SQL parameters (token hashes) into the logs.
     */
    static final List<String> LOGGERS_THAT_SEE_SECRETS = List.of(
            "io.micronaut.http",
            "io.micronaut.http.server",
            "io.micronaut.http.server.netty",
            "io.micronaut.http.client",
            "io.micronaut.security",
            "io.micronaut.data.query",
            "io.netty.handler.logging.LoggingHandler",
            "org.postgresql");

    ProductionSafetyCheck(
            JwtSettings jwt,
            AdminSettings admin,
            CorsSettings cors,
            DemoSettings demo,
            PasswordPolicy passwords,
            Environment environment) {
        List<String> problems = new ArrayList<>();
        String jwtSecret = jwt.secretOrEmpty();
        String adminPassword = admin.password();
        String lower = jwtSecret.toLowerCase(Locale.ROOT);
        if (jwtSecret.isBlank()) {
            problems.add("JWT_SECRET is not set");
        } else if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add("JWT_SECRET is shorter than " + MIN_SECRET_BYTES + " bytes");
        } else if (KNOWN_BAD_SECRET_PARTS.stream().anyMatch(lower::contains)) {
            problems.add("JWT_SECRET is a default or example value");
        }
        if (!adminPassword.isBlank()
                && (adminPassword.length() < PasswordPolicy.MIN_LENGTH
                        || passwords.isCommon(adminPassword)
                        || adminPassword.equalsIgnoreCase(admin.email())
                        || adminPassword.toLowerCase(Locale.ROOT).contains("change"))) {
            problems.add("ADMIN_PASSWORD is a default, common or short password");
        }
        if (cors.allowedOrigins() != null && cors.allowedOrigins().contains("*")) {
            problems.add("ALLOWED_ORIGINS contains a wildcard");
        }
        if (demo.enabled()) {
            problems.add("DEMO_DATA=true would create demo accounts with a published password");
        }
        problems.addAll(verboseLogging(environment));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in prod: " + String.join("; ", problems)
                    + ". See .env.example and GUIDE_HEBERGEMENT.md.");
        }
    }

    /**
     * Looks at the levels both as configured ({@code logger.levels.*}, i.e. {@code LOGGER_LEVELS_*}
     * variables, which Micronaut applies at start-up, possibly after this check) and as already in
     * effect (logback.xml, {@code LOG_LEVEL}).
     */
    private static List<String> verboseLogging(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment
                .getProperty("micronaut.server.netty.log-level", String.class)
                .isPresent()) {
            problems.add("micronaut.server.netty.log-level is set: Netty would log every request body");
        }
        Map<String, Object> configured = environment.getProperties("logger.levels", StringConvention.RAW);
        for (String logger : LOGGERS_THAT_SEE_SECRETS) {
            // The most specific configured level wins, as in logback; without one, the level in effect.
            String closest = configured.keySet().stream()
                    .filter(name ->
                            name.equalsIgnoreCase("root") || logger.equals(name) || logger.startsWith(name + "."))
                    .max(Comparator.comparingInt(name -> name.equalsIgnoreCase("root") ? 0 : name.length()))
                    .orElse(null);
            boolean verbose;
            if (closest == null) {
                verbose = LoggerFactory.getLogger(logger).isDebugEnabled();
            } else {
                String value = String.valueOf(configured.get(closest)).strip().toUpperCase(Locale.ROOT);
                verbose = value.equals("DEBUG") || value.equals("TRACE") || value.equals("ALL");
            }
            if (verbose) {
                problems.add("logger " + logger + " is at DEBUG or TRACE: it would log request bodies, passwords or "
                        + "tokens (set LOG_LEVEL and LOGGER_LEVELS_* to INFO or above)");
            }
        }
        return problems;
    }
}
