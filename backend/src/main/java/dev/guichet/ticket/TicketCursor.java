package dev.guichet.ticket;

import dev.guichet.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * The opaque keyset cursor of the ticket list: the sort it belongs to, the sort key of the last row
 * returned and that row's id, as unpadded base64url of {@code sort|key|id}. The next page is "rows
 * strictly after (key, id) in this order", which one index walk answers as fast for page 500 as for
 * page 1, and which neither skips nor repeats rows when tickets are created or changed meanwhile
 * (a ticket whose key moves behind the cursor is simply seen at its new place, or not at all).
 *
 * @param sort the {@link TicketSort#name()} the cursor was made for
 * @param key  the sort key of the last row, as text (ISO-8601 instant, integer, text or float)
 * @param id   the id of the last row
 */
public record TicketCursor(String sort, String key, long id) {

    /** @return the cursor as sent to clients */
    public String encode() {
        String raw = sort + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param cursor a value of {@code next_cursor}
     * @param sort   the order of the request; a cursor of another order is refused
     * @throws ApiException 400 naming {@code cursor} when it is malformed or belongs to another sort
     */
    public static TicketCursor decode(String cursor, TicketSort sort) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            int first = raw.indexOf('|');
            int last = raw.lastIndexOf('|');
            if (first < 0 || last <= first) {
                throw new IllegalArgumentException("shape");
            }
            TicketCursor decoded = new TicketCursor(
                    raw.substring(0, first), raw.substring(first + 1, last), Long.parseLong(raw.substring(last + 1)));
            if (!decoded.sort.equals(sort.name())) {
                throw ApiException.invalidField("cursor", "cursor-other-sort");
            }
            decoded.bindKey(null, 0, sort.type()); // validates the key's type
            return decoded;
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException | SQLException e) {
            throw ApiException.invalidField("cursor", "cursor-invalid");
        }
    }

    /** @return the cursor after {@code rs}'s current row (which carries the column {@code sort_key}) */
    static TicketCursor after(ResultSet rs, TicketSort sort) throws SQLException {
        String key = switch (sort.type()) {
            case TIMESTAMP ->
                rs.getObject("sort_key", OffsetDateTime.class).toInstant().toString();
            case INTEGER -> Long.toString(rs.getLong("sort_key"));
            case REAL -> Float.toString(rs.getFloat("sort_key"));
            case TEXT -> rs.getString("sort_key");
        };
        return new TicketCursor(sort.name(), key, rs.getLong("id"));
    }

    /** Binds the key then the id at {@code index} and {@code index + 1}; {@code ps} null only validates. */
    int bind(PreparedStatement ps, int index, TicketSort sort) throws SQLException {
        bindKey(ps, index, sort.type());
        if (ps != null) {
            ps.setLong(index + 1, id);
        }
        return index + 2;
    }

    private void bindKey(PreparedStatement ps, int index, TicketSort.KeyType type) throws SQLException {
        switch (type) {
            case TIMESTAMP -> {
                OffsetDateTime at = OffsetDateTime.ofInstant(Instant.parse(key), ZoneOffset.UTC);
                if (ps != null) ps.setObject(index, at);
            }
            case INTEGER -> {
                long v = Long.parseLong(key);
                if (ps != null) ps.setLong(index, v);
            }
            case REAL -> {
                float v = Float.parseFloat(key);
                if (ps != null) ps.setFloat(index, v);
            }
            case TEXT -> {
                if (ps != null) ps.setString(index, key);
            }
        }
    }
}
