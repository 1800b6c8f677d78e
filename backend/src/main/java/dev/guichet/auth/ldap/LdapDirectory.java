package dev.guichet.auth.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the LDAP / Active Directory server with the UnboundID LDAP SDK: finds a user entry with the
 * configured filter (the login name escaped by {@link Filter#encodeValue}, RFC 4515 §3, so
 * {@code *)(uid=*} is a literal, not a filter), then binds as that entry with the typed password
 * (simple bind, RFC 4513 §5.1.3). Connections use LDAPS or StartTLS, trusting the JVM's trust store;
 * plain LDAP only with {@code LDAP_ALLOW_PLAIN=true}.
 *
 * <p>A login binds as the person, so it gets a connection of its own. Reading entries by DN (on
 * directory accounts' requests, and the nightly sync) goes through one {@link LDAPConnectionPool}
 * bound as the service account, created on first use: up to {@value #POOLED_CONNECTIONS}
 * connections kept open, more opened (and closed after use) only when that many are busy at once.
 */
@Singleton
public class LdapDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);
    /** Connections the pool keeps open. */
    static final int POOLED_CONNECTIONS = 10;

    private final LdapSettings settings;
    private LDAPConnectionPool pool;

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
    public record Person(String dn, String email, String fullName, List<String> groups) {}

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
        if (username == null
                || username.isBlank()
                || username.chars().anyMatch(Character::isISOControl)
                || password == null
                || password.isEmpty()) {
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
     * Reads a directory account's entry by DN, through the pool (a directory account's request, the
     * nightly sync). The entry must still match {@code LDAP_USER_FILTER}, its {@code {0}} read as
     * {@code *} (any login name): an entry that left a group or state the filter requires counts
     * as gone, as it could no longer sign in.
     *
     * @param dn the entry's distinguished name (the account's external id)
     * @return the entry, or empty when it no longer exists or no longer matches the user filter
     * @throws Unavailable when the directory cannot be reached or refuses the service account
     */
    public Optional<Person> find(String dn) throws Unavailable {
        try {
            SearchResult result = pool().search(new SearchRequest(
                    dn, SearchScope.BASE, Filter.create(settings.userFilter().replace("{0}", "*")), attributes()));
            return result.getEntryCount() == 1
                    ? Optional.of(person(result.getSearchEntries().getFirst()))
                    : Optional.empty();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw new Unavailable("LDAP error: " + e.getResultCode(), e);
        }
    }

    /** Closes the pool's connections when Guichet stops. */
    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    private String[] attributes() {
        return new String[] {settings.emailAttribute(), settings.nameAttribute(), settings.groupsAttribute()};
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
        return new Person(
                entry.getDN(),
                email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT),
                entry.getAttributeValue(settings.nameAttribute()),
                groups);
    }

    /** The URL's host and port, whether it is LDAPS, and the options every connection uses. */
    private record Endpoint(LDAPURL url, boolean ldaps, LDAPConnectionOptions options, SSLUtil ssl) {}

    private Endpoint endpoint() throws LDAPException, Unavailable {
        LDAPURL url = new LDAPURL(settings.url());
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (!ldaps && !settings.startTls() && !settings.allowPlain()) {
            throw new Unavailable(
                    "Refusing plain LDAP: use ldaps://, LDAP_START_TLS=true, or LDAP_ALLOW_PLAIN=true", null);
        }
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.timeoutMillis());
        options.setResponseTimeoutMillis(settings.timeoutMillis());
        // The server's certificate must name the host we asked for (RFC 6125), not just chain to a trusted CA.
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        return new Endpoint(url, ldaps, options, new SSLUtil(defaultTrust()));
    }

    /**
     * The pool, created on first use with no connection yet (so a directory down at that moment
     * does not fail it); each new connection is set up as {@link #connect} does: TLS, then the
     * service account's bind.
     */
    private synchronized LDAPConnectionPool pool() throws LDAPException, Unavailable {
        if (pool == null) {
            Endpoint endpoint = endpoint();
            BindRequest bind = settings.bindDn().isBlank()
                    ? null
                    : new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
            try {
                ServerSet server = new SingleServerSet(
                        endpoint.url().getHost(),
                        endpoint.url().getPort(),
                        endpoint.ldaps() ? endpoint.ssl().createSSLSocketFactory() : null,
                        endpoint.options(),
                        bind,
                        !endpoint.ldaps() && settings.startTls()
                                ? new StartTLSPostConnectProcessor(
                                        endpoint.ssl().createSSLContext())
                                : null);
                LDAPConnectionPool created = new LDAPConnectionPool(server, bind, 0, POOLED_CONNECTIONS);
                created.setConnectionPoolName("guichet-ldap");
                // A connection the server closed while idle (Active Directory: after 15 min) is replaced and the search
                // run again.
                created.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH));
                pool = created;
            } catch (GeneralSecurityException e) {
                throw new Unavailable("TLS set-up failed", e);
            }
        }
        return pool;
    }

    private LDAPConnection connect() throws LDAPException, Unavailable {
        Endpoint endpoint = endpoint();
        LDAPURL url = endpoint.url();
        LDAPConnection connection;
        try {
            connection = endpoint.ldaps()
                    ? new LDAPConnection(
                            endpoint.ssl().createSSLSocketFactory(), endpoint.options(), url.getHost(), url.getPort())
                    : new LDAPConnection(endpoint.options(), url.getHost(), url.getPort());
            if (!endpoint.ldaps() && settings.startTls()) {
                SSLContext context = endpoint.ssl().createSSLContext();
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
