package dev.guichet.web;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.context.annotation.Property;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Property(name = "guichet.rate-limits.api-limit", value = "5")
@Property(name = "guichet.rate-limits.api-window", value = "1h")
class ApiRateLimitTest extends ApiTest {

    @Test
    void eachPersonHasAnApiBudgetAndPastItGets429WithRetryAfter() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/api/v1/me", camille.token()).status());
        }

        Api.Response limited = api.get("/api/v1/me", camille.token());

        Map<String, Object> problem = assertProblem(429, limited);
        assertEquals("https://guichet.dev/problems/rate-limited", problem.get("type"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 3600 / 5, () -> "Retry-After " + retryAfter);
        assertEquals("nosniff", limited.header("X-Content-Type-Options"));
        // The budget is per person.
        assertEquals(200, api.get("/api/v1/me", ines.token()).status());
    }

    @Test
    void theBudgetIsSharedThroughTheDatabase() {
        Person camille = employee("Camille");
        assertEquals(200, api.get("/api/v1/me", camille.token()).status());
        long rows = tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM rate_limit_buckets WHERE id = ?", ps -> {
                    ps.setString(1, "api:" + camille.id());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
        assertEquals(1, rows);
    }
}
