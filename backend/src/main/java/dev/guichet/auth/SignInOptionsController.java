package dev.guichet.auth;

import dev.guichet.auth.ldap.LdapSettings;
import dev.guichet.auth.oidc.OidcProvider;
import dev.guichet.auth.oidc.OidcSettings;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the login page offers, for anonymous callers: password form, company SSO button, directory login. */
@Controller("/api/v1/auth/config")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@ProblemResponses.RateLimited
public class SignInOptionsController {

    private final LocalLogin localLogin;
    private final OidcSettings oidc;
    private final OidcProvider provider;
    private final LdapSettings ldap;
    private final WebSettings web;

    SignInOptionsController(
            LocalLogin localLogin, OidcSettings oidc, OidcProvider provider, LdapSettings ldap, WebSettings web) {
        this.localLogin = localLogin;
        this.oidc = oidc;
        this.provider = provider;
        this.ldap = ldap;
        this.web = web;
    }

    /**
     * The sign-in methods on offer.
     *
     * @param localLoginEnabled false when the password form is only for break-glass admins
     * @param oidcEnabled       whether the "Sign in with …" button is shown
     * @param oidcProviderName  the name on that button (OIDC_PROVIDER_NAME), or null
     * @param oidcLoginUrl      where the button leads (a browser navigation), or null
     * @param oidcLogoutUrl     the provider's RP-initiated logout URL (OpenID Connect RP-Initiated Logout
     *                          1.0), for the SPA to visit after ending the Guichet session; null when the
     *                          provider offers none
     * @param ldapEnabled       whether the directory login form is shown
     */
    @Serdeable
    public record SignInOptions(
            boolean localLoginEnabled,
            boolean oidcEnabled,
            @Nullable String oidcProviderName,
            @Nullable String oidcLoginUrl,
            @Nullable String oidcLogoutUrl,
            boolean ldapEnabled) {}

    /** The sign-in methods on offer; public. */
    @Get
    public SignInOptions getSignInOptions() {
        if (!oidc.enabled()) {
            return new SignInOptions(localLogin.enabled(), false, null, null, null, ldap.enabled());
        }
        String logout = provider.endSessionEndpoint()
                .map(endpoint -> UriBuilder.of(endpoint)
                        .queryParam("client_id", oidc.clientId())
                        .queryParam("post_logout_redirect_uri", web.baseUrl() + "/login")
                        .build()
                        .toString())
                .orElse(null);
        return new SignInOptions(
                localLogin.enabled(), true, oidc.providerName(), "/api/v1/auth/oidc/login", logout, ldap.enabled());
    }
}
