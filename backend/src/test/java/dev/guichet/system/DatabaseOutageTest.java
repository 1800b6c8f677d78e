package dev.guichet.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.LoginResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ScratchPostgres;
import dev.guichet.user.Role;
import dev.guichet.user.UserRequests;
import dev.guichet.user.UserService;
import dev.guichet.web.Problem;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL down (docs/architecture.md, "Management endpoints and outages"): the API answers 503
 * problem+json with Retry-After rather than a generic 500, and recovers by itself once the database
 * is back. Runs on a scratch cluster
 * of its own, which it stops and starts.
 */
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndTheApiRecovers() throws Exception {
        try (ScratchPostgres postgres = ScratchPostgres.start()) {
            Map<String, Object> props = new HashMap<>();
            props.put("datasources.default.url", postgres.jdbcUrl());
            props.put("datasources.default.username", "postgres");
            props.put("datasources.default.password", "");
            props.put("micronaut.server.port", -1);
            props.put("guichet.demo.enabled", false);
            props.put("guichet.mail.worker-enabled", false);
            try (ApplicationContext context = ApplicationContext.run(props, "test")) {
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
                Api api = new Api(server.getURI(), context.getBean(JsonMapper.class));
                context.getBean(UserService.class)
                        .create(new UserRequests.CreateUser(
                                "camille@example.test",
                                "Camille",
                                "correct-horse-battery-staple",
                                Role.EMPLOYEE,
                                "fr"));
                AuthRequests.Login credentials =
                        new AuthRequests.Login("camille@example.test", "correct-horse-battery-staple");
                Api.Response login = api.post("/api/v1/auth/login", null, credentials);
                assertEquals(200, login.status(), login::toString);
                String token = login.as(LoginResponse.class).accessToken();
                assertEquals(200, api.get("/api/v1/tickets", token).status());

                postgres.stopServer();

                for (Api.Response down : new Api.Response[] {
                    api.get("/api/v1/tickets", token), api.post("/api/v1/auth/login", null, credentials)
                }) {
                    assertEquals(503, down.status(), down::toString);
                    assertTrue(down.header("Content-Type").startsWith("application/problem+json"), down::toString);
                    assertTrue(down.as(Problem.class).type().endsWith("/service-unavailable"), down::toString);
                    assertTrue(Integer.parseInt(down.header("Retry-After")) > 0, down::toString);
                }
                assertEquals(503, api.get("/health/readiness", null).status(), "not ready while the database is down");

                postgres.startServer();

                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> api.get("/api/v1/tickets", token).status() == 200);
                assertEquals(
                        200, api.post("/api/v1/auth/login", null, credentials).status());
            }
        }
    }
}
