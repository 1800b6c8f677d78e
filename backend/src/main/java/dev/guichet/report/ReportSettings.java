package dev.guichet.report;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The dashboard and the CSV export ({@code guichet.reports.*}, from {@code REPORTS_TIME_ZONE},
 * {@code REPORTS_STATEMENT_TIMEOUT} and {@code EXPORT_MAX_CONCURRENT}; see .env.example).
 *
 * @param timeZone            the IANA time zone the dashboard's days and the export's times are in
 * @param statementTimeout    longest a dashboard statement may run before the request answers 503
 *                            {@code report-busy}
 * @param exportMaxConcurrent CSV exports running at once on one replica, at least 1 (each holds a
 *                            database connection while it streams)
 */
@Context
@ConfigurationProperties("guichet.reports")
public record ReportSettings(
        @NotNull ZoneId timeZone,
        @NotNull @PositiveDuration Duration statementTimeout,
        @Min(1) int exportMaxConcurrent) {}
