package dev.guichet.ticket;

import dev.guichet.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Map;

/**
 * A whitelisted sort order for ticket listings, parsed from {@code field[,asc|desc]}. Only the
 * columns below can be sorted on, so a client can never inject SQL through {@code sort}. Every
 * order ends with the ticket id in the same direction, so ties are stable and the keyset cursor
 * ({@link TicketCursor}) can resume exactly after the last row; each key has a matching index
 * (migration V8).
 *
 * @param field     the API's name of the sort key ({@code rank} for relevance)
 * @param key       the SQL expression of the sort key
 * @param type      how the key is carried in a cursor
 * @param ascending the direction of both the key and the id
 */
public record TicketSort(String field, String key, KeyType type, boolean ascending) {

    /** How a sort key's value travels in a cursor and is bound back as a parameter. */
    public enum KeyType {
        TIMESTAMP,
        INTEGER,
        TEXT,
        REAL
    }

    private record Column(String sql, KeyType type) {}

    private static final Map<String, Column> COLUMNS = Map.of(
            "created_at", new Column("t.created_at", KeyType.TIMESTAMP),
            "updated_at", new Column("t.updated_at", KeyType.TIMESTAMP),
            "priority",
                    new Column(
                            "array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::varchar[], t.priority)",
                            KeyType.INTEGER),
            "status",
                    new Column(
                            "array_position(ARRAY['NEW','IN_PROGRESS','WAITING','RESOLVED','CLOSED']::varchar[], t.status)",
                            KeyType.INTEGER),
            "title", new Column("lower(t.title)", KeyType.TEXT),
            "id", new Column("t.id", KeyType.INTEGER),
            // The earliest due time of the SLA targets still counting; none: last (index of V19).
            "sla_due",
                    new Column(
                            "coalesce(t.sla_next_due_at, '9999-12-31 00:00:00+00'::timestamptz)", KeyType.TIMESTAMP));

    /** Relevance of a full-text search (computed within the candidate set, see TicketQueries). */
    static final TicketSort RANK = new TicketSort("rank", "m.rank", KeyType.REAL, false);

    /**
     * @param sort     the client's value, e.g. {@code priority,desc}; null for the default
     * @param hasQuery whether a full-text query is present (default order is then relevance)
     * @throws ApiException 400 naming {@code sort} for an unknown field or direction
     */
    public static TicketSort parse(@Nullable String sort, boolean hasQuery) {
        if (sort == null || sort.isBlank()) {
            return hasQuery ? RANK : new TicketSort("created_at", "t.created_at", KeyType.TIMESTAMP, false);
        }
        // -1 keeps empty fields, so ",", "a," and ",desc" are refused below instead of indexing past the array.
        String[] parts = sort.trim().toLowerCase(Locale.ROOT).split(",", -1);
        String field = parts[0].trim();
        Column column = parts.length > 2 ? null : COLUMNS.get(field);
        if (column == null) {
            throw ApiException.invalidField(
                    "sort",
                    "sort-column",
                    String.join(", ", COLUMNS.keySet().stream().sorted().toList()));
        }
        String direction = parts.length == 2 ? parts[1].trim() : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.invalidField("sort", "sort-direction");
        }
        return new TicketSort(field, column.sql(), column.type(), direction.equals("asc"));
    }

    /** @return the ORDER BY list: the key, then the id, both in this direction */
    public String orderBy() {
        String dir = ascending ? " ASC" : " DESC";
        return key + dir + ", t.id" + dir;
    }

    /** @return the condition "strictly after the cursor's row" in this order (two placeholders: key, id) */
    String after() {
        return "(" + key + ", t.id) " + (ascending ? ">" : "<") + " (?, ?)";
    }

    /** @return the cursor's identity of this order, e.g. {@code priority,desc} */
    String name() {
        return field + (ascending ? ",asc" : ",desc");
    }
}
