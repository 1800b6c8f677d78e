package dev.guichet.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Lets the single-page app own its URLs: a browser asking for {@code /tickets/42} (no such file)
 * gets {@code index.html}, and the SPA's router takes over. API, health and metrics paths keep
 * their problem+json 404.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class SpaFallback {

    /**
     * First segments that are Micronaut management endpoints (disabled or guarded, see
     * application.yml): a browser asking for them gets the 404, not the SPA (docs/architecture.md, "Management
     * endpoints and outages").
     */
    private static final java.util.Set<String> MANAGEMENT = java.util.Set.of(
            "health",
            "prometheus",
            "routes",
            "threaddump",
            "metrics",
            "flyway",
            "beans",
            "env",
            "loggers",
            "info",
            "refresh",
            "caches",
            "stop");

    private final byte[] indexHtml;
    private final ErrorResponseProcessor<?> errors;

    SpaFallback(ResourceResolver resources, ErrorResponseProcessor<?> errors) {
        this.errors = errors;
        Optional<InputStream> index = resources.getResourceAsStream("classpath:public/index.html");
        try {
            this.indexHtml = index.isPresent() ? index.get().readAllBytes() : null;
            if (index.isPresent()) {
                index.get().close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a 404 with the SPA for page navigations, and with problem+json otherwise. */
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        String path = request.getPath();
        boolean page = (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && indexHtml != null
                && !path.startsWith("/api/")
                && !MANAGEMENT.contains(firstSegment(path))
                && request.accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (page) {
            return HttpResponse.ok(indexHtml)
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .header("Cache-Control", "no-cache");
        }
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.notFound());
    }

    private static String firstSegment(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
