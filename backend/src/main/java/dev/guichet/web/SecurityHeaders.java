package dev.guichet.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Adds the browser-hardening headers to every response the server sends: API answers, the SPA's
 * static files, the docs, errors and 404s alike. Values follow the OWASP Secure Headers project.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: the SPA loads scripts, styles, fonts and API calls from
 *       its own origin only (styles may be inline: React sets style attributes), images may also be
 *       {@code data:} or {@code blob:} (previews); no framing, no foreign form targets. A response
 *       that set its own policy (attachment downloads, which are sandboxed) keeps it.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: the declared type is the only type.</li>
 *   <li>{@code X-Frame-Options: DENY}: clickjacking protection for browsers that ignore
 *       {@code frame-ancestors}.</li>
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: ticket URLs never leak to other sites.</li>
 *   <li>{@code Strict-Transport-Security} (one year, subdomains) only when the request came over
 *       HTTPS, directly or through a trusted proxy ({@link ClientAddress#isHttps}): over plain HTTP
 *       the header is meaningless and would break a development setup.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {

    /** The policy for the SPA and the API (docs/architecture.md, "Security headers"); both nginx configurations send the same string. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** One year, the minimum the HSTS preload list accepts. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ClientAddress clients;

    SecurityHeaders(ClientAddress clients) {
        this.clients = clients;
    }

    /** Sets the headers on the outgoing response, keeping a Content-Security-Policy already set. */
    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (clients.isHttps(request)) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }

    /** First in, so last out: the headers land on whatever the other filters answered too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
