package dev.guichet.ticket;

import dev.guichet.auth.Caller;
import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
import dev.guichet.sla.SlaClock;
import dev.guichet.ticket.TicketQueries.Current;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of tickets: who may see and change what (docs/architecture.md, "Roles and what each may do"), the lifecycle, the
 * optimistic version check, and history written in the same transaction as each change.
 */
@Singleton
public class TicketService {

    private final TicketQueries queries;
    private final TicketHistoryQueries history;
    private final CategoryRepository categories;
    private final UserRepository users;
    private final ApplicationEventPublisher<TicketEvent> events;
    private final SlaClock sla;

    TicketService(
            TicketQueries queries,
            TicketHistoryQueries history,
            CategoryRepository categories,
            UserRepository users,
            ApplicationEventPublisher<TicketEvent> events,
            SlaClock sla) {
        this.sla = sla;
        this.queries = queries;
        this.history = history;
        this.categories = categories;
        this.users = users;
        this.events = events;
    }

    /**
     * Files a ticket for the caller.
     *
     * @param externalRef an import reference (demo data); a second create with the same one is skipped
     * @return the new ticket, or empty when {@code externalRef} was already imported
     * @throws ApiException 400 for an unknown or inactive category
     */
    @Transactional
    public Optional<Ticket> create(Caller caller, TicketRequests.CreateTicket request, @Nullable String externalRef) {
        Long categoryId = request.categoryId();
        if (categoryId != null) {
            categories
                    .findById(categoryId)
                    .filter(Category::active)
                    .orElseThrow(() -> ApiException.invalidField("category_id", "inactive-category"));
        }
        Priority priority = request.priority() == null ? Priority.MEDIUM : request.priority();
        // The SLA columns are written with the row (one tuple, not an INSERT then an UPDATE): their
        // clock starts at created_at, which is now(), the transaction's start.
        SlaClock.Columns due =
                sla.compute(SlaClock.Inputs.newTicket(queries.now()), TicketStatus.NEW, priority, categoryId);
        Long id = queries.insert(request, priority, caller.id(), externalRef, due);
        if (id == null) {
            return Optional.empty();
        }
        history.record(id, caller.id(), TicketHistory.Field.created, null, TicketStatus.NEW);
        if (externalRef == null) {
            // Imported tickets (demo data) notify no one.
            events.publishEvent(new TicketEvent.Created(id, caller.id()));
        }
        return Optional.of(get(caller, id));
    }

    /**
     * What this caller may see of one ticket, checked the same way for the ticket and everything
     * attached to it (conversation, files, history, read marks): technicians and admins see every
     * ticket, employees their own (docs/architecture.md, "Roles and what each may do").
     *
     * @throws ApiException 404 when the ticket does not exist or belongs to another employee (its
     *                      existence is not revealed)
     */
    public void requireVisible(Caller caller, long id) {
        queries.requesterOf(id)
                .filter(requester -> mayView(caller, requester))
                .orElseThrow(() -> ApiException.notFound("ticket"));
    }

    /**
     * What this caller may list: technicians and admins every ticket the filter matches; employees
     * only their own, whatever requester they ask for (another requester's tickets match nothing).
     *
     * @param requested the filters as the caller sent them
     * @return the filters to run
     */
    public static TicketFilter visibleTo(Caller caller, TicketFilter requested) {
        if (caller.isAgent()) {
            return requested;
        }
        Long asked = requested.requesterId();
        return requested.withRequester(asked == null || asked == caller.id() ? caller.id() : TicketFilter.NO_ONE);
    }

    /**
     * @return the audit trail of a ticket the caller may see, oldest first; requesters never see
     *         entries of internal notes
     * @throws ApiException 404 unseen ticket
     */
    public List<TicketHistory.Entry> history(Caller caller, long id) {
        requireVisible(caller, id);
        return history.of(id, caller.isAgent());
    }

    /**
     * Marks a ticket the caller may see as seen by them as it is now ("Agent workflow", unread marks).
     *
     * @throws ApiException 404 unseen ticket
     */
    public void markSeen(Caller caller, long id) {
        requireVisible(caller, id);
        queries.markSeen(id, caller.id());
    }

    /**
     * @return the ticket if the caller may see it
     * @throws ApiException 404 when it does not exist or belongs to another employee
     */
    public Ticket get(Caller caller, long id) {
        return queries.findById(id)
                .filter(t -> mayView(caller, t.requester().id()))
                .orElseThrow(() -> ApiException.notFound("ticket"));
    }

    /**
     * Applies a change. Locks the row, checks the version the client saw, the caller's rights and
     * the lifecycle, then writes the change, bumps the version and records history, all in one
     * transaction. A change that changes nothing keeps the version.
     *
     * @throws ApiException 404 unseen ticket; 403 field the role may not change; 409 stale version
     *                      or illegal transition; 400 bad category or assignee
     */
    @Transactional
    public Ticket update(Caller caller, long id, TicketRequests.UpdateTicket request) {
        return apply(caller, id, lockVisible(caller, id), request);
    }

    /**
     * Applies a change at the version the ticket has under its row lock, for bulk changes where the
     * client did not read each ticket: every rule of {@link #update} applies (rights, lifecycle,
     * checks, history, events), one row lock.
     *
     * @throws ApiException as {@link #update}, except never a stale version
     */
    @Transactional
    public Ticket updateAtCurrentVersion(Caller caller, long id, BulkChange.Change change) {
        Current current = lockVisible(caller, id);
        return apply(caller, id, current, change.at(current.version()));
    }

    /** {@link #update} on a row already locked and visible to the caller. */
    private Ticket apply(Caller caller, long id, Current current, TicketRequests.UpdateTicket request) {
        if (!caller.isAgent()) {
            checkEmployeeChange(request);
        }
        if (request.version() != current.version()) {
            throw ApiException.conflict(ProblemType.STALE_VERSION, request.version(), current.version());
        }
        TicketStatus status = request.status() == null ? current.status() : request.status();
        Long requestedAssignee = Boolean.TRUE.equals(request.unassign())
                ? null
                : request.assigneeId() == null ? current.assigneeId() : request.assigneeId();
        if (current.status() == TicketStatus.NEW
                && status == TicketStatus.NEW
                && requestedAssignee != null
                && !requestedAssignee.equals(current.assigneeId())) {
            // Automatic transition: assigning a NEW ticket starts the work on it (docs/architecture.md).
            status = TicketStatus.IN_PROGRESS;
        }
        if (status != current.status()
                && !allowedTransitions(caller, current.status()).contains(status)) {
            throw illegalTransition(caller, current.status(), status);
        }
        Priority priority = request.priority() == null ? current.priority() : request.priority();
        Long categoryId = Boolean.TRUE.equals(request.clearCategory())
                ? null
                : request.categoryId() == null
                        ? current.categoryId()
                        : checkedCategory(request.categoryId(), current.categoryId());
        Long assigneeId = Boolean.TRUE.equals(request.unassign())
                ? null
                : request.assigneeId() == null
                        ? current.assigneeId()
                        : checkedAssignee(request.assigneeId(), current.assigneeId());

        List<Runnable> after = new ArrayList<>();
        boolean changed = false;
        TicketStatus newStatus = status;
        if (status != current.status()) {
            history.record(id, caller.id(), TicketHistory.Field.status, current.status(), status);
            after.add(() ->
                    events.publishEvent(new TicketEvent.StatusChanged(id, caller.id(), current.status(), newStatus)));
            changed = true;
        }
        if (priority != current.priority()) {
            history.record(id, caller.id(), TicketHistory.Field.priority, current.priority(), priority);
            changed = true;
        }
        if (!Objects.equals(categoryId, current.categoryId())) {
            history.record(id, caller.id(), TicketHistory.Field.category, current.categoryId(), categoryId);
            changed = true;
        }
        if (!Objects.equals(assigneeId, current.assigneeId())) {
            history.record(id, caller.id(), TicketHistory.Field.assignee, current.assigneeId(), assigneeId);
            if (assigneeId != null) {
                after.add(() -> events.publishEvent(new TicketEvent.Assigned(id, caller.id(), assigneeId)));
            }
            changed = true;
        }
        if (changed) {
            write(
                    id,
                    current,
                    status,
                    priority,
                    categoryId,
                    assigneeId,
                    caller.id(),
                    status != current.status(),
                    false);
            after.forEach(Runnable::run);
        }
        return get(caller, id);
    }

    /**
     * Applies what a new reply or internal note does to its ticket, in the transaction that stores
     * it: the lifecycle moves (docs/architecture.md, "Automatic transitions"), the activity that
     * marks the ticket unread for others, and {@code updated_at}, on the ticket
     * {@link #lockForAddition} locked.
     *
     * <ul>
     *   <li>a requester's public reply on a WAITING or RESOLVED ticket moves it to IN_PROGRESS;</li>
     *   <li>a technician's public reply may carry the status to set ({@code requested}); from NEW
     *       to WAITING or RESOLVED it passes through IN_PROGRESS (two history entries).</li>
     * </ul>
     *
     * @param ticket    what {@link #lockForAddition} returned in this transaction
     * @param requested the status asked for with the reply, or null
     * @return the status the ticket moved to, or null when it kept its status
     * @throws ApiException 403 when a requester sends a status; 400 a status with an internal note;
     *                      409 {@code illegal-transition}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public @Nullable TicketStatus applyReply(
            Caller caller, Locked ticket, boolean internal, @Nullable TicketStatus requested) {
        long id = ticket.id();
        Current current = ticket.current();
        List<TicketStatus> steps = new ArrayList<>();
        if (requested != null) {
            if (!caller.isAgent()) {
                throw requesterChange();
            }
            if (internal) {
                throw ApiException.invalidField("status", "status-needs-public-reply");
            }
            if (requested != current.status()) {
                if (current.status() == TicketStatus.NEW
                        && (requested == TicketStatus.WAITING || requested == TicketStatus.RESOLVED)) {
                    steps.add(TicketStatus.IN_PROGRESS);
                } else if (!allowedTransitions(caller, current.status()).contains(requested)) {
                    throw illegalTransition(caller, current.status(), requested);
                }
                steps.add(requested);
            }
        } else if (!internal
                && caller.id() == current.requesterId()
                && (current.status() == TicketStatus.WAITING || current.status() == TicketStatus.RESOLVED)) {
            // Automatic transition: the requester answered, the ticket needs the IT team again.
            steps.add(TicketStatus.IN_PROGRESS);
        }
        // The first response (a public reply by an agent who is not the requester) is stamped the
        // first time only; reports and the SLA read it.
        boolean firstResponse = !internal
                && caller.isAgent()
                && caller.id() != current.requesterId()
                && current.sla().firstResponseAt() == null;
        TicketStatus from = current.status();
        for (TicketStatus step : steps) {
            history.record(id, caller.id(), TicketHistory.Field.status, from, step);
            from = step;
        }
        if (steps.isEmpty() && !firstResponse) {
            touch(id, caller.id(), !internal);
            return null;
        }
        write(
                id,
                current,
                from,
                current.priority(),
                current.categoryId(),
                current.assigneeId(),
                caller.id(),
                !internal,
                firstResponse);
        return steps.isEmpty() ? null : from;
    }

    /**
     * Locks a ticket the caller may see until the end of the current transaction and checks that it
     * is still open to additions, so that a reply or an attachment and a concurrent close are
     * serialized on the row lock: whichever commits second sees the other.
     *
     * @return the locked ticket, for {@link #applyReply} in the same transaction
     * @throws ApiException 404 when the caller may not see the ticket; 409 {@code ticket-closed} when it is closed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lockForAddition(Caller caller, long id) {
        Current current = lockVisible(caller, id);
        if (current.status() == TicketStatus.CLOSED) {
            throw ApiException.conflict(ProblemType.TICKET_CLOSED);
        }
        return new Locked(id, current);
    }

    /**
     * A ticket row locked by {@link #lockForAddition} until the end of the transaction, as it was
     * read under the lock.
     */
    public static final class Locked {
        private final long id;
        private final Current current;

        private Locked(long id, Current current) {
            this.id = id;
            this.current = current;
        }

        long id() {
            return id;
        }

        Current current() {
            return current;
        }
    }

    /** Locks the ticket's row; 404 when it does not exist or the caller may not see it. */
    private Current lockVisible(Caller caller, long id) {
        return queries.lock(id)
                .filter(c -> mayView(caller, c.requesterId()))
                .orElseThrow(() -> ApiException.notFound("ticket"));
    }

    private static ApiException illegalTransition(Caller caller, TicketStatus from, TicketStatus to) {
        Set<TicketStatus> allowed = allowedTransitions(caller, from);
        return allowed.isEmpty()
                ? new ApiException(ProblemType.ILLEGAL_TRANSITION, "illegal-transition.final", from, to)
                : ApiException.conflict(
                        ProblemType.ILLEGAL_TRANSITION,
                        from,
                        to,
                        String.join(", ", allowed.stream().map(Enum::name).toList()));
    }

    private static ApiException requesterChange() {
        return ApiException.forbidden("requester-change");
    }

    /** @return whether the caller may see a ticket of this requester (employees: their own only) */
    public static boolean mayView(Caller caller, long requesterId) {
        return caller.isAgent() || caller.id() == requesterId;
    }

    /** @return the statuses the caller may move a ticket from {@code from} to */
    public static Set<TicketStatus> allowedTransitions(Caller caller, TicketStatus from) {
        if (caller.isAgent()) {
            return from.next();
        }
        // Employees may close a resolved ticket or reopen it (docs/architecture.md, "Roles and what each may do":
        // "close or reopen own").
        return from == TicketStatus.RESOLVED
                ? EnumSet.of(TicketStatus.CLOSED, TicketStatus.IN_PROGRESS)
                : EnumSet.noneOf(TicketStatus.class);
    }

    private static void checkEmployeeChange(TicketRequests.UpdateTicket request) {
        if (request.priority() != null
                || request.categoryId() != null
                || request.assigneeId() != null
                || Boolean.TRUE.equals(request.unassign())
                || Boolean.TRUE.equals(request.clearCategory())) {
            throw requesterChange();
        }
    }

    private Long checkedCategory(long categoryId, @Nullable Long currentId) {
        if (Objects.equals(categoryId, currentId)) {
            return categoryId;
        }
        categories
                .findById(categoryId)
                .filter(Category::active)
                .orElseThrow(() -> ApiException.invalidField("category_id", "inactive-category"));
        return categoryId;
    }

    private Long checkedAssignee(long assigneeId, @Nullable Long currentId) {
        if (Objects.equals(assigneeId, currentId)) {
            return assigneeId;
        }
        users.findById(assigneeId)
                .filter(u -> u.active() && u.role().isAgent())
                .orElseThrow(() -> ApiException.invalidField("assignee_id", "not-assignable"));
        return assigneeId;
    }

    /**
     * Writes a change of fields under the row lock, with its SLA columns, in one UPDATE (one new
     * row version): the version, {@code updated_at}, who acted, the resolution and closing times,
     * and the first response when this change gives it.
     *
     * @param publicChange  whether the requester sees the change (a status change, a public reply)
     * @param firstResponse whether this change is the ticket's first response
     */
    private void write(
            long id,
            Current current,
            TicketStatus status,
            Priority priority,
            Long categoryId,
            Long assigneeId,
            long actorId,
            boolean publicChange,
            boolean firstResponse) {
        SlaClock.Inputs inputs = firstResponse ? current.sla().withFirstResponse() : current.sla();
        SlaClock.Columns due = sla.compute(inputs, status, priority, categoryId);
        int updated = queries.write(
                id, current, status, priority, categoryId, assigneeId, actorId, publicChange, firstResponse, due);
        if (updated != 1) {
            throw new IllegalStateException("Ticket " + id + " changed under its row lock");
        }
    }

    /**
     * Records activity without a change of fields (a reply, a note, an attachment): {@code updated_at}
     * and who acted, which marks the ticket unread for everyone else; the version is kept.
     *
     * @param publicActivity whether the requester sees it (a public reply or an attachment)
     */
    public void touch(long id, long actorId, boolean publicActivity) {
        queries.touch(id, actorId, publicActivity);
    }
}
