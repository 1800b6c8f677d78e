package dev.guichet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Keeps {@code /prometheus} for the scraper: it answers only a request carrying
 * {@code Authorization: Bearer $PROMETHEUS_TOKEN} (compared in constant time), and 401
 * problem+json to anyone else, or to everyone while {@code PROMETHEUS_TOKEN} is unset. The
 * scraper's header is removed once checked, so the JWT layer never sees it
 * (docs/architecture.md, "Management endpoints and outages").
 * Runs before the security filter.
 */
@ServerFilter("/prometheus")
public class PrometheusTokenFilter implements Ordered {

    private final byte[] expected;
    private final ErrorResponseProcessor<?> errors;

    PrometheusTokenFilter(WebSettings settings, ErrorResponseProcessor<?> errors) {
        String token = settings.prometheusToken();
        this.expected =
                token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        this.errors = errors;
    }

    /** @return null to let a scraper with the right token through, else the 401 answer */
    @RequestFilter
    @Nullable
    public HttpResponse<?> check(MutableHttpRequest<?> request) {
        String given = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (expected != null
                && given != null
                && MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
            request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
            return null;
        }
        return errors.processResponse(
                ErrorContext.builder(request)
                        .errorMessage("A valid PROMETHEUS_TOKEN is required")
                        .build(),
                HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"prometheus\""));
    }

    /** Before the security filter, which would otherwise try the scraper's token as a JWT. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
