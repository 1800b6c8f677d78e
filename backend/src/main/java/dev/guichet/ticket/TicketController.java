package dev.guichet.ticket;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Tickets: file, read, list and search, change, and read the history. */
@Controller("/api/v1/tickets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tickets")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class TicketController {

    private final TicketService tickets;
    private final TicketQueries queries;
    private final BulkChangeService bulkChanges;

    TicketController(TicketService tickets, TicketQueries queries, BulkChangeService bulkChanges) {
        this.tickets = tickets;
        this.bulkChanges = bulkChanges;
        this.queries = queries;
    }

    /**
     * Lists tickets. Employees only ever get their own. {@code assignee_id} takes an id, {@code none}
     * (unassigned) or {@code me}; {@code q} is full text (French and English, accents ignored).
     * Rows carry the first 200 characters of the description. Page with {@code cursor} (the previous
     * page's {@code next_cursor}): every page costs the same; {@code page} (offset) still works but
     * deep pages are slow. {@code total} is exact, except with {@code q} or {@code requester_id}: exact up
     * to 1 000, beyond it is 1 000 with {@code total_is_lower_bound}. A search sorted by relevance ranks every match when there
     * are at most 1 000, else the 200 most recently updated.
     */
    @ProblemResponses.BadRequest
    @Get
    public TicketPage listTickets(
            @Valid @RequestBean QueueFilters filters,
            @Parameter(description = "the `next_cursor` of the previous page, with the same filters and sort")
                    @QueryValue
                    @Nullable
                    @Size(max = 1000)
                    String cursor,
            @Parameter(description = "0-based page (offset paging, ignored with `cursor`; prefer `cursor`)")
                    @QueryValue(defaultValue = "0")
                    @Min(0)
                    @Max(100000)
                    int page,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(
                            description =
                                    "created_at, updated_at, priority, status, title, id or sla_due (next SLA due time), with ,asc or ,desc")
                    @QueryValue
                    @Nullable
                    String sort,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TicketFilter filter = filters.resolve(caller);
        return TicketPage.of(
                queries.list(
                        filter,
                        TicketSort.parse(sort, filter.query() != null),
                        cursor,
                        page,
                        size,
                        QueueFilters.reader(caller)),
                page,
                size);
    }

    /**
     * How many tickets match the filters in each status (the status filter itself is ignored).
     * Exact and cheap at any size for the priority, category and assignee filters (a counts ledger);
     * with {@code q} or {@code requester_id} every status is counted up to 1 000, and 1 001 means
     * "more than 1 000".
     */
    @ProblemResponses.BadRequest
    @Get("/counts")
    public Map<TicketStatus, Long> countTickets(
            @QueryValue @Nullable List<Priority> priority,
            @QueryValue("category_id") @Nullable Long categoryId,
            @QueryValue("assignee_id") @Nullable String assigneeId,
            @QueryValue("requester_id") @Nullable Long requesterId,
            @QueryValue
                    @Nullable
                    @Size(max = 200)
                    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
                    String q,
            @QueryValue @Nullable Boolean unread,
            @QueryValue @Schema(type = "string") @Nullable TicketFilter.Sla sla,
            Authentication authentication) {
        QueueFilters filters = new QueueFilters(null, priority, categoryId, assigneeId, requesterId, q, unread, sla);
        return queries.countByStatus(filters.resolve(Caller.of(authentication)));
    }

    /** Files a ticket for the caller: 201 with its Location. */
    @ProblemResponses.BadRequest
    @Status(HttpStatus.CREATED)
    @Post
    public HttpResponse<TicketResponse> createTicket(
            @Body @Valid TicketRequests.CreateTicket request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Ticket ticket = tickets.create(caller, request, null).orElseThrow();
        return HttpResponse.created(response(caller, ticket), URI.create("/api/v1/tickets/" + ticket.id()));
    }

    /** One ticket with its {@code version}; 404 for another employee's ticket. */
    @ProblemResponses.NotFound
    @Get("/{id}")
    public TicketResponse getTicket(long id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return response(caller, tickets.get(caller, id));
    }

    /**
     * Marks the ticket as seen by the caller as it is now: its unread mark clears until someone else
     * acts on it. The SPA calls it when it shows the ticket. 204; 404 for a ticket the caller may not see.
     */
    @ProblemResponses.NotFound
    @Put("/{id}/seen")
    @Status(HttpStatus.NO_CONTENT)
    public void markTicketSeen(long id, Authentication authentication) {
        tickets.markSeen(Caller.of(authentication), id);
    }

    /** Changes status, priority, category or assignee; 409 on a stale version or an illegal transition. */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Patch("/{id}")
    public TicketResponse updateTicket(
            long id, @Body @Valid TicketRequests.UpdateTicket request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return response(caller, tickets.update(caller, id, request));
    }

    /**
     * Applies one change to up to 100 tickets (technicians and admins). Each ticket is changed in its
     * own transaction under the rules of PATCH, at its current version; the answer is 200 with one
     * outcome per ticket, in the order sent: applied with its new version, or refused with the problem
     * a PATCH would have answered. 400 when the list is empty, too long or repeats a ticket.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.Forbidden
    @Post("/bulk")
    @Secured({"TECHNICIAN", "ADMIN"})
    public BulkChange.Result bulkUpdateTickets(@Body @Valid BulkChange.Request request, Authentication authentication) {
        return bulkChanges.apply(Caller.of(authentication), request);
    }

    /** The audit trail of a ticket, oldest first; requesters never see entries of internal notes. */
    @ProblemResponses.NotFound
    @Get("/{id}/history")
    public List<TicketHistory.Entry> getTicketHistory(long id, Authentication authentication) {
        return tickets.history(Caller.of(authentication), id);
    }

    /** One ticket as this caller sees it in a detail: with the transitions they may make, never unread. */
    private static TicketResponse response(Caller caller, Ticket ticket) {
        return TicketResponse.of(ticket, TicketService.allowedTransitions(caller, ticket.status()), false);
    }
}
