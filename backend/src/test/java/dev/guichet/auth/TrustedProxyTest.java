package dev.guichet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.context.annotation.Property;
import java.util.Map;
import org.junit.jupiter.api.Test;

// The test client connects from 127.0.0.1, which plays the reverse proxy here.
@Property(name = "guichet.trusted-proxies", value = "10.0.0.0/8, 127.0.0.1/32, ::1")
@Property(name = "guichet.rate-limits.login-ip-limit", value = "3")
@Property(name = "guichet.rate-limits.login-ip-window", value = "1h")
class TrustedProxyTest extends ApiTest {

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnLimit() {
        for (int i = 0; i < 3; i++) {
            assertProblem(401, loginFrom("203.0.113.10", "victim" + i + "@example.test"));
        }
        assertProblem(429, loginFrom("203.0.113.10", "victim3@example.test"));
        // Another client behind the same proxy is not affected.
        assertProblem(401, loginFrom("203.0.113.11", "victim4@example.test"));
    }

    @Test
    void theClientIsTheRightMostUntrustedHop() {
        for (int i = 0; i < 3; i++) {
            // The client prepends a forged hop; the trusted proxies (10.x) append the real one.
            assertProblem(401, loginFrom("1.2.3." + i + ", 203.0.113.20, 10.1.2.3", "victim" + i + "@example.test"));
        }
        assertProblem(429, loginFrom("9.9.9.9, 203.0.113.20, 10.1.2.3", "victim3@example.test"));
    }

    @Test
    void httpsAtTheTrustedProxyTurnsOnStrictTransportSecurity() {
        Api.Response health = api.send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertEquals("max-age=31536000; includeSubDomains", health.header("Strict-Transport-Security"));
    }

    private Api.Response loginFrom(String forwardedFor, String email) {
        return api.send(
                "POST",
                "/api/v1/auth/login",
                null,
                new AuthRequests.Login(email, "Summer2026!"),
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
