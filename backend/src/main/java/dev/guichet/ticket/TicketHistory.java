package dev.guichet.ticket;

import dev.guichet.user.UserSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The audit trail of tickets: the fields it records and its entries as the API shows them. Its SQL
 * is in {@link TicketHistoryQueries}.
 */
public final class TicketHistory {

    /** The fields the history records. */
    public enum Field {
        created,
        status,
        priority,
        category,
        assignee,
        reply,
        internal_note
    }

    private TicketHistory() {}

    /**
     * One recorded change.
     *
     * @param actor    who made it (null for the system)
     * @param field    created, status, priority, category, assignee, reply or internal_note
     * @param oldValue previous value (a name for assignee and category), null when there was none;
     *                 for reply and internal_note, new_value is the comment id
     * @param newValue new value, null when cleared
     */
    @Serdeable
    public record Entry(
            long id,
            long ticketId,
            @Schema(type = "object") @Nullable UserSummary actor,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            Instant createdAt) {}
}
