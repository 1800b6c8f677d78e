package dev.guichet.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A domain failure: one {@link ProblemType} (hence one HTTP status), a detail and, for validation,
 * the offending fields. Details and field messages are keys of {@code i18n/problems*.properties}
 * with {@link java.text.MessageFormat} arguments, worded in the caller's language when the problem
 * is rendered ({@link ProblemTexts}); {@link #getMessage()} is the English text, for logs.
 * {@link ApiExceptionHandler} renders every subclass, so each is mapped exactly once.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String key;
    private final Object[] args;
    private final List<FieldProblem> errors;

    /**
     * @param type the kind of problem, which sets the status
     * @param key  the detail's key in the problem texts (never SQL, stack traces or secrets)
     * @param args the detail's {@link java.text.MessageFormat} arguments
     */
    public ApiException(ProblemType type, String key, Object... args) {
        this(type, List.of(), key, args);
    }

    /** A problem whose detail is the type's own ({@code <slug>.detail}). */
    public ApiException(ProblemType type) {
        this(type, type.slug() + ".detail");
    }

    /**
     * @param type   the kind of problem
     * @param errors per-field problems, for validation failures
     * @param key    the detail's key
     * @param args   the detail's arguments
     */
    public ApiException(ProblemType type, List<FieldProblem> errors, String key, Object... args) {
        super(ProblemTexts.english(key, args), null, false, false);
        this.type = type;
        this.key = key;
        this.args = args.clone();
        this.errors = List.copyOf(errors);
    }

    /** @return the kind of problem */
    public ProblemType type() {
        return type;
    }

    /** @return the HTTP status of this failure, the type's */
    public HttpStatus status() {
        return type.status();
    }

    /** @return the key of the detail in the problem texts */
    public String key() {
        return key;
    }

    /** @return the detail's arguments */
    public Object[] args() {
        return args.clone();
    }

    /** @return per-field problems, empty unless this is a validation failure */
    public List<FieldProblem> errors() {
        return errors;
    }

    /**
     * One invalid field, to be worded in the caller's language.
     *
     * @param field the field as the client sent it (snake_case), or a query parameter name
     * @param key   the message's key in the problem texts ({@code field.*} or {@code constraint.*})
     * @param args  the message's arguments
     */
    public record FieldProblem(String field, String key, List<Object> args) {
        /** @return a field problem with these message arguments */
        public static FieldProblem of(String field, String key, Object... args) {
            return new FieldProblem(field, key, List.of(args));
        }
    }

    /**
     * 404: the resource does not exist or the caller may not know it exists.
     *
     * @param what the resource's key: {@code ticket}, {@code user}, {@code category}, {@code attachment},
     *             {@code message}, {@code canned-response}, {@code view} (detail {@code not-found.<what>})
     */
    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, "not-found." + what);
    }

    /** 403: authenticated, but the role does not allow this action; detail {@code forbidden.<key>}. */
    public static ApiException forbidden(String key, Object... args) {
        return new ApiException(ProblemType.FORBIDDEN, "forbidden." + key, args);
    }

    /** A problem of this type with the type's own detail ({@code <slug>.detail}) and its arguments. */
    public static ApiException of(ProblemType type, Object... args) {
        return new ApiException(type, type.slug() + ".detail", args);
    }

    /** 409: conflicts with the current state; a {@code CONFLICT}-status type with its own detail. */
    public static ApiException conflict(ProblemType type, Object... args) {
        return of(type, args);
    }

    /** 400 with a single offending field; message {@code field.<key>}. */
    public static ApiException invalidField(String field, String key, Object... args) {
        return invalid(List.of(FieldProblem.of(field, "field." + key, args)));
    }

    /** 400 listing the offending fields; the detail lists them in the caller's language. */
    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(ProblemType.VALIDATION, errors, "validation.detail");
    }

    /** 401: missing, bad or expired credentials; detail {@code unauthorized.<key>}. */
    public static ApiException unauthorized(String key) {
        return new ApiException(ProblemType.UNAUTHORIZED, "unauthorized." + key);
    }
}
