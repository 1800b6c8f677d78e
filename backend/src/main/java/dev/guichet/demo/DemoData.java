package dev.guichet.demo;

import dev.guichet.auth.Caller;
import dev.guichet.category.Category;
import dev.guichet.category.CategoryRepository;
import dev.guichet.ticket.Priority;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.ticket.TicketService;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserService;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo helpdesk: demo employees and technicians, the categories of the real Endava
 * ticket set, and its tickets, all through the services a user's request goes through (accounts
 * through {@link UserService}, tickets through {@link TicketService}). Idempotent: people are
 * matched by email, categories by name and tickets by their row reference ({@code endava:<row>}),
 * so a second load changes nothing. Imported tickets send no notifications. See
 * {@code resources/demo/SOURCE.md} for the data and how its fields are mapped.
 */
@Singleton
public class DemoData {

    /** Password of every demo account; printed by {@code make run}. */
    public static final String DEMO_PASSWORD = "guichet-demo-2026";
    /** Demo accounts: email, full name, role. */
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
    private static final int BATCH = 500;
    private static final int TITLE_WORDS = 8;

    private final UserRepository users;
    private final UserService userService;
    private final CategoryRepository categories;
    private final TicketService tickets;
    private final TransactionOperations<Connection> transactions;

    DemoData(UserRepository users, UserService userService, CategoryRepository categories, TicketService tickets,
             TransactionOperations<Connection> transactions) {
        this.users = users;
        this.userService = userService;
        this.categories = categories;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    /**
     * Loads (or completes) the demo helpdesk.
     *
     * @param limit load at most this many tickets (the first rows of the file); 0 or less = all
     * @return how many tickets this call created (0 when everything was already there)
     */
    public int load(int limit) {
        List<User> employees = new ArrayList<>();
        for (DemoPerson person : PEOPLE) {
            User user = users.findByEmail(person.email()).orElseGet(() -> userService.create(
                    new UserRequests.CreateUser(person.email(), person.fullName(), DEMO_PASSWORD, person.role(), "fr")));
            if (user.role() == Role.EMPLOYEE) {
                employees.add(user);
            }
        }
        Map<String, Original> originals = readOriginalLayout();
        Map<String, Long> categoryIds = new HashMap<>();
        int created = 0;
        List<CSVRecord> batch = new ArrayList<>(BATCH);
        try (CSVParser rows = open(TICKETS)) {
            for (CSVRecord row : rows) {
                if (limit > 0 && row.getRecordNumber() > limit) {
                    break;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    created += loadBatch(batch, employees, originals, categoryIds);
                    batch.clear();
                }
            }
            created += loadBatch(batch, employees, originals, categoryIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Demo data: {} tickets created", created);
        return created;
    }

    private int loadBatch(List<CSVRecord> batch, List<User> employees, Map<String, Original> originals,
                          Map<String, Long> categoryIds) {
        return transactions.executeWrite(status -> {
            int created = 0;
            for (CSVRecord row : batch) {
                String document = row.get("Document").strip();
                if (document.isEmpty()) {
                    continue;
                }
                Long categoryId = categoryIds.computeIfAbsent(row.get("Topic_group").strip(), this::categoryId);
                Original original = originals.get(document);
                String title = original != null && !original.title().isBlank() ? original.title() : firstWords(document);
                Priority priority = original != null ? original.priority() : null;
                User requester = employees.get((int) (row.getRecordNumber() % employees.size()));
                var request = new TicketRequests.CreateTicket(title, document, priority, categoryId);
                if (tickets.create(new Caller(requester.id(), requester.role()), request,
                        "endava:" + row.getRecordNumber()).isPresent()) {
                    created++;
                }
            }
            return created;
        });
    }

    private Long categoryId(String name) {
        return categories.findByNameIgnoreCase(name)
                .orElseGet(() -> categories.save(new Category(null, name, null, true, null))).id();
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
