package dev.guichet.auth.oidc;

import dev.guichet.auth.GroupRoles;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * OpenID Connect settings ({@code guichet.oidc.*}, from the {@code OIDC_*} environment variables; see
 * .env.example). Single sign-on is on when {@code OIDC_ISSUER} and {@code OIDC_CLIENT_ID} are set. The
 * redirect URI to register at the provider is {@code PUBLIC_URL/api/v1/auth/oidc/callback}.
 *
 * @param issuer           the issuer URL; its discovery document is at {@code /.well-known/openid-configuration}
 * @param clientId         the client id registered at the provider
 * @param clientSecret     the client secret; blank for a public client (PKCE alone)
 * @param scopes           requested scopes, separated by spaces or commas ({@code OIDC_SCOPES})
 * @param providerName     the name on the login button ("Se connecter avec …"); blank = "SSO"
 * @param allowedDomains   comma-separated email domains allowed to sign in; blank = any
 * @param groupsClaim      the ID token claim listing the person's groups
 * @param adminGroups      comma-separated groups whose members are admins
 * @param technicianGroups comma-separated groups whose members are technicians
 */
@ConfigurationProperties("guichet.oidc")
public record OidcSettings(
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String scopes,
        @Nullable String providerName,
        @Nullable String allowedDomains,
        @Nullable String groupsClaim,
        @Nullable String adminGroups,
        @Nullable String technicianGroups) {

    /** Reads unset values as empty and trims the identifiers. */
    public OidcSettings {
        issuer = issuer == null ? "" : issuer.strip();
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
        scopes = scopes == null ? "" : scopes;
        providerName = providerName == null || providerName.isBlank() ? "SSO" : providerName.strip();
        allowedDomains = allowedDomains == null ? "" : allowedDomains;
        groupsClaim = groupsClaim == null ? "" : groupsClaim.strip();
    }

    /** @return whether single sign-on is configured */
    public boolean enabled() {
        return !issuer.isEmpty() && !clientId.isEmpty();
    }

    /** @return requested scopes, {@code openid} first */
    public List<String> scopeList() {
        List<String> list =
                Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        return list.contains("openid")
                ? list
                : Stream.concat(Stream.of("openid"), list.stream()).toList();
    }

    /** @return lower-cased email domains allowed to sign in; empty = any */
    public List<String> allowedDomainList() {
        return Arrays.stream(allowedDomains.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** @return how groups map to roles */
    public GroupRoles groupRoles() {
        return GroupRoles.parse(adminGroups, technicianGroups);
    }

    @Override
    public String toString() {
        // Never print the client secret (configuration dumps, logs).
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", scopes=" + scopes + ", providerName="
                + providerName + ", allowedDomains=" + allowedDomains + ", groupsClaim=" + groupsClaim + "]";
    }
}
