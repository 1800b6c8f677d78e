package dev.guichet.canned;

import dev.guichet.auth.Caller;
import dev.guichet.ticket.Ticket;
import dev.guichet.ticket.TicketService;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Who may use and change canned responses: every technician and admin uses the shared ones and
 * their own; only admins create, change or delete shared ones; a personal one is changed only by
 * its owner and is invisible to everybody else (404). Employees have no canned responses at all
 * (403, checked by the controller's {@code @Secured}).
 */
@Singleton
public class CannedResponseService {

    /** Which replies a list shows. */
    public enum Scope {
        ALL,
        SHARED,
        PERSONAL
    }

    private final CannedResponseRepository responses;
    private final TicketService tickets;
    private final UserRepository users;

    CannedResponseService(CannedResponseRepository responses, TicketService tickets, UserRepository users) {
        this.responses = responses;
        this.tickets = tickets;
        this.users = users;
    }

    /** @return the shared replies and/or the caller's own matching {@code q} (null or blank: all), by title */
    public List<CannedResponse> list(Caller caller, Scope scope, @Nullable String q) {
        String words = q == null ? "" : q.strip();
        return responses.search(scope != Scope.PERSONAL, scope == Scope.SHARED ? null : caller.id(), words);
    }

    /**
     * Creates a shared reply (admins only) or a personal one of the caller.
     *
     * @throws ApiException 403 when a technician creates a shared reply
     */
    public CannedResponse create(Caller caller, boolean shared, String title, String body, @Nullable String locale) {
        if (shared && !caller.isAdmin()) {
            throw ApiException.forbidden("shared-canned-response");
        }
        return responses.save(
                new CannedResponse(null, shared ? null : caller.id(), title.strip(), body.strip(), locale, null, null));
    }

    /**
     * Replaces the title, body and language of a reply the caller may change.
     *
     * @throws ApiException 404 unknown or another person's personal reply; 403 shared reply and caller not admin
     */
    public CannedResponse update(Caller caller, long id, String title, String body, @Nullable String locale) {
        CannedResponse current = changeable(caller, id);
        return responses.update(current.with(title.strip(), body.strip(), locale));
    }

    /**
     * Deletes a reply the caller may change.
     *
     * @throws ApiException 404 unknown or another person's personal reply; 403 shared reply and caller not admin
     */
    public void delete(Caller caller, long id) {
        responses.delete(changeable(caller, id));
    }

    /**
     * @return the reply's body with its {@link Placeholders} filled for this ticket and the caller
     * @throws ApiException 404 unknown reply, another person's personal reply, or unseen ticket
     */
    public String fill(Caller caller, long id, long ticketId) {
        CannedResponse response = visible(caller, id);
        Ticket ticket = tickets.get(caller, ticketId);
        String agent = users.findById(caller.id()).orElseThrow().fullName();
        return Placeholders.of(ticket.requester().fullName(), ticket.id(), ticket.title(), agent)
                .fill(response.body());
    }

    private CannedResponse visible(Caller caller, long id) {
        return responses
                .findById(id)
                .filter(r -> r.shared() || r.ownerId() == caller.id())
                .orElseThrow(() -> ApiException.notFound("canned-response"));
    }

    private CannedResponse changeable(Caller caller, long id) {
        CannedResponse response = visible(caller, id);
        if (response.shared() && !caller.isAdmin()) {
            throw ApiException.forbidden("shared-canned-response");
        }
        return response;
    }
}
