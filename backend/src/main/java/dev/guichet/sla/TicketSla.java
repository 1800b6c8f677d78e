package dev.guichet.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The SLA of a ticket as the API shows it: one entry per target. Absent (null) on a ticket no
 * policy applies to.
 *
 * @param firstResponse the first public reply by a technician
 * @param resolution    the resolution (the clock stops while the ticket waits on its requester)
 */
@Serdeable
public record TicketSla(Target firstResponse, Target resolution) {

    /** Where a target stands. */
    public enum State {
        /** Counting, less than 80 % of the target's business time used. */
        OK,
        /** Counting, at least 80 % used (an escalation was or will be sent). */
        AT_RISK,
        /** Due time passed without the target being met (counting or finished late). */
        BREACHED,
        /** Met in time. */
        MET,
        /** The clock stopped while the ticket waits on its requester (resolution only). */
        PAUSED
    }

    /**
     * One target.
     *
     * @param dueAt               the due time in force (for a paused target: as it stood when the pause began)
     * @param state               where it stands now
     * @param businessSecondsLeft business seconds until the due time while it counts or is paused
     *                            (negative once breached: how late); null once met or finished
     */
    @Serdeable
    public record Target(
            Instant dueAt, State state, @Nullable Long businessSecondsLeft) {}
}
