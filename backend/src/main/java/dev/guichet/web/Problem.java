package dev.guichet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem details body, the shape of every error the API returns.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} when only the status matters)
 * @param title  a short, stable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail a human-readable explanation of this occurrence, safe to show to the user
 * @param errors for validation failures, one entry per offending field; otherwise absent
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable List<FieldError> errors) {

    /** The media type of problem details (RFC 9457 §3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid input field.
     *
     * @param field   the field name as the client sent it (snake_case), or a query parameter name
     * @param message why it was refused
     */
    @Serdeable
    public record FieldError(String field, String message) {}
}
