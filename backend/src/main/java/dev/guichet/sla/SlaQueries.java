package dev.guichet.sla;

import dev.guichet.ticket.Priority;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of SLA settings: the {@code sla_policies} table (the policy that applies to a ticket, and
 * the admin's CRUD) and the business calendar's closed days ({@code sla_closed_days}). The SLA
 * columns of tickets are in {@link SlaTicketQueries}.
 */
@Singleton
@Connectable
public class SlaQueries {

    private static final String SELECT = """
            SELECT p.id, p.priority, p.category_id, c.name AS category_name, p.name_fr, p.name_en,
                   p.first_response_minutes, p.resolution_minutes, p.updated_at
              FROM sla_policies p LEFT JOIN categories c ON c.id = p.category_id
            """;

    private final JdbcOperations jdbc;

    SlaQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the policy of this priority and category if there is one, else the policy of this
     *         priority for any category, else empty (no SLA applies)
     */
    public Optional<SlaPolicy> applying(Priority priority, @Nullable Long categoryId) {
        return jdbc.prepareStatement(SELECT + """
                 WHERE p.priority = ? AND (p.category_id IS NULL OR p.category_id = ?)
                 ORDER BY p.category_id NULLS LAST LIMIT 1""", ps -> {
            ps.setString(1, priority.name());
            ps.setObject(2, categoryId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** @return every policy: the defaults (no category) first, then by category name, by priority */
    public List<SlaPolicy> all() {
        return jdbc.prepareStatement(SELECT + """
                 ORDER BY p.category_id IS NOT NULL, lower(c.name),
                          array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW']::varchar[], p.priority)""", ps -> {
            List<SlaPolicy> policies = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    policies.add(map(rs));
                }
            }
            return policies;
        });
    }

    /** @return the policy, or 404 */
    public SlaPolicy get(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE p.id = ?", ps -> {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.<SlaPolicy>empty();
                    }
                })
                .orElseThrow(() -> ApiException.notFound("sla-policy"));
    }

    /**
     * Inserts ({@code id} null) or updates a policy.
     *
     * @return the policy's id
     * @throws ApiException 409 {@code sla-policy-exists} when another policy has this priority and
     *                      category; 404 when {@code id} does not exist
     */
    public long save(@Nullable Long id, SlaRequests.Policy p) {
        Optional<Long> clash = jdbc.prepareStatement("""
                SELECT id FROM sla_policies WHERE priority = ? AND category_id IS NOT DISTINCT FROM ?
                   AND id IS DISTINCT FROM ?""", ps -> {
            ps.setString(1, p.priority().name());
            ps.setObject(2, p.categoryId());
            ps.setObject(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
        if (clash.isPresent()) {
            throw ApiException.conflict(ProblemType.SLA_POLICY_EXISTS, clash.get());
        }
        String sql = id == null ? """
                  INSERT INTO sla_policies (priority, category_id, name_fr, name_en, first_response_minutes, resolution_minutes)
                  VALUES (?, ?, ?, ?, ?, ?) RETURNING id""" : """
                  UPDATE sla_policies SET priority = ?, category_id = ?, name_fr = ?, name_en = ?,
                         first_response_minutes = ?, resolution_minutes = ?, updated_at = now()
                   WHERE id = ? RETURNING id""";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, p.priority().name());
            ps.setObject(2, p.categoryId());
            ps.setString(3, p.nameFr().strip());
            ps.setString(4, p.nameEn().strip());
            ps.setInt(5, p.firstResponseMinutes());
            ps.setInt(6, p.resolutionMinutes());
            if (id != null) {
                ps.setLong(7, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("sla-policy");
                }
                return rs.getLong(1);
            }
        });
    }

    /** @return whether a policy was deleted */
    public boolean delete(long id) {
        return jdbc.prepareStatement("DELETE FROM sla_policies WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** @return every closed day */
    public Set<LocalDate> closedDays() {
        return jdbc.prepareStatement("SELECT day FROM sla_closed_days", ps -> {
            Set<LocalDate> days = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
            return days;
        });
    }

    /** @return the closed days of one year, by date */
    public List<SlaController.ClosedDay> closedDays(int year) {
        return jdbc.prepareStatement(
                "SELECT day, label FROM sla_closed_days WHERE day >= ? AND day < ? ORDER BY day", ps -> {
                    ps.setObject(1, LocalDate.of(year, 1, 1));
                    ps.setObject(2, LocalDate.of(year + 1, 1, 1));
                    List<SlaController.ClosedDay> days = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            days.add(new SlaController.ClosedDay(rs.getObject(1, LocalDate.class), rs.getString(2)));
                        }
                    }
                    return days;
                });
    }

    /** Adds a closed day, or renames it when it exists. */
    public void saveClosedDay(LocalDate day, String label) {
        jdbc.prepareStatement("""
                INSERT INTO sla_closed_days (day, label) VALUES (?, ?)
                ON CONFLICT (day) DO UPDATE SET label = excluded.label""", ps -> {
            ps.setObject(1, day);
            ps.setString(2, label);
            return ps.executeUpdate();
        });
    }

    /** @return whether the day was a closed day (and no longer is) */
    public boolean deleteClosedDay(LocalDate day) {
        return jdbc.prepareStatement("DELETE FROM sla_closed_days WHERE day = ?", ps -> {
            ps.setObject(1, day);
            return ps.executeUpdate() == 1;
        });
    }

    private static SlaPolicy map(ResultSet rs) throws SQLException {
        return new SlaPolicy(
                rs.getLong("id"),
                Priority.valueOf(rs.getString("priority")),
                rs.getObject("category_id", Long.class),
                rs.getString("category_name"),
                rs.getString("name_fr"),
                rs.getString("name_en"),
                rs.getInt("first_response_minutes"),
                rs.getInt("resolution_minutes"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
