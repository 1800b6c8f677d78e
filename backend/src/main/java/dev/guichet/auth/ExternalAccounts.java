package dev.guichet.auth;

import dev.guichet.user.Role;
import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts whose identity an OpenID Connect provider or an LDAP directory proves: found by
 * (source, external id), provisioned just in time on first login, kept in step with the provider's
 * email, name and (when roles follow groups) role on every login.
 */
@Singleton
public class ExternalAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalAccounts.class);

    /** Where an account signs in (column {@code users.auth_source}, migration V17). */
    public enum Source {
        OIDC,
        LDAP
    }

    private final UserRepository users;
    private final AuthQueries queries;
    private final PasswordHasher hasher;
    private final AuthService auth;
    private final LocalLogin localLogin;

    ExternalAccounts(
            UserRepository users, AuthQueries queries, PasswordHasher hasher, AuthService auth, LocalLogin localLogin) {
        this.users = users;
        this.queries = queries;
        this.hasher = hasher;
        this.auth = auth;
        this.localLogin = localLogin;
    }

    /**
     * What the provider or directory says of a person.
     *
     * @param source     OIDC or LDAP
     * @param externalId issuer + subject for OIDC, entry DN for LDAP
     * @param email      lower-cased address
     * @param fullName   display name (the email when the provider gives none)
     * @param locale     {@code fr} or {@code en}
     * @param role       the role groups give, or empty when roles stay managed in Guichet
     */
    public record Identity(
            Source source, String externalId, String email, String fullName, String locale, Optional<Role> role) {}

    /**
     * Finds or creates the account of a proven identity and brings it up to date.
     * An existing local account with the same email is linked on first login (from then on it signs
     * in only through the provider or directory), except a break-glass admin, which stays local.
     *
     * @return the account, possibly deactivated (the caller refuses it)
     * @throws ApiException 409 {@code account-conflict} when the email belongs to an account of the
     *     other external source or to a break-glass admin
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public User signInOrProvision(Identity identity) {
        Optional<User> linked = findLinked(identity.source(), identity.externalId());
        User user;
        if (linked.isPresent()) {
            user = linked.get();
            if (!user.email().equals(identity.email())
                    && users.findByEmail(identity.email()).isEmpty()) {
                queries.updateEmail(user.id(), identity.email());
            }
        } else {
            Optional<User> sameEmail = users.findByEmail(identity.email());
            if (sameEmail.isPresent()) {
                user = sameEmail.get();
                if (!"LOCAL".equals(sourceOf(user.id())) || localLogin.isBreakGlass(user.email())) {
                    throw ApiException.of(ProblemType.ACCOUNT_CONFLICT);
                }
                link(user.id(), identity);
                LOG.info("Linked account {} to {}", user.id(), identity.source());
            } else {
                // No usable password: a random one, hashed, so local login never matches.
                user = users.save(User.create(
                        identity.email(),
                        hasher.hash(OpaqueTokens.newToken()),
                        identity.fullName(),
                        identity.role().orElse(Role.EMPLOYEE),
                        identity.locale()));
                link(user.id(), identity);
                LOG.info("Provisioned account {} from {}", user.id(), identity.source());
            }
        }
        return applyRole(users.findById(user.id()).orElseThrow(), identity.role());
    }

    /**
     * Sets the role groups give, if it differs; a change ends the account's earlier sessions, as an
     * admin's role change does.
     *
     * @return the account as it is now
     */
    @Transactional
    public User applyRole(User user, Optional<Role> role) {
        if (role.isEmpty() || role.get() == user.role()) {
            return user;
        }
        LOG.info("Role of account {} follows its groups: {} -> {}", user.id(), user.role(), role.get());
        User changed = users.update(user.withRoleAndActive(role.get(), user.active()));
        auth.revokeAllSessions(user.id());
        return changed;
    }

    /** @return the account linked to this external identity, if any */
    public Optional<User> findLinked(Source source, String externalId) {
        return queries.linkedUserId(source.name(), externalId).flatMap(users::findById);
    }

    /** @return {@code LOCAL}, {@code OIDC} or {@code LDAP} */
    public String sourceOf(long userId) {
        return queries.authSource(userId);
    }

    private void link(long userId, Identity identity) {
        queries.link(userId, identity.source().name(), identity.externalId());
    }
}
