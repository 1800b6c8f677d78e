package dev.guichet.live;

import dev.guichet.auth.Caller;
import dev.guichet.auth.CurrentAccountAuthenticationFactory;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * {@code GET /api/v1/events}: a server-sent event stream of the ticket events the caller may see
 * (employees: their own tickets, never an internal note; technicians and admins: everything).
 * Authenticated by the usual bearer token. Events:
 * <ul>
 *   <li>{@code ticket}, with id = the event id and data {@link LiveEventMessage};</li>
 *   <li>{@code resync}: events may have been missed; refetch everything shown;</li>
 *   <li>{@code heartbeat}, at once and then every {@code guichet.live.heartbeat} (15 s), so
 *       proxies keep the connection open; it also re-checks the account, and the stream ends
 *       once the account was deactivated, logged out everywhere or changed role.</li>
 * </ul>
 * A client that reconnects with {@code Last-Event-ID} gets the events it missed replayed
 * ({@link LiveEventLog#replay}), or {@code resync} when they cannot be told. docs/architecture.md,
 * "Live updates".
 */
@Controller("/api/v1/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "events")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class LiveEventController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveEventController.class);

    /** Events waiting for a slow client; past this the stream ends and the client replays. */
    static final int BUFFER = 256;

    private final LiveEventHub hub;
    private final LiveEventLog log;
    private final CurrentAccountAuthenticationFactory sessions;
    private final Scheduler blocking;
    private final Duration heartbeat;

    LiveEventController(
            LiveEventHub hub,
            LiveEventLog log,
            CurrentAccountAuthenticationFactory sessions,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            LiveSettings settings) {
        this.hub = hub;
        this.log = log;
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.heartbeat = settings.heartbeat();
    }

    /**
     * @param lastEventId the id of the last event the client received, when it reconnects
     * @return the stream, which ends when the client goes, the account stops being valid, the
     *         client falls more than {@link #BUFFER} events behind, or the server shuts down
     */
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(
            summary = "Live ticket events (server-sent events)",
            description = "Events `ticket` (data: "
                    + "LiveEventMessage, id: the event id), `resync` (refetch everything) and `heartbeat`. Send "
                    + "`Last-Event-ID` when reconnecting to get the events missed.")
    @ApiResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM,
                            schema = @Schema(implementation = LiveEventMessage.class)))
    public HttpResponse<Publisher<Event<Object>>> ticketEvents(
            Authentication authentication, @Nullable @Header("Last-Event-ID") String lastEventId) {
        Publisher<Event<Object>> events =
                Flux.defer(() -> open(authentication, lastEventId)).subscribeOn(blocking);
        // Tells nginx not to buffer this response, whatever its configuration.
        return HttpResponse.ok(events).header("X-Accel-Buffering", "no").header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** Subscribes first, then replays, so no event falls between the two (a duplicate may). Blocking. */
    private Flux<Event<Object>> open(Authentication authentication, @Nullable String lastEventId) {
        Caller caller = Caller.of(authentication);
        Sinks.Many<Event<Object>> live = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<Event<Object>>get(BUFFER).get());
        LiveEventHub.Subscription subscription = hub.subscribe(
                caller, event -> emit(live, ticketEvent(event)), () -> emit(live, resyncEvent()), () -> end(live));
        List<Event<Object>> first = new ArrayList<>();
        if (lastEventId != null) {
            try {
                Optional<List<LiveEvent>> missed = parse(lastEventId).flatMap(last -> log.replay(caller, last));
                missed.ifPresentOrElse(
                        list -> list.forEach(e -> first.add(ticketEvent(e))), () -> first.add(resyncEvent()));
            } catch (RuntimeException e) {
                subscription.close();
                throw e;
            }
        }
        Flux<Event<Object>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                .onBackpressureDrop()
                .publishOn(blocking)
                .map(tick -> {
                    if (tick > 0 && !sessions.stillValid(authentication)) {
                        throw new StreamEnded();
                    }
                    return Event.<Object>of("").name("heartbeat");
                });
        return Flux.concat(Flux.fromIterable(first), live.asFlux())
                .mergeWith(heartbeats)
                // The account's session ended, or the client fell behind: end the stream cleanly.
                .onErrorResume(e -> {
                    if (!(e instanceof StreamEnded)) {
                        LOG.warn("Event stream of user {} failed", caller.id(), e);
                    }
                    return Flux.empty();
                })
                .doFinally(signal -> subscription.close());
    }

    /** Events come from the listener's thread, the end from the shutdown's: one at a time. */
    private static void emit(Sinks.Many<Event<Object>> live, Event<Object> event) {
        synchronized (live) {
            if (live.tryEmitNext(event).isFailure()) {
                live.tryEmitError(new StreamEnded());
            }
        }
    }

    private static void end(Sinks.Many<Event<Object>> live) {
        synchronized (live) {
            live.tryEmitError(new StreamEnded());
        }
    }

    private static Event<Object> ticketEvent(LiveEvent event) {
        return Event.<Object>of(LiveEventMessage.of(event))
                .id(Long.toString(event.id()))
                .name("ticket");
    }

    private static Event<Object> resyncEvent() {
        return Event.<Object>of("").name("resync");
    }

    private static Optional<Long> parse(String lastEventId) {
        try {
            return Optional.of(Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ends a stream without an error response: the session ended or the client fell behind. */
    private static final class StreamEnded extends RuntimeException {
        StreamEnded() {
            super(null, null, false, false);
        }
    }
}
