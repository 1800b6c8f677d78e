package dev.guichet.auth;

/**
 * The identity provider's own session behind a Guichet session (OpenID Connect,
 * {@code auth.oidc.OidcSessions}): the provider's refresh token is kept server-side with ours, and
 * each refresh of ours renews it, so a group change at the provider, or the end of the person's
 * session there, reaches Guichet at the next refresh (within one access-token lifetime,
 * {@code ACCESS_TOKEN_TTL}).
 */
public interface ProviderSessions {

    /**
     * Renews the provider's session of an account and applies what the provider now says: the role
     * its groups give (a change ends the account's sessions, as at login). Blocking (HTTP, JDBC).
     *
     * @param userId               the account
     * @param providerRefreshToken the provider's refresh token kept with the presented one
     * @return the provider's refresh token to keep with the next one: the one it rotated to, or the
     *     same (also when the provider cannot be reached: the session then goes on as stored)
     * @throws dev.guichet.web.ApiException 401 {@code sso-session-ended} when the provider refuses
     *     the token (session ended or revoked there, account disabled)
     */
    String renew(long userId, String providerRefreshToken);
}
