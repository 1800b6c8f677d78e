package dev.guichet.live;

import dev.guichet.auth.Caller;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The log of ticket events (table {@code ticket_events}, migration V14, written by the database in
 * the transaction of each ticket change): what a reconnecting client is replayed, and how long events
 * are kept. Its SQL is in {@link LiveEventQueries}.
 */
@Singleton
public class LiveEventLog {

    /** At most this many events are replayed to a reconnecting client; past it, it resyncs. */
    static final int REPLAY_LIMIT = 1000;

    /**
     * Ids are taken when a row is inserted, but rows become visible when their transaction
     * commits, so an event with a smaller id than the last one a client saw may commit after it.
     * A replay therefore also sends the events inserted up to this long before the client's last
     * one (sending an event twice only makes the client refetch twice). Ticket transactions last
     * milliseconds; one minute is far beyond them.
     */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(1);

    private final LiveEventQueries queries;
    private final Duration retention;

    LiveEventLog(LiveEventQueries queries, LiveSettings settings) {
        this.queries = queries;
        this.retention = settings.retention();
    }

    /**
     * The events a client missed since the event {@code lastEventId}, that {@code caller} may see,
     * oldest first.
     *
     * @return the events, or empty when they cannot be told: the event is unknown (pruned, or from
     *         another database) or more than {@link #REPLAY_LIMIT} were missed; the client must then
     *         refetch everything
     */
    public Optional<List<LiveEvent>> replay(Caller caller, long lastEventId) {
        List<LiveEvent> events =
                queries.since(lastEventId, LATE_COMMIT_MARGIN, caller.isAgent(), caller.id(), REPLAY_LIMIT + 1);
        if (events.size() > REPLAY_LIMIT || (events.isEmpty() && !queries.exists(lastEventId))) {
            return Optional.empty();
        }
        return Optional.of(events);
    }

    /**
     * Deletes the events older than {@code guichet.live.retention} (one day by default), every
     * hour. Safe on several replicas at once: each deletes what is old, whoever gets there first.
     *
     * @return the number of rows deleted
     */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    public int prune() {
        return queries.deleteOlderThan(Instant.now().minus(retention));
    }
}
