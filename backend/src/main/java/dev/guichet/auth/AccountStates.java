package dev.guichet.auth;

import dev.guichet.user.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Reads and changes what decides whether an account's tokens are still good: whether it is active,
 * its role and its session version (column {@code users.session_version}, migration V5), and where
 * it signs in (a directory account is also checked against the directory, see
 * {@link ExternalAccountCheck}).
 */
@Singleton
@Connectable
public class AccountStates {

    private final JdbcOperations jdbc;

    AccountStates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The current state of an account, by one primary-key lookup.
     *
     * @param userId the account's id
     * @return its state, or empty when the account does not exist
     */
    public Optional<AccountState> find(long userId) {
        return jdbc.prepareStatement("""
                SELECT email, role, active, session_version, auth_source, external_id FROM users WHERE id = ?""", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new AccountState(userId, rs.getString(1), Role.valueOf(rs.getString(2)),
                                rs.getBoolean(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                        : Optional.empty();
            }
        });
    }

    /**
     * Ends every access token issued so far to an account, by moving its session version on.
     * Runs in the caller's transaction when there is one.
     *
     * @param userId the account's id
     */
    public void endAccessTokens(long userId) {
        jdbc.prepareStatement("UPDATE users SET session_version = session_version + 1 WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        });
    }

    /**
     * What the database says of an account now.
     *
     * @param id             user id
     * @param email          lower-cased login
     * @param role           current role
     * @param active         false once deactivated
     * @param sessionVersion tokens issued with another version are refused
     * @param authSource     {@code LOCAL}, {@code OIDC} or {@code LDAP} (column {@code users.auth_source}, V17)
     * @param externalId     issuer|subject for OIDC, the entry DN for LDAP; null for a local account
     */
    public record AccountState(long id, String email, Role role, boolean active, int sessionVersion,
                               String authSource, @Nullable String externalId) {
    }
}
