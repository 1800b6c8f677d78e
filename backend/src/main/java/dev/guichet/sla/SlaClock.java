package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the SLA columns of a ticket current (docs/architecture.md, "SLA"): the one place that
 * computes due times, called by the ticket service whenever a ticket is created or changes
 * (priority, category, status, first response) and by the escalation sweep.
 *
 * <p>Rules:
 * <ul>
 *   <li>the policy is the most specific one for the ticket's priority and category
 *       ({@link SlaQueries#applying}); none: every SLA column is NULL;</li>
 *   <li>both targets count business time ({@link BusinessCalendar}) from the ticket's creation;</li>
 *   <li>the resolution clock runs while the ticket is NEW or IN_PROGRESS only: WAITING (on the
 *       requester) and RESOLVED pause it, and each finished pause's business time shifts the
 *       resolution due time; the first-response clock never pauses (the requester is owed a first
 *       answer whatever the status: putting a ticket on WAITING without replying answers no one);</li>
 *   <li>at risk once 80 % of the target's business time has elapsed.</li>
 * </ul>
 */
@Singleton
public class SlaClock {

    /** Share of a target's business time after which it is at risk (docs/architecture.md, "Due times on the ticket"). */
    public static final double AT_RISK_SHARE = 0.8;

    private static final Set<TicketStatus> RUNNING = EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS);
    private static final Set<TicketStatus> OPEN =
            EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING);

    private final SlaTicketQueries tickets;
    private final SlaQueries policies;
    private final BusinessCalendars calendars;

    SlaClock(SlaTicketQueries tickets, SlaQueries policies, BusinessCalendars calendars) {
        this.tickets = tickets;
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * What a ticket's SLA columns are computed from, as read from its row ({@link SlaTicketQueries#inputs}) in
     * the transaction that changes it.
     *
     * @param sent the escalations already sent, as {@code TARGET/LEVEL}
     * @param now  the transaction's time ({@code now()})
     */
    public record Inputs(
            Instant createdAt,
            @Nullable Instant firstResponseAt,
            @Nullable Instant pausedSince,
            long pausedSeconds,
            Set<String> sent,
            Instant now) {

        /** @return the inputs of a ticket filed now: no response, no pause, no escalation */
        public static Inputs newTicket(Instant now) {
            return new Inputs(now, null, null, 0, Set.of(), now);
        }

        /** @return these inputs with the first response given now, unless one was given before */
        public Inputs withFirstResponse() {
            return firstResponseAt != null ? this : new Inputs(createdAt, now, pausedSince, pausedSeconds, sent, now);
        }
    }

    /**
     * The SLA columns of a ticket, as {@link #compute} derives them; bound into the caller's own
     * INSERT or UPDATE of the ticket ({@link SlaTicketQueries#bind}) so that a change writes the row once.
     */
    public record Columns(
            @Nullable Instant pausedSince,
            long pausedSeconds,
            @Nullable Instant firstResponseDue,
            @Nullable Instant firstResponseRisk,
            @Nullable Instant resolutionDue,
            @Nullable Instant resolutionRisk,
            @Nullable Instant nextDue,
            @Nullable Instant nextRisk,
            @Nullable Instant nextEscalation) {}

    /**
     * Recomputes and stores the ticket's SLA columns from its current row and the policy and
     * calendar in force, for callers that did not change the row themselves (the escalation sweep,
     * the backfill of tickets without due times). Runs in the caller's transaction; does not change
     * the ticket's version or {@code updated_at}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(long ticketId) {
        tickets.current(ticketId)
                .ifPresent(row ->
                        tickets.write(ticketId, compute(row.inputs(), row.status(), row.priority(), row.categoryId())));
    }

    /**
     * Computes a ticket's SLA columns for the state it is about to have: due times, at-risk times,
     * pause and next escalation, from the policy and calendar in force. No I/O but the policy cache.
     *
     * @param inputs     what the row holds (with the first response the change gives, if any)
     * @param status     the ticket's status after the change
     * @param priority   its priority after the change
     * @param categoryId its category after the change, or null
     */
    public Columns compute(Inputs inputs, TicketStatus status, Priority priority, @Nullable Long categoryId) {
        BusinessCalendar calendar = calendars.current();
        Instant pausedSince = inputs.pausedSince();
        long pausedSeconds = inputs.pausedSeconds();
        boolean running = RUNNING.contains(status);
        if (!running && pausedSince == null) {
            pausedSince = inputs.now();
        } else if (running && pausedSince != null) {
            pausedSeconds += calendar.between(pausedSince, inputs.now()).toSeconds();
            pausedSince = null;
        }
        Optional<SlaPolicy> policy = policies.applying(priority, categoryId);
        if (policy.isEmpty()) {
            return new Columns(pausedSince, pausedSeconds, null, null, null, null, null, null, null);
        }
        Duration firstResponse = Duration.ofMinutes(policy.get().firstResponseMinutes());
        Duration resolution = Duration.ofMinutes(policy.get().resolutionMinutes());
        Duration paused = Duration.ofSeconds(pausedSeconds);
        Instant frDue = calendar.add(inputs.createdAt(), firstResponse);
        Instant frRisk = calendar.add(inputs.createdAt(), atRisk(firstResponse));
        Instant resDue = calendar.add(inputs.createdAt(), resolution.plus(paused));
        Instant resRisk = calendar.add(inputs.createdAt(), atRisk(resolution).plus(paused));
        Instant nextDue = null, nextRisk = null, nextEscalation = null;
        if (inputs.firstResponseAt() == null && OPEN.contains(status)) {
            nextDue = frDue;
            nextRisk = frRisk;
            nextEscalation = nextEscalation(SlaTarget.FIRST_RESPONSE, frRisk, frDue, inputs.sent());
        }
        if (running) {
            nextDue = earliest(nextDue, resDue);
            nextRisk = earliest(nextRisk, resRisk);
            nextEscalation =
                    earliest(nextEscalation, nextEscalation(SlaTarget.RESOLUTION, resRisk, resDue, inputs.sent()));
        }
        return new Columns(
                pausedSince, pausedSeconds, frDue, frRisk, resDue, resRisk, nextDue, nextRisk, nextEscalation);
    }

    /** The targets whose escalations the sweep sends. */
    public enum SlaTarget {
        FIRST_RESPONSE,
        RESOLUTION
    }

    /** The escalation levels. */
    public enum Level {
        AT_RISK,
        BREACHED
    }

    /** @return 80 % of a target, to the second */
    static Duration atRisk(Duration target) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * AT_RISK_SHARE));
    }

    private static @Nullable Instant nextEscalation(SlaTarget target, Instant risk, Instant due, Set<String> sent) {
        if (!sent.contains(target + "/" + Level.AT_RISK)) {
            return risk;
        }
        return sent.contains(target + "/" + Level.BREACHED) ? null : due;
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
