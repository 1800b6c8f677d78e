package dev.guichet.live;

import dev.guichet.auth.Caller;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The event streams open on this replica. {@link LiveEventListener} hands it every committed event
 * and each stream receives those its caller may see ({@link LiveEvent#visibleTo}).
 */
@Singleton
public class LiveEventHub {

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /**
     * Starts delivering events to a stream until {@link Subscription#close()}.
     *
     * @param caller   whose visibility rule filters the events
     * @param onEvent  receives each visible event, on the listener's thread; must not block
     * @param onResync called when events may have been lost (the listener lost its connection)
     * @return the subscription, to close when the stream ends
     */
    public Subscription subscribe(Caller caller, Consumer<LiveEvent> onEvent, Runnable onResync) {
        Subscription subscription = new Subscription(caller, onEvent, onResync);
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

    /** One open stream; {@link #close()} stops its deliveries. */
    public final class Subscription implements AutoCloseable {

        private final Caller caller;
        private final Consumer<LiveEvent> onEvent;
        private final Runnable onResync;

        private Subscription(Caller caller, Consumer<LiveEvent> onEvent, Runnable onResync) {
            this.caller = caller;
            this.onEvent = onEvent;
            this.onResync = onResync;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
