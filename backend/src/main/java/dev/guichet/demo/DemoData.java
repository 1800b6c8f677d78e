package dev.guichet.demo;

import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
import dev.guichet.demo.DemoQueries.Columns;
import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketHistory;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.ticket.TicketStatus;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserService;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo helpdesk: the real Endava tickets (their text, category and urgency), and a
 * simulated life around them ({@link DemoStory}): a few hundred requesters and nine technicians,
 * filing times over two years, assignments, questions, internal notes, answers, resolutions and
 * closings, each with the history row the API would have written.
 *
 * <p>The documented demo accounts go through {@link UserService}; tickets, comments and history
 * are written in bulk (one multi-row INSERT per table and batch of {@value #BATCH} tickets, two
 * batches at a time), after
 * the same checks the API makes: each ticket as a {@link TicketRequests.CreateTicket} through the
 * Bean Validation rules of the API, categories that exist and are active, and every status change
 * a legal step of {@link TicketStatus#next}; the database's own constraints apply as always.
 * The search documents are recomputed with the database's {@code ticket_search_document()}.
 *
 * <p>Idempotent: people are matched by email, categories by name, tickets by their row reference
 * ({@code endava:<row>}), so a second load changes nothing. Imported tickets send no
 * notifications. Progress (percentage, time left) is logged, and {@link DemoLoadState} tells
 * readiness that a load is running. See {@code resources/demo/SOURCE.md}.
 */
@Singleton
public class DemoData {

    /** Password of every demo account; printed by {@code make run}. */
    public static final String DEMO_PASSWORD = "guichet-demo-2026";
    /** The documented demo accounts (README, {@code make run}): email, full name, role. */
    public static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("camille.martin@demo.guichet.dev", "Camille Martin", Role.EMPLOYEE),
            new DemoPerson("lucas.bernard@demo.guichet.dev", "Lucas Bernard", Role.EMPLOYEE),
            new DemoPerson("emma.petit@demo.guichet.dev", "Emma Petit", Role.EMPLOYEE),
            new DemoPerson("nathan.roux@demo.guichet.dev", "Nathan Roux", Role.EMPLOYEE),
            new DemoPerson("chloe.fournier@demo.guichet.dev", "Chloé Fournier", Role.EMPLOYEE),
            new DemoPerson("ines.dubois@demo.guichet.dev", "Inès Dubois", Role.TECHNICIAN),
            new DemoPerson("hugo.moreau@demo.guichet.dev", "Hugo Moreau", Role.TECHNICIAN));

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String TICKETS = "/demo/endava-it-tickets.csv.gz";
    private static final String ORIGINAL_LAYOUT = "/demo/endava-it-tickets-original-layout-sample.csv.gz";
    private static final int BATCH = 2500;
    private static final int WORKERS = 2;
    private static final int TITLE_WORDS = 8;
    private static final String REF_PREFIX = "endava:";

    private final UserRepository users;
    private final UserService userService;
    private final CategoryRepository categories;
    private final TransactionOperations<Connection> transactions;
    private final Validator validator;
    private final DemoLoadState state;

    DemoData(
            UserRepository users,
            UserService userService,
            CategoryRepository categories,
            TransactionOperations<Connection> transactions,
            Validator validator,
            DemoLoadState state) {
        this.users = users;
        this.userService = userService;
        this.categories = categories;
        this.transactions = transactions;
        this.validator = validator;
        this.state = state;
    }

    /**
     * Loads (or completes) the demo helpdesk.
     *
     * @param limit load at most this many tickets (the first rows of the file); 0 or less = all
     * @return how many tickets this call created (0 when everything was already there)
     */
    public synchronized int load(int limit) {
        state.started();
        try {
            int created = loadAll(limit);
            state.finished();
            return created;
        } catch (RuntimeException e) {
            state.failed(e);
            throw e;
        }
    }

    private int loadAll(int limit) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        Map<String, Original> originals = readOriginalLayout();
        List<CSVRecord> rows = readTickets(limit);
        People people = people();
        Map<String, Long> categoryIds = new HashMap<>();
        Map<Long, String> categoryNames = new HashMap<>();
        Instant[] filed = DemoStory.filingTimes(rows.size(), now);
        Set<String> existing = existingRefs();

        List<Planned> pending = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            String ref = REF_PREFIX + row.getRecordNumber();
            if (existing.contains(ref)) {
                continue;
            }
            String document = row.get("Document").strip();
            String topic = row.get("Topic_group").strip();
            Long categoryId = categoryIds.computeIfAbsent(topic, this::categoryId);
            categoryNames.putIfAbsent(categoryId, DemoStory.CATEGORY_NAMES.getOrDefault(topic, topic));
            Original original = originals.get(document);
            String title = original != null && !original.title().isBlank() ? original.title() : firstWords(document);
            Priority priority = original != null ? original.priority() : Priority.MEDIUM;
            var request = new TicketRequests.CreateTicket(title, document, priority, categoryId);
            Set<ConstraintViolation<TicketRequests.CreateTicket>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                skipped++;
                LOG.debug("Demo ticket {} skipped: {}", ref, violations);
                continue;
            }
            long requester = people.requester(row.getRecordNumber());
            DemoStory.Life life = DemoStory.life(
                    row.getRecordNumber(),
                    filed[i],
                    now,
                    priority,
                    categoryNames.get(categoryId),
                    people.technicians());
            pending.add(new Planned(ref, title.strip(), document, priority, categoryId, requester, filed[i], life));
        }
        checkCategoriesActive(categoryIds.values());

        int total = pending.size();
        // Ticket ids in filing order, so that numbers grow with dates whatever batch ends first.
        long[] ticketIds =
                transactions.executeWrite(status -> DemoQueries.nextIds(status.getConnection(), "tickets", total));
        // Two batches at a time: PostgreSQL computes one batch's search documents while the
        // other batch is prepared and sent (the reference machine has two cores).
        ExecutorService workers = Executors.newFixedThreadPool(
                WORKERS, Thread.ofPlatform().name("demo-data-", 1).daemon(true).factory());
        int created = 0;
        try {
            List<Future<Integer>> batches = new ArrayList<>();
            for (int from = 0; from < total; from += BATCH) {
                List<Planned> batch = pending.subList(from, Math.min(total, from + BATCH));
                long[] ids = Arrays.copyOfRange(ticketIds, from, from + batch.size());
                batches.add(workers.submit(
                        () -> transactions.executeWrite(status -> writeBatch(status.getConnection(), batch, ids))));
            }
            for (Future<Integer> batch : batches) {
                created += batch.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                double done = (double) created / total;
                state.progress(created, total);
                LOG.info(
                        "Demo data: {}/{} tickets ({} %), about {} s left",
                        created, total, Math.round(done * 100), Math.round(seconds / done - seconds));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo load interrupted after " + created + " tickets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Demo load failed after " + created + " tickets (loading again completes it)", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        LOG.info(
                "Demo data: {} tickets created in {} s ({} rows skipped by validation)",
                created,
                Math.round((System.nanoTime() - start) / 1e9),
                skipped);
        return created;
    }

    // ---------------------------------------------------------------------------------------
    // People and categories

    /** The requesters (documented employees first) and technicians' ids. */
    private record People(List<Long> requesters, List<Long> technicians) {
        /** Who files ticket {@code row}: the documented employees file a share, others follow a skewed spread. */
        long requester(long row) {
            SplittableRandom random = new SplittableRandom(row * 0x9E3779B97F4A7C15L);
            if (row <= 5 || random.nextDouble() < 0.08) {
                return requesters.get((int) ((row - 1) % 5));
            }
            int others = requesters.size() - 5;
            return requesters.get(5 + (int) (others * Math.pow(random.nextDouble(), 1.7)));
        }
    }

    private People people() {
        for (DemoPerson person : PEOPLE) {
            if (users.findByEmail(person.email()).isEmpty()) {
                userService.create(new UserRequests.CreateUser(
                        person.email(), person.fullName(), DEMO_PASSWORD, person.role(), "fr"));
            }
        }
        // The others share the documented accounts' password (one hash, computed by UserService above).
        String hash = users.findByEmail(PEOPLE.getFirst().email()).orElseThrow().passwordHash();
        Set<String> taken = PEOPLE.stream().map(DemoPerson::fullName).collect(Collectors.toSet());
        taken.addAll(DemoStory.MORE_TECHNICIANS);
        Map<String, Role> generated = new LinkedHashMap<>();
        DemoStory.MORE_TECHNICIANS.forEach(name -> generated.put(name, Role.TECHNICIAN));
        DemoStory.names(DemoStory.REQUESTERS - 5, taken).forEach(name -> generated.put(name, Role.EMPLOYEE));
        List<UserRequests.CreateUser> requests = new ArrayList<>();
        for (var person : generated.entrySet()) {
            var request = new UserRequests.CreateUser(
                    DemoStory.email(person.getKey()), person.getKey(), DEMO_PASSWORD, person.getValue(), "fr");
            if (!validator.validate(request).isEmpty()) {
                throw new IllegalStateException("Invalid demo person " + person.getKey());
            }
            requests.add(request);
        }
        transactions.executeWrite(status -> {
            DemoQueries.insertPeople(status.getConnection(), requests, hash);
            return null;
        });
        List<Long> requesters = new ArrayList<>();
        PEOPLE.stream().filter(p -> p.role() == Role.EMPLOYEE).forEach(p -> requesters.add(idOf(p.email())));
        List<Long> technicians = new ArrayList<>();
        PEOPLE.stream().filter(p -> p.role() == Role.TECHNICIAN).forEach(p -> technicians.add(idOf(p.email())));
        generated.forEach(
                (name, role) -> (role == Role.TECHNICIAN ? technicians : requesters).add(idOf(DemoStory.email(name))));
        return new People(requesters, technicians);
    }

    private long idOf(String email) {
        return users.findByEmail(email).map(User::id).orElseThrow();
    }

    /** The category of a topic group, by its French name; the original name is kept in its description. */
    private Long categoryId(String topic) {
        String name = DemoStory.CATEGORY_NAMES.getOrDefault(topic, topic);
        return categories
                .findByNameIgnoreCase(name)
                .orElseGet(() -> categories.save(
                        new Category(null, name, "« " + topic + " » dans les tickets Endava", true, null)))
                .id();
    }

    /** As the API requires of a new ticket's category: it exists and is active. */
    private void checkCategoriesActive(Iterable<Long> ids) {
        for (Long id : ids) {
            if (categories.findById(id).filter(Category::active).isEmpty()) {
                throw new IllegalStateException(
                        "Demo category " + id + " is not active: reactivate it to load the demo");
            }
        }
    }

    private Set<String> existingRefs() {
        return transactions.executeRead(status -> DemoQueries.refsStartingWith(status.getConnection(), REF_PREFIX));
    }

    // ---------------------------------------------------------------------------------------
    // One batch of tickets, their comments and history

    private record Planned(
            String ref,
            String title,
            String description,
            Priority priority,
            long categoryId,
            long requester,
            Instant created,
            DemoStory.Life life) {}

    private int writeBatch(Connection c, List<Planned> batch, long[] ticketIds) {
        try {
            // See V10: the search documents are computed once per ticket at the end of the batch.
            DemoQueries.startBulkLoad(c);
            Columns tickets = new Columns(15);
            Columns comments = new Columns(6);
            Columns history = new Columns(6);
            List<Long> commentIds = new ArrayList<>();
            List<Integer> commentOwners = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Planned p = batch.get(i);
                long id = ticketIds[i];
                history.add(
                        id,
                        p.requester(),
                        TicketHistory.Field.created.name(),
                        null,
                        TicketStatus.NEW.name(),
                        p.created());
                TicketStatus status = TicketStatus.NEW;
                Long assignee = null;
                int version = 0;
                Instant resolved = null;
                Instant closed = null;
                // The first public reply of a technician, as TicketService.applyReply stamps it.
                Instant firstResponse = null;
                Instant updated = p.created();
                for (DemoStory.Event e : p.life().events()) {
                    long actor = e.actor() == null ? p.requester() : e.actor();
                    switch (e.kind()) {
                        case TAKE -> {
                            // One PATCH by the technician: status and assignee, as the agent controls send them.
                            requireStep(status, e.to(), p);
                            history.add(
                                    id, actor, TicketHistory.Field.status.name(), status.name(), e.to().name(), e.at());
                            history.add(
                                    id,
                                    actor,
                                    TicketHistory.Field.assignee.name(),
                                    null,
                                    String.valueOf(actor),
                                    e.at());
                            status = e.to();
                            assignee = actor;
                            version++;
                        }
                        case STATUS -> {
                            requireStep(status, e.to(), p);
                            history.add(
                                    id, actor, TicketHistory.Field.status.name(), status.name(), e.to().name(), e.at());
                            status = e.to();
                            version++;
                            if (status == TicketStatus.RESOLVED) {
                                resolved = e.at();
                            } else if (status == TicketStatus.CLOSED) {
                                closed = e.at();
                            }
                        }
                        case REPLY, REQUESTER_REPLY, NOTE -> {
                            boolean internal = e.kind() == DemoStory.Kind.NOTE;
                            if (e.kind() == DemoStory.Kind.REPLY && firstResponse == null && actor != p.requester()) {
                                firstResponse = e.at();
                            }
                            commentOwners.add(comments.size());
                            comments.add(id, actor, e.text(), internal, e.at(), null);
                            history.add(
                                    id,
                                    actor,
                                    (internal ? TicketHistory.Field.internal_note : TicketHistory.Field.reply).name(),
                                    null,
                                    "#" + (comments.size() - 1),
                                    e.at());
                        }
                    }
                    updated = e.at();
                }
                if (status != p.life().status()) {
                    throw new IllegalStateException("Demo ticket " + p.ref() + " ends " + status + ", not "
                            + p.life().status());
                }
                tickets.add(
                        id,
                        p.title(),
                        p.description(),
                        status.name(),
                        p.priority().name(),
                        p.categoryId(),
                        p.requester(),
                        assignee,
                        version,
                        p.ref(),
                        p.created(),
                        updated,
                        resolved,
                        closed,
                        firstResponse);
            }
            long[] ids = DemoQueries.nextIds(c, "comments", comments.size());
            for (long id : ids) {
                commentIds.add(id);
            }
            // History rows of comments name the comment's id, as the API writes them.
            history.resolveCommentRefs(4, commentIds);
            DemoQueries.insertTickets(c, tickets);
            DemoQueries.insertComments(c, comments.withIds(commentIds));
            DemoQueries.insertHistory(c, history);
            DemoQueries.indexForSearch(c, ticketIds);
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write a batch of demo tickets", e);
        }
    }

    /** A status change the lifecycle allows, as {@code TicketService.update} requires. */
    private static void requireStep(TicketStatus from, TicketStatus to, Planned p) {
        if (!from.next().contains(to)) {
            throw new IllegalStateException("Demo ticket " + p.ref() + " cannot go from " + from + " to " + to);
        }
    }

    // ---------------------------------------------------------------------------------------
    // The files

    private static List<CSVRecord> readTickets(int limit) {
        List<CSVRecord> rows = new ArrayList<>();
        try (CSVParser parser = open(TICKETS)) {
            for (CSVRecord row : parser) {
                if (limit > 0 && row.getRecordNumber() > limit) {
                    break;
                }
                if (!row.get("Document").isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Titles and urgencies from the original layout, keyed by the merged text of the main file. */
    private static Map<String, Original> readOriginalLayout() {
        Map<String, Original> byDocument = new HashMap<>();
        try (CSVParser rows = open(ORIGINAL_LAYOUT)) {
            for (CSVRecord row : rows) {
                String title = row.get("title").strip();
                String document = (title + " " + row.get("body").strip()).strip();
                byDocument.putIfAbsent(document, new Original(title, priorityOfUrgency(row.get("urgency"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byDocument;
    }

    /** Urgency codes of the original layout: 0 is the rarest and most urgent, 3 the most common. */
    static Priority priorityOfUrgency(String urgency) {
        return switch (urgency.strip()) {
            case "0" -> Priority.CRITICAL;
            case "1" -> Priority.HIGH;
            case "2" -> Priority.MEDIUM;
            default -> Priority.LOW;
        };
    }

    static String firstWords(String text) {
        String[] words = text.split("\\s+");
        String title = String.join(" ", List.of(words).subList(0, Math.min(TITLE_WORDS, words.length)));
        return title.length() > 120 ? title.substring(0, 120) : title;
    }

    private static CSVParser open(String resource) throws IOException {
        InputStream in = DemoData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Demo data " + resource + " is missing from the classpath");
        }
        Reader reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
    }

    /** A demo account. */
    public record DemoPerson(String email, String fullName, Role role) {}

    private record Original(String title, Priority priority) {}
}
