package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** WAL archiving in /health and /prometheus, and the rule that says when it lags. */
class WalArchivingTest extends ApiTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Inject
    WalArchiving archiving;

    @Test
    void healthAndMetricsReportTheArchiverOfTheRealDatabase() {
        WalArchiving.Reading reading = archiving.read();
        // The health details are for signed-in callers only (HEALTH_DETAILS_VISIBLE).
        Api.Response health = api.get("/health", admin("Alice").token());
        assertEquals(200, health.status(), health::toString);
        // Micronaut's health document, not one of the API's records: read as raw JSON.
        assertEquals("UP", health.map().get("status"), "archiving must never take the service down");
        assertTrue(health.body().contains("\"wal_archiving\""), health::toString);
        assertTrue(health.body().contains("\"archive_mode\":\"" + reading.archiveMode() + "\""), health::toString);
        Api.Response metrics = api.get("/prometheus", "test-prometheus-token");
        assertTrue(metrics.body().contains("guichet_wal_archive_last_archived_age_seconds"), "age gauge missing");
        assertTrue(metrics.body().contains("guichet_wal_archive_lagging 0.0"), "lagging gauge missing or set");
    }

    @Test
    void archivingOffIsNeverLagging() {
        var off = new WalArchiving.Reading("off", null, null, NOW.minusSeconds(86_400), NOW);
        assertFalse(off.lagging(TEN_MINUTES));
        assertTrue(Double.isNaN(off.lastArchivedAgeSeconds()));
    }

    @Test
    void anIdleServerThatArchivedLongAgoWithoutFailureIsNotLagging() {
        var idle =
                new WalArchiving.Reading("on", NOW.minus(Duration.ofHours(5)), "000000010000000000000003", null, NOW);
        assertFalse(idle.lagging(TEN_MINUTES));
        assertEquals(5 * 3600.0, idle.lastArchivedAgeSeconds());
    }

    @Test
    void failuresSinceTheLastSuccessLagOnlyPastTheLimit() {
        var brokenLong = new WalArchiving.Reading(
                "on", NOW.minus(Duration.ofMinutes(11)), "000000010000000000000003", NOW.minusSeconds(5), NOW);
        assertTrue(brokenLong.lagging(TEN_MINUTES));
        var brokenShort = new WalArchiving.Reading(
                "on", NOW.minus(Duration.ofMinutes(9)), "000000010000000000000003", NOW.minusSeconds(5), NOW);
        assertFalse(brokenShort.lagging(TEN_MINUTES));
        var recovered = new WalArchiving.Reading(
                "on", NOW.minusSeconds(30), "000000010000000000000004", NOW.minus(Duration.ofMinutes(20)), NOW);
        assertFalse(recovered.lagging(TEN_MINUTES), "a success after the failure ends the lag");
        var neverArchived = new WalArchiving.Reading("on", null, null, NOW.minus(Duration.ofMinutes(15)), NOW);
        assertTrue(neverArchived.lagging(TEN_MINUTES));
    }
}
