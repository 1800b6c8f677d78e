package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service does not start against a database whose migration failed. */
class MigrationFailureTest {

    @Test
    void aFailedMigrationStopsStartup() throws Exception {
        Map<String, String> db = TestDatabase.properties();
        String url = db.get("datasources.default.url");
        String broken = url.substring(0, url.lastIndexOf('/') + 1) + "guichet_broken_migration";
        try (var admin = DriverManager.getConnection(
                        url, db.get("datasources.default.username"), db.get("datasources.default.password"));
                var st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS guichet_broken_migration WITH (FORCE)");
            st.execute("CREATE DATABASE guichet_broken_migration");
        }
        try (var conn = DriverManager.getConnection(
                        broken, db.get("datasources.default.username"), db.get("datasources.default.password"));
                var st = conn.createStatement()) {
            // A table in the way, of another shape: V1 cannot create "users".
            st.execute("CREATE TABLE users (id text)");
        }
        Map<String, Object> props = new HashMap<>(db);
        props.put("datasources.default.url", broken);
        props.put("micronaut.server.port", -1);
        Exception failure = assertThrows(Exception.class, () -> {
            try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
                ctx.getBean(io.micronaut.runtime.server.EmbeddedServer.class).start();
            }
        });
        assertTrue(
                ProductionSafetyCheckTest.messages(failure).toLowerCase().contains("migrat"),
                ProductionSafetyCheckTest.messages(failure));
    }
}
