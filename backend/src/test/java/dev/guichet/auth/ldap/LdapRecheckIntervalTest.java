package dev.guichet.auth.ldap;

import static dev.guichet.auth.ldap.TestDirectory.ADMIN;
import static dev.guichet.auth.ldap.TestDirectory.ADMIN_PASSWORD;
import static dev.guichet.auth.ldap.TestDirectory.TECHNICIANS;
import static dev.guichet.auth.ldap.TestDirectory.USERS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.TokenResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With LDAP_RECHECK_SECONDS above 0, an entry read on one request stands for the account's next
 * requests until it is that old: a change in the directory is seen after the interval, not before.
 */
class LdapRecheckIntervalTest extends ApiTest {

    private final TestDirectory directory = new TestDirectory();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = directory.properties();
        properties.put("guichet.ldap.recheck-seconds", "1");
        return properties;
    }

    @AfterAll
    void stopDirectory() {
        directory.stop();
    }

    @BeforeEach
    void fillDirectory() {
        directory.fill();
    }

    @Test
    void aGroupMoveIsSeenOnceTheEntryReadIsOlderThanTheInterval() {
        Api.Response tokens =
                api.post("/api/v1/auth/ldap/login", null, new AuthRequests.DirectoryLogin("admin", ADMIN_PASSWORD));
        String admin = tokens.as(TokenResponse.class).accessToken();
        assertEquals(200, api.get("/api/v1/users", admin).status());
        long read = System.nanoTime();

        directory.groups(ADMIN, USERS, TECHNICIANS);

        int status = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/users", admin).status(), answered -> answered != 200);
        assertEquals(403, status);
        long waitedMillis = Duration.ofNanos(System.nanoTime() - read).toMillis();
        assertEquals(
                true,
                waitedMillis >= 900,
                "the move was seen after " + waitedMillis + " ms, before the entry read had aged");
    }
}
