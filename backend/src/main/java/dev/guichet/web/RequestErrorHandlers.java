package dev.guichet.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bad input into 400 problems that name the offending field in the client's terms
 * (snake_case), and strip parser internals (class names, source positions) from messages.
 */
public final class RequestErrorHandlers {

    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:\\S+ )?([A-Za-z0-9_]+)]");
    private static final Pattern QUALIFIED = Pattern.compile("`?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?");

    private RequestErrorHandlers() {
    }

    /** Bean validation failures: one {@code errors} entry per violated constraint. */
    @Singleton
    @Replaces(ConstraintExceptionHandler.class)
    public static class Validation implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final ApiExceptionHandler handler;

        Validation(ApiExceptionHandler handler) {
            this.handler = handler;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            String detail = "The request is invalid: " + String.join("; ",
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".";
            return handler.handle(request, new ApiException(HttpStatus.BAD_REQUEST, "validation", detail, errors));
        }

        private static String field(Path path) {
            String last = "request";
            for (Path.Node node : path) {
                if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
                    last = node.getName();
                }
            }
            return snake(last);
        }
    }

    /** A value of the wrong type (a string for a number, an unknown enum constant, a bad query value). */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    public static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final ApiExceptionHandler handler;

        Conversion(ApiExceptionHandler handler) {
            this.handler = handler;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            String field = snake(exception.getArgument().getName());
            String message = "has a value of the wrong type";
            for (Throwable t = exception; t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof InvalidPropertyFormatException property) {
                    field = snake(property.getArgument().getName());
                    break;
                }
                Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    field = snake(m.group(1));
                }
            }
            Throwable root = exception.getConversionError().getCause();
            if (root != null && root.getMessage() != null) {
                message = message + ": " + clean(root.getMessage());
            }
            return handler.handle(request, new ApiException(HttpStatus.BAD_REQUEST, "validation",
                    "The request is invalid: " + field + " " + message + ".", List.of(new Problem.FieldError(field, message))));
        }
    }

    /** A body that is not JSON at all. */
    @Singleton
    @Replaces(JsonExceptionHandler.class)
    public static class Json implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        private final ApiExceptionHandler handler;

        Json(ApiExceptionHandler handler) {
            this.handler = handler;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return handler.handle(request, new ApiException(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The request body is not valid JSON: " + clean(exception.getMessage())));
        }
    }

    /** camelCase to snake_case, as fields appear in JSON. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Keeps the first line of a parser message and shortens qualified class names to simple names. */
    static String clean(String message) {
        String first = message.split("\\R", 2)[0].replace("Invalid JSON: ", "").strip();
        return QUALIFIED.matcher(first).replaceAll("$1");
    }
}
