package dev.guichet.auth.ldap;

import dev.guichet.auth.AuthService;
import dev.guichet.auth.ExternalAccounts;
import dev.guichet.auth.TokenResponse;
import dev.guichet.user.User;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory login: a bind against LDAP / Active Directory, then the account found or provisioned just
 * in time (role from groups when LDAP_ADMIN_GROUPS / LDAP_TECHNICIAN_GROUPS are set), then the same
 * token pair as a password login.
 */
@Singleton
public class LdapLogin {

    private static final Logger LOG = LoggerFactory.getLogger(LdapLogin.class);

    private final LdapSettings settings;
    private final LdapDirectory directory;
    private final ExternalAccounts accounts;
    private final AuthService auth;

    LdapLogin(LdapSettings settings, LdapDirectory directory, ExternalAccounts accounts, AuthService auth) {
        this.settings = settings;
        this.directory = directory;
        this.accounts = accounts;
        this.auth = auth;
    }

    /**
     * @throws ApiException 404 {@code ldap-not-configured}; 401 {@code unauthorized} for a wrong name or
     *     password (same answer for both); 401 {@code account-deactivated}; 409 {@code account-conflict};
     *     422 {@code directory-email-missing} for an entry without email; 503 {@code ldap-unavailable}
     */
    public TokenResponse login(String username, String password) {
        if (!settings.enabled()) {
            throw ApiException.of(ProblemType.LDAP_NOT_CONFIGURED);
        }
        Optional<LdapDirectory.Person> person;
        try {
            person = directory.authenticate(username, password);
        } catch (LdapDirectory.Unavailable e) {
            LOG.error("Directory login impossible: {}", e.getMessage());
            throw ApiException.of(ProblemType.LDAP_UNAVAILABLE);
        }
        if (person.isEmpty()) {
            LOG.info("Failed directory login");
            throw ApiException.unauthorized("invalid-directory-credentials");
        }
        LdapDirectory.Person found = person.get();
        if (found.email() == null || !found.email().contains("@")) {
            throw ApiException.of(ProblemType.DIRECTORY_EMAIL_MISSING);
        }
        String name = found.fullName() == null || found.fullName().isBlank() ? found.email() : found.fullName();
        User user = accounts.signInOrProvision(new ExternalAccounts.Identity(
                ExternalAccounts.Source.LDAP,
                found.dn(),
                found.email(),
                name.length() > 200 ? name.substring(0, 200) : name,
                "fr",
                settings.groupRoles().roleOf(found.groups())));
        return auth.signIn(user);
    }
}
