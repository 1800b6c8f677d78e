package dev.guichet.auth.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.guichet.auth.AuthService;
import dev.guichet.auth.ExternalAccounts;
import dev.guichet.auth.OpaqueTokens;
import dev.guichet.auth.TokenResponse;
import dev.guichet.auth.oidc.OidcQueries.Exchanged;
import dev.guichet.auth.oidc.OidcQueries.Pending;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import dev.guichet.web.WebSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The relying party's side of OpenID Connect (Core 1.0 §3.1, authorization code flow) with PKCE
 * (RFC 7636, S256), built on Nimbus oauth2-oidc-sdk:
 * <ol>
 * <li>{@link #start}: a state, a nonce and a PKCE verifier are kept in {@code oidc_logins} (state
 *     hashed), bound to the browser by a random value in an HttpOnly cookie; the browser goes to the
 *     provider.</li>
 * <li>{@link #finish}: the state is consumed (single use; it must come back in the same browser), the
 *     code is exchanged with the verifier, the ID token is validated (signature, issuer, audience,
 *     expiry, nonce), the email's domain is checked, the account is found or provisioned, and a
 *     single-use exchange code valid {@value #EXCHANGE_SECONDS} s is returned for an HttpOnly cookie.</li>
 * <li>{@link #exchange}: the SPA trades that cookie for Guichet's own token pair, as after a password
 *     login. No token ever appears in a URL.</li>
 * </ol>
 */
@Singleton
public class OidcLogin {

    /** How long the provider's login may take. */
    static final Duration LOGIN_TTL = Duration.ofMinutes(10);
    /** How long the SPA has to fetch its tokens after the callback. */
    static final int EXCHANGE_SECONDS = 60;

    private final OidcSettings settings;
    private final OidcProvider provider;
    private final OidcQueries queries;
    private final ExternalAccounts accounts;
    private final AuthService auth;
    private final UserRepository users;
    private final URI redirectUri;

    OidcLogin(
            OidcSettings settings,
            OidcProvider provider,
            OidcQueries queries,
            ExternalAccounts accounts,
            AuthService auth,
            UserRepository users,
            WebSettings web) {
        this.users = users;
        this.settings = settings;
        this.redirectUri = URI.create(web.baseUrl() + "/api/v1/auth/oidc/callback");
        this.provider = provider;
        this.queries = queries;
        this.accounts = accounts;
        this.auth = auth;
    }

    /**
     * Where to send the browser, and the value to bind the login to it.
     *
     * @param authorizationUri the provider's authorization endpoint with every parameter
     * @param browserBinding   random value for the HttpOnly cookie; only its hash is stored
     */
    public record Start(URI authorizationUri, String browserBinding) {}

    /**
     * @param redirect the SPA path to return to after login (already checked to be a local path), or null
     * @throws ApiException 404 {@code oidc-not-configured}; 503 {@code oidc-unavailable} when the
     *     provider's discovery document cannot be read
     */
    @Transactional
    public Start start(String redirect) {
        OIDCProviderMetadata metadata = metadataOrUnavailable();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String browser = OpaqueTokens.newToken();
        queries.insertLogin(
                OpaqueTokens.sha256(state.getValue()),
                OpaqueTokens.sha256(browser),
                nonce.getValue(),
                verifier.getValue(),
                redirect,
                LOGIN_TTL);
        URI uri = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope(settings.scopeList().toArray(String[]::new)),
                        new ClientID(settings.clientId()),
                        redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(uri, browser);
    }

    /**
     * The end of a successful provider login.
     *
     * @param exchangeCode single-use code for the HttpOnly cookie
     * @param redirect     the SPA path remembered at the start, or null
     */
    public record Finished(String exchangeCode, String redirect) {}

    /**
     * Handles the provider's redirect back.
     *
     * @param code           the authorization code, or null when the provider refused
     * @param state          the state parameter as returned
     * @param browserBinding the cookie set by {@link #start}, or null
     * @throws OidcFailure with the reason the login page shows
     */
    @Transactional(dontRollbackOn = OidcFailure.class)
    public Finished finish(String code, String state, String browserBinding) {
        if (state == null || state.isBlank()) {
            throw new OidcFailure("state-invalid", "No state in the callback");
        }
        Optional<Pending> pending = consume(state);
        if (pending.isEmpty()
                || browserBinding == null
                || !pending.get().browserHash().equals(OpaqueTokens.sha256(browserBinding))) {
            throw new OidcFailure("state-invalid", "Unknown, expired, replayed or foreign state");
        }
        if (code == null || code.isBlank()) {
            throw new OidcFailure("provider-error", "The provider returned no code");
        }
        Redeemed redeemed = redeem(code, pending.get());
        ExternalAccounts.Identity identity = identity(redeemed.claims());
        User user;
        try {
            user = accounts.signInOrProvision(identity);
        } catch (ApiException e) {
            throw new OidcFailure("account-conflict", e.getMessage());
        }
        if (!user.active()) {
            throw new OidcFailure("account-deactivated", "Account " + user.id() + " is deactivated");
        }
        String exchange = OpaqueTokens.newToken();
        queries.insertExchange(OpaqueTokens.sha256(exchange), user.id(), EXCHANGE_SECONDS, redeemed.refreshToken());
        return new Finished(exchange, pending.get().redirect());
    }

    /**
     * Trades the exchange code for Guichet's token pair; the code is consumed. The provider's refresh
     * token, if it gave one, goes with the new session (server-side only; see {@link OidcSessions}).
     *
     * @throws ApiException 401 {@code sso-exchange-invalid} for a missing, unknown, used or expired code;
     *     401 {@code account-deactivated}
     */
    @Transactional
    public TokenResponse exchange(String exchangeCode) {
        if (exchangeCode == null || exchangeCode.isBlank()) {
            throw invalidExchange();
        }
        Optional<Exchanged> exchanged = queries.consumeExchange(OpaqueTokens.sha256(exchangeCode));
        User user = exchanged.flatMap(e -> users.findById(e.userId())).orElseThrow(OidcLogin::invalidExchange);
        return auth.signIn(user, exchanged.get().providerRefreshToken());
    }

    private static ApiException invalidExchange() {
        return ApiException.of(ProblemType.SSO_EXCHANGE_INVALID);
    }

    private Optional<Pending> consume(String state) {
        return queries.consumeLogin(OpaqueTokens.sha256(state));
    }

    /**
     * What the provider's token endpoint gave for the code.
     *
     * @param claims       the validated ID token's claims
     * @param refreshToken the provider's refresh token, or null when it gave none
     */
    private record Redeemed(
            IDTokenClaimsSet claims, @Nullable String refreshToken) {}

    private Redeemed redeem(String code, Pending pending) {
        try {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                    new AuthorizationCode(code), redirectUri, new CodeVerifier(pending.codeVerifier()));
            com.nimbusds.oauth2.sdk.TokenResponse response = provider.tokens(grant);
            if (!response.indicatesSuccess()) {
                throw new OidcFailure(
                        "provider-error",
                        "Token endpoint refused the code: "
                                + response.toErrorResponse().getErrorObject().getCode());
            }
            Tokens tokens = response.toSuccessResponse().getTokens();
            JWT idToken = tokens.toOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new OidcFailure("token-invalid", "No ID token in the token response");
            }
            RefreshToken refreshToken = tokens.getRefreshToken();
            return new Redeemed(
                    provider.validator().validate(idToken, new Nonce(pending.nonce())),
                    refreshToken == null ? null : refreshToken.getValue());
        } catch (IOException | ParseException e) {
            throw new OidcFailure("provider-error", "Token request failed: " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new OidcFailure("token-invalid", "ID token rejected: " + e.getMessage());
        }
    }

    private ExternalAccounts.Identity identity(IDTokenClaimsSet claims) {
        String email = stringClaim(claims, "email");
        if (email == null) {
            // Entra ID often carries the address only as preferred_username (the UPN).
            String preferred = stringClaim(claims, "preferred_username");
            email = preferred != null && preferred.contains("@") ? preferred : null;
        }
        if (email == null) {
            throw new OidcFailure("email-missing", "The ID token carries no email (scope 'email' missing?)");
        }
        email = email.trim().toLowerCase(Locale.ROOT);
        Object verified = claims.getClaim("email_verified");
        if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            throw new OidcFailure("email-missing", "The provider says the email is not verified");
        }
        String domain = email.substring(email.lastIndexOf('@') + 1);
        List<String> allowed = settings.allowedDomainList();
        if (!allowed.isEmpty() && !allowed.contains(domain)) {
            throw new OidcFailure("domain-not-allowed", "Email domain " + domain + " is not allowed");
        }
        String name = stringClaim(claims, "name");
        if (name == null) {
            String given = stringClaim(claims, "given_name");
            String family = stringClaim(claims, "family_name");
            name = given != null || family != null
                    ? ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim()
                    : email;
        }
        String locale = Optional.ofNullable(stringClaim(claims, "locale"))
                .map(l -> l.toLowerCase(Locale.ROOT))
                .filter(l -> l.startsWith("en"))
                .map(l -> "en")
                .orElse("fr");
        String externalId =
                claims.getIssuer().getValue() + "|" + claims.getSubject().getValue();
        return new ExternalAccounts.Identity(
                ExternalAccounts.Source.OIDC,
                externalId,
                email,
                name.length() > 200 ? name.substring(0, 200) : name,
                locale,
                settings.groupRoles().roleOf(groups(claims, settings.groupsClaim())));
    }

    /**
     * @param claims    an ID token's claims
     * @param claimName the claim listing the groups ({@code OIDC_GROUPS_CLAIM})
     * @return the groups, from a JSON array or a comma- or space-separated string; empty when absent
     */
    static List<String> groups(ClaimsSet claims, String claimName) {
        Object value = claims.getClaim(claimName);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String single && !single.isBlank()) {
            return List.of(single.split("[,\\s]+"));
        }
        return List.of();
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private OIDCProviderMetadata metadataOrUnavailable() {
        if (!settings.enabled()) {
            throw ApiException.of(ProblemType.OIDC_NOT_CONFIGURED);
        }
        try {
            return provider.metadata();
        } catch (IOException e) {
            throw ApiException.of(ProblemType.OIDC_UNAVAILABLE);
        }
    }
}
