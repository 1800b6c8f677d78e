package dev.guichet.auth.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import dev.guichet.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * A real LDAP directory for tests (UnboundID's in-memory server) holding a technician and an admin,
 * both in the group the user filter requires. It listens on a fixed port, so it can be stopped and
 * started again under the same URL (a directory outage).
 */
final class TestDirectory {

    static final String BASE = "dc=acme,dc=test";
    static final String USERS = "cn=guichet-users,ou=groups," + BASE;
    static final String TECHNICIANS = "cn=helpdesk-techs,ou=groups," + BASE;
    static final String ADMINS = "cn=helpdesk-admins,ou=groups," + BASE;
    static final String JEANNE = "uid=jdupont,ou=people," + BASE;
    static final String JEANNE_PASSWORD = "Jeanne-dir-Pass-2026";
    static final String ADMIN = "uid=admin,ou=people," + BASE;
    static final String ADMIN_PASSWORD = "another-Secret-99";

    private final InMemoryDirectoryServer server;

    TestDirectory() {
        try (ServerSocket free = new ServerSocket(0)) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", free.getLocalPort()));
            config.setSchema(null);
            server = new InMemoryDirectoryServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    /** Guichet's LDAP settings for this directory; only members of {@link #USERS} may sign in. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.properties());
        properties.put("guichet.ldap.url", "ldap://localhost:" + server.getListenPort("ldap"));
        properties.put("guichet.ldap.allow-plain", "true");
        properties.put("guichet.ldap.bind-dn", "cn=guichet,ou=services," + BASE);
        properties.put("guichet.ldap.bind-password", "service-secret");
        properties.put("guichet.ldap.user-base", "ou=people," + BASE);
        properties.put(
                "guichet.ldap.user-filter", "(&(objectClass=person)(memberOf=" + USERS + ")(|(uid={0})(mail={0})))");
        properties.put("guichet.ldap.technician-groups", "helpdesk-techs");
        properties.put("guichet.ldap.admin-groups", "helpdesk-admins");
        return properties;
    }

    /** Empties the directory and adds the service account, Jeanne (technician) and the admin. */
    void fill() {
        try {
            server.clear();
            server.add("dn: " + BASE, "objectClass: domain", "dc: acme");
            server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
            server.add(
                    "dn: cn=guichet,ou=services," + BASE,
                    "objectClass: person",
                    "cn: guichet",
                    "sn: guichet",
                    "userPassword: service-secret");
            server.add(
                    "dn: " + JEANNE,
                    "objectClass: inetOrgPerson",
                    "objectClass: person",
                    "uid: jdupont",
                    "cn: Jeanne Dupont",
                    "sn: Dupont",
                    "mail: jeanne.dupont@acme.test",
                    "userPassword: " + JEANNE_PASSWORD,
                    "memberOf: " + USERS,
                    "memberOf: " + TECHNICIANS);
            server.add(
                    "dn: " + ADMIN,
                    "objectClass: inetOrgPerson",
                    "objectClass: person",
                    "uid: admin",
                    "cn: Directory Admin",
                    "sn: Admin",
                    "mail: admin@acme.test",
                    "userPassword: " + ADMIN_PASSWORD,
                    "memberOf: " + USERS,
                    "memberOf: " + ADMINS);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces an entry's groups. */
    void groups(String dn, String... groups) {
        try {
            server.modify(dn, new Modification(ModificationType.REPLACE, "memberOf", groups));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(String dn) {
        try {
            server.delete(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops listening and drops every open connection: the directory is down. */
    void stop() {
        server.shutDown(true);
    }

    /** Listens again on the same port (does nothing when already listening). */
    void start() {
        try {
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
