package dev.guichet.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a bearer token whose signature and expiry Micronaut Security has already checked into the
 * request's {@link Authentication}, from the account's <em>current</em> state rather than from what
 * the token says: one primary-key lookup per request ({@link AuthQueries#find}). The token is
 * refused (the request is then anonymous, so 401 on the API) when the account no longer exists, is
 * deactivated, or has moved its session version on since the token was issued (password change,
 * deactivation, role change, "log out everywhere"). The role granted is the one in the database, so
 * a demotion takes effect on the next request. Every way of signing in issues its tokens through
 * {@link AuthService}, so this check holds for all of them. For an account that an outside source
 * also governs (the LDAP directory), the {@link ExternalAccountCheck}s are asked next: a change
 * found there is applied and this request is already answered as the new state says (no
 * authentication for a removed account, the new role after a group move; the role change ends the
 * account's sessions, so the token's following requests are refused).
 *
 * <p>Micronaut Security runs this factory on its blocking executor, so the JDBC lookup does not
 * block the event loop.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class CurrentAccountAuthenticationFactory implements JwtAuthenticationFactory {

    /** Claim holding the account's session version when the token was issued. */
    static final String SESSION_VERSION_CLAIM = "sv";

    private final AuthQueries accounts;
    private final List<ExternalAccountCheck> externalChecks;

    CurrentAccountAuthenticationFactory(AuthQueries accounts, List<ExternalAccountCheck> externalChecks) {
        this.accounts = accounts;
        this.externalChecks = externalChecks;
    }

    /**
     * @param token a JWT whose signature and time claims are valid
     * @return the caller with their current role, or empty when the token no longer stands for a live session
     */
    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        final long userId;
        final long version;
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            if (claims.getSubject() == null || !(claims.getClaim(SESSION_VERSION_CLAIM) instanceof Number issued)) {
                return Optional.empty();
            }
            userId = Long.parseLong(claims.getSubject());
            version = issued.longValue();
        } catch (ParseException | NumberFormatException e) {
            return Optional.empty();
        }
        // The token's version, not the account's: after a change found by an external check, the
        // account's version has moved on and a long-lived connection must see this session as ended.
        return current(userId, version)
                .map(account -> Authentication.build(
                        String.valueOf(account.id()),
                        List.of(account.role().name()),
                        Map.of("email", account.email(), SESSION_VERSION_CLAIM, version)));
    }

    /**
     * Whether a session accepted earlier still stands, for connections that outlive one request
     * (the live event stream): the account exists, is active, has the same session version and the
     * same role as when {@code authentication} was built. One primary-key lookup, and the external
     * checks; blocking.
     *
     * @param authentication built by {@link #createAuthentication}
     * @return false once the account was deactivated, logged out everywhere, or changed role (in
     *     Guichet, or as an external check just found)
     */
    public boolean stillValid(Authentication authentication) {
        Object version = authentication.getAttributes().get(SESSION_VERSION_CLAIM);
        String role = authentication.getRoles().stream().findFirst().orElse(null);
        return version instanceof Number issued
                && current(Long.parseLong(authentication.getName()), issued.longValue())
                        .filter(account -> account.role().name().equals(role))
                        .isPresent();
    }

    /**
     * The state a session of this version is answered with: the stored one if the session stands,
     * then as each external check leaves it.
     */
    private Optional<AuthQueries.AccountState> current(long userId, long sessionVersion) {
        Optional<AuthQueries.AccountState> account = accounts.find(userId).filter(found -> live(found, sessionVersion));
        for (ExternalAccountCheck check : externalChecks) {
            account = account.flatMap(check::check);
        }
        return account;
    }

    /** A session of this version stands while the account is active and its version unchanged. */
    private static boolean live(AuthQueries.AccountState account, long sessionVersion) {
        return account.active() && account.sessionVersion() == sessionVersion;
    }
}
