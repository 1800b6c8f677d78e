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
 * The number of tickets in each status, read from the ledger {@code ticket_status_counts} that a
 * trigger appends to in the same transaction as every ticket insert, status change or delete
 * (migration V8). Reading sums a handful of rows, whatever the number of tickets; the ledger is
 * folded back to one row per status every 30 s.
 */
@Singleton
@Connectable
public class TicketCounts {

    private final JdbcOperations jdbc;

    TicketCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return every status with its number of tickets (0 included) */
    public Map<TicketStatus, Long> all() {
        return jdbc.prepareStatement("SELECT status, sum(n) FROM ticket_status_counts GROUP BY status", ps -> {
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
                WITH moved AS (DELETE FROM ticket_status_counts RETURNING status, n),
                     folded AS (INSERT INTO ticket_status_counts (status, n)
                                SELECT status, sum(n) FROM moved GROUP BY status HAVING sum(n) <> 0)
                SELECT count(*) FROM moved""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
