package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Micronaut's management endpoints are not public (docs/architecture.md, "Management endpoints and
 * outages"): without a token, every one of them answers 401 or 404 (never 200 with content, never
 * 500), in the default and the prod environment; the probes stay public, the aggregate health
 * shows its status only, and /prometheus answers only the scraper's PROMETHEUS_TOKEN.
 */
class ManagementEndpointsTest {

    static final String SCRAPER_TOKEN = "scraper-token-for-the-management-test";

    /** Every built-in endpoint of micronaut-management and micronaut-micrometer, and a few sub-paths. */
    static final List<String> ENDPOINTS = List.of(
            "/routes",
            "/threaddump",
            "/metrics",
            "/metrics/jvm.memory.used",
            "/flyway",
            "/beans",
            "/env",
            "/env/datasources",
            "/loggers",
            "/loggers/ROOT",
            "/info",
            "/refresh",
            "/caches",
            "/stop",
            "/prometheus");

    @ParameterizedTest
    @ValueSource(strings = {"test", "prod"})
    void managementEndpointsRefuseAnonymousCallers(String environment) {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("micronaut.server.port", -1);
        props.put("guichet.demo.enabled", false);
        props.put("guichet.mail.worker-enabled", false);
        props.put("guichet.prometheus-token", SCRAPER_TOKEN);
        // What prod insists on (ProductionSafetyCheck): a real secret.
        props.put(
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                ProductionSafetyCheckTest.GOOD_SECRET);
        try (ApplicationContext context = ApplicationContext.run(props, environment)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(server.getURI(), context.getBean(JsonMapper.class));
            for (String path : ENDPOINTS) {
                for (String method : List.of("GET", "POST", "DELETE")) {
                    Api.Response answer = api.send(method, path, null, method.equals("GET") ? null : "{}");
                    assertTrue(
                            answer.status() == 401 || answer.status() == 404 || answer.status() == 405,
                            environment + " " + method + " " + path + " answered " + answer.status() + ": "
                                    + answer.body());
                }
                // A browser (Accept: text/html, */*) gets no SPA page in their place either.
                Api.Response browser = api.send("GET", path, null, null, Map.of("Accept", "text/html,*/*"));
                assertTrue(
                        browser.status() == 401 || browser.status() == 404,
                        environment + " browser GET " + path + " answered " + browser.status() + ": " + browser.body());
            }
            // The catch-all GET rule is gone: an unknown path is 401/404, not served.
            Api.Response health = api.get("/health", null);
            assertEquals(200, health.status(), health::toString);
            // The raw JSON: Micronaut's health document must not even carry the key.
            assertEquals(null, health.map().get("details"), "health details leak anonymously: " + health.body());
            assertFalse(health.body().contains("jdbc"), health::toString);
            assertEquals(200, api.get("/health/liveness", null).status());
            assertEquals(200, api.get("/health/readiness", null).status());
            assertEquals(200, api.get("/api/openapi.yml", null).status());
            assertEquals(401, api.get("/prometheus", "not-the-scraper-token").status());
            Api.Response metrics = api.get("/prometheus", SCRAPER_TOKEN);
            assertEquals(200, metrics.status(), metrics::toString);
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        }
    }
}
