package dev.guichet.support;

import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the real PostgreSQL the tests run against: {@code DATASOURCES_DEFAULT_URL} when set
 * (the Makefile points it at a local database), else a Testcontainers PostgreSQL where Docker
 * runs, else a clear failure. Never skips: a class that silently ran no test would hide breakage.
 */
public final class TestDatabase {

    private static Map<String, String> properties;

    private TestDatabase() {}

    /** @return datasource properties for Micronaut, the same for every test class of a run */
    public static synchronized Map<String, String> properties() {
        if (properties != null) {
            return properties;
        }
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        if (url != null && !url.isBlank()) {
            properties = Map.of(
                    "datasources.default.url",
                    url,
                    "datasources.default.username",
                    env("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                    "datasources.default.password",
                    env("DATASOURCES_DEFAULT_PASSWORD", ""));
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            properties = Map.of(
                    "datasources.default.url",
                    container.getJdbcUrl(),
                    "datasources.default.username",
                    container.getUsername(),
                    "datasources.default.password",
                    container.getPassword());
        } else {
            throw new IllegalStateException(
                    "No test database: set DATASOURCES_DEFAULT_URL to a PostgreSQL "
                            + "(make test-backend does: jdbc:postgresql://127.0.0.1:5432/guichet_test) or run Docker for Testcontainers.");
        }
        return properties;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
