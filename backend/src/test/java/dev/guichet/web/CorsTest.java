package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.context.annotation.Property;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Property(
        name = "micronaut.server.cors.configurations.web.allowed-origins",
        value = "https://helpdesk.example.org,https://sav.example.org")
class CorsTest extends ApiTest {

    private static final String ALLOWED = "https://helpdesk.example.org";

    @Test
    void anAllowedOriginPassesThePreflightAndReadsTheAnswer() {
        Person camille = employee("Camille");
        Api.Response preflight = api.send(
                "OPTIONS",
                "/api/v1/tickets",
                null,
                null,
                Map.of(
                        "Origin",
                        ALLOWED,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"));
        assertEquals(200, preflight.status(), preflight::toString);
        assertEquals(ALLOWED, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));

        Api.Response me =
                api.send("GET", "/api/v1/me", camille.token(), null, Map.of("Origin", "https://sav.example.org"));
        assertEquals(200, me.status());
        assertEquals("https://sav.example.org", me.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() {
        Person camille = employee("Camille");
        Api.Response preflight = api.send(
                "OPTIONS",
                "/api/v1/tickets",
                null,
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight::toString);
        Api.Response me = api.send(
                "GET",
                "/api/v1/me",
                camille.token(),
                null,
                Map.of("Origin", "https://helpdesk.example.org.evil.example"));
        assertNull(me.header("Access-Control-Allow-Origin"));
    }
}
