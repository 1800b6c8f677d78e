package dev.guichet.auth.ldap;

import static dev.guichet.auth.ldap.TestDirectory.ADMIN;
import static dev.guichet.auth.ldap.TestDirectory.ADMINS;
import static dev.guichet.auth.ldap.TestDirectory.ADMIN_PASSWORD;
import static dev.guichet.auth.ldap.TestDirectory.JEANNE;
import static dev.guichet.auth.ldap.TestDirectory.JEANNE_PASSWORD;
import static dev.guichet.auth.ldap.TestDirectory.TECHNICIANS;
import static dev.guichet.auth.ldap.TestDirectory.USERS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.TokenResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.user.Role;
import dev.guichet.user.UserResponse;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory has its say on every request of a directory account (LDAP_RECHECK_SECONDS=0, the
 * default): a group move, a removal from the directory or from the group the user filter requires
 * changes the very next request; a directory that cannot be reached leaves the stored state in force.
 */
class LdapRecheckTest extends ApiTest {

    private final TestDirectory directory = new TestDirectory();

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = directory.properties();
        properties.put("guichet.ldap.retry-seconds", "1");
        return properties;
    }

    @AfterAll
    void stopDirectory() {
        directory.stop();
    }

    @BeforeEach
    void fillDirectory() {
        directory.start();
        directory.fill();
    }

    private String ldapLogin(String username, String password) {
        Api.Response tokens =
                api.post("/api/v1/auth/ldap/login", null, new AuthRequests.DirectoryLogin(username, password));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.as(TokenResponse.class).accessToken();
    }

    private int listUsers(String token) {
        return api.get("/api/v1/users", token).status();
    }

    @Test
    void anAdminMovedToTheTechnicianGroupLosesAdminRightsOnTheNextRequest() {
        String admin = ldapLogin("admin", ADMIN_PASSWORD);
        assertEquals(200, listUsers(admin));

        directory.groups(ADMIN, USERS, TECHNICIANS);

        assertEquals(403, listUsers(admin));
        // The role change ended the account's sessions, as one made in Guichet does.
        assertProblem(401, api.get("/api/v1/me", admin));
        assertEquals(
                Role.TECHNICIAN,
                api.get("/api/v1/me", ldapLogin("admin", ADMIN_PASSWORD))
                        .as(UserResponse.class)
                        .role());
    }

    @Test
    void aTechnicianMovedToTheAdminGroupGetsAdminRightsOnTheNextRequest() {
        String jeanne = ldapLogin("jdupont", JEANNE_PASSWORD);
        assertEquals(403, listUsers(jeanne));

        directory.groups(JEANNE, USERS, ADMINS);

        assertEquals(200, listUsers(jeanne));
    }

    @Test
    void anAccountDeletedFromTheDirectoryIsRefusedOnTheNextRequestAndDeactivated() {
        TokenResponse tokens = api.post(
                        "/api/v1/auth/ldap/login", null, new AuthRequests.DirectoryLogin("jdupont", JEANNE_PASSWORD))
                .as(TokenResponse.class);
        String jeanne = tokens.accessToken();
        assertEquals(200, api.get("/api/v1/me", jeanne).status());

        directory.delete(JEANNE);

        assertProblem(401, api.get("/api/v1/me", jeanne));
        assertProblem(401, api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(tokens.refreshToken())));
        assertFalse(active("jeanne.dupont@acme.test"));
    }

    @Test
    void anAccountRemovedFromTheGroupTheUserFilterRequiresIsRefusedOnTheNextRequest() {
        String jeanne = ldapLogin("jdupont", JEANNE_PASSWORD);

        directory.groups(JEANNE, TECHNICIANS);

        assertProblem(401, api.get("/api/v1/me", jeanne));
        assertFalse(active("jeanne.dupont@acme.test"));
    }

    @Test
    void whileTheDirectoryIsDownRequestsAreServedWithTheStoredStateThenItsAnswerAppliesAgain() {
        String admin = ldapLogin("admin", ADMIN_PASSWORD);
        double unavailableBefore = meters.counter("guichet.ldap.unavailable").count();

        directory.stop();
        directory.groups(ADMIN, USERS, TECHNICIANS);

        assertEquals(200, listUsers(admin));
        assertEquals(
                Role.ADMIN, api.get("/api/v1/me", admin).as(UserResponse.class).role());
        assertEquals(
                unavailableBefore + 2,
                meters.counter("guichet.ldap.unavailable").count());

        // Back up: once LDAP_RETRY_SECONDS (1 s here) has passed, one request asks again and finds the move.
        directory.start();
        int status = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> listUsers(admin), answered -> answered != 200);
        assertEquals(403, status);
    }

    private boolean active(String email) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT active FROM users WHERE email = ?", ps -> {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }));
    }
}
