package dev.guichet.demo;

import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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

    DemoData(UserRepository users, UserService userService, CategoryRepository categories,
             TransactionOperations<Connection> transactions, Validator validator, DemoLoadState state) {
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
            DemoStory.Life life = DemoStory.life(row.getRecordNumber(), filed[i], now, priority,
                    categoryNames.get(categoryId), people.technicians());
            pending.add(new Planned(ref, title.strip(), document, priority, categoryId, requester, filed[i], life));
        }
        checkCategoriesActive(categoryIds.values());

        int total = pending.size();
        // Ticket ids in filing order, so that numbers grow with dates whatever batch ends first.
        long[] ticketIds = transactions.executeWrite(status -> nextIds(status.getConnection(), "tickets", total));
        // Two batches at a time: PostgreSQL computes one batch's search documents while the
        // other batch is prepared and sent (the reference machine has two cores).
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS,
                Thread.ofPlatform().name("demo-data-", 1).daemon(true).factory());
        int created = 0;
        try {
            List<Future<Integer>> batches = new ArrayList<>();
            for (int from = 0; from < total; from += BATCH) {
                List<Planned> batch = pending.subList(from, Math.min(total, from + BATCH));
                long[] ids = Arrays.copyOfRange(ticketIds, from, from + batch.size());
                batches.add(workers.submit(() -> transactions.executeWrite(status ->
                        writeBatch(status.getConnection(), batch, ids))));
            }
            for (Future<Integer> batch : batches) {
                created += batch.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                double done = (double) created / total;
                state.progress(created, total);
                LOG.info("Demo data: {}/{} tickets ({} %), about {} s left", created, total, Math.round(done * 100),
                        Math.round(seconds / done - seconds));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo load interrupted after " + created + " tickets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo load failed after " + created + " tickets (loading again completes it)",
                    e.getCause());
        } finally {
            workers.shutdownNow();
        }
        LOG.info("Demo data: {} tickets created in {} s ({} rows skipped by validation)", created,
                Math.round((System.nanoTime() - start) / 1e9), skipped);
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
                userService.create(new UserRequests.CreateUser(person.email(), person.fullName(), DEMO_PASSWORD,
                        person.role(), "fr"));
            }
        }
        // The others share the documented accounts' password (one hash, computed by UserService above).
        String hash = users.findByEmail(PEOPLE.getFirst().email()).orElseThrow().passwordHash();
        Set<String> taken = PEOPLE.stream().map(DemoPerson::fullName).collect(Collectors.toSet());
        taken.addAll(DemoStory.MORE_TECHNICIANS);
        Map<String, Role> generated = new LinkedHashMap<>();
        DemoStory.MORE_TECHNICIANS.forEach(name -> generated.put(name, Role.TECHNICIAN));
        DemoStory.names(DemoStory.REQUESTERS - 5, taken).forEach(name -> generated.put(name, Role.EMPLOYEE));
        transactions.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("""
                    INSERT INTO users (email, password_hash, full_name, role, locale)
                    VALUES (?, ?, ?, ?, 'fr') ON CONFLICT (email) DO NOTHING""")) {
                for (var person : generated.entrySet()) {
                    var request = new UserRequests.CreateUser(DemoStory.email(person.getKey()), person.getKey(),
                            DEMO_PASSWORD, person.getValue(), "fr");
                    if (!validator.validate(request).isEmpty()) {
                        throw new IllegalStateException("Invalid demo person " + person.getKey());
                    }
                    ps.setString(1, request.email());
                    ps.setString(2, hash);
                    ps.setString(3, request.fullName());
                    ps.setString(4, request.role().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the demo people", e);
            }
            return null;
        });
        List<Long> requesters = new ArrayList<>();
        PEOPLE.stream().filter(p -> p.role() == Role.EMPLOYEE).forEach(p -> requesters.add(idOf(p.email())));
        List<Long> technicians = new ArrayList<>();
        PEOPLE.stream().filter(p -> p.role() == Role.TECHNICIAN).forEach(p -> technicians.add(idOf(p.email())));
        generated.forEach((name, role) -> (role == Role.TECHNICIAN ? technicians : requesters)
                .add(idOf(DemoStory.email(name))));
        return new People(requesters, technicians);
    }

    private long idOf(String email) {
        return users.findByEmail(email).map(User::id).orElseThrow();
    }

    /** The category of a topic group, by its French name; the original name is kept in its description. */
    private Long categoryId(String topic) {
        String name = DemoStory.CATEGORY_NAMES.getOrDefault(topic, topic);
        return categories.findByNameIgnoreCase(name)
                .orElseGet(() -> categories.save(new Category(null, name, "« " + topic + " » dans les tickets Endava",
                        true, null))).id();
    }

    /** As the API requires of a new ticket's category: it exists and is active. */
    private void checkCategoriesActive(Iterable<Long> ids) {
        for (Long id : ids) {
            if (categories.findById(id).filter(Category::active).isEmpty()) {
                throw new IllegalStateException("Demo category " + id + " is not active: reactivate it to load the demo");
            }
        }
    }

    private Set<String> existingRefs() {
        return transactions.executeRead(status -> {
            Set<String> refs = new HashSet<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT external_ref FROM tickets WHERE external_ref LIKE 'endava:%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return refs;
        });
    }

    // ---------------------------------------------------------------------------------------
    // One batch of tickets, their comments and history

    private record Planned(String ref, String title, String description, Priority priority, long categoryId,
                           long requester, Instant created, DemoStory.Life life) {
    }

    private int writeBatch(Connection c, List<Planned> batch, long[] ticketIds) {
        try {
            try (var st = c.createStatement()) {
                // See V10: the search documents are computed once per ticket at the end of the batch.
                st.execute("SET LOCAL guichet.bulk_load = 'on'");
            }
            Columns tickets = new Columns(15);
            Columns comments = new Columns(6);
            Columns history = new Columns(6);
            List<Long> commentIds = new ArrayList<>();
            List<Integer> commentOwners = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Planned p = batch.get(i);
                long id = ticketIds[i];
                history.add(id, p.requester(), TicketHistory.Field.created.name(), null, TicketStatus.NEW.name(), p.created());
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
                            history.add(id, actor, TicketHistory.Field.status.name(), status.name(), e.to().name(), e.at());
                            history.add(id, actor, TicketHistory.Field.assignee.name(), null, String.valueOf(actor), e.at());
                            status = e.to();
                            assignee = actor;
                            version++;
                        }
                        case STATUS -> {
                            requireStep(status, e.to(), p);
                            history.add(id, actor, TicketHistory.Field.status.name(), status.name(), e.to().name(), e.at());
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
                            history.add(id, actor, (internal ? TicketHistory.Field.internal_note : TicketHistory.Field.reply).name(),
                                    null, "#" + (comments.size() - 1), e.at());
                        }
                    }
                    updated = e.at();
                }
                if (status != p.life().status()) {
                    throw new IllegalStateException("Demo ticket " + p.ref() + " ends " + status + ", not " + p.life().status());
                }
                tickets.add(id, p.title(), p.description(), status.name(), p.priority().name(), p.categoryId(),
                        p.requester(), assignee, version, p.ref(), p.created(), updated, resolved, closed, firstResponse);
            }
            long[] ids = nextIds(c, "comments", comments.size());
            for (long id : ids) {
                commentIds.add(id);
            }
            // History rows of comments name the comment's id, as the API writes them.
            history.resolveCommentRefs(4, commentIds);
            insert(c, """
                    INSERT INTO tickets (id, title, description, status, priority, category_id, requester_id, assignee_id,
                                         version, external_ref, created_at, updated_at, resolved_at, closed_at,
                                         first_response_at)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                         ?::bigint[], ?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                         ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])""",
                    tickets, "bigint", "text", "text", "text", "text", "bigint", "bigint", "bigint", "int4", "text",
                    "text", "text", "text", "text", "text");
            Columns commentRows = comments.withIds(commentIds);
            insert(c, """
                    INSERT INTO comments (id, ticket_id, author_id, body, internal, created_at)
                    SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[], ?::timestamptz[])""",
                    commentRows, "bigint", "bigint", "bigint", "text", "bool", "text");
            insert(c, """
                    INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
                    SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    ORDER BY 6""",
                    history, "bigint", "bigint", "text", "text", "text", "text");
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tickets SET search_vector = ticket_search_document(id, title, description)
                     WHERE id = ANY(?::bigint[])""")) {
                ps.setArray(1, c.createArrayOf("bigint", box(ticketIds)));
                ps.executeUpdate();
            }
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

    private static long[] nextIds(Connection c, String table, int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot allocate ids for " + table, e);
        }
        return ids;
    }

    private static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static void insert(Connection c, String sql, Columns columns, String... types) throws SQLException {
        if (columns.size() == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < types.length; i++) {
                Array array = c.createArrayOf(types[i], columns.column(i, types[i]));
                ps.setArray(i + 1, array);
            }
            ps.executeUpdate();
        }
    }

    /** Rows of values kept column by column, for one {@code unnest} INSERT. */
    private static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int size() {
            return columns.getFirst().size();
        }

        /** Replaces "#n" placeholders in a column by the id of the n-th comment. */
        void resolveCommentRefs(int column, List<Long> ids) {
            List<Object> values = columns.get(column);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String s && s.startsWith("#")) {
                    values.set(i, String.valueOf(ids.get(Integer.parseInt(s.substring(1)))));
                }
            }
        }

        /** The same rows with their ids in front, dropping the last (unused) column. */
        Columns withIds(List<Long> ids) {
            Columns with = new Columns(columns.size());
            with.columns.set(0, new ArrayList<>(ids));
            for (int i = 0; i < columns.size() - 1; i++) {
                with.columns.set(i + 1, columns.get(i));
            }
            return with;
        }

        Object[] column(int i, String type) {
            List<Object> values = columns.get(i);
            return switch (type) {
                case "bigint" -> values.stream().map(v -> v == null ? null : ((Number) v).longValue()).toArray(Long[]::new);
                case "int4" -> values.stream().map(v -> v == null ? null : ((Number) v).intValue()).toArray(Integer[]::new);
                case "bool" -> values.toArray(Boolean[]::new);
                default -> values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
            };
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
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    /** A demo account. */
    public record DemoPerson(String email, String fullName, Role role) {
    }

    private record Original(String title, Priority priority) {
    }
}
