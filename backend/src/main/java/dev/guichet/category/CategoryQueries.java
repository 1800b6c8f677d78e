package dev.guichet.category;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The hand-written SQL of categories: who is mapped to each (table {@code category_technicians}).
 * Plain reads and writes of categories are in {@link CategoryRepository}.
 */
@Singleton
@Connectable
public class CategoryQueries {

    private final JdbcOperations jdbc;

    CategoryQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the ids of the people mapped to the category, whatever their current state */
    public List<Long> technicianIds(long categoryId) {
        return jdbc.prepareStatement(
                "SELECT user_id FROM category_technicians WHERE category_id = ? ORDER BY user_id", ps -> {
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

    /** Replaces the people mapped to the category; must run inside the caller's transaction. */
    public void replaceTechnicians(long categoryId, Collection<Long> userIds) {
        jdbc.prepareStatement("DELETE FROM category_technicians WHERE category_id = ?", ps -> {
            ps.setLong(1, categoryId);
            return ps.executeUpdate();
        });
        for (long userId : userIds) {
            jdbc.prepareStatement(
                    "INSERT INTO category_technicians (category_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    ps -> {
                        ps.setLong(1, categoryId);
                        ps.setLong(2, userId);
                        return ps.executeUpdate();
                    });
        }
    }
}
