package dev.guichet.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life (docs/architecture.md, "Ticket lifecycle"):
 * {@code NEW → IN_PROGRESS ⇄ WAITING → RESOLVED → CLOSED}, a technician may also resolve straight
 * from IN_PROGRESS, the requester reopens with {@code RESOLVED → IN_PROGRESS}, and CLOSED is final.
 */
public enum TicketStatus {
    NEW,
    IN_PROGRESS,
    WAITING,
    RESOLVED,
    CLOSED;

    /** @return the statuses this one may move to */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(WAITING, RESOLVED);
            case WAITING -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }
}
