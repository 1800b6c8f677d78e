package dev.guichet.report;

import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of the reports dashboard for one period (days in {@code REPORTS_TIME_ZONE}) and
 * optionally one category. Durations are elapsed hours (calendar time, not business time).
 *
 * @param from        first day of the period (inclusive)
 * @param to          last day of the period (inclusive)
 * @param granularity {@code day} or {@code week} (ISO weeks, starting on Monday)
 * @param timeZone    the time zone of the days
 * @param volume      per day or week of the period: tickets created, tickets resolved
 * @param backlog     open tickets now (NEW, IN_PROGRESS, WAITING), by status
 * @param backlogAge  open tickets now, by age since creation
 * @param byCategory  response and resolution times of the tickets resolved in the period, per category
 * @param byAssignee  the same per assignee (technician)
 * @param sla         SLA compliance of the tickets created in the period
 * @param satisfaction answers to the satisfaction survey given in the period
 */
@Serdeable
public record Dashboard(
        LocalDate from,
        LocalDate to,
        String granularity,
        String timeZone,
        List<VolumePoint> volume,
        List<StatusCount> backlog,
        List<AgeCount> backlogAge,
        List<Times> byCategory,
        List<Times> byAssignee,
        Sla sla,
        Satisfaction satisfaction) {

    /** Tickets created and resolved in one day or week, starting on {@code start}. */
    @Serdeable
    public record VolumePoint(LocalDate start, long created, long resolved) {}

    /** Open tickets in one status. */
    @Serdeable
    public record StatusCount(TicketStatus status, long count) {}

    /**
     * Open tickets whose age falls in a bucket.
     *
     * @param bucket {@code lt_1d}, {@code 1d_3d}, {@code 3d_7d}, {@code 7d_30d} or {@code gt_30d}
     */
    @Serdeable
    public record AgeCount(String bucket, long count) {}

    /**
     * Times of the tickets resolved in the period for one category or assignee.
     *
     * @param id       the category or person, null for "none" (no category, unassigned)
     * @param name     its name, null for "none"
     * @param resolved tickets resolved in the period
     * @param responded of them, tickets with a first response
     */
    @Serdeable
    public record Times(
            @Nullable Long id,
            @Nullable String name,
            long resolved,
            long responded,
            @Nullable Double firstResponseMedianHours,
            @Nullable Double firstResponseP90Hours,
            @Nullable Double resolutionMedianHours,
            @Nullable Double resolutionP90Hours) {}

    /** Compliance with both SLA targets. */
    @Serdeable
    public record Sla(Target firstResponse, Target resolution) {}

    /**
     * One target over the tickets that have a due time for it.
     *
     * @param met               done by the due time
     * @param breached          done late, or not done and past due (still-open tickets included)
     * @param pending           not done yet and not yet due (left out of the percentage)
     * @param compliancePercent met / (met + breached) × 100, null when both are 0
     */
    @Serdeable
    public record Target(
            long met, long breached, long pending, @Nullable Double compliancePercent) {}

    /**
     * Satisfaction survey answers.
     *
     * @param answers      how many
     * @param average      mean score (1–5), null without answers
     * @param distribution how many answers gave each score, 1 to 5 (all five present)
     */
    @Serdeable
    public record Satisfaction(long answers, @Nullable Double average, List<ScoreCount> distribution) {}

    /** Answers with one score. */
    @Serdeable
    public record ScoreCount(int score, long count) {}
}
