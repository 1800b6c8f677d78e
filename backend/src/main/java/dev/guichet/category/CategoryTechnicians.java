package dev.guichet.category;

import dev.guichet.user.User;
import dev.guichet.user.UserRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who is alerted about new tickets of a category (table {@code category_technicians}). A category
 * nobody is mapped to alerts every active technician and admin (see the notification package).
 */
@Singleton
@Connectable
public class CategoryTechnicians {

    private final JdbcOperations jdbc;
    private final UserRepository users;

    CategoryTechnicians(JdbcOperations jdbc, UserRepository users) {
        this.jdbc = jdbc;
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
        List<Long> mapped = categoryId == null ? List.of() : of(categoryId);
        List<Long> working = users.findByIdIn(mapped).stream().filter(u -> u.active() && u.role().isAgent())
                .map(User::id).toList();
        return working.isEmpty() ? users.findAssignable().stream().map(User::id).toList() : working;
    }

    /** @return the ids of the people mapped to the category, whatever their current state */
    public List<Long> of(long categoryId) {
        return jdbc.prepareStatement("SELECT user_id FROM category_technicians WHERE category_id = ? ORDER BY user_id", ps -> {
            ps.setLong(1, categoryId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Replaces the category's list; must run inside the caller's transaction. */
    public void replace(long categoryId, Collection<Long> userIds) {
        jdbc.prepareStatement("DELETE FROM category_technicians WHERE category_id = ?", ps -> {
            ps.setLong(1, categoryId);
            return ps.executeUpdate();
        });
        for (long userId : userIds) {
            jdbc.prepareStatement("INSERT INTO category_technicians (category_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", ps -> {
                ps.setLong(1, categoryId);
                ps.setLong(2, userId);
                return ps.executeUpdate();
            });
        }
    }
}
