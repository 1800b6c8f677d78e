package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** In prod, Guichet refuses to start with unsafe settings (docs/architecture.md, "Configuration"). */
class ProductionSafetyCheckTest {

    static final String GOOD_SECRET = "k2v8Qw9zR4tY7uJ1mN5bX3cL6pD0sF8gH2jK4lZ9";
    private static final List<String> TOUCHED = List.of(
            Logger.ROOT_LOGGER_NAME, "io.micronaut.http.server", "io.netty", "io.netty.handler.logging.LoggingHandler");

    private final Map<String, Level> levels = new HashMap<>();

    // Micronaut applies logger.levels.* to logback while starting: undo it for the next tests.
    @BeforeEach
    void rememberLevels() {
        TOUCHED.forEach(name -> levels.put(name, ((Logger) LoggerFactory.getLogger(name)).getLevel()));
    }

    @AfterEach
    void restoreLevels() {
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    Map<String, Object> prod(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", GOOD_SECRET);
        props.put("guichet.demo.enabled", false);
        props.putAll(overrides);
        return props;
    }

    Exception refused(Map<String, Object> overrides) {
        return assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(prod(overrides), "prod")) {
                // started: the assertion fails
            }
        });
    }

    static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    void assertRefusedWith(Map<String, Object> overrides, String expected) {
        String message = messages(refused(overrides));
        assertTrue(message.contains("Refusing to start in prod") && message.contains(expected), message);
    }

    @Test
    void refusesTheDevelopmentDefaultSecret() {
        Map<String, Object> props = new HashMap<>();
        props.put(
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                "dev-only-insecure-jwt-secret-never-use-in-prod");
        assertTrue(messages(refused(props)).contains("JWT_SECRET is a default or example value"));
    }

    @Test
    void refusesAShortSecret() {
        assertTrue(messages(refused(
                        Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", "too-short-secret")))
                .contains("shorter than 32 bytes"));
    }

    @Test
    void refusesACommonAdminPasswordAndDemoAccounts() {
        String message =
                messages(refused(Map.of("guichet.admin.password", "password123", "guichet.demo.enabled", true)));
        assertTrue(message.contains("ADMIN_PASSWORD"), message);
        assertTrue(message.contains("DEMO_DATA"), message);
    }

    @Test
    void refusesAWildcardCorsOrigin() {
        assertRefusedWith(
                Map.of("micronaut.server.cors.configurations.web.allowed-origins", "https://a.example,*"),
                "ALLOWED_ORIGINS contains a wildcard");
    }

    @Test
    void refusesDebugLoggingOfTheHttpServer() {
        assertRefusedWith(
                Map.of("logger.levels.io.micronaut.http.server", "TRACE"),
                "logger io.micronaut.http.server is at DEBUG or TRACE");
    }

    @Test
    void refusesADebugRootLogger() {
        assertRefusedWith(
                Map.of("logger.levels.root", "DEBUG"), "logger io.micronaut.http.client is at DEBUG or TRACE");
    }

    @Test
    void aQuietLevelForTheSensitiveLoggerOverridesADebugParent() {
        Map<String, Object> levels = new HashMap<>();
        levels.put("logger.levels.io.netty", "DEBUG");
        levels.put("logger.levels.io.netty.handler.logging.LoggingHandler", "INFO");
        assertDoesNotThrow(() -> {
            try (ApplicationContext ignored = ApplicationContext.run(prod(levels), "prod")) {
                // started
            }
        });
    }

    @Test
    void refusesNettyWireLogging() {
        assertRefusedWith(Map.of("micronaut.server.netty.log-level", "DEBUG"), "Netty would log every request body");
    }

    @Test
    void startsWithSafeSettings() {
        assertDoesNotThrow(() -> {
            try (ApplicationContext ignored =
                    ApplicationContext.run(prod(Map.of("guichet.admin.password", "a-long-admin-passphrase")), "prod")) {
                // started
            }
        });
    }
}
