package dev.guichet.user;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A person as the API shows them: never the password hash. */
@Serdeable
public record UserResponse(
        long id,
        String email,
        String fullName,
        Role role,
        String locale,
        boolean active,
        boolean notificationsEnabled,
        Instant createdAt) {

    /** @param user the stored account */
    public static UserResponse of(User user) {
        return new UserResponse(
                user.id(),
                user.email(),
                user.fullName(),
                user.role(),
                user.locale(),
                user.active(),
                user.notificationsEnabled(),
                user.createdAt());
    }
}
