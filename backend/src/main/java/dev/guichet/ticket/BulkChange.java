package dev.guichet.ticket;

import dev.guichet.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response bodies of {@code POST /api/v1/tickets/bulk}: one change applied to many tickets. */
public final class BulkChange {

    /** The most tickets one bulk request may name (a queue page is at most 100 rows). */
    public static final int MAX_TICKETS = 100;

    private BulkChange() {}

    /**
     * @param ticketIds the tickets to change, 1 to 100 ({@link #MAX_TICKETS}), each at most once; results come in this order
     * @param change    what to change on every one of them
     */
    @Serdeable
    public record Request(
            @NotNull @Size(min = 1, max = MAX_TICKETS) List<@NotNull @Positive Long> ticketIds,
            @NotNull @Valid Change change) {}

    /**
     * The fields of a single change (PATCH /tickets/{id}) without the version: each ticket is changed
     * at the version it has when its row is locked. Absent fields are left unchanged; at least one must be set.
     */
    @Serdeable
    public record Change(
            @Schema(type = "string") @Nullable TicketStatus status,
            @Schema(type = "string") @Nullable Priority priority,
            @Nullable Long categoryId,
            @Nullable Long assigneeId,
            @Nullable Boolean unassign,
            @Nullable Boolean clearCategory) {

        /** @return whether this change sets nothing at all */
        boolean isEmpty() {
            return status == null
                    && priority == null
                    && categoryId == null
                    && assigneeId == null
                    && !Boolean.TRUE.equals(unassign)
                    && !Boolean.TRUE.equals(clearCategory);
        }

        /** @return the single change this is, at {@code version} */
        TicketRequests.UpdateTicket at(int version) {
            return new TicketRequests.UpdateTicket(
                    version, status, priority, categoryId, assigneeId, unassign, clearCategory);
        }
    }

    /** @param results one per requested ticket, in the order of the request */
    @Serdeable
    public record Result(List<Outcome> results) {}

    /**
     * What happened to one ticket.
     *
     * @param ticketId the ticket
     * @param ok       whether the change was applied (or there was nothing to change)
     * @param version  when ok, the ticket's version after the change
     * @param error    when not ok, why, as the problem a single PATCH would have answered
     */
    @Serdeable
    public record Outcome(
            long ticketId,
            boolean ok,
            @Nullable Integer version,
            @Schema(type = "object") @Nullable Problem error) {

        static Outcome applied(long ticketId, int version) {
            return new Outcome(ticketId, true, version, null);
        }

        static Outcome refused(long ticketId, Problem error) {
            return new Outcome(ticketId, false, null, error);
        }
    }
}
