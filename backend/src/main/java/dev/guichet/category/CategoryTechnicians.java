package dev.guichet.category;

import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Who is alerted about new tickets of a category (table {@code category_technicians}). A category
 * nobody is mapped to alerts every active technician and admin (see the notification package).
 * The mapping's SQL is in {@link CategoryQueries}.
 */
@Singleton
public class CategoryTechnicians {

    private final CategoryQueries queries;
    private final UserRepository users;

    CategoryTechnicians(CategoryQueries queries, UserRepository users) {
        this.queries = queries;
        this.users = users;
    }

    /**
     * Who is alerted about a ticket of this category (a new ticket, an unassigned SLA escalation, a
     * low satisfaction score): the people mapped to it who can work it now (active technicians and
     * admins), else every active technician and admin.
     *
     * @param categoryId the ticket's category, or null
     * @return user ids; notification preferences are left to the caller
     */
    public List<Long> alerted(@Nullable Long categoryId) {
        List<Long> mapped = categoryId == null ? List.of() : queries.technicianIds(categoryId);
        List<Long> working = users.findByIdIn(mapped).stream()
                .filter(u -> u.active() && u.role().isAgent())
                .map(User::id)
                .toList();
        return working.isEmpty() ? users.findAssignable().stream().map(User::id).toList() : working;
    }
}
