package dev.guichet.auth.ldap;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the directory sync: the claim of a run (table {@code job_runs}: the first insert of a
 * job and period wins, so one replica runs it) and the directory accounts it checks.
 */
@Singleton
@Connectable
public class LdapQueries {

    private final JdbcOperations jdbc;

    LdapQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param period the period's key ({@code 2026-12-04} for a daily run)
     * @return whether this call claimed the sync of the period (false: already claimed)
     */
    boolean claimSync(String period) {
        return jdbc.prepareStatement(
                        "INSERT INTO job_runs (job, period) VALUES ('ldap-sync', ?) ON CONFLICT DO NOTHING", ps -> {
                            ps.setString(1, period);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** @return the ids of the active directory accounts, in order */
    List<Long> activeDirectoryAccounts() {
        return jdbc.prepareStatement("SELECT id FROM users WHERE auth_source = 'LDAP' AND active ORDER BY id", ps -> {
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        });
    }

    /** @return the account's external id (its entry's DN for a directory account), if it has one */
    Optional<String> externalId(long userId) {
        return jdbc.prepareStatement("SELECT external_id FROM users WHERE id = ?", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
