package dev.guichet.auth.oidc;

import dev.guichet.auth.GroupRoles;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * OpenID Connect settings, from the environment (OIDC_*; see .env.example). Single sign-on is on
 * when {@code OIDC_ISSUER} and {@code OIDC_CLIENT_ID} are set.
 */
@Singleton
public class OidcSettings {

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final String providerName;
    private final List<String> allowedDomains;
    private final String groupsClaim;
    private final GroupRoles groupRoles;
    private final String publicUrl;

    OidcSettings(@Value("${guichet.oidc.issuer:}") String issuer,
                 @Value("${guichet.oidc.client-id:}") String clientId,
                 @Value("${guichet.oidc.client-secret:}") String clientSecret,
                 @Value("${guichet.oidc.scopes:openid profile email}") String scopes,
                 @Value("${guichet.oidc.provider-name:}") String providerName,
                 @Value("${guichet.oidc.allowed-domains:}") String allowedDomains,
                 @Value("${guichet.oidc.groups-claim:groups}") String groupsClaim,
                 @Value("${guichet.oidc.admin-groups:}") String adminGroups,
                 @Value("${guichet.oidc.technician-groups:}") String technicianGroups,
                 @Value("${guichet.public-url}") String publicUrl) {
        this.issuer = issuer.trim();
        this.clientId = clientId.trim();
        this.clientSecret = clientSecret;
        this.scopes = Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        this.providerName = providerName.isBlank() ? "SSO" : providerName.trim();
        this.allowedDomains = Arrays.stream(allowedDomains.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.groupsClaim = groupsClaim;
        this.groupRoles = GroupRoles.parse(adminGroups, technicianGroups);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** @return whether single sign-on is configured */
    public boolean enabled() {
        return !issuer.isEmpty() && !clientId.isEmpty();
    }

    /** @return the issuer URL; its discovery document is at {@code /.well-known/openid-configuration} */
    public String issuer() {
        return issuer;
    }

    /** @return the client id registered at the provider */
    public String clientId() {
        return clientId;
    }

    /** @return the client secret; blank for a public client (PKCE alone) */
    public String clientSecret() {
        return clientSecret;
    }

    /** @return requested scopes, {@code openid} first */
    public List<String> scopes() {
        return scopes.contains("openid") ? scopes
                : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
    }

    /** @return the name on the login button ("Se connecter avec …") */
    public String providerName() {
        return providerName;
    }

    /** @return lower-cased email domains allowed to sign in; empty = any */
    public List<String> allowedDomains() {
        return allowedDomains;
    }

    /** @return the ID token claim listing the person's groups */
    public String groupsClaim() {
        return groupsClaim;
    }

    /** @return how groups map to roles */
    public GroupRoles groupRoles() {
        return groupRoles;
    }

    /** @return the redirect URI to register at the provider: {@code PUBLIC_URL/api/v1/auth/oidc/callback} */
    public String redirectUri() {
        return publicUrl + "/api/v1/auth/oidc/callback";
    }

    /** @return Guichet's public base URL, without a trailing slash */
    public String publicUrl() {
        return publicUrl;
    }
}
