package dev.guichet.support;

import dev.guichet.web.PageResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A thin HTTP client for tests: sends raw requests (so malformed bodies can be sent too) and
 * returns status, headers and the body, whatever the status; the body is read as the API's own
 * response records.
 */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    public Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    /** @param body a Map/record serialized to JSON, a String sent as is, or null for no body */
    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    /** Like {@link #send(String, String, String, Object)}, with extra request headers. */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String raw = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(
                            method,
                            raw == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(raw));
            if (raw != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts one file as the multipart part {@code file}, as a browser's form would. */
    public Response upload(String path, String token, String fileName, String contentType, byte[] content) {
        String boundary = "----guichet-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName.replace("\"", "%22") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> download(String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response: status, headers, raw body, and the body read as one of the API's own response
     * records ({@link #as}, {@link #asList}, {@link #page}). {@link #map()} is only for the tests
     * that check the JSON on the wire itself (a field that must be absent, the problem+json shape).
     */
    public record Response(int status, Map<String, List<String>> headers, String body, JsonMapper json) {

        /** @return the body read as {@code type}, e.g. {@code as(TicketResponse.class)} */
        public <T> T as(Class<T> type) {
            return as(Argument.of(type));
        }

        /** @return the body read as a generic type, e.g. {@code as(Argument.mapOf(TicketStatus.class, Long.class))} */
        public <T> T as(Argument<T> type) {
            try {
                return json.readValue(body, type);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Not a " + type.getTypeName() + ": " + this, e);
            }
        }

        /** @return the body read as a JSON array of {@code type} */
        public <T> List<T> asList(Class<T> type) {
            return as(Argument.listOf(type));
        }

        /** @return the body read as a {@link PageResponse} of {@code type} */
        @SuppressWarnings("unchecked")
        public <T> PageResponse<T> page(Class<T> type) {
            return as((Argument<PageResponse<T>>) (Argument<?>) Argument.of(PageResponse.class, type));
        }

        /** @return the body as an untyped JSON object, for tests that check the raw JSON shape */
        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) as(Object.class);
        }

        /** @return the first value of a response header, whatever its case, or null */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
