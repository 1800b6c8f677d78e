package dev.guichet.live;

import dev.guichet.auth.Caller;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The event streams open on this replica. {@link LiveEventListener} hands it every committed event
 * and each stream receives those its caller may see ({@link LiveEvent#visibleTo}). On shutdown it
 * ends every stream at once: a stream never finishes by itself, and the graceful shutdown would
 * otherwise wait its whole grace period for them (the clients reconnect, to another replica, and
 * replay what they missed).
 */
@Singleton
public class LiveEventHub implements GracefulShutdownCapable {

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /**
     * Starts delivering events to a stream until {@link Subscription#close()}.
     *
     * @param caller   whose visibility rule filters the events
     * @param onEvent  receives each visible event, on the listener's thread; must not block
     * @param onResync called when events may have been lost (the listener lost its connection)
     * @param onEnd    called when the stream must end (the server is shutting down)
     * @return the subscription, to close when the stream ends
     */
    public Subscription subscribe(Caller caller, Consumer<LiveEvent> onEvent, Runnable onResync, Runnable onEnd) {
        Subscription subscription = new Subscription(caller, onEvent, onResync, onEnd);
        subscriptions.add(subscription);
        return subscription;
    }

    /** @return the number of streams open on this replica */
    public int size() {
        return subscriptions.size();
    }

    void publish(LiveEvent event) {
        for (Subscription subscription : subscriptions) {
            if (event.visibleTo(subscription.caller)) {
                subscription.onEvent.accept(event);
            }
        }
    }

    void resyncAll() {
        subscriptions.forEach(subscription -> subscription.onResync.run());
    }

    /** Ends every open stream; they unsubscribe as they close. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        subscriptions.forEach(subscription -> subscription.onEnd.run());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(subscriptions.size());
    }

    /** One open stream; {@link #close()} stops its deliveries. */
    public final class Subscription implements AutoCloseable {

        private final Caller caller;
        private final Consumer<LiveEvent> onEvent;
        private final Runnable onResync;
        private final Runnable onEnd;

        private Subscription(Caller caller, Consumer<LiveEvent> onEvent, Runnable onResync, Runnable onEnd) {
            this.caller = caller;
            this.onEvent = onEvent;
            this.onResync = onResync;
            this.onEnd = onEnd;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
