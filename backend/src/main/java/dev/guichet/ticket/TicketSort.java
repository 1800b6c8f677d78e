package dev.guichet.ticket;

import dev.guichet.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Map;

/**
 * A whitelisted sort order for ticket listings, parsed from {@code field[,asc|desc]}. Only the
 * columns below can be sorted on, so a client can never inject SQL through {@code sort}.
 */
public record TicketSort(String orderBy) {

    private static final Map<String, String> COLUMNS = Map.of(
            "created_at", "t.created_at",
            "updated_at", "t.updated_at",
            "priority", "array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::varchar[], t.priority)",
            "status", "array_position(ARRAY['NEW','IN_PROGRESS','WAITING','RESOLVED','CLOSED']::varchar[], t.status)",
            "title", "lower(t.title)",
            "id", "t.id");

    /**
     * @param sort     the client's value, e.g. {@code priority,desc}; null for the default
     * @param hasQuery whether a full-text query is present (default order is then relevance)
     * @throws ApiException 400 naming {@code sort} for an unknown field or direction
     */
    public static TicketSort parse(@Nullable String sort, boolean hasQuery) {
        if (sort == null || sort.isBlank()) {
            return new TicketSort(hasQuery ? "rank DESC, t.id DESC" : "t.created_at DESC, t.id DESC");
        }
        // -1 keeps empty fields, so ",", "a," and ",desc" are refused below instead of indexing past the array.
        String[] parts = sort.trim().toLowerCase(Locale.ROOT).split(",", -1);
        String column = parts.length > 2 ? null : COLUMNS.get(parts[0].trim());
        if (column == null) {
            throw ApiException.invalidField("sort", "must be one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList())
                    + ", optionally followed by ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].trim() : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.invalidField("sort", "direction must be asc or desc");
        }
        return new TicketSort(column + " " + direction.toUpperCase(Locale.ROOT) + ", t.id " + direction.toUpperCase(Locale.ROOT));
    }
}
