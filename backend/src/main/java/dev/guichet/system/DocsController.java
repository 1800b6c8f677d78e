package dev.guichet.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Serves the OpenAPI document generated at build time ({@code META-INF/swagger/guichet.yml}) at
 * {@code /api/openapi.yml}; the Swagger UI viewer lives under {@code /api/docs/} (static files).
 */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class DocsController {

    private final byte[] document;

    DocsController() {
        try (InputStream in = DocsController.class.getResourceAsStream("/META-INF/swagger/guichet.yml")) {
            document = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI 3 document of this API, in YAML. */
    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<byte[]> openApi() {
        return document.length == 0
                ? HttpResponse.notFound()
                : HttpResponse.ok(document).contentType("application/yaml");
    }

    /** Redirects {@code /api/docs} to the viewer's index. */
    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> docs() {
        return HttpResponse.temporaryRedirect(URI.create("/api/docs/index.html"));
    }
}
