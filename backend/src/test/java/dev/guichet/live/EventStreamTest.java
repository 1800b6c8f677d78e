package dev.guichet.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.comment.CommentController;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestDatabase;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events} read raw over HTTP: who is told of what, replay after a reconnect,
 * rolled-back changes, notifications from other connections (other replicas), and the end of the
 * stream when the session ends.
 */
class EventStreamTest extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String NOTE = "mot de passe du serveur: zorglub";

    @Inject
    LiveEventHub hub;

    @Inject
    LiveEventLog log;

    @Inject
    @Named("default")
    BasicJdbcConfiguration database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        // Heartbeats, and the account checks they carry, every second instead of every 15.
        properties.put("guichet.live.heartbeat", "1s");
        return properties;
    }

    EventStream stream(Person who) {
        return stream(who, null);
    }

    EventStream stream(Person who, String lastEventId) {
        EventStream stream = EventStream.open(server.getURI(), who.token(), lastEventId);
        assertEquals(200, stream.status);
        assertTrue(
                stream.response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        return stream;
    }

    void reply(Person who, long ticketId, String body) {
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + ticketId + "/comments",
                                who.token(),
                                new CommentController.CreateComment(body, null, null))
                        .status());
    }

    void note(Person who, long ticketId, String body) {
        assertEquals(
                201,
                api.post(
                                "/api/v1/tickets/" + ticketId + "/comments",
                                who.token(),
                                new CommentController.CreateComment(body, true, null))
                        .status());
    }

    static boolean is(EventStream.Received event, long ticketId, String kind) {
        return event.name().equals("ticket")
                && event.data().contains("\"ticket_id\":" + ticketId + ",")
                && event.data().contains("\"kind\":\"" + kind + "\"");
    }

    @Test
    void anAnonymousCallerIsRefused() {
        assertEquals(401, EventStream.open(server.getURI(), null, null).status);
        assertEquals(401, EventStream.open(server.getURI(), "not-a-token", null).status);
    }

    @Test
    void anEmployeeIsToldOfRepliesOnTheirTicketsButNeverOfOthersTicketsNorNotes() {
        Person camille = employee("Camille");
        Person lucas = employee("Lucas");
        Person ines = technician("Ines");
        long mine = ticket(camille, "Imprimante", "L'imprimante du 2e ne répond plus");
        long theirs = ticket(lucas, "Badge", "Mon badge ne passe plus");
        // The filing of her ticket may still be on its way when the stream opens: only what follows counts.
        long before =
                tx.executeRead(status -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM ticket_events", ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
        try (EventStream events = stream(camille)) {
            reply(lucas, theirs, "Toujours bloqué");
            note(ines, mine, NOTE);
            change(ines, theirs, Map.of("status", "IN_PROGRESS"));
            reply(ines, mine, "Pouvez-vous la redémarrer ?");

            EventStream.Received reply = events.await(e -> is(e, mine, "replied"), WAIT);
            assertNotNull(reply.id());
            assertTrue(reply.data().contains("\"event_id\":" + reply.id()), reply::data);
            // Events reach a stream in commit order: had the others been sent, they would be before.
            List<EventStream.Received> after = events.seen().stream()
                    .filter(e -> e.id() == null || Long.parseLong(e.id()) > before)
                    .toList();
            assertEquals(List.of(reply), after, () -> "only the reply, got " + events.seen());
            assertFalse(reply.data().contains("zorglub"));
        }
    }

    @Test
    void aTechnicianIsToldOfEverythingIncludingNotes() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        try (EventStream events = stream(ines)) {
            long id = ticket(camille, "Accès VPN", "Le VPN refuse mon mot de passe");
            note(ines, id, NOTE);
            change(ines, id, Map.of("status", "IN_PROGRESS"));
            reply(camille, id, "Merci");

            events.await(e -> is(e, id, "created"), WAIT);
            EventStream.Received note = events.await(e -> is(e, id, "note"), WAIT);
            assertFalse(note.data().contains("zorglub"), "a note's text never travels on the stream");
            events.await(e -> is(e, id, "changed"), WAIT);
            events.await(e -> is(e, id, "replied"), WAIT);
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id;
        String last;
        try (EventStream events = stream(camille)) {
            id = ticket(camille, "Écran", "Mon deuxième écran clignote");
            last = events.await(e -> is(e, id, "created"), WAIT).id();
        }
        reply(ines, id, "Quel modèle ?");
        change(ines, id, Map.of("status", "IN_PROGRESS"));

        try (EventStream events = stream(camille, last)) {
            EventStream.Received replied = events.await(e -> is(e, id, "replied"), WAIT);
            EventStream.Received changed = events.await(e -> is(e, id, "changed"), WAIT);
            assertTrue(Long.parseLong(replied.id()) > Long.parseLong(last));
            assertTrue(Long.parseLong(changed.id()) > Long.parseLong(replied.id()));
        }
    }

    @Test
    void aLastEventIdThatCannotBeReplayedAsksTheClientToResync() {
        Person camille = employee("Camille");
        try (EventStream events = stream(camille, "987654321")) {
            assertEquals("resync", events.next(WAIT).name());
        }
        try (EventStream events = stream(camille, "garbage")) {
            assertEquals("resync", events.next(WAIT).name());
        }
    }

    @Test
    void aChangeThatRolledBackIsNeverSent() {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Souris", "Ma souris ne clique plus");
        try (EventStream events = stream(ines)) {
            long[] rolledBack = new long[1];
            try {
                tx.executeWrite(status -> {
                    jdbc.prepareStatement(
                            "INSERT INTO ticket_history (ticket_id, actor_id, field, new_value) VALUES (?, ?, 'reply', '0')",
                            ps -> {
                                ps.setLong(1, id);
                                ps.setLong(2, ines.id());
                                return ps.executeUpdate();
                            });
                    rolledBack[0] = jdbc.prepareStatement("SELECT max(id) FROM ticket_events", ps -> {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    });
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertTrue(rolledBack[0] > 0, "the trigger appended an event inside the transaction");
            reply(ines, id, "Essayez une autre prise USB");
            EventStream.Received reply = events.await(e -> is(e, id, "replied"), WAIT);
            assertEquals(List.of(reply), events.seen());
            assertTrue(Long.parseLong(reply.id()) > rolledBack[0]);
        }
    }

    @Test
    void aNotificationFromAnotherConnectionReachesEveryReplicasStreams() throws Exception {
        Person camille = employee("Camille");
        Person ines = technician("Ines");
        long id = ticket(camille, "Clavier", "Touches collées");
        // A second replica: its own listener and hub, on a connection of its own.
        LiveEventHub otherHub = new LiveEventHub();
        Map<String, String> db = TestDatabase.properties();
        LiveEventListener otherReplica = new LiveEventListener(otherHub, database);
        BlockingQueue<LiveEvent> otherReceived = new LinkedBlockingQueue<>();
        otherHub.subscribe(
                new dev.guichet.auth.Caller(ines.id(), dev.guichet.user.Role.TECHNICIAN),
                otherReceived::add,
                () -> {},
                () -> {});
        otherReplica.onApplicationEvent(null);
        try (EventStream events = stream(ines)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!otherReplica.isListening() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(otherReplica.isListening());

            // A raw insert and NOTIFY from a plain JDBC connection, as another replica's change would be.
            Properties credentials = new Properties();
            credentials.setProperty("user", db.get("datasources.default.username"));
            credentials.setProperty("password", db.get("datasources.default.password"));
            long eventId;
            try (Connection other = DriverManager.getConnection(database.getUrl(), credentials);
                    Statement st = other.createStatement()) {
                try (ResultSet rs =
                        st.executeQuery("INSERT INTO ticket_events (ticket_id, kind, actor_id, requester_id) VALUES ("
                                + id + ", 'changed', " + ines.id() + ", " + camille.id() + ") RETURNING id")) {
                    rs.next();
                    eventId = rs.getLong(1);
                }
                st.execute("SELECT pg_notify('guichet_events', '" + eventId + "')");
            }
            EventStream.Received received = events.await(e -> is(e, id, "changed"), WAIT);
            assertEquals(Long.toString(eventId), received.id());
            LiveEvent onOther = otherReceived.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(onOther, "the other replica was told too");
            assertEquals(eventId, onOther.id());

            // And a change made through the API reaches the other replica's listener.
            reply(camille, id, "Toujours collées");
            events.await(e -> is(e, id, "replied"), WAIT);
            LiveEvent replied = otherReceived.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(replied);
            assertEquals("replied", replied.kind());
        } finally {
            otherReplica.stop();
        }
    }

    @Test
    void theStreamEndsWhenTheAccountIsLoggedOutEverywhere() throws Exception {
        Person camille = employee("Camille");
        EventStream events = stream(camille);
        try (events) {
            assertEquals(
                    204,
                    api.post("/api/v1/auth/logout-all", camille.token(), null).status());
            assertTrue(events.awaitEnd(Duration.ofSeconds(5)), "the stream outlived the session");
        }
        assertEquals(401, EventStream.open(server.getURI(), camille.token(), null).status);
    }

    @Test
    void eventsOlderThanTheRetentionArePruned() {
        Person camille = employee("Camille");
        long id = ticket(camille, "Câble", "Câble réseau arraché");
        tx.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO ticket_events (ticket_id, kind, requester_id, created_at) "
                        + "VALUES (?, 'changed', ?, now() - interval '25 hours')",
                ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, camille.id());
                    return ps.executeUpdate();
                }));
        assertEquals(1, log.prune());
        assertEquals(
                List.of("created"),
                tx.executeRead(status -> jdbc.prepareStatement("SELECT kind FROM ticket_events", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        List<String> kinds = new java.util.ArrayList<>();
                        while (rs.next()) {
                            kinds.add(rs.getString(1));
                        }
                        return kinds;
                    }
                })));
    }

    @Test
    void aGracefulShutdownEndsEveryStreamAtOnce() throws Exception {
        Person ines = technician("Ines");
        try (EventStream events = stream(ines)) {
            hub.shutdownGracefully();
            assertTrue(events.awaitEnd(Duration.ofSeconds(2)), "a stream held the shutdown");
        }
    }

    @Test
    void everyStreamLeavesTheHubWhenItCloses() throws Exception {
        Person ines = technician("Ines");
        int before = hub.size();
        try (EventStream events = stream(ines)) {
            events.response.headers();
            assertEquals(before + 1, hub.size());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.size() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, hub.size());
    }
}
