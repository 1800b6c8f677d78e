package dev.guichet.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

    private RequestErrorHandlers() {}

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
            List<ApiException.FieldProblem> errors = new ArrayList<>();
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                errors.add(fieldProblem(field(violation.getPropertyPath()), violation));
            }
            errors.sort(Comparator.comparing(ApiException.FieldProblem::field));
            return handler.handle(request, ApiException.invalid(errors));
        }

        /**
         * Words a violation with the problem texts' key for its constraint ({@code constraint.Size}…)
         * or for Guichet's own messages ({@link TextRules#CONTROL_CHARACTERS}), so the caller reads it
         * in their language; an unknown constraint keeps the validator's English message.
         */
        static ApiException.FieldProblem fieldProblem(String field, ConstraintViolation<?> violation) {
            String template = violation.getMessageTemplate();
            String own = TextRules.KEYS.get(template);
            if (own != null) {
                return ApiException.FieldProblem.of(field, own);
            }
            var descriptor = violation.getConstraintDescriptor();
            String constraint = descriptor == null
                    ? ""
                    : descriptor.getAnnotation().annotationType().getSimpleName();
            var attributes = descriptor == null ? java.util.Map.<String, Object>of() : descriptor.getAttributes();
            return switch (constraint) {
                case "NotBlank", "NotNull", "NotEmpty", "Positive", "PositiveOrZero", "Email", "Pattern" ->
                    ApiException.FieldProblem.of(field, "constraint." + constraint);
                case "Min", "Max" ->
                    ApiException.FieldProblem.of(field, "constraint." + constraint, attributes.get("value"));
                case "Size" -> {
                    int min = (Integer) attributes.getOrDefault("min", 0);
                    int max = (Integer) attributes.getOrDefault("max", Integer.MAX_VALUE);
                    String key = max == Integer.MAX_VALUE
                            ? "constraint.Size.min"
                            : min == 0 ? "constraint.Size.max" : "constraint.Size";
                    yield ApiException.FieldProblem.of(field, key, min, max);
                }
                default -> ApiException.FieldProblem.of(field, "field.invalid", violation.getMessage());
            };
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
            String because = null;
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
                because = clean(root.getMessage());
            }
            return handler.handle(
                    request,
                    ApiException.invalid(List.of(
                            because == null
                                    ? ApiException.FieldProblem.of(field, "field.wrong-type")
                                    : ApiException.FieldProblem.of(field, "field.wrong-type-because", because))));
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
            return handler.handle(
                    request,
                    new ApiException(
                            ProblemType.MALFORMED_JSON, "malformed-json.detail", clean(exception.getMessage())));
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
