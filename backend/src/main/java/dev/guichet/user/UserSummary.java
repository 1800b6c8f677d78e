package dev.guichet.user;

import io.micronaut.serde.annotation.Serdeable;

/** A person as shown next to a ticket or a comment. */
@Serdeable
public record UserSummary(long id, String fullName, String email, Role role) {

    /** @param user the stored account */
    public static UserSummary of(User user) {
        return new UserSummary(user.id(), user.fullName(), user.email(), user.role());
    }
}
