package dev.guichet.auth.ldap;

import dev.guichet.auth.GroupRoles;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;

/**
 * LDAP / Active Directory settings ({@code guichet.ldap.*}, from the {@code LDAP_*} environment
 * variables; see .env.example). Directory login is on when {@code LDAP_URL} is set.
 *
 * @param url              {@code ldaps://host:636} or {@code ldap://host:389}
 * @param startTls         upgrade an {@code ldap://} connection with StartTLS (RFC 4511 §4.14)
 * @param allowPlain       allow an unencrypted {@code ldap://} connection (tests, a local socket); off by default
 * @param bindDn           service account that searches for the user; blank = anonymous search
 * @param bindPassword     its password
 * @param userBase         search base of user entries
 * @param userFilter       search filter, {@code {0}} standing for the escaped login name (RFC 4515 §3);
 *                         blank = {@link #DEFAULT_USER_FILTER}
 * @param emailAttribute   attribute holding the email
 * @param nameAttribute    attribute holding the display name
 * @param groupsAttribute  attribute listing the user's groups (memberOf, as Active Directory and the
 *                         OpenLDAP memberof overlay provide)
 * @param adminGroups      comma-separated groups whose members are admins
 * @param technicianGroups comma-separated groups whose members are technicians
 * @param timeoutMillis    connect and response timeout, at least 1
 * @param syncEnabled      nightly check that deactivates accounts removed from the directory
 * @param recheckSeconds   how long a directory account's entry, read on one of its requests, stands
 *                         for its next ones (LDAP_RECHECK_SECONDS); 0 = read on every request
 * @param retrySeconds     after the directory failed to answer a request's check, how long requests
 *                         are served with the stored state without asking it (LDAP_RETRY_SECONDS), at least 1
 */
@Context
@ConfigurationProperties("guichet.ldap")
public record LdapSettings(
        @Nullable String url,
        boolean startTls,
        boolean allowPlain,
        @Nullable String bindDn,
        @Nullable String bindPassword,
        @Nullable String userBase,
        @Nullable String userFilter,
        @Nullable String emailAttribute,
        @Nullable String nameAttribute,
        @Nullable String groupsAttribute,
        @Nullable String adminGroups,
        @Nullable String technicianGroups,
        @Min(1) int timeoutMillis,
        boolean syncEnabled,
        @Min(0) int recheckSeconds,
        @Min(1) int retrySeconds) {

    /** Matches the login name against uid or mail among person entries (OpenLDAP; for AD use sAMAccountName). */
    public static final String DEFAULT_USER_FILTER = "(&(objectClass=person)(|(uid={0})(mail={0})))";

    /** Reads unset values as empty, trims the URL and the filter, and puts in the default filter. */
    public LdapSettings {
        url = url == null ? "" : url.strip();
        bindDn = bindDn == null ? "" : bindDn;
        bindPassword = bindPassword == null ? "" : bindPassword;
        userBase = userBase == null ? "" : userBase;
        userFilter = userFilter == null || userFilter.isBlank() ? DEFAULT_USER_FILTER : userFilter.strip();
    }

    /** @return whether directory login is configured */
    public boolean enabled() {
        return !url.isEmpty();
    }

    /** @return how groups map to roles */
    public GroupRoles groupRoles() {
        return GroupRoles.parse(adminGroups, technicianGroups);
    }

    @Override
    public String toString() {
        // Never print the service account's password (configuration dumps, logs).
        return "LdapSettings[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + ", userBase=" + userBase
                + ", userFilter=" + userFilter + "]";
    }
}
