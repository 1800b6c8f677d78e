package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest extends ApiTest {

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        Person camille = employee("Camille");
        Api.Response me = api.get("/api/v1/me", camille.token());
        assertEquals(200, me.status());
        assertHardened(me);
    }

    @Test
    void errorsCarryTheSecurityHeaders() {
        assertHardened(assertStatus(401, api.get("/api/v1/me", null)));
        assertHardened(assertStatus(400, api.post("/api/v1/auth/login", null, "{not json")));
    }

    @Test
    void notFoundAnswersCarryTheSecurityHeaders() {
        Person camille = employee("Camille");
        assertHardened(assertStatus(404, api.get("/api/v1/tickets/424242", camille.token())));
        assertHardened(assertStatus(404, api.get("/api/v1/no-such-endpoint", camille.token())));
        assertHardened(assertStatus(404, api.get("/assets/no-such-file.js", null)));
    }

    @Test
    void healthAndDocsCarryTheSecurityHeaders() {
        assertHardened(assertStatus(200, api.get("/health", null)));
        assertHardened(assertStatus(200, api.get("/api/docs/index.html", null)));
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurity() {
        // Not from a trusted proxy: X-Forwarded-Proto is not believed.
        Api.Response health = api.send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertNull(health.header("Strict-Transport-Security"));
    }

    @Test
    void noOriginIsAllowedCrossOriginByDefault() {
        Person camille = employee("Camille");
        Api.Response me =
                api.send("GET", "/api/v1/me", camille.token(), null, Map.of("Origin", "https://evil.example"));
        assertNull(me.header("Access-Control-Allow-Origin"));
        Api.Response preflight = api.send(
                "OPTIONS",
                "/api/v1/me",
                null,
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    static Api.Response assertStatus(int status, Api.Response response) {
        assertEquals(status, response.status(), response::toString);
        return response;
    }

    static void assertHardened(Api.Response response) {
        assertEquals(
                SecurityHeaders.CONTENT_SECURITY_POLICY,
                response.header("Content-Security-Policy"),
                response::toString);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
    }
}
