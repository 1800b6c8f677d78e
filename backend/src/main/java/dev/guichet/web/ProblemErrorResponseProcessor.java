package dev.guichet.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error Micronaut produces (routing, security, JSON parsing, bean validation,
 * unhandled exceptions) as RFC 9457 {@code application/problem+json}. Server errors get a generic
 * detail: the cause is logged, never sent, so no stack trace or SQL reaches a client.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
    private static final String TYPE_PREFIX = "https://guichet.dev/problems/";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem;
        if (status == 500 && cause != null && DatabaseUnavailable.is(cause)) {
            // PostgreSQL is down or restarting: a temporary condition, not a bug (issue 9, defect 11).
            LOG.warn("Database unavailable on {} {}: {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                    cause.toString());
            response.status(HttpStatus.SERVICE_UNAVAILABLE);
            response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            problem = problem("service-unavailable", 503,
                    "The service is momentarily unavailable (database unreachable). Try again in a few seconds.", null);
        } else if (cause instanceof ApiException api) {
            problem = problem(api.type(), status, api.getMessage(), api.errors().isEmpty() ? null : api.errors());
        } else if (status >= 500) {
            LOG.error("Unexpected error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
            problem = problem("internal", status, "An unexpected error occurred. It has been logged.", null);
        } else {
            problem = fromFrameworkErrors(context, status);
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * @return the problem body an {@link ApiException} is answered with, for places that report a
     *         failure inside a successful response (per-ticket outcomes of a bulk change)
     */
    public static Problem problemOf(ApiException api) {
        return problem(api.type(), api.status().getCode(), api.getMessage(), api.errors().isEmpty() ? null : api.errors());
    }

    private static Problem fromFrameworkErrors(ErrorContext context, int status) {
        List<Error> errors = context.getErrors();
        List<Problem.FieldError> fieldErrors = errors.stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(fieldName(e.getPath().get()), e.getMessage()))
                .toList();
        if (!fieldErrors.isEmpty()) {
            return problem("validation", status, "The request is invalid: " + fieldErrors.stream()
                    .map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse(""), fieldErrors);
        }
        // Security's own messages ("Unauthorized") say less than ours; other framework messages are kept.
        String detail = errors.isEmpty() || status == 401 || status == 403 ? defaultDetail(status) : errors.getFirst().getMessage();
        return problem(slug(status), status, detail, null);
    }

    /** Turns a validation path such as {@code create.request.categoryId} into {@code category_id}. */
    static String fieldName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        if (bracket > 0) {
            last = last.substring(0, bracket);
        }
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Authentication is required: send a valid, unexpired access token.";
            case 403 -> "Your role does not allow this action.";
            case 404 -> "Nothing exists at this address.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not supported.";
            default -> HttpStatus.valueOf(status).getReason();
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
    }

    private static Problem problem(String type, int status, String detail, List<Problem.FieldError> errors) {
        String title = HttpStatus.valueOf(status).getReason();
        return new Problem(TYPE_PREFIX + type, title, status, detail, errors);
    }
}
