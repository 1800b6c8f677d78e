package dev.guichet.sla;

import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Turns a ticket's stored SLA columns into the {@link TicketSla} the API shows: the state of each
 * target now and the business time left, with the rules of {@link SlaClock}.
 */
@Singleton
public class SlaStates {

    private final BusinessCalendars calendars;

    SlaStates(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /**
     * The SLA columns of one ticket row.
     *
     * @param now the database's current time, so that states agree with the queue's SLA filters
     */
    public record Columns(
            TicketStatus status,
            @Nullable Instant firstResponseAt,
            @Nullable Instant resolvedAt,
            @Nullable Instant closedAt,
            @Nullable Instant firstResponseDueAt,
            @Nullable Instant firstResponseRiskAt,
            @Nullable Instant resolutionDueAt,
            @Nullable Instant resolutionRiskAt,
            @Nullable Instant pausedSince,
            Instant now) {}

    /** @return the calendar to pass to {@link #describe} for a page of tickets (one read of the closed days) */
    public BusinessCalendar calendar() {
        return calendars.current();
    }

    /** @return the ticket's SLA, or null when no policy applies to it */
    public static @Nullable TicketSla describe(Columns c, BusinessCalendar calendar) {
        if (c.firstResponseDueAt() == null || c.resolutionDueAt() == null) {
            return null;
        }
        boolean finished = c.status() == TicketStatus.RESOLVED || c.status() == TicketStatus.CLOSED;
        Instant stoppedAt = c.resolvedAt() != null ? c.resolvedAt() : c.closedAt();
        TicketSla.Target firstResponse;
        if (c.firstResponseAt() != null) {
            firstResponse = done(c.firstResponseDueAt(), c.firstResponseAt());
        } else if (finished && stoppedAt != null) {
            // Resolved without a public reply: the clock stopped at the resolution.
            firstResponse = done(c.firstResponseDueAt(), stoppedAt);
        } else {
            firstResponse = counting(c.firstResponseDueAt(), c.firstResponseRiskAt(), c.now(), calendar);
        }
        TicketSla.Target resolution;
        if (finished) {
            resolution = done(c.resolutionDueAt(), stoppedAt == null ? c.now() : stoppedAt);
        } else if (c.status() == TicketStatus.WAITING) {
            Instant since = c.pausedSince() == null ? c.now() : c.pausedSince();
            resolution = new TicketSla.Target(
                    c.resolutionDueAt(), TicketSla.State.PAUSED, left(since, c.resolutionDueAt(), calendar));
        } else {
            resolution = counting(c.resolutionDueAt(), c.resolutionRiskAt(), c.now(), calendar);
        }
        return new TicketSla(firstResponse, resolution);
    }

    private static TicketSla.Target done(Instant due, Instant at) {
        return new TicketSla.Target(due, at.isAfter(due) ? TicketSla.State.BREACHED : TicketSla.State.MET, null);
    }

    private static TicketSla.Target counting(
            Instant due, @Nullable Instant risk, Instant now, BusinessCalendar calendar) {
        TicketSla.State state = !now.isBefore(due)
                ? TicketSla.State.BREACHED
                : risk != null && !now.isBefore(risk) ? TicketSla.State.AT_RISK : TicketSla.State.OK;
        return new TicketSla.Target(due, state, left(now, due, calendar));
    }

    /** Business seconds from {@code from} to {@code due}; negative (how late) when {@code due} is past. */
    private static long left(Instant from, Instant due, BusinessCalendar calendar) {
        return from.isBefore(due)
                ? calendar.between(from, due).toSeconds()
                : -calendar.between(due, from).toSeconds();
    }
}
