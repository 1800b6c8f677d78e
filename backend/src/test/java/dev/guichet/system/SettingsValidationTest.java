package dev.guichet.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guichet.auth.ldap.LdapSettings;
import dev.guichet.auth.oidc.OidcSettings;
import dev.guichet.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting that would misbehave stops the start and names itself (docs/architecture.md, "Configuration"). */
class SettingsValidationTest {

    static String startFailure(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.putAll(overrides);
        Exception refused = assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(props, "test")) {
                // started: the assertion fails
            }
        });
        return ProductionSafetyCheckTest.messages(refused);
    }

    @Test
    void aRateLimitOfZeroStopsTheStart() {
        String message = startFailure(Map.of("guichet.rate-limits.login-ip-limit", "0"));
        assertTrue(message.contains("loginIpLimit") && message.contains("greater than or equal to 1"), message);
    }

    @Test
    void aZeroDurationStopsTheStart() {
        String message = startFailure(Map.of("guichet.live.heartbeat", "0s"));
        assertTrue(message.contains("heartbeat") && message.contains("longer than zero"), message);
    }

    @Test
    void aPublicUrlWithoutHostStopsTheStart() {
        String message = startFailure(Map.of("guichet.public-url", "helpdesk"));
        assertTrue(message.contains("PUBLIC_URL must be an absolute URL"), message);
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        OidcSettings oidc = new OidcSettings(
                "https://id.example.test", "guichet", "oidc-client-secret", "", "", "", "groups", "", "");
        LdapSettings ldap = new LdapSettings(
                "ldaps://ldap.example.test",
                false,
                false,
                "cn=guichet",
                "ldap-bind-secret",
                "ou=people",
                "",
                "mail",
                "cn",
                "memberOf",
                "",
                "",
                5000,
                false,
                0,
                30);
        assertFalse(oidc.toString().contains("oidc-client-secret"), oidc::toString);
        assertFalse(ldap.toString().contains("ldap-bind-secret"), ldap::toString);
        assertTrue(ldap.userFilter().equals(LdapSettings.DEFAULT_USER_FILTER)
                && oidc.providerName().equals("SSO"));
    }
}
