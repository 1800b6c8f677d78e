package dev.guichet.user;

import dev.guichet.auth.AuthService;
import dev.guichet.auth.PasswordHasher;
import dev.guichet.auth.PasswordPolicy;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Creates and edits accounts. Every change that should end a person's sessions (password change,
 * password reset, deactivation, role change) revokes their refresh tokens in the same transaction.
 */
@Singleton
public class UserService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuthService auth;

    UserService(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, AuthService auth) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.auth = auth;
    }

    /**
     * Creates an account.
     *
     * @throws ApiException 400 when the password breaks the policy, 409 when the email is taken
     */
    @Transactional
    public User create(UserRequests.CreateUser request) {
        String email = EmailAddresses.normalize("email", request.email());
        if (users.findByEmail(email).isPresent()) {
            throw ApiException.conflict(ProblemType.EMAIL_TAKEN);
        }
        policy.check("password", request.password(), email);
        String locale = request.locale() == null ? "fr" : request.locale();
        return users.save(User.create(
                email, hasher.hash(request.password()), request.fullName().trim(), request.role(), locale));
    }

    /**
     * Admin edit. An admin cannot demote or deactivate themself, so the last admin cannot lock
     * everyone out by accident.
     *
     * @throws ApiException 404 unknown id, 400 bad password, 409 self-demotion
     */
    @Transactional
    public User update(long actorId, long id, UserRequests.UpdateUser request) {
        User user = users.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        Role role = request.role() == null ? user.role() : request.role();
        boolean active = request.active() == null ? user.active() : request.active();
        if (actorId == id && (role != Role.ADMIN || !active)) {
            throw ApiException.conflict(ProblemType.SELF_LOCKOUT);
        }
        User updated = user.withRoleAndActive(role, active)
                .withProfile(
                        request.fullName() == null
                                ? user.fullName()
                                : request.fullName().trim(),
                        request.locale() == null ? user.locale() : request.locale(),
                        user.notificationsEnabled());
        boolean endSessions = !active || role != user.role();
        if (request.password() != null) {
            policy.check("password", request.password(), user.email());
            updated = updated.withPasswordHash(hasher.hash(request.password()));
            endSessions = true;
        }
        User saved = users.update(updated);
        if (endSessions) {
            auth.revokeAllSessions(id);
        }
        return saved;
    }

    /** A person edits their own name, locale and notification preference. */
    @Transactional
    public User updateProfile(long id, UserRequests.UpdateProfile request) {
        User user = users.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        return users.update(user.withProfile(
                request.fullName() == null
                        ? user.fullName()
                        : request.fullName().trim(),
                request.locale() == null ? user.locale() : request.locale(),
                request.notificationsEnabled() == null ? user.notificationsEnabled() : request.notificationsEnabled()));
    }

    /**
     * A person changes their password; all their sessions end.
     *
     * @throws ApiException 400 when the current password is wrong or the new one breaks the policy
     */
    @Transactional
    public void changePassword(long id, UserRequests.ChangePassword request) {
        User user = users.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        if (!hasher.matches(request.currentPassword(), user.passwordHash())) {
            throw ApiException.invalidField("current_password", "not-current-password");
        }
        policy.check("new_password", request.newPassword(), user.email());
        users.update(user.withPasswordHash(hasher.hash(request.newPassword())));
        auth.revokeAllSessions(id);
    }
}
