package dev.guichet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

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

        Problem problem = assertProblem(429, limited);
        assertEquals("https://guichet.dev/problems/rate-limited", problem.type());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 3600 / 5, () -> "Retry-After " + retryAfter);
        assertEquals("nosniff", limited.header("X-Content-Type-Options"));
        // The budget is per person.
        assertEquals(200, api.get("/api/v1/me", ines.token()).status());
    }

    @Inject
    RateLimiter limiter;

    @Inject
    ApiRateLimit apiRateLimit;

    @Test
    void expiredLoginBucketsArePurged() {
        tx.executeWrite(status -> jdbc.prepareStatement("""
                INSERT INTO rate_limit_buckets (id, state, expires_at)
                VALUES ('login-ip:gone', NULL, 0), ('login-ip:kept', NULL, 9223372036854775807)""", ps -> ps.executeUpdate()));

        limiter.purgeExpired();

        List<String> left =
                tx.executeRead(status -> jdbc.prepareStatement("SELECT id FROM rate_limit_buckets ORDER BY id", ps -> {
                    List<String> ids = new java.util.ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                }));
        assertTrue(left.contains("login-ip:kept"), left::toString);
        assertFalse(left.contains("login-ip:gone"), left::toString);
    }

    @Test
    void theApiBudgetCostsNoDatabaseRowAndFullBucketsAreForgotten() {
        Person camille = employee("Camille");
        assertEquals(200, api.get("/api/v1/me", camille.token()).status());
        long rows = tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'api:%'",
                ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
        assertEquals(0, rows);
        assertTrue(apiRateLimit.trackedBuckets() >= 1);
        // Camille's bucket is not full (one token used of five per hour): it is kept.
        apiRateLimit.forgetFullBuckets();
        assertTrue(apiRateLimit.trackedBuckets() >= 1);
    }
}
