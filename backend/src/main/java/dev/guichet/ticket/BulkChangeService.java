package dev.guichet.ticket;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemErrorResponseProcessor;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one change to many tickets (the queue's bulk actions). Each ticket goes through
 * {@link TicketService#updateAtCurrentVersion} in a transaction of its own, so it follows every rule
 * of a single change (rights, lifecycle, checks, history, notifications) and a refusal on one ticket
 * leaves the others applied. This class must not run inside a transaction: it would join it.
 */
@Singleton
public class BulkChangeService {

    private static final Logger LOG = LoggerFactory.getLogger(BulkChangeService.class);

    private final TicketService tickets;

    BulkChangeService(TicketService tickets) {
        this.tickets = tickets;
    }

    /**
     * @return one outcome per ticket, in the order of the request; a refused ticket carries the
     *         problem a single PATCH would have answered (404, 403, 409 illegal transition, 400 …)
     * @throws ApiException 403 for an employee; 400 when a ticket is named twice or the change sets nothing
     */
    public BulkChange.Result apply(Caller caller, BulkChange.Request request) {
        if (!caller.isAgent()) {
            throw ApiException.forbidden("bulk");
        }
        if (request.change().isEmpty()) {
            throw ApiException.invalidField("change", "empty-change");
        }
        Set<Long> seen = new HashSet<>();
        List<Long> repeated = request.ticketIds().stream()
                .filter(id -> !seen.add(id))
                .distinct()
                .toList();
        if (!repeated.isEmpty()) {
            throw ApiException.invalidField("ticket_ids", "repeated-tickets", repeated.toString());
        }
        List<BulkChange.Outcome> outcomes = new ArrayList<>(request.ticketIds().size());
        for (long id : request.ticketIds()) {
            outcomes.add(applyOne(caller, id, request.change()));
        }
        return new BulkChange.Result(outcomes);
    }

    private BulkChange.Outcome applyOne(Caller caller, long id, BulkChange.Change change) {
        try {
            return BulkChange.Outcome.applied(
                    id, tickets.updateAtCurrentVersion(caller, id, change).version());
        } catch (ApiException refused) {
            return BulkChange.Outcome.refused(id, ProblemErrorResponseProcessor.problemOf(refused));
        } catch (RuntimeException unexpected) {
            // The tickets before this one are committed: report this one and go on rather than hide them behind a 500.
            LOG.error("Unexpected error changing ticket {} in bulk", id, unexpected);
            return BulkChange.Outcome.refused(
                    id, ProblemErrorResponseProcessor.problemOf(new ApiException(ProblemType.INTERNAL)));
        }
    }
}
