package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the SLA admin API. */
public final class SlaRequests {

    /** A year of business days (250 days of 9 h), the longest target accepted, in minutes. */
    public static final int MAX_MINUTES = 250 * 9 * 60;

    private SlaRequests() {}

    /**
     * A policy to create or replace.
     *
     * @param categoryId null for the policy of every category without its own
     */
    @Serdeable
    public record Policy(
            @NotNull Priority priority,
            @Nullable Long categoryId,

            @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String nameFr,

            @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String nameEn,

            @Min(1) @Max(MAX_MINUTES) int firstResponseMinutes,
            @Min(1) @Max(MAX_MINUTES) int resolutionMinutes) {}

    /** A day the team does not work (besides weekends and public holidays). */
    @Serdeable
    public record ClosedDay(
            @NotNull LocalDate day,

            @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
            String label) {}
}
