package dev.guichet.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginResponse;
import dev.guichet.ticket.TicketPage;
import dev.guichet.ticket.TicketRequests;
import dev.guichet.ticket.TicketResponse;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserService;
import dev.guichet.web.Problem;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the API tests: a running Guichet on a real PostgreSQL, emptied before each test (every
 * table but Flyway's), an HTTP client, and small named builders for people and tickets.
 */
@MicronautTest(transactional = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

    /** A password that passes the policy, shared by fixture accounts. */
    public static final String PASSWORD = "correct-horse-battery-staple";

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected JsonMapper json;

    @Inject
    protected JdbcOperations jdbc;

    @Inject
    protected TransactionOperations<Connection> tx;

    @Inject
    protected UserService users;

    protected Api api;

    @Inject
    protected dev.guichet.web.ApiRateLimit apiBudget;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeEach
    void cleanDatabase() {
        api = new Api(server.getURI(), json);
        apiBudget.forgetAll();
        tx.executeWrite(status -> jdbc.prepareStatement(
                """
                SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables
                 WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'""",
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String tables = rs.getString(1);
                        jdbc.prepareStatement(
                                "TRUNCATE " + tables + " RESTART IDENTITY CASCADE", truncate -> truncate.execute());
                        return tables;
                    }
                }));
    }

    /** A logged-in person. */
    public record Person(long id, String email, String token, String refreshToken) {}

    protected Person employee(String name) {
        return person(name, Role.EMPLOYEE);
    }

    protected Person technician(String name) {
        return person(name, Role.TECHNICIAN);
    }

    protected Person admin(String name) {
        return person(name, Role.ADMIN);
    }

    /** Creates an account through the service and logs it in through the API. */
    protected Person person(String name, Role role) {
        String email = name.toLowerCase(Locale.ROOT) + "@example.test";
        User user = users.create(new UserRequests.CreateUser(email, name, PASSWORD, role, "fr"));
        Api.Response login = login(email, PASSWORD);
        assertEquals(200, login.status(), login::toString);
        LoginResponse tokens = login.as(LoginResponse.class);
        return new Person(user.id(), email, tokens.accessToken(), tokens.refreshToken());
    }

    protected Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", null, new AuthRequests.Login(email, password));
    }

    /** Files a ticket as {@code requester} and returns its id. */
    protected long ticket(Person requester, String title, String description) {
        Api.Response created = api.post(
                "/api/v1/tickets", requester.token(), new TicketRequests.CreateTicket(title, description, null, null));
        assertEquals(201, created.status(), created::toString);
        return created.as(TicketResponse.class).id();
    }

    /**
     * Applies a PATCH with the ticket's current version and asserts it succeeded. {@code fields}
     * stays a map so that each test names only the fields it changes.
     */
    protected Api.Response change(Person who, long ticketId, Map<String, Object> fields) {
        Api.Response current = api.get("/api/v1/tickets/" + ticketId, who.token());
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("version", current.as(TicketResponse.class).version());
        Api.Response changed = api.patch("/api/v1/tickets/" + ticketId, who.token(), body);
        assertEquals(200, changed.status(), changed::toString);
        return changed;
    }

    /** @return the ids in a page of tickets, in order */
    protected static List<Long> ids(Api.Response page) {
        return page.as(TicketPage.class).items().stream()
                .map(TicketResponse::id)
                .toList();
    }

    /** Asserts a response is an RFC 9457 problem with this status, and returns its body. */
    protected static Problem assertProblem(int status, Api.Response response) {
        assertEquals(status, response.status(), response::toString);
        assertEquals("application/problem+json", response.header("content-type"), response::toString);
        Problem problem = response.as(Problem.class);
        assertEquals(status, problem.status());
        org.junit.jupiter.api.Assertions.assertNotNull(problem.type());
        org.junit.jupiter.api.Assertions.assertNotNull(problem.title());
        org.junit.jupiter.api.Assertions.assertNotNull(problem.detail());
        org.junit.jupiter.api.Assertions.assertFalse(response.body().contains("Exception"), response::toString);
        org.junit.jupiter.api.Assertions.assertFalse(
                response.body().matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*"), response::toString);
        return problem;
    }
}
