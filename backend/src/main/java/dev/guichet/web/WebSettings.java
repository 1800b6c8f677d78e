package dev.guichet.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * How Guichet is reached over HTTP ({@code guichet.*} in application.yml, from the environment
 * variables named below; see .env.example). Read at start-up, so a bad value stops it.
 *
 * @param publicUrl       the address people open, e.g. {@code https://helpdesk.example.org} ({@code PUBLIC_URL}):
 *                        the base of the links in emails and of the OpenID Connect redirect URI
 * @param trustedProxies  comma-separated CIDR ranges or addresses of the reverse proxies whose
 *                        {@code X-Forwarded-*} headers are believed ({@code TRUSTED_PROXIES}); empty = none,
 *                        see {@link ClientAddress}
 * @param prometheusToken the bearer token a Prometheus scraper sends for {@code /prometheus}
 *                        ({@code PROMETHEUS_TOKEN}); empty = {@code /prometheus} answers 401, see
 *                        {@link PrometheusTokenFilter}
 * @throws IllegalArgumentException when {@code publicUrl} is not an absolute URL with a host
 */
@Context
@ConfigurationProperties("guichet")
public record WebSettings(
        @NotBlank String publicUrl,
        @Nullable String trustedProxies,
        @Nullable String prometheusToken) {

    /** Checks {@code PUBLIC_URL}, whose links would otherwise be broken in every email. */
    public WebSettings {
        String host = publicUrl == null ? null : URI.create(publicUrl.strip()).getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(
                    "PUBLIC_URL must be an absolute URL such as https://helpdesk.example.org, not '" + publicUrl + "'");
        }
    }

    /** @return {@code publicUrl} without trailing slashes, to append absolute paths to */
    public String baseUrl() {
        return publicUrl.strip().replaceAll("/+$", "");
    }

    /** @return the host name of {@code publicUrl}, e.g. {@code helpdesk.example.org} */
    public String host() {
        return URI.create(baseUrl()).getHost();
    }

    @Override
    public String toString() {
        // Never print the scraper's token (configuration dumps, logs).
        return "WebSettings[publicUrl=" + publicUrl + ", trustedProxies=" + trustedProxies + "]";
    }
}
