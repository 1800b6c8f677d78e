package dev.guichet.user;

/**
 * What a person may do in Guichet (docs/architecture.md, "Roles and what each may do"): an EMPLOYEE files
 * and follows their own tickets, a TECHNICIAN works every ticket, an ADMIN also manages people and
 * categories.
 */
public enum Role {
    EMPLOYEE,
    TECHNICIAN,
    ADMIN;

    /** @return true for roles that work tickets (technicians and admins) */
    public boolean isAgent() {
        return this != EMPLOYEE;
    }
}
