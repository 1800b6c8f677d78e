package dev.guichet.auth.ldap;

import dev.guichet.auth.AuthService;
import dev.guichet.auth.ExternalAccounts;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nightly check of directory accounts (LDAP_SYNC_ENABLED): an account whose entry is gone from the
 * directory is deactivated and its sessions revoked; one whose groups changed gets the role they give.
 * With several replicas, the run of a day is claimed in PostgreSQL (table {@code job_runs}: the first
 * insert wins), so it happens once.
 */
@Singleton
public class LdapSync {

    private static final Logger LOG = LoggerFactory.getLogger(LdapSync.class);

    private final LdapSettings settings;
    private final LdapDirectory directory;
    private final JdbcOperations jdbc;
    private final UserRepository users;
    private final ExternalAccounts accounts;
    private final AuthService auth;

    LdapSync(LdapSettings settings, LdapDirectory directory, JdbcOperations jdbc, UserRepository users,
             ExternalAccounts accounts, AuthService auth) {
        this.settings = settings;
        this.directory = directory;
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.auth = auth;
    }

    /** What one run did. */
    public record Result(int checked, int deactivated, int roleChanges) {
    }

    /** Runs at LDAP_SYNC_CRON (default 03:15 every night), once per day across replicas. */
    @Scheduled(cron = "${guichet.ldap.sync-cron:0 15 3 * * ?}")
    void nightly() {
        if (settings.enabled() && settings.syncEnabled()) {
            runOnce(LocalDate.now(ZoneOffset.UTC).toString()).ifPresent(r -> LOG.info(
                    "Directory sync: {} accounts checked, {} deactivated, {} role changes", r.checked(), r.deactivated(), r.roleChanges()));
        }
    }

    /**
     * Claims the run of a period and, if this replica won it, syncs.
     *
     * @param period the period's key ({@code 2026-12-04} for a daily run)
     * @return what the run did, or empty when another replica already claimed the period or the
     *     directory could not be reached (then nothing is changed)
     */
    @Transactional
    public Optional<Result> runOnce(String period) {
        int claimed = jdbc.prepareStatement(
                "INSERT INTO job_runs (job, period) VALUES ('ldap-sync', ?) ON CONFLICT DO NOTHING", ps -> {
                    ps.setString(1, period);
                    return ps.executeUpdate();
                });
        if (claimed == 0) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM users WHERE auth_source = 'LDAP' AND active ORDER BY id", ps -> {
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        });
        int deactivated = 0;
        int roleChanges = 0;
        try {
            for (long id : ids) {
                Optional<User> user = users.findById(id);
                Optional<String> dn = externalId(id);
                if (user.isEmpty() || dn.isEmpty()) {
                    continue;
                }
                Optional<LdapDirectory.Person> entry = directory.find(dn.get());
                if (entry.isEmpty()) {
                    users.update(user.get().withRoleAndActive(user.get().role(), false));
                    auth.revokeAllSessions(id);
                    deactivated++;
                    LOG.info("Account {} is gone from the directory: deactivated", id);
                } else {
                    var role = settings.groupRoles().roleOf(entry.get().groups());
                    if (role.isPresent() && role.get() != user.get().role()) {
                        accounts.applyRole(user.get(), role);
                        roleChanges++;
                    }
                }
            }
        } catch (LdapDirectory.Unavailable e) {
            // Never deactivate anyone because the directory is down.
            LOG.error("Directory sync stopped: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Result(ids.size(), deactivated, roleChanges));
    }

    private Optional<String> externalId(long id) {
        return jdbc.prepareStatement("SELECT external_id FROM users WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
