package dev.guichet.auth;

import java.util.Optional;

/**
 * A source outside Guichet that has a say on some accounts' state at every request: the LDAP
 * directory for accounts that sign in through it ({@code auth.ldap.LdapAccountCheck}).
 * {@link CurrentAccountAuthenticationFactory} asks every implementation, after its own checks, so
 * a change made in that source (an account removed, moved to another group) applies to the request
 * that discovers it.
 */
public interface ExternalAccountCheck {

    /**
     * Checks a live session's account against the source, and brings the stored state in line when
     * the source says otherwise. Blocking (network and JDBC).
     *
     * @param stored the account as stored, active and with the session's version
     * @return the state to answer the request with: {@code stored} when the source agrees, is not
     *     concerned or cannot be reached; the changed state after a change; empty when the account
     *     has just been deactivated
     */
    Optional<AuthQueries.AccountState> check(AuthQueries.AccountState stored);
}
