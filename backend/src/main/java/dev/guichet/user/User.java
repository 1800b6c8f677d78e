package dev.guichet.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A person with an account (table {@code users}). Never serialized to clients: see {@link UserResponse}.
 *
 * @param id                   database id
 * @param email                lower-cased login, unique
 * @param passwordHash         password4j hash (bcrypt or Argon2id, self-describing)
 * @param fullName             display name
 * @param role                 what the person may do
 * @param locale               {@code fr} or {@code en}: language of the interface and emails
 * @param active               false once deactivated: cannot log in, tokens revoked
 * @param notificationsEnabled whether the person receives email notifications
 * @param createdAt            creation instant
 * @param updatedAt            last change instant
 */
@MappedEntity("users")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String email,
        String passwordHash,
        String fullName,
        Role role,
        String locale,
        boolean active,
        boolean notificationsEnabled,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    /** Creates a new, active account with notifications on. */
    public static User create(String email, String passwordHash, String fullName, Role role, String locale) {
        return new User(null, email, passwordHash, fullName, role, locale, true, true, null, null);
    }

    public User withPasswordHash(String hash) {
        return new User(id, email, hash, fullName, role, locale, active, notificationsEnabled, createdAt, updatedAt);
    }

    public User withProfile(String newFullName, String newLocale, boolean newNotifications) {
        return new User(
                id, email, passwordHash, newFullName, role, newLocale, active, newNotifications, createdAt, updatedAt);
    }

    public User withRoleAndActive(Role newRole, boolean newActive) {
        return new User(
                id,
                email,
                passwordHash,
                fullName,
                newRole,
                locale,
                newActive,
                notificationsEnabled,
                createdAt,
                updatedAt);
    }
}
