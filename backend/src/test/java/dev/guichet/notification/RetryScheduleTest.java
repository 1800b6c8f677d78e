package dev.guichet.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox's default retry schedule keeps the promise of docs/notifications.md ("Delivery"):
 * whatever the jitter draws, an SMTP outage of 12 h only delays a message, and it is
 * given up between 16 h 51 min and 19 h 17 min after its first attempt.
 */
@MicronautTest(startApplication = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryScheduleTest implements TestPropertyProvider {

    /** The outage docs/notifications.md promises to ride out. */
    static final Duration DOCUMENTED_OUTAGE = Duration.ofHours(12);

    @Inject
    RetrySchedule schedule;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @Test
    void theDefaultScheduleGivesUpOnlyAfterTheDocumentedOutage() {
        assertTrue(
                schedule.minTimeBeforeGivingUp().compareTo(DOCUMENTED_OUTAGE) >= 0,
                "FAILED as early as " + schedule.minTimeBeforeGivingUp());
        // The bounds the documentation states: 0.8 and 1.2 × (1+3+9+27+81+243) min, plus the two 6 h waits at the cap.
        assertEquals(Duration.ofSeconds(60_672), schedule.minTimeBeforeGivingUp());
        assertEquals(Duration.ofSeconds(69_408), schedule.maxTimeBeforeGivingUp());
    }

    @Test
    void everyJitteredWaitStaysWithinItsBounds() {
        for (int attempt = 1; attempt < schedule.maxAttempts(); attempt++) {
            Set<Duration> seen = new HashSet<>();
            for (int draw = 0; draw < 2_000; draw++) {
                Duration wait = schedule.delayAfter(attempt);
                assertTrue(
                        wait.compareTo(schedule.minDelayAfter(attempt)) >= 0
                                && wait.compareTo(schedule.maxDelayAfter(attempt)) <= 0,
                        "wait " + wait + " after attempt " + attempt);
                seen.add(wait);
            }
            if (schedule.minDelayAfter(attempt).compareTo(schedule.maxDelayAfter(attempt)) < 0) {
                assertTrue(seen.size() > 100, "the waits after attempt " + attempt + " are jittered");
            }
        }
    }

    @Test
    void aMessageFailingEveryAttemptIsGivenUpWithinTheBounds() {
        for (int run = 0; run < 2_000; run++) {
            Duration elapsed = Duration.ZERO;
            int attempts = 1;
            while (!schedule.givesUpAfter(attempts)) {
                elapsed = elapsed.plus(schedule.delayAfter(attempts));
                attempts++;
            }
            assertTrue(elapsed.compareTo(DOCUMENTED_OUTAGE) >= 0, "given up after only " + elapsed);
            assertTrue(elapsed.compareTo(schedule.maxTimeBeforeGivingUp()) <= 0, "given up after " + elapsed);
        }
    }
}
