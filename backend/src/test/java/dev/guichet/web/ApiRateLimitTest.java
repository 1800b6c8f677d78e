package dev.guichet.web;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Inject
    RateLimiter limiter;

    @Test
    void expiredBucketsArePurged() {
        Person camille = employee("Camille");
        assertEquals(200, api.get("/api/v1/me", camille.token()).status());
        tx.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO rate_limit_buckets (id, state, expires_at) VALUES ('api:gone', NULL, 0)", ps -> ps.executeUpdate()));

        limiter.purgeExpired();

        List<String> left = tx.executeRead(status -> jdbc.prepareStatement("SELECT id FROM rate_limit_buckets ORDER BY id", ps -> {
            List<String> ids = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }));
        assertTrue(left.contains("api:" + camille.id()), left::toString);
        assertFalse(left.contains("api:gone"), left::toString);
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
