package dev.guichet.ticket;

import dev.guichet.user.Role;
import dev.guichet.user.UserSummary;
import dev.guichet.web.PageResponse;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads tickets with their requester, assignee and category in one query each, and lists them
 * with the API's filters, full-text search and pagination. Full text uses the accent-insensitive
 * {@code guichet_fr} and {@code guichet_en} configurations with {@code websearch_to_tsquery}.
 */
@Singleton
@Connectable
public class TicketQueries {

    private static final String SELECT = """
            SELECT t.id, t.title, t.description, t.status, t.priority, t.version, t.created_at, t.updated_at,
                   t.resolved_at, t.closed_at,
                   c.id AS category_id, c.name AS category_name,
                   r.id AS requester_id, r.full_name AS requester_name, r.email AS requester_email, r.role AS requester_role,
                   a.id AS assignee_id, a.full_name AS assignee_name, a.email AS assignee_email, a.role AS assignee_role
            """;
    private static final String FROM = """
              FROM tickets t
              JOIN users r ON r.id = t.requester_id
              LEFT JOIN users a ON a.id = t.assignee_id
              LEFT JOIN categories c ON c.id = t.category_id
            """;
    private static final String TSQUERY =
            "(websearch_to_tsquery('guichet_fr', ?) || websearch_to_tsquery('guichet_en', ?))";

    private final JdbcOperations jdbc;

    TicketQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the ticket, whoever may see it (callers check visibility) */
    public Optional<TicketResponse> findById(long id) {
        return jdbc.prepareStatement(SELECT + FROM + " WHERE t.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * One page of tickets matching {@code filter}.
     *
     * @param page 0-based page
     * @param size rows per page (the controller caps it at 100)
     */
    public PageResponse<TicketResponse> list(TicketFilter filter, TicketSort sort, int page, int size) {
        Where where = where(filter);
        String rank = filter.query() == null ? "0" : "ts_rank_cd(t.search_vector, " + TSQUERY + ")";
        String sql = SELECT + ", " + rank + " AS rank " + FROM + where.sql
                + " ORDER BY " + sort.orderBy() + " LIMIT ? OFFSET ?";
        List<TicketResponse> items = jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (filter.query() != null) {
                ps.setString(i++, filter.query());
                ps.setString(i++, filter.query());
            }
            i = where.bind(ps, i);
            ps.setInt(i++, size);
            ps.setLong(i, (long) page * size);
            List<TicketResponse> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        });
        long total = jdbc.prepareStatement("SELECT count(*) " + FROM + where.sql, ps -> {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new PageResponse<>(items, page, size, total);
    }

    /** @return how many tickets match {@code filter} in each status (every status present, 0 included) */
    public Map<TicketStatus, Long> countByStatus(TicketFilter filter) {
        Where where = where(filter.withoutStatuses());
        return jdbc.prepareStatement("SELECT t.status, count(*) " + FROM + where.sql + " GROUP BY t.status", ps -> {
            where.bind(ps, 1);
            Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
            for (TicketStatus s : TicketStatus.values()) {
                counts.put(s, 0L);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static Where where(TicketFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND t.status IN (").append(placeholders(filter.statuses().size())).append(')');
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (!filter.priorities().isEmpty()) {
            sql.append(" AND t.priority IN (").append(placeholders(filter.priorities().size())).append(')');
            filter.priorities().forEach(p -> params.add(p.name()));
        }
        if (filter.categoryId() != null) {
            sql.append(" AND t.category_id = ?");
            params.add(filter.categoryId());
        }
        if (filter.unassigned()) {
            sql.append(" AND t.assignee_id IS NULL");
        } else if (filter.assigneeId() != null) {
            sql.append(" AND t.assignee_id = ?");
            params.add(filter.assigneeId());
        }
        if (filter.requesterId() != null) {
            sql.append(" AND t.requester_id = ?");
            params.add(filter.requesterId());
        }
        if (filter.query() != null) {
            sql.append(" AND t.search_vector @@ ").append(TSQUERY);
            params.add(filter.query());
            params.add(filter.query());
        }
        return new Where(sql.toString(), params);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static TicketResponse map(ResultSet rs) throws SQLException {
        long categoryId = rs.getLong("category_id");
        TicketResponse.CategoryRef category = rs.wasNull() ? null
                : new TicketResponse.CategoryRef(categoryId, rs.getString("category_name"));
        long assigneeId = rs.getLong("assignee_id");
        UserSummary assignee = rs.wasNull() ? null : new UserSummary(assigneeId, rs.getString("assignee_name"),
                rs.getString("assignee_email"), Role.valueOf(rs.getString("assignee_role")));
        UserSummary requester = new UserSummary(rs.getLong("requester_id"), rs.getString("requester_name"),
                rs.getString("requester_email"), Role.valueOf(rs.getString("requester_role")));
        return new TicketResponse(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                category, requester, assignee, rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"), Set.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private record Where(String sql, List<Object> params) {
        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            return i;
        }
    }
}
