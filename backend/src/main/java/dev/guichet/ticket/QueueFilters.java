package dev.guichet.ticket;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The filters of a queue view, as query parameters: bound once ({@code @RequestBean}) for the list
 * ({@code GET /api/v1/tickets}) and its CSV export ({@code GET /api/v1/tickets/export.csv}), so a
 * filter added here reaches both, with the same names, rules and OpenAPI description.
 *
 * @param status      only these statuses; none = any
 * @param priority    only these priorities; none = any
 * @param categoryId  only this category
 * @param assigneeId  a user id, {@code none} for unassigned, or {@code me}
 * @param requesterId only the tickets of this requester
 * @param q           full text (French and English, accents ignored), up to 200 characters on one line
 * @param unread      true: only tickets with activity by someone else the caller has not seen
 * @param sla         only tickets at risk of missing, or past, an SLA target
 */
@Introspected
public record QueueFilters(
        @QueryValue @Nullable List<TicketStatus> status,
        @QueryValue @Nullable List<Priority> priority,
        @QueryValue("category_id") @Nullable Long categoryId,

        @Parameter(description = "a user id, `none` for unassigned, or `me`") @QueryValue("assignee_id") @Nullable
        String assigneeId,

        @QueryValue("requester_id") @Nullable Long requesterId,

        @QueryValue
        @Nullable
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
        String q,

        @Parameter(
                description = "true: only tickets with activity by someone else the caller has not seen (last 30 days)")
        @QueryValue
        @Nullable
        Boolean unread,

        @Parameter(
                description = "AT_RISK: a target still counting has used 80 % of its time; BREACHED: one is past due")
        @QueryValue
        @Schema(type = "string")
        @Nullable
        TicketFilter.Sla sla) {

    /**
     * The filter these parameters mean for a caller: {@code me} is the caller, an employee only ever
     * gets their own tickets, a blank {@code q} is no search.
     *
     * @throws ApiException 400 {@code assignee-filter} when {@code assignee_id} is neither an id, {@code none} nor {@code me}
     */
    TicketFilter resolve(Caller caller) {
        Long assignee = null;
        boolean unassigned = false;
        if (assigneeId != null && !assigneeId.isBlank()) {
            switch (assigneeId.trim()) {
                case "none" -> unassigned = true;
                case "me" -> assignee = caller.id();
                default -> {
                    try {
                        assignee = Long.parseLong(assigneeId.trim());
                    } catch (NumberFormatException e) {
                        throw ApiException.invalidField("assignee_id", "assignee-filter");
                    }
                }
            }
        }
        String query = q == null || q.isBlank() ? null : q.trim();
        return TicketService.visibleTo(
                caller,
                new TicketFilter(
                        status == null ? List.of() : status,
                        priority == null ? List.of() : priority,
                        categoryId,
                        assignee,
                        unassigned,
                        requesterId,
                        query,
                        Boolean.TRUE.equals(unread) ? reader(caller) : null,
                        sla));
    }

    /** @return the caller as the reader whose unread marks count */
    static TicketFilter.Reader reader(Caller caller) {
        return new TicketFilter.Reader(caller.id(), caller.isAgent());
    }
}
