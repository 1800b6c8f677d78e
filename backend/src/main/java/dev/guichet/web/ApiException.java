package dev.guichet.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A domain failure that maps to one HTTP status and a problem+json body. Subclass it per kind of
 * failure; {@link ApiExceptionHandler} renders every subclass, so each is mapped exactly once.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    /**
     * @param status the HTTP status the client receives
     * @param type   the problem type slug, appended to {@code https://guichet.dev/problems/}
     * @param detail the message shown to the user; never include SQL, stack traces or secrets
     */
    public ApiException(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    /**
     * @param status the HTTP status the client receives
     * @param type   the problem type slug
     * @param detail the message shown to the user
     * @param errors per-field errors, for validation failures
     */
    public ApiException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = errors;
    }

    /** @return the HTTP status of this failure */
    public HttpStatus status() {
        return status;
    }

    /** @return the problem type slug */
    public String type() {
        return type;
    }

    /** @return per-field errors, empty unless this is a validation failure */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** 404: the resource does not exist or the caller may not know it exists. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found");
    }

    /** 403: authenticated, but the role does not allow this action. */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    /** 409: the request conflicts with the current state of the resource. */
    public static ApiException conflict(String type, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, detail);
    }

    /** 400 with a single offending field. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 401: missing, bad or expired credentials. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }
}
