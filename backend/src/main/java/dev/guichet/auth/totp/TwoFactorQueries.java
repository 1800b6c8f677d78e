package dev.guichet.auth.totp;

import dev.guichet.user.Role;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of two-factor authentication (migration V17): the TOTP columns of {@code users}, recovery
 * codes (stored as hashes), login challenges, and the security settings an administrator changes in
 * Guichet (table {@code security_settings}, one row): for now, the roles whose local accounts must
 * use two-factor authentication.
 */
@Singleton
@Connectable
public class TwoFactorQueries {

    private final JdbcOperations jdbc;

    TwoFactorQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the roles that must use two-factor authentication; empty when none (the default) */
    public Set<Role> twoFactorRequiredRoles() {
        return jdbc.prepareStatement("SELECT two_factor_required_roles FROM security_settings WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                if (rs.next()) {
                    Arrays.stream((Object[]) rs.getArray(1).getArray())
                            .map(o -> Role.valueOf((String) o))
                            .forEach(roles::add);
                }
                return roles;
            }
        });
    }

    /** Replaces the roles that must use two-factor authentication. */
    public void setTwoFactorRequiredRoles(Set<Role> roles) {
        jdbc.prepareStatement("""
                INSERT INTO security_settings (id, two_factor_required_roles, updated_at) VALUES (1, ?, now())
                ON CONFLICT (id) DO UPDATE SET two_factor_required_roles = EXCLUDED.two_factor_required_roles,
                                               updated_at = now()""", ps -> {
            Array array = ps.getConnection()
                    .createArrayOf(
                            "varchar", roles.stream().map(Role::name).sorted().toArray());
            ps.setArray(1, array);
            return ps.executeUpdate();
        });
    }

    /** An account's TOTP state: whether it is on, its secret (pending or in use), whether it signs in locally. */
    record TotpState(boolean enabled, String secret, boolean local) {}

    /** @return the account's TOTP state; off and not local for an unknown account */
    TotpState state(long userId) {
        return jdbc.prepareStatement("SELECT totp_enabled, totp_secret, auth_source FROM users WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new TotpState(rs.getBoolean(1), rs.getString(2), "LOCAL".equals(rs.getString(3)))
                        : new TotpState(false, null, false);
            }
        });
    }

    /** Stores a new pending secret (TOTP off until its first code). */
    void setPendingSecret(long userId, String secret) {
        jdbc.prepareStatement(
                "UPDATE users SET totp_secret = ?, totp_enabled = false, totp_last_step = NULL WHERE id = ?", ps -> {
                    ps.setString(1, secret);
                    ps.setLong(2, userId);
                    return ps.executeUpdate();
                });
    }

    /** Turns TOTP on with the pending secret. */
    void enable(long userId) {
        jdbc.prepareStatement("UPDATE users SET totp_enabled = true WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        });
    }

    /** Turns TOTP off and forgets the secret. */
    void disable(long userId) {
        jdbc.prepareStatement(
                "UPDATE users SET totp_enabled = false, totp_secret = NULL, totp_last_step = NULL WHERE id = ?", ps -> {
                    ps.setLong(1, userId);
                    return ps.executeUpdate();
                });
    }

    /**
     * Records a TOTP time step as used, unless it or a later one was used before.
     *
     * @return whether the step was accepted
     */
    boolean acceptStep(long userId, long step) {
        return jdbc.prepareStatement("""
                UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""", ps -> {
                    ps.setLong(1, step);
                    ps.setLong(2, userId);
                    ps.setLong(3, step);
                    return ps.executeUpdate();
                })
                == 1;
    }

    /** @return how many of the account's recovery codes are unused */
    int unusedRecoveryCodes(long userId) {
        return jdbc.prepareStatement(
                "SELECT count(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at IS NULL", ps -> {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    /** @return whether an unused recovery code with this hash existed (it is now used) */
    boolean useRecoveryCode(long userId, String codeHash) {
        return jdbc.prepareStatement("""
                UPDATE totp_recovery_codes SET used_at = now()
                 WHERE id = (SELECT id FROM totp_recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)
                   AND used_at IS NULL""", ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, codeHash);
                    return ps.executeUpdate();
                })
                == 1;
    }

    /** Stores one recovery code's hash. */
    void insertRecoveryCode(long userId, String codeHash) {
        jdbc.prepareStatement("INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (?, ?)", ps -> {
            ps.setLong(1, userId);
            ps.setString(2, codeHash);
            return ps.executeUpdate();
        });
    }

    /** Deletes every recovery code of the account. */
    void deleteRecoveryCodes(long userId) {
        jdbc.prepareStatement("DELETE FROM totp_recovery_codes WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        });
    }

    /** Stores a login challenge's hash, valid for {@code ttl}, and deletes the expired ones. */
    void insertChallenge(String tokenHash, long userId, String purpose, Duration ttl) {
        jdbc.prepareStatement("""
                INSERT INTO login_challenges (token_hash, user_id, purpose, expires_at)
                VALUES (?, ?, ?, now() + make_interval(secs => ?))""", ps -> {
            ps.setString(1, tokenHash);
            ps.setLong(2, userId);
            ps.setString(3, purpose);
            ps.setLong(4, ttl.toSeconds());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM login_challenges WHERE expires_at < now()", ps -> ps.executeUpdate());
    }

    /** @return the account of an unexpired challenge with this hash and purpose, if any */
    Optional<Long> challengedUserId(String tokenHash, String purpose) {
        return jdbc.prepareStatement("""
                SELECT user_id FROM login_challenges WHERE token_hash = ? AND purpose = ? AND expires_at > now()""", ps -> {
            ps.setString(1, tokenHash);
            ps.setString(2, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** Deletes a login challenge. */
    void deleteChallenge(String tokenHash) {
        jdbc.prepareStatement("DELETE FROM login_challenges WHERE token_hash = ?", ps -> {
            ps.setString(1, tokenHash);
            return ps.executeUpdate();
        });
    }
}
