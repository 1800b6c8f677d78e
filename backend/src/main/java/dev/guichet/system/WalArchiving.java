package dev.guichet.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuous WAL archiving (pgBackRest's {@code archive_command}) as seen by PostgreSQL's
 * {@code pg_stat_archiver}: the {@code wal_archiving} entry of {@code /health} and two Prometheus
 * gauges, {@code guichet_wal_archive_last_archived_age_seconds} (NaN when nothing was archived
 * yet or archiving is off) and {@code guichet_wal_archive_lagging} (1 or 0).
 *
 * <p>Archiving lags when {@code archive_mode} is on, the last failure is newer than the last
 * success and that success is older than {@code guichet.wal-archive.max-lag} (default 10 minutes):
 * WAL then piles up on the server's disk and the recovery point moves back in time. An idle
 * server archives nothing for hours and is not lagging. The entry says {@code "warning"} then; it
 * stays UP (operational) so a broken archive never takes replicas out of service, and it is not
 * part of {@code /health/readiness}. With archiving off it only reports {@code archive_mode: off}.
 */
@Singleton
public class WalArchiving extends AbstractHealthIndicator<Map<String, Object>> implements MeterBinder {

    // A provider: this bean is also a MeterBinder, bound while the MeterRegistry is built, and the
    // pooled DataSource itself needs that registry; resolving JDBC lazily breaks the cycle.
    private final Provider<ConnectionOperations<Connection>> connections;
    private final Duration maxLag;

    WalArchiving(Provider<ConnectionOperations<Connection>> connections, WalArchiveSettings settings) {
        this.connections = connections;
        this.maxLag = settings.maxLag();
    }

    /**
     * One reading of {@code pg_stat_archiver}.
     *
     * @param archiveMode    the {@code archive_mode} setting: off, on or always
     * @param lastArchivedAt when the last WAL file was archived, null if never since the stats reset
     * @param lastArchivedWal its name, null if never
     * @param lastFailedAt   when archiving last failed, null if never
     * @param now            the database's clock
     */
    public record Reading(
            String archiveMode,
            @Nullable Instant lastArchivedAt,
            @Nullable String lastArchivedWal,
            @Nullable Instant lastFailedAt,
            Instant now) {

        /** @return true when archiving is on, currently failing, and no success for longer than {@code maxLag} */
        public boolean lagging(Duration maxLag) {
            if ("off".equals(archiveMode) || lastFailedAt == null) {
                return false;
            }
            boolean failingNow = lastArchivedAt == null || lastFailedAt.isAfter(lastArchivedAt);
            Instant since = lastArchivedAt == null ? lastFailedAt : lastArchivedAt;
            return failingNow && Duration.between(since, now).compareTo(maxLag) > 0;
        }

        /** @return seconds since the last archived WAL, or NaN when none or archiving is off */
        public double lastArchivedAgeSeconds() {
            if ("off".equals(archiveMode) || lastArchivedAt == null) {
                return Double.NaN;
            }
            return Duration.between(lastArchivedAt, now).toMillis() / 1000.0;
        }
    }

    /** @return the current reading; throws the driver's exception when the database does not answer */
    public Reading read() {
        // Its own short connection from the pool (or the caller's), like any other read.
        return connections.get().executeRead(status -> {
            try {
                return SystemQueries.archiver(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read pg_stat_archiver", e);
            }
        });
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        healthStatus = HealthStatus.UP;
        try {
            Reading reading = read();
            details.put("archive_mode", reading.archiveMode());
            if (!"off".equals(reading.archiveMode())) {
                details.put("last_archived_wal", reading.lastArchivedWal());
                details.put(
                        "last_archived_at",
                        reading.lastArchivedAt() == null
                                ? null
                                : reading.lastArchivedAt().toString());
                details.put(
                        "last_failed_at",
                        reading.lastFailedAt() == null
                                ? null
                                : reading.lastFailedAt().toString());
                boolean lagging = reading.lagging(maxLag);
                details.put("lagging", lagging);
                if (lagging) {
                    details.put(
                            "warning",
                            "WAL archiving has been failing for more than " + maxLag.toMinutes()
                                    + " min: check the archive_command (pgbackrest) and the backup repository");
                }
            }
        } catch (RuntimeException e) {
            details.put("error", "cannot read pg_stat_archiver");
            healthStatus = HealthStatus.UNKNOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "wal_archiving";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("guichet.wal.archive.last.archived.age", this, w -> w.safely(Reading::lastArchivedAgeSeconds))
                .baseUnit("seconds")
                .description(
                        "Seconds since PostgreSQL last archived a WAL file (NaN when archiving is off or nothing was archived)")
                .register(registry);
        Gauge.builder("guichet.wal.archive.lagging", this, w -> w.safely(r -> r.lagging(maxLag) ? 1.0 : 0.0))
                .description("1 when WAL archiving has been failing for longer than guichet.wal-archive.max-lag")
                .register(registry);
    }

    private double safely(java.util.function.ToDoubleFunction<Reading> value) {
        try {
            return value.applyAsDouble(read());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
