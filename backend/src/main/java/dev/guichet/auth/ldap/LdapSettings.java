package dev.guichet.auth.ldap;

import dev.guichet.auth.GroupRoles;
import io.micronaut.context.annotation.Value;

/**
 * LDAP / Active Directory settings, from the environment (LDAP_*; see .env.example). Directory login
 * is on when {@code LDAP_URL} is set.
 *
 * @param url              {@code ldaps://host:636} or {@code ldap://host:389}
 * @param startTls         upgrade an {@code ldap://} connection with StartTLS (RFC 4511 §4.14)
 * @param allowPlain       allow an unencrypted {@code ldap://} connection (tests, a local socket); off by default
 * @param bindDn           service account that searches for the user; blank = anonymous search
 * @param bindPassword     its password
 * @param userBase         search base of user entries
 * @param userFilter       search filter, {@code {0}} standing for the escaped login name (RFC 4515 §3)
 * @param emailAttribute   attribute holding the email
 * @param nameAttribute    attribute holding the display name
 * @param groupsAttribute  attribute listing the user's groups (memberOf, as Active Directory and the
 *                         OpenLDAP memberof overlay provide)
 * @param groupRoles       groups that make technicians and admins
 * @param timeoutMillis    connect and response timeout
 * @param syncEnabled      nightly check that deactivates accounts removed from the directory
 * @param recheckSeconds   how long a directory account's entry, read on one of its requests, stands
 *                         for its next ones (LDAP_RECHECK_SECONDS); 0 = read on every request
 * @param retrySeconds     after the directory failed to answer a request's check, how long requests
 *                         are served with the stored state without asking it (LDAP_RETRY_SECONDS)
 */
public record LdapSettings(String url, boolean startTls, boolean allowPlain, String bindDn, String bindPassword,
                           String userBase, String userFilter, String emailAttribute, String nameAttribute,
                           String groupsAttribute, GroupRoles groupRoles, int timeoutMillis, boolean syncEnabled,
                           int recheckSeconds, int retrySeconds) {

    /** @return whether directory login is configured */
    public boolean enabled() {
        return !url.isEmpty();
    }
}
