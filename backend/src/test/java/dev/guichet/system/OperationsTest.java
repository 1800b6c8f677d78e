package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API document, as ops and integrators use them. */
class OperationsTest extends ApiTest {

    @Test
    void healthChecksTheDatabase() {
        // Details (which checks, the database's) for a signed-in caller only.
        Api.Response health = api.get("/health", admin("Ada").token());
        assertEquals(200, health.status(), health::toString);
        // Micronaut's health document, not one of the API's records: read as raw JSON.
        assertEquals("UP", health.map().get("status"));
        assertTrue(health.body().contains("\"jdbc\""), health::toString);
        assertEquals(200, api.get("/health/liveness", null).status());
        assertEquals(200, api.get("/health/readiness", null).status());
    }

    @Test
    void prometheusExposesJvmAndHttpMetrics() {
        api.get("/health", null);
        Api.Response metrics = api.get("/prometheus", "test-prometheus-token");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body().contains("hikaricp_connections"), "pool metrics missing");
    }

    @Test
    void theOpenApiDocumentAndItsViewerAreServed() {
        Api.Response doc = api.get("/api/openapi.yml", null);
        assertEquals(200, doc.status());
        assertTrue(doc.body().startsWith("openapi: 3"), doc.body().substring(0, 40));
        assertTrue(doc.body().contains("/api/v1/tickets/{id}:"));
        assertTrue(doc.body().contains("access_token"), "snake_case schema expected");
        Api.Response viewer = api.get("/api/docs/index.html", null);
        assertEquals(200, viewer.status());
        assertTrue(viewer.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, api.get("/api/docs/res/swagger-ui-bundle.js", null).status());
    }
}
