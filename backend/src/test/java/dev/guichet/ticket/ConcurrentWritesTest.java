package dev.guichet.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Writes that overlap on one ticket, interleaved on purpose with transactions held open on raw
 * connections, so each race happens every time rather than once in thirty runs.
 */
class ConcurrentWritesTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void overlappingRepliesAreBothFoundBySearch() throws Exception {
        Person camille = employee("Camille");
        long id = ticket(camille, "Imprimante", "Bourrage papier au deuxième étage");
        try (Connection a = connection();
                Connection b = connection()) {
            insertReply(a, id, camille.id(), "zanzibarique");
            // B's reply waits for A's row lock on the ticket, then commits after A.
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    insertReply(b, id, camille.id(), "quetzalcoatlesque");
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlocked(second);
            a.commit();
            second.get(10, TimeUnit.SECONDS);
        }

        for (String word : new String[] {"zanzibarique", "quetzalcoatlesque"}) {
            Api.Response found = api.get("/api/v1/tickets?q=" + word, camille.token());
            assertEquals(1, found.as(TicketPage.class).items().size(), () -> word + " not found: " + found);
        }
        boolean same = tx.executeRead(status -> jdbc.prepareStatement("""
                SELECT search_vector = ticket_search_document(id, title, description) FROM tickets WHERE id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }));
        assertTrue(same, "the stored search document differs from a recomputation");
    }

    @Test
    void aReplyRacingACloseIsRefusedWhenTheCloseCommitsFirst() throws Exception {
        Person camille = employee("Camille");
        long id = ticket(camille, "Imprimante", "Bourrage papier");
        CompletableFuture<Api.Response> reply;
        try (Connection close = connection()) {
            // The close holds the ticket's row lock, as TicketService.update does, while the reply arrives.
            try (PreparedStatement ps = close.prepareStatement("SELECT 1 FROM tickets WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                ps.executeQuery().close();
            }
            reply = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/v1/tickets/" + id + "/comments",
                    camille.token(),
                    new CommentController.CreateComment("Encore une question", null, null)));
            awaitBlocked(reply);
            try (PreparedStatement ps = close.prepareStatement("""
                    UPDATE tickets SET status = 'CLOSED', resolved_at = now(), closed_at = now(), version = version + 1
                     WHERE id = ?""")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            close.commit();
        }

        Api.Response answer = reply.get(10, TimeUnit.SECONDS);

        assertEquals(
                "https://guichet.dev/problems/ticket-closed",
                assertProblem(409, answer).type());
        assertEquals(0, comments(camille, id).size());
    }

    @Test
    void aReplyThatTakesTheLockFirstIsKeptAndTheCloseFollowsIt() {
        Person camille = employee("Camille");
        Person theo = technician("Theo");
        long id = ticket(camille, "Imprimante", "Bourrage papier");
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + id + "/comments",
                                camille.token(),
                                new CommentController.CreateComment("Merci", null, null))
                        .status());
        change(theo, id, Map.of("status", "IN_PROGRESS"));
        change(theo, id, Map.of("status", "RESOLVED"));
        change(camille, id, Map.of("status", "CLOSED"));

        assertProblem(
                409,
                api.post(
                        "/api/v1/tickets/" + id + "/comments",
                        camille.token(),
                        new CommentController.CreateComment("Et après ?", null, null)));
        assertEquals(1, comments(camille, id).size());
    }

    private List<CommentController.CommentResponse> comments(Person who, long ticketId) {
        return api.get("/api/v1/tickets/" + ticketId + "/comments", who.token())
                .asList(CommentController.CommentResponse.class);
    }

    private Connection connection() throws SQLException {
        Connection connection =
                DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void insertReply(Connection connection, long ticketId, long authorId, String body)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO comments (ticket_id, author_id, body, internal) VALUES (?, ?, ?, false)")) {
            ps.setLong(1, ticketId);
            ps.setLong(2, authorId);
            ps.setString(3, body);
            ps.executeUpdate();
        }
    }

    /** Waits until some session waits for a row lock, i.e. the concurrent write reached the ticket's lock. */
    private void awaitBlocked(CompletableFuture<?> concurrent) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            assertFalse(concurrent.isDone() && concurrent.isCompletedExceptionally(), "the concurrent write failed");
            boolean waiting = tx.executeRead(status -> jdbc.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND datname = current_database())",
                    ps -> {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getBoolean(1);
                        }
                    }));
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the concurrent write never waited for the ticket's lock"
                + (concurrent.isDone() ? ": " + concurrent.join() : ""));
    }
}
