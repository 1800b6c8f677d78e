package dev.guichet.ticket;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL that counts tickets in each status, from the ledger {@code ticket_status_counts} that a
 * trigger appends to in the same transaction as every ticket insert, delete or change of status,
 * priority, category or assignee (migration V8). Reading sums at most a few thousand rows,
 * whatever the number of tickets; the ledger is folded back to one row per key every 30 s.
 */
@Singleton
@Connectable
public class TicketCountQueries {

    private final JdbcOperations jdbc;

    TicketCountQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return whether the ledger can count this filter exactly: no full text and no requester
     *         (the ledger is keyed by status, priority, category and assignee only)
     */
    public static boolean covers(TicketFilter filter) {
        return filter.query() == null
                && filter.requesterId() == null
                && filter.unreadFor() == null
                && filter.sla() == null;
    }

    /**
     * @param filter a filter the ledger {@link #covers}; its statuses are ignored
     * @return every status with its number of matching tickets (0 included)
     */
    public Map<TicketStatus, Long> count(TicketFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (!filter.priorities().isEmpty()) {
            where.append(" AND priority = ANY (?::varchar[])");
            params.add(filter.priorities().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.categoryId() != null) {
            where.append(" AND category_id = ?");
            params.add(filter.categoryId());
        }
        if (filter.unassigned()) {
            where.append(" AND assignee_id IS NULL");
        } else if (filter.assigneeId() != null) {
            where.append(" AND assignee_id = ?");
            params.add(filter.assigneeId());
        }
        return jdbc.prepareStatement(
                "SELECT status, sum(n) FROM ticket_status_counts" + where + " GROUP BY status", ps -> {
                    int i = 1;
                    for (Object p : params) {
                        if (p instanceof String[] values) {
                            ps.setArray(i++, ps.getConnection().createArrayOf("varchar", values));
                        } else {
                            ps.setObject(i++, p);
                        }
                    }
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

    /**
     * Folds the ledger into one row per status, in one statement: readers see the sums before or
     * after, never in between; rows appended meanwhile are left for the next run. Safe on every
     * replica at once (a row already folded by another replica is simply skipped).
     *
     * @return the number of ledger rows folded
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "10s")
    @Transactional
    public int compact() {
        return jdbc.prepareStatement("""
                WITH moved AS (DELETE FROM ticket_status_counts RETURNING status, priority, category_id, assignee_id, n),
                     folded AS (INSERT INTO ticket_status_counts (status, priority, category_id, assignee_id, n)
                                SELECT status, priority, category_id, assignee_id, sum(n) FROM moved
                                 GROUP BY status, priority, category_id, assignee_id HAVING sum(n) <> 0)
                SELECT count(*) FROM moved""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
