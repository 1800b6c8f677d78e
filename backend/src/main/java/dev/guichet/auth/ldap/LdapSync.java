package dev.guichet.auth.ldap;

import dev.guichet.auth.AuthService;
import dev.guichet.auth.ExternalAccounts;
import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nightly check of directory accounts (LDAP_SYNC_ENABLED): an account whose entry is gone from the
 * directory is deactivated and its sessions revoked; one whose groups changed gets the role they give.
 * The same rule ({@link #changeFor}, {@link #apply}) runs on directory accounts' requests
 * ({@link LdapAccountCheck}).
 * With several replicas, the run of a day is claimed in PostgreSQL (table {@code job_runs}: the first
 * insert wins), so it happens once.
 */
@Singleton
public class LdapSync {

    private static final Logger LOG = LoggerFactory.getLogger(LdapSync.class);

    private final LdapSettings settings;
    private final LdapDirectory directory;
    private final LdapQueries queries;
    private final UserRepository users;
    private final ExternalAccounts accounts;
    private final AuthService auth;

    LdapSync(
            LdapSettings settings,
            LdapDirectory directory,
            LdapQueries queries,
            UserRepository users,
            ExternalAccounts accounts,
            AuthService auth) {
        this.settings = settings;
        this.directory = directory;
        this.queries = queries;
        this.users = users;
        this.accounts = accounts;
        this.auth = auth;
    }

    /** What one run did. */
    public record Result(int checked, int deactivated, int roleChanges) {}

    /** Runs at LDAP_SYNC_CRON (default 03:15 every night), once per day across replicas. */
    @Scheduled(cron = "${guichet.ldap.sync-cron}")
    void nightly() {
        if (settings.enabled() && settings.syncEnabled()) {
            runOnce(LocalDate.now(ZoneOffset.UTC).toString())
                    .ifPresent(r -> LOG.info(
                            "Directory sync: {} accounts checked, {} deactivated, {} role changes",
                            r.checked(),
                            r.deactivated(),
                            r.roleChanges()));
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
        if (!queries.claimSync(period)) {
            return Optional.empty();
        }
        List<Long> ids = queries.activeDirectoryAccounts();
        int deactivated = 0;
        int roleChanges = 0;
        try {
            for (long id : ids) {
                Optional<User> user = users.findById(id);
                Optional<String> dn = queries.externalId(id);
                if (user.isEmpty() || dn.isEmpty()) {
                    continue;
                }
                Change change = changeFor(user.get().role(), directory.find(dn.get()));
                apply(user.get(), change);
                deactivated += change.deactivate() ? 1 : 0;
                roleChanges += change.role().isPresent() ? 1 : 0;
            }
        } catch (LdapDirectory.Unavailable e) {
            // Never deactivate anyone because the directory is down.
            LOG.error("Directory sync stopped: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Result(ids.size(), deactivated, roleChanges));
    }

    /**
     * What a directory entry asks of an active account, as this sync and the check on each request
     * ({@link LdapAccountCheck}) apply it.
     *
     * @param deactivate the entry is gone, or no longer matches {@code LDAP_USER_FILTER}
     * @param role       the role the entry's groups give, when roles follow groups and it is another one
     */
    public record Change(boolean deactivate, Optional<Role> role) {

        /** @return whether the account must change at all */
        public boolean any() {
            return deactivate || role.isPresent();
        }
    }

    /**
     * @param current the account's role now
     * @param entry   its directory entry, as {@link LdapDirectory#find} read it
     * @return what the entry asks of the account
     */
    public Change changeFor(Role current, Optional<LdapDirectory.Person> entry) {
        if (entry.isEmpty()) {
            return new Change(true, Optional.empty());
        }
        return new Change(
                false, settings.groupRoles().roleOf(entry.get().groups()).filter(role -> role != current));
    }

    /**
     * Applies a change: a gone account is deactivated and its sessions revoked (refresh tokens, and
     * access tokens through the session version); a new role is set by {@link ExternalAccounts#applyRole},
     * which ends the account's sessions as an admin's role change does.
     *
     * @param user   the account, as read before the change
     * @param change from {@link #changeFor}; nothing happens when it asks for nothing
     */
    @Transactional
    public void apply(User user, Change change) {
        if (change.deactivate()) {
            users.update(user.withRoleAndActive(user.role(), false));
            auth.revokeAllSessions(user.id());
            LOG.info("Account {} is gone from the directory: deactivated", user.id());
        } else if (change.role().isPresent()) {
            accounts.applyRole(user, change.role());
        }
    }
}
