package dev.guichet.auth.ldap;

import dev.guichet.auth.GroupRoles;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Builds {@link LdapSettings} from the configuration ({@code guichet.ldap.*}, LDAP_* variables). */
@Factory
class LdapSettingsFactory {

    /** Matches the login name against uid or mail among person entries (OpenLDAP; for AD use sAMAccountName). */
    static final String DEFAULT_USER_FILTER = "(&(objectClass=person)(|(uid={0})(mail={0})))";

    /** Reads the settings from the configuration. */
    @Singleton
    LdapSettings ldapSettings(
            @Value("${guichet.ldap.url:}") String url,
            @Value("${guichet.ldap.start-tls:false}") boolean startTls,
            @Value("${guichet.ldap.allow-plain:false}") boolean allowPlain,
            @Value("${guichet.ldap.bind-dn:}") String bindDn,
            @Value("${guichet.ldap.bind-password:}") String bindPassword,
            @Value("${guichet.ldap.user-base:}") String userBase,
            @Value("${guichet.ldap.user-filter:}") String userFilter,
            @Value("${guichet.ldap.email-attribute:mail}") String emailAttribute,
            @Value("${guichet.ldap.name-attribute:cn}") String nameAttribute,
            @Value("${guichet.ldap.groups-attribute:memberOf}") String groupsAttribute,
            @Value("${guichet.ldap.admin-groups:}") String adminGroups,
            @Value("${guichet.ldap.technician-groups:}") String technicianGroups,
            @Value("${guichet.ldap.timeout-millis:5000}") int timeoutMillis,
            @Value("${guichet.ldap.sync-enabled:false}") boolean syncEnabled,
            @Value("${guichet.ldap.recheck-seconds:0}") int recheckSeconds,
            @Value("${guichet.ldap.retry-seconds:30}") int retrySeconds) {
        return new LdapSettings(url.trim(), startTls, allowPlain, bindDn, bindPassword, userBase,
                userFilter.isBlank() ? DEFAULT_USER_FILTER : userFilter.trim(),
                emailAttribute, nameAttribute, groupsAttribute, GroupRoles.parse(adminGroups, technicianGroups),
                timeoutMillis, syncEnabled, Math.max(0, recheckSeconds), Math.max(1, retrySeconds));
    }
}
