package dev.guichet.auth.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.guichet.auth.AuthRequests;
import dev.guichet.auth.TokenResponse;
import dev.guichet.support.Api;
import dev.guichet.support.ApiTest;
import dev.guichet.support.TestDatabase;
import dev.guichet.user.Role;
import dev.guichet.user.UserResponse;
import dev.guichet.web.Problem;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directory login against a real LDAP server started in the test (UnboundID's in-memory directory
 * server): bind authentication, roles from groups, LDAP-injection attempts in the login name, the
 * throttle, and the nightly sync that deactivates accounts removed from the directory.
 */
class LdapLoginTest extends ApiTest {

    private static final String BASE = "dc=acme,dc=test";
    private static final String JEANNE_PASSWORD = "Jeanne-dir-Pass-2026";
    private final InMemoryDirectoryServer directory = startDirectory();

    @Inject
    LdapSync sync;

    private static InMemoryDirectoryServer startDirectory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            config.setSchema(null);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.startListening();
            return server;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("guichet.ldap.url", "ldap://localhost:" + directory.getListenPort());
        properties.put("guichet.ldap.allow-plain", "true");
        properties.put("guichet.ldap.bind-dn", "cn=guichet,ou=services," + BASE);
        properties.put("guichet.ldap.bind-password", "service-secret");
        properties.put("guichet.ldap.user-base", "ou=people," + BASE);
        properties.put("guichet.ldap.technician-groups", "helpdesk-techs");
        properties.put("guichet.ldap.admin-groups", "helpdesk-admins");
        return properties;
    }

    @AfterAll
    void stopDirectory() {
        directory.shutDown(true);
    }

    @BeforeEach
    void fillDirectory() throws Exception {
        directory.clear();
        directory.add("dn: " + BASE, "objectClass: domain", "dc: acme");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
        directory.add(
                "dn: cn=guichet,ou=services," + BASE,
                "objectClass: person",
                "cn: guichet",
                "sn: guichet",
                "userPassword: service-secret");
        directory.add(
                "dn: uid=jdupont,ou=people," + BASE,
                "objectClass: inetOrgPerson",
                "objectClass: organizationalPerson",
                "objectClass: person",
                "uid: jdupont",
                "cn: Jeanne Dupont",
                "sn: Dupont",
                "mail: Jeanne.Dupont@acme.test",
                "userPassword: " + JEANNE_PASSWORD,
                "memberOf: cn=helpdesk-techs,ou=groups," + BASE);
        directory.add(
                "dn: uid=admin,ou=people," + BASE,
                "objectClass: inetOrgPerson",
                "objectClass: organizationalPerson",
                "objectClass: person",
                "uid: admin",
                "cn: Directory Admin",
                "sn: Admin",
                "mail: admin@acme.test",
                "userPassword: another-Secret-99",
                "memberOf: cn=helpdesk-admins,ou=groups," + BASE);
    }

    private Api.Response ldapLogin(String username, String password) {
        return api.post("/api/v1/auth/ldap/login", null, new AuthRequests.DirectoryLogin(username, password));
    }

    private String accessToken(String username, String password) {
        Api.Response tokens = ldapLogin(username, password);
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.as(TokenResponse.class).accessToken();
    }

    private UserResponse me(String token) {
        return api.get("/api/v1/me", token).as(UserResponse.class);
    }

    @Test
    void aTechnicianSignsInWithTheDirectoryPasswordAndTheRoleFollowsTheGroup() {
        Api.Response tokens = ldapLogin("jdupont", JEANNE_PASSWORD);
        assertEquals(200, tokens.status(), tokens::toString);
        TokenResponse pair = tokens.as(TokenResponse.class);
        UserResponse me = me(pair.accessToken());
        assertEquals(
                List.of("jeanne.dupont@acme.test", "Jeanne Dupont", Role.TECHNICIAN),
                List.of(me.email(), me.fullName(), me.role()));
        assertEquals(
                200,
                api.post("/api/v1/auth/refresh", null, new AuthRequests.Refresh(pair.refreshToken()))
                        .status());
        // The email works as a login name too, and finds the same account.
        assertEquals(
                me.id(),
                me(accessToken("jeanne.dupont@acme.test", JEANNE_PASSWORD)).id());
        // The directory password is not a Guichet password.
        assertProblem(401, login("jeanne.dupont@acme.test", JEANNE_PASSWORD));
    }

    @Test
    void aLocalAccountWithTheSameEmailIsLinkedAndItsOldPasswordNoLongerSignsIn() {
        users.create(new dev.guichet.user.UserRequests.CreateUser(
                "jeanne.dupont@acme.test", "Jeanne", PASSWORD, dev.guichet.user.Role.EMPLOYEE, "fr"));
        assertEquals(200, login("jeanne.dupont@acme.test", PASSWORD).status());

        Api.Response directory = ldapLogin("jdupont", JEANNE_PASSWORD);
        assertEquals(200, directory.status(), directory::toString);
        assertEquals(
                Role.TECHNICIAN,
                me(directory.as(TokenResponse.class).accessToken()).role());

        // The old Guichet password cannot get around the company's sign-in (and its MFA).
        assertEquals(
                "https://guichet.dev/problems/use-company-sign-in",
                assertProblem(403, login("jeanne.dupont@acme.test", PASSWORD)).type());
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsRefusedTheSameWay() {
        Problem wrong = assertProblem(401, ldapLogin("jdupont", "not-her-password"));
        Problem unknown = assertProblem(401, ldapLogin("nobody", "not-her-password"));
        assertEquals(wrong.detail(), unknown.detail());
        assertProblem(400, ldapLogin("jdupont", ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "j*",
                "*)(uid=*",
                "admin)(|(uid=*",
                "jdupont)(objectClass=*",
                "*)(|(mail=*))",
                "jdupont\u0000"
            })
    void filterInjectionInTheLoginNameFindsNobody(String username) {
        // Unescaped, "j*" would match jdupont alone and her password would sign in as her.
        Api.Response response = ldapLogin(username, JEANNE_PASSWORD);
        assertEquals(401, response.status(), response::toString);
    }

    @Test
    void failedDirectoryLoginsLockTheLoginName() {
        Api.Response last = null;
        for (int i = 0; i < 11; i++) {
            last = ldapLogin("jdupont", "guess-" + i);
        }
        assertEquals(
                "https://guichet.dev/problems/account-locked",
                assertProblem(429, last).type());
        assertEquals(429, ldapLogin("jdupont", JEANNE_PASSWORD).status());
    }

    @Test
    void theNightlySyncDeactivatesAccountsRemovedFromTheDirectoryAndEndsTheirSessions() throws LDAPException {
        String jeanne = accessToken("jdupont", JEANNE_PASSWORD);
        String admin = accessToken("admin", "another-Secret-99");
        assertEquals(Role.ADMIN, me(admin).role());
        directory.delete("uid=jdupont,ou=people," + BASE);
        directory.modify(
                "uid=admin,ou=people," + BASE,
                new Modification(ModificationType.REPLACE, "memberOf", "cn=helpdesk-techs,ou=groups," + BASE));

        LdapSync.Result result = sync.runOnce("2026-12-04").orElseThrow();

        assertEquals(List.of(2, 1, 1), List.of(result.checked(), result.deactivated(), result.roleChanges()));
        assertProblem(401, api.get("/api/v1/me", jeanne));
        assertProblem(401, ldapLogin("jdupont", JEANNE_PASSWORD));
        // The demoted admin's earlier token no longer works; a new login is a technician's.
        assertProblem(401, api.get("/api/v1/me", admin));
        assertEquals(
                Role.TECHNICIAN, me(accessToken("admin", "another-Secret-99")).role());
        // A second replica asking for the same night's run does nothing.
        assertTrue(sync.runOnce("2026-12-04").isEmpty());
    }

    @Test
    void plainLdapIsRefusedUnlessExplicitlyAllowed() {
        LdapSettings plain = new LdapSettings(
                "ldap://localhost:" + directory.getListenPort(),
                false,
                false,
                "",
                "",
                "ou=people," + BASE,
                "(uid={0})",
                "mail",
                "cn",
                "memberOf",
                "",
                "",
                2000,
                false,
                0,
                30);
        assertThrows(
                LdapDirectory.Unavailable.class,
                () -> new LdapDirectory(plain).authenticate("jdupont", JEANNE_PASSWORD));
    }
}
