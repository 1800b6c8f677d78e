package dev.guichet.live;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's ear on the channel {@code guichet_events} (migration V14): one dedicated
 * PostgreSQL connection, outside the pool, that {@code LISTEN}s and hands each committed event to
 * the {@link LiveEventHub}. Every replica listens, so a change made through any of them reaches
 * the browsers connected to all of them, with no server other than PostgreSQL.
 *
 * <p>Runs on a daemon thread from server start-up. When the connection fails it is opened again
 * after 1 s, then 2, 4… up to 30 s; the notifications sent meanwhile are lost, so once it listens
 * again every open stream is told to resync.
 */
@Singleton
public class LiveEventListener implements ApplicationEventListener<ServerStartupEvent> {

    static final String CHANNEL = "guichet_events";
    private static final Logger LOG = LoggerFactory.getLogger(LiveEventListener.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LiveEventHub hub;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile Connection connection;
    private volatile boolean listening;
    private Thread thread;

    /** @param database the pool's settings ({@code datasources.default.*}), whose server and account it uses */
    LiveEventListener(LiveEventHub hub, @Named("default") BasicJdbcConfiguration database) {
        this.hub = hub;
        this.url = database.getUrl();
        credentials.setProperty("user", database.getUsername() == null ? "" : database.getUsername());
        credentials.setProperty("password", database.getPassword() == null ? "" : database.getPassword());
        credentials.setProperty("ApplicationName", "guichet-live-events");
    }

    /** Starts listening once the server is up. */
    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("guichet-live-events").start(this::run);
    }

    /** @return whether the listening connection is up (for health checks and tests) */
    public boolean isListening() {
        return listening;
    }

    /** Stops listening and closes the connection. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        boolean listenedBefore = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                connection = c;
                LiveEventQueries.listen(c, CHANNEL);
                listening = true;
                backoff = Duration.ofSeconds(1);
                if (listenedBefore) {
                    LOG.info("Listening to {} again; open event streams resync", CHANNEL);
                    hub.resyncAll();
                }
                listenedBefore = true;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn(
                            "Live events: connection to PostgreSQL lost ({}); retrying in {} s",
                            e.getMessage(),
                            backoff.toSeconds());
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
            if (notifications != null && notifications.length > 0) {
                List<Long> ids = new ArrayList<>(notifications.length);
                for (PGNotification notification : notifications) {
                    try {
                        ids.add(Long.parseLong(notification.getParameter()));
                    } catch (NumberFormatException e) {
                        LOG.debug("Ignored a notification on {} with payload {}", CHANNEL, notification.getParameter());
                    }
                }
                if (!ids.isEmpty()) {
                    LiveEventQueries.load(c, ids).forEach(hub::publish);
                }
                lastCheck = System.nanoTime();
            } else if (System.nanoTime() - lastCheck > CHECK_EVERY.toNanos()) {
                // A silent network may hide a dead connection: ask, so a failure surfaces and we reconnect.
                if (!c.isValid((int) POLL.toSeconds())) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing to stop; nothing to do.
            }
        }
    }
}
