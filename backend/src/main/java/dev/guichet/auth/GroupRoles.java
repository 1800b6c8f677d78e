package dev.guichet.auth;

import dev.guichet.user.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles that follow directory groups (OIDC_ADMIN_GROUPS / OIDC_TECHNICIAN_GROUPS, LDAP_ADMIN_GROUPS /
 * LDAP_TECHNICIAN_GROUPS). With neither list set, roles stay managed in Guichet. A group matches when
 * its name equals a listed one, ignoring case (the LDAP side passes both a group's DN and its CN).
 *
 * @param admin      group names that make an admin
 * @param technician group names that make a technician
 */
public record GroupRoles(Set<String> admin, Set<String> technician) {

    /**
     * @param adminCsv      comma-separated admin group names, may be blank
     * @param technicianCsv comma-separated technician group names, may be blank
     * @return the mapping
     */
    public static GroupRoles parse(String adminCsv, String technicianCsv) {
        return new GroupRoles(names(adminCsv), names(technicianCsv));
    }

    private static Set<String> names(String csv) {
        return csv == null
                ? Set.of()
                : Arrays.stream(csv.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** @return whether roles follow groups at all */
    public boolean enabled() {
        return !admin.isEmpty() || !technician.isEmpty();
    }

    /**
     * @param groups the person's groups as the provider or directory lists them
     * @return the role they give (ADMIN before TECHNICIAN, else EMPLOYEE), or empty when roles stay
     *     managed in Guichet
     */
    public Optional<Role> roleOf(Collection<String> groups) {
        if (!enabled()) {
            return Optional.empty();
        }
        Set<String> names = groups.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (names.stream().anyMatch(admin::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (names.stream().anyMatch(technician::contains)) {
            return Optional.of(Role.TECHNICIAN);
        }
        return Optional.of(Role.EMPLOYEE);
    }
}
