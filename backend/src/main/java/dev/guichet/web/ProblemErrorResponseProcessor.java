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
        Locale locale = ProblemTexts.of(context.getRequest());
        Throwable cause = context.getRootCause().orElse(null);
        ApiException failure;
        if (status == 500 && cause != null && DatabaseUnavailable.is(cause)) {
            // PostgreSQL is down or restarting: a temporary condition, not a bug
            // (docs/architecture.md, "Management endpoints and outages").
            LOG.warn(
                    "Database unavailable on {} {}: {}",
                    context.getRequest().getMethod(),
                    context.getRequest().getPath(),
                    cause.toString());
            response.status(HttpStatus.SERVICE_UNAVAILABLE);
            response.header(
                    io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            failure = new ApiException(ProblemType.SERVICE_UNAVAILABLE);
        } else if (cause instanceof ApiException api) {
            failure = api;
        } else if (status >= 500) {
            LOG.error(
                    "Unexpected error on {} {}",
                    context.getRequest().getMethod(),
                    context.getRequest().getPath(),
                    cause);
            failure = new ApiException(ProblemType.INTERNAL);
        } else {
            failure = fromFrameworkErrors(context, status);
        }
        Problem problem = ProblemTexts.problem(failure, locale);
        if (problem.status() != status
                && !(cause instanceof ApiException)
                && failure.type() != ProblemType.SERVICE_UNAVAILABLE) {
            // A framework status without a type of its own (e.g. 406, 501): keep the status, word it generically.
            problem = new Problem(problem.type(), problem.title(), status, problem.detail(), problem.errors());
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * @return the problem body an {@link ApiException} is answered with, in the language of the
     *         request being served, for places that report a failure inside a successful response
     *         (per-ticket outcomes of a bulk change)
     */
    public static Problem problemOf(ApiException api) {
        return ProblemTexts.problem(api, ProblemTexts.current());
    }

    private static ApiException fromFrameworkErrors(ErrorContext context, int status) {
        List<Error> errors = context.getErrors();
        List<ApiException.FieldProblem> fieldErrors = errors.stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> ApiException.FieldProblem.of(fieldName(e.getPath().get()), "field.invalid", e.getMessage()))
                .toList();
        if (!fieldErrors.isEmpty()) {
            return ApiException.invalid(fieldErrors);
        }
        ProblemType type = ProblemType.forStatus(status);
        if (type == ProblemType.BAD_REQUEST && !errors.isEmpty()) {
            // A missing parameter, an unreadable body: the framework's message says which.
            return new ApiException(
                    type, "bad-request.because", errors.getFirst().getMessage());
        }
        // Other framework messages ("Page Not Found", "Unauthorized") say less than ours.
        return new ApiException(type);
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
}
