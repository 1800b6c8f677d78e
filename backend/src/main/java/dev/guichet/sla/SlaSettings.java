package dev.guichet.sla;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The business calendar and the escalation sweep ({@code guichet.sla.*} in application.yml, set
 * from the {@code SLA_*} environment variables, see .env.example).
 *
 * @param timeZone       the team's time zone ({@code SLA_TIME_ZONE}, default Europe/Paris)
 * @param country        the jollyday calendar code of the public holidays, e.g. FR, BE, CH, DE-BY
 *                       ({@code SLA_HOLIDAYS}, default FR); {@code NONE} for no public holiday
 * @param workdays       the working days ({@code SLA_WORKDAYS}, default MONDAY..FRIDAY)
 * @param opens          the opening time ({@code SLA_OPENS}, default 09:00)
 * @param closes         the closing time ({@code SLA_CLOSES}, default 18:00)
 * @param sweepEnabled   whether this replica runs the escalation sweep ({@code SLA_SWEEP_ENABLED})
 * @param sweepInterval  pause between two sweeps ({@code SLA_SWEEP_INTERVAL}, default 1 min)
 * @param batchSize      tickets claimed per sweep transaction
 */
@Context
@ConfigurationProperties("guichet.sla")
public record SlaSettings(
        @NotNull ZoneId timeZone,
        @NotBlank String country,
        @NotEmpty Set<DayOfWeek> workdays,
        @NotBlank String opens,
        @NotBlank String closes,
        boolean sweepEnabled,
        @NotNull @PositiveDuration Duration sweepInterval,
        @Min(1) int batchSize) {

    /** @return the opening time; an unreadable {@code SLA_OPENS} stops the start (ISO-8601 HH:mm) */
    public LocalTime opening() {
        return LocalTime.parse(opens.strip());
    }

    /** @return the closing time; an unreadable {@code SLA_CLOSES} stops the start (ISO-8601 HH:mm) */
    public LocalTime closing() {
        return LocalTime.parse(closes.strip());
    }
}
