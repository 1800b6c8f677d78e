package dev.guichet.live;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of {@code GET /api/v1/events} that reads the raw text/event-stream over HTTP/1.1,
 * as a browser's fetch would, and parses it line by line (WHATWG "server-sent events" format).
 */
final class EventStream implements AutoCloseable {

    /** One dispatched event; {@code id} is null when the event carried none. */
    record Received(String id, String name, String data) {}

    private static final Received END = new Received(null, "end-of-stream", "");

    final int status;
    final HttpResponse<InputStream> response;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.status = response.statusCode();
        if (status == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    static EventStream open(URI base, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/events"))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(
                                new Received(id, name == null ? "message" : name, data == null ? "" : data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            // Closed by the test, or by the server.
        } finally {
            ended = true;
            events.add(END);
        }
    }

    /** @return the next event other than a heartbeat, or fails after {@code timeout} */
    Received next(Duration timeout) {
        return await(e -> true, timeout);
    }

    /** Waits for the first event (heartbeats skipped) that matches; the ones before are kept in {@link #seen()}. */
    Received await(Predicate<Received> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Received event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    fail("no matching event within " + timeout + "; received " + seen);
                }
                if (event == END) {
                    events.add(END);
                    fail("the stream ended; received " + seen);
                }
                if (event.name().equals("heartbeat")) {
                    continue;
                }
                seen.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the server to end the stream. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return ended;
    }

    /** @return every non-heartbeat event taken so far by {@link #await} */
    List<Received> seen() {
        return seen;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
