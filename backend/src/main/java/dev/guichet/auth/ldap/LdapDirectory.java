package dev.guichet.auth.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the LDAP / Active Directory server with the UnboundID LDAP SDK: finds a user entry with the
 * configured filter (the login name escaped by {@link Filter#encodeValue}, RFC 4515 §3, so
 * {@code *)(uid=*} is a literal, not a filter), then binds as that entry with the typed password
 * (simple bind, RFC 4513 §5.1.3). Connections use LDAPS or StartTLS, trusting the JVM's trust store;
 * plain LDAP only with {@code LDAP_ALLOW_PLAIN=true}.
 */
@Singleton
public class LdapDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

    private final LdapSettings settings;

    LdapDirectory(LdapSettings settings) {
        this.settings = settings;
    }

    /**
     * A directory entry, read after a successful bind or by the nightly sync.
     *
     * @param dn       the entry's distinguished name (the account's external id)
     * @param email    lower-cased email, or null when the entry has none
     * @param fullName display name, or null
     * @param groups   group DNs and their CN values
     */
    public record Person(String dn, String email, String fullName, List<String> groups) {
    }

    /** A directory that cannot be reached or is misconfigured: not the person's fault. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param username the login name as typed
     * @param password the password as typed; an empty one never reaches the server (it would be an
     *                 unauthenticated bind, RFC 4513 §5.1.2, which succeeds without checking anything)
     * @return the entry when exactly one matches and the bind succeeds; empty for a wrong name or password
     * @throws Unavailable when the directory cannot be reached or the service account is refused
     */
    public Optional<Person> authenticate(String username, String password) throws Unavailable {
        // No control characters (NUL would end the name early in some servers' C code): refused, not trimmed away.
        if (username == null || username.isBlank() || username.chars().anyMatch(Character::isISOControl)
                || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        try (LDAPConnection connection = connect()) {
            Filter filter = Filter.create(settings.userFilter().replace("{0}", Filter.encodeValue(username.strip())));
            SearchResult result = connection.search(settings.userBase(), SearchScope.SUB, filter, attributes());
            if (result.getEntryCount() != 1) {
                LOG.info("Directory login: {} entries match", result.getEntryCount());
                return Optional.empty();
            }
            SearchResultEntry entry = result.getSearchEntries().getFirst();
            try {
                connection.bind(entry.getDN(), password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return Optional.empty();
                }
                throw e;
            }
            return Optional.of(person(entry));
        } catch (LDAPException e) {
            throw new Unavailable("LDAP error: " + e.getResultCode(), e);
        }
    }

    /**
     * Reads an entry by DN (the nightly sync).
     *
     * @return the entry, or empty when it no longer exists or no longer matches the user filter's object
     * @throws Unavailable when the directory cannot be reached
     */
    public Optional<Person> find(String dn) throws Unavailable {
        try (LDAPConnection connection = connect()) {
            SearchResultEntry entry = connection.getEntry(dn, attributes());
            return Optional.ofNullable(entry).map(this::person);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw new Unavailable("LDAP error: " + e.getResultCode(), e);
        }
    }

    private String[] attributes() {
        return new String[]{settings.emailAttribute(), settings.nameAttribute(), settings.groupsAttribute()};
    }

    private Person person(SearchResultEntry entry) {
        List<String> groups = new ArrayList<>();
        String[] values = entry.getAttributeValues(settings.groupsAttribute());
        if (values != null) {
            for (String group : values) {
                groups.add(group);
                try {
                    DN dn = new DN(group);
                    if (dn.getRDN() != null) {
                        groups.add(dn.getRDN().getAttributeValues()[0]);
                    }
                } catch (LDAPException notADn) {
                    // A plain group name: kept as is.
                }
            }
        }
        String email = entry.getAttributeValue(settings.emailAttribute());
        return new Person(entry.getDN(), email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT),
                entry.getAttributeValue(settings.nameAttribute()), groups);
    }

    private LDAPConnection connect() throws LDAPException, Unavailable {
        LDAPURL url = new LDAPURL(settings.url());
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (!ldaps && !settings.startTls() && !settings.allowPlain()) {
            throw new Unavailable("Refusing plain LDAP: use ldaps://, LDAP_START_TLS=true, or LDAP_ALLOW_PLAIN=true", null);
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.timeoutMillis());
        options.setResponseTimeoutMillis(settings.timeoutMillis());
        // The server's certificate must name the host we asked for (RFC 6125), not just chain to a trusted CA.
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLUtil ssl = new SSLUtil(defaultTrust());
        LDAPConnection connection;
        try {
            connection = ldaps
                    ? new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort())
                    : new LDAPConnection(options, url.getHost(), url.getPort());
            if (!ldaps && settings.startTls()) {
                SSLContext context = ssl.createSSLContext();
                var result = connection.processExtendedOperation(new StartTLSExtendedRequest(context));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    connection.close();
                    throw new Unavailable("StartTLS refused: " + result.getResultCode(), null);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Unavailable("TLS set-up failed", e);
        }
        if (!settings.bindDn().isBlank()) {
            try {
                connection.bind(settings.bindDn(), settings.bindPassword());
            } catch (LDAPException e) {
                connection.close();
                throw new Unavailable("The service account bind was refused: " + e.getResultCode(), e);
            }
        }
        return connection;
    }

    /** The JVM's default trust store (cacerts, or javax.net.ssl.trustStore), as every TLS client in Guichet. */
    private static X509TrustManager defaultTrust() throws Unavailable {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new Unavailable("No default trust store", e);
        }
    }
}
