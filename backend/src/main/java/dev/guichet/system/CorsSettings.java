package dev.guichet.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The origins allowed to call the API from another site, as Micronaut's CORS support reads them
 * ({@code micronaut.server.cors.configurations.web.allowed-origins}, from {@code ALLOWED_ORIGINS});
 * read here so {@link ProductionSafetyCheck} can refuse a wildcard.
 *
 * @param allowedOrigins comma-separated origins, e.g. {@code https://helpdesk.example.org}; empty = none
 */
@ConfigurationProperties("micronaut.server.cors.configurations.web")
public record CorsSettings(@Nullable String allowedOrigins) {}
