package dev.guichet.ticket;

import dev.guichet.ticket.TicketHistory.Entry;
import dev.guichet.ticket.TicketHistory.Field;
import dev.guichet.user.Role;
import dev.guichet.user.UserSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the audit trail of tickets (table {@code ticket_history}). Entries are written by
 * {@link TicketService} inside the transaction of the change they record, so a change and its
 * history commit or roll back together. Assignee and category values are stored as ids and shown
 * as names.
 */
@Singleton
@Connectable
public class TicketHistoryQueries {

    private final JdbcOperations jdbc;

    TicketHistoryQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one entry; must run inside the caller's transaction. */
    public void record(
            long ticketId, @Nullable Long actorId, Field field, @Nullable Object oldValue, @Nullable Object newValue) {
        jdbc.prepareStatement(
                "INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, ticketId);
                    ps.setObject(2, actorId);
                    ps.setString(3, field.name());
                    ps.setString(4, oldValue == null ? null : oldValue.toString());
                    ps.setString(5, newValue == null ? null : newValue.toString());
                    return ps.executeUpdate();
                });
    }

    /**
     * @param withInternalNotes whether entries for internal notes are included (technicians and admins)
     * @return the entries of a ticket, oldest first, with names for assignee and category values
     */
    public List<Entry> of(long ticketId, boolean withInternalNotes) {
        String sql = """
                SELECT h.id, h.field, h.created_at, u.id AS actor_id, u.full_name, u.email, u.role,
                       CASE h.field WHEN 'assignee' THEN ou.full_name WHEN 'category' THEN oc.name ELSE h.old_value END AS old_value,
                       CASE h.field WHEN 'assignee' THEN nu.full_name WHEN 'category' THEN nc.name ELSE h.new_value END AS new_value
                  FROM ticket_history h
                  LEFT JOIN users u ON u.id = h.actor_id
                  LEFT JOIN users ou ON h.field = 'assignee' AND ou.id = CASE WHEN h.field = 'assignee' THEN h.old_value::bigint END
                  LEFT JOIN users nu ON h.field = 'assignee' AND nu.id = CASE WHEN h.field = 'assignee' THEN h.new_value::bigint END
                  LEFT JOIN categories oc ON h.field = 'category' AND oc.id = CASE WHEN h.field = 'category' THEN h.old_value::bigint END
                  LEFT JOIN categories nc ON h.field = 'category' AND nc.id = CASE WHEN h.field = 'category' THEN h.new_value::bigint END
                 WHERE h.ticket_id = ? AND (? OR h.field <> 'internal_note')
                 ORDER BY h.created_at, h.id""";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, ticketId);
            ps.setBoolean(2, withInternalNotes);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actorId = rs.getLong("actor_id");
                    UserSummary actor = rs.wasNull()
                            ? null
                            : new UserSummary(
                                    actorId,
                                    rs.getString("full_name"),
                                    rs.getString("email"),
                                    Role.valueOf(rs.getString("role")));
                    entries.add(new Entry(
                            rs.getLong("id"),
                            ticketId,
                            actor,
                            rs.getString("field"),
                            rs.getString("old_value"),
                            rs.getString("new_value"),
                            TicketQueries.instant(rs, "created_at")));
                }
            }
            return entries;
        });
    }
}
