package dev.guichet.auth;

import dev.guichet.user.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The hand-written SQL of sign-in: what decides whether an account's tokens are still good (whether
 * it is active, its role and its session version, column {@code users.session_version}, migration
 * V5), where it signs in and the external identity it is linked to (a directory account is also
 * checked against the directory, see {@link ExternalAccountCheck}; {@link ExternalAccounts}), and
 * the links to choose a password ({@link PasswordTokens}). Plain reads and writes of accounts and
 * refresh tokens are in the repositories.
 */
@Singleton
@Connectable
public class AuthQueries {

    private final JdbcOperations jdbc;

    AuthQueries(JdbcOperations jdbc) {
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
                        ? Optional.of(new AccountState(
                                userId,
                                rs.getString(1),
                                Role.valueOf(rs.getString(2)),
                                rs.getBoolean(3),
                                rs.getInt(4),
                                rs.getString(5),
                                rs.getString(6)))
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

    /** Changes an account's email (its login). */
    void updateEmail(long userId, String email) {
        jdbc.prepareStatement("UPDATE users SET email = ? WHERE id = ?", ps -> {
            ps.setString(1, email);
            ps.setLong(2, userId);
            return ps.executeUpdate();
        });
    }

    /**
     * @param source {@code OIDC} or {@code LDAP}
     * @return the id of the account linked to this external identity, if any
     */
    Optional<Long> linkedUserId(String source, String externalId) {
        return jdbc.prepareStatement("SELECT id FROM users WHERE auth_source = ? AND external_id = ?", ps -> {
            ps.setString(1, source);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** @return {@code LOCAL}, {@code OIDC} or {@code LDAP}; {@code LOCAL} for an unknown account */
    String authSource(long userId) {
        return jdbc.prepareStatement("SELECT auth_source FROM users WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "LOCAL";
            }
        });
    }

    /** Links an account to an external identity: from then on it signs in through {@code source} only. */
    void link(long userId, String source, String externalId) {
        jdbc.prepareStatement("UPDATE users SET auth_source = ?, external_id = ? WHERE id = ?", ps -> {
            ps.setString(1, source);
            ps.setString(2, externalId);
            ps.setLong(3, userId);
            return ps.executeUpdate();
        });
    }

    /** Stores a password link's hash for an account, valid for {@code ttl} by the database's clock. */
    void insertPasswordToken(String tokenHash, long userId, Duration ttl) {
        jdbc.prepareStatement(
                "INSERT INTO password_tokens (token_hash, user_id, expires_at) VALUES (?, ?, now() + ? * interval '1 second')",
                ps -> {
                    ps.setString(1, tokenHash);
                    ps.setLong(2, userId);
                    ps.setLong(3, ttl.toSeconds());
                    return ps.executeUpdate();
                });
    }

    /**
     * Spends a password link that is unused and unexpired.
     *
     * @return its account's id, or null when no such link is usable
     */
    @Nullable
    Long usePasswordToken(String tokenHash) {
        return jdbc.prepareStatement("""
                UPDATE password_tokens SET used_at = now()
                 WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id""", ps -> {
            ps.setString(1, tokenHash);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
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
    public record AccountState(
            long id,
            String email,
            Role role,
            boolean active,
            int sessionVersion,
            String authSource,
            @Nullable String externalId) {}
}
