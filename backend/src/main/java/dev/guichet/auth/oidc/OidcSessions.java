package dev.guichet.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.guichet.auth.AuthQueries;
import dev.guichet.auth.ExternalAccounts;
import dev.guichet.auth.ProviderSessions;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the OpenID Connect provider's session at each refresh of a Guichet session that came from
 * it: the refresh token the provider gave at login (kept in the database with ours, never sent to
 * the browser) is sent back (refresh token grant, RFC 6749 §6). With a new ID token (OpenID Connect
 * Core §12.2: same issuer and subject, validated like the login's), roles follow
 * {@code OIDC_ADMIN_GROUPS}/{@code OIDC_TECHNICIAN_GROUPS} as at login. A refusal ({@code invalid_grant}:
 * the provider's session ended or was revoked, the account is disabled there), or an ID token for
 * someone else, ends the Guichet session. A provider that cannot be reached, or that answers with
 * another error (its own trouble, or Guichet's client settings), leaves the session as stored, with
 * a warning and the {@code guichet.oidc.unavailable} counter, rather than logging everyone out.
 */
@Singleton
public class OidcSessions implements ProviderSessions {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSessions.class);

    private final OidcSettings settings;
    private final OidcProvider provider;
    private final AuthQueries states;
    private final UserRepository users;
    private final ExternalAccounts accounts;
    private final Counter unavailable;

    OidcSessions(
            OidcSettings settings,
            OidcProvider provider,
            AuthQueries states,
            UserRepository users,
            ExternalAccounts accounts,
            MeterRegistry meters) {
        this.settings = settings;
        this.provider = provider;
        this.states = states;
        this.users = users;
        this.accounts = accounts;
        this.unavailable = Counter.builder("guichet.oidc.unavailable")
                .description(
                        "Session refreshes that went on as stored because the OpenID Connect provider could not renew them")
                .register(meters);
    }

    @Override
    public String renew(long userId, String providerRefreshToken) {
        Optional<String> externalId = states.find(userId)
                .filter(account -> "OIDC".equals(account.authSource()))
                .map(AuthQueries.AccountState::externalId);
        if (!settings.enabled() || externalId.isEmpty()) {
            return providerRefreshToken;
        }
        TokenResponse response;
        try {
            response = provider.tokens(new RefreshTokenGrant(new RefreshToken(providerRefreshToken)));
        } catch (IOException | ParseException e) {
            unavailable(userId, e.getMessage());
            return providerRefreshToken;
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            if (OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode())) {
                LOG.info(
                        "The provider ended the single sign-on session of account {}: {}",
                        userId,
                        error.getDescription());
                throw ended();
            }
            unavailable(userId, "token endpoint answered " + error.getCode());
            return providerRefreshToken;
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        // Providers may leave the ID token out of a refresh (Core §12.2): then the role stays as it is.
        JWT idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDToken() : null;
        if (idToken != null) {
            followGroups(userId, externalId.get(), idToken);
        }
        RefreshToken rotated = tokens.getRefreshToken();
        return rotated == null ? providerRefreshToken : rotated.getValue();
    }

    /** Applies the role the refreshed ID token's groups give; refuses an ID token for anyone else. */
    private void followGroups(long userId, String externalId, JWT idToken) {
        IDTokenClaimsSet claims;
        try {
            // No nonce: a refreshed ID token answers no authentication request of ours.
            claims = provider.validator().validate(idToken, null);
        } catch (IOException e) {
            unavailable(userId, "keys unavailable: " + e.getMessage());
            return;
        } catch (BadJOSEException | JOSEException e) {
            LOG.warn("Refreshed ID token of account {} rejected: {}", userId, e.getMessage());
            throw ended();
        }
        if (!externalId.equals(
                claims.getIssuer().getValue() + "|" + claims.getSubject().getValue())) {
            LOG.warn("Refreshed ID token of account {} names another subject", userId);
            throw ended();
        }
        users.findById(userId)
                .ifPresent(user -> accounts.applyRole(
                        user, settings.groupRoles().roleOf(OidcLogin.groups(claims, settings.groupsClaim()))));
    }

    private void unavailable(long userId, String reason) {
        unavailable.increment();
        LOG.warn(
                "OpenID Connect provider could not renew the session of account {} ({}): it goes on as stored",
                userId,
                reason);
    }

    private static ApiException ended() {
        return ApiException.unauthorized("sso-session-ended");
    }
}
