package dev.guichet.auth;

import dev.guichet.user.Role;
import io.micronaut.security.authentication.Authentication;

/**
 * The authenticated person behind a request, as read from their access token.
 *
 * @param id   user id (the JWT subject)
 * @param role the role the token was issued for
 */
public record Caller(long id, Role role) {

    /** Claim holding the role names, as Micronaut Security reads them. */
    static final String ROLES_CLAIM = "roles";

    /**
     * @param authentication what Micronaut Security validated from the bearer token
     * @return the caller
     */
    public static Caller of(Authentication authentication) {
        Role role = authentication.getRoles().stream()
                .map(Role::valueOf)
                .findFirst()
                .orElse(Role.EMPLOYEE);
        return new Caller(Long.parseLong(authentication.getName()), role);
    }

    /** @return true for technicians and admins */
    public boolean isAgent() {
        return role.isAgent();
    }

    /** @return true for admins */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
