package dev.guichet.system;

import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In prod, Guichet refuses to start with unsafe settings (design.md, Configuration). */
class ProductionSafetyCheckTest {

    static final String GOOD_SECRET = "k2v8Qw9zR4tY7uJ1mN5bX3cL6pD0sF8gH2jK4lZ9";

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

    @Test
    void refusesTheDevelopmentDefaultSecret() {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", "dev-only-insecure-jwt-secret-never-use-in-prod");
        assertTrue(messages(refused(props)).contains("JWT_SECRET is a default or example value"));
    }

    @Test
    void refusesAShortSecret() {
        assertTrue(messages(refused(Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", "too-short-secret"))).contains("shorter than 32 bytes"));
    }

    @Test
    void refusesACommonAdminPasswordAndDemoAccounts() {
        String message = messages(refused(Map.of("guichet.admin.password", "password123", "guichet.demo.enabled", true)));
        assertTrue(message.contains("ADMIN_PASSWORD"), message);
        assertTrue(message.contains("DEMO_DATA"), message);
    }

    @Test
    void startsWithSafeSettings() {
        assertDoesNotThrow(() -> {
            try (ApplicationContext ignored = ApplicationContext.run(prod(Map.of("guichet.admin.password", "a-long-admin-passphrase")), "prod")) {
                // started
            }
        });
    }
}
