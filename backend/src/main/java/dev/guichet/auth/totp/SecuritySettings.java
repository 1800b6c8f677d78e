package dev.guichet.auth.totp;

import dev.guichet.user.Role;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The security settings an administrator changes in Guichet (table {@code security_settings}, one
 * row, migration V17): for now, the roles whose local accounts must use two-factor authentication.
 */
@Singleton
@Connectable
public class SecuritySettings {

    private final JdbcOperations jdbc;

    SecuritySettings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the roles that must use two-factor authentication; empty when none (the default) */
    public Set<Role> twoFactorRequiredRoles() {
        return jdbc.prepareStatement("SELECT two_factor_required_roles FROM security_settings WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                if (rs.next()) {
                    Arrays.stream((Object[]) rs.getArray(1).getArray()).map(o -> Role.valueOf((String) o)).forEach(roles::add);
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
            Array array = ps.getConnection().createArrayOf("varchar", roles.stream().map(Role::name).sorted().toArray());
            ps.setArray(1, array);
            return ps.executeUpdate();
        });
    }
}
