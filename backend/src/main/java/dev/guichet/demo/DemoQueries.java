package dev.guichet.demo;

import dev.guichet.user.UserRequests;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of the demo loader ({@link DemoData}): bulk writes of people, tickets, comments and
 * history (one {@code unnest} INSERT per table and batch), id allocation, and the search documents
 * recomputed at the end of a batch. Each statement runs on the connection of the caller's
 * transaction, as the loader writes two batches at once on two connections.
 */
final class DemoQueries {

    private DemoQueries() {}

    /**
     * Inserts accounts that share one password hash, in one batch; an email already taken is skipped.
     *
     * @param people validated requests (their password is ignored: {@code passwordHash} is stored)
     */
    static void insertPeople(Connection c, List<UserRequests.CreateUser> people, String passwordHash) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users (email, password_hash, full_name, role, locale)
                VALUES (?, ?, ?, ?, 'fr') ON CONFLICT (email) DO NOTHING""")) {
            for (UserRequests.CreateUser request : people) {
                ps.setString(1, request.email());
                ps.setString(2, passwordHash);
                ps.setString(3, request.fullName());
                ps.setString(4, request.role().name());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the demo people", e);
        }
    }

    /** @return the import references of the tickets already loaded whose reference starts with {@code prefix} */
    static Set<String> refsStartingWith(Connection c, String prefix) {
        Set<String> refs = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT external_ref FROM tickets WHERE external_ref LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return refs;
    }

    /**
     * Defers the search documents of the tickets this transaction writes to {@link #indexForSearch}
     * (migration V10's {@code guichet.bulk_load}).
     */
    static void startBulkLoad(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET LOCAL guichet.bulk_load = 'on'");
        }
    }

    /** @return {@code count} new ids of the table's id sequence, in order */
    static long[] nextIds(Connection c, String table, int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot allocate ids for " + table, e);
        }
        return ids;
    }

    /** Inserts tickets: the 15 columns of {@code DemoData.writeBatch}'s rows, from the id to the first response. */
    static void insertTickets(Connection c, Columns tickets) throws SQLException {
        insert(
                c,
                """
                INSERT INTO tickets (id, title, description, status, priority, category_id, requester_id, assignee_id,
                                     version, external_ref, created_at, updated_at, resolved_at, closed_at,
                                     first_response_at)
                SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                     ?::bigint[], ?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                     ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])""",
                tickets,
                "bigint",
                "text",
                "text",
                "text",
                "text",
                "bigint",
                "bigint",
                "bigint",
                "int4",
                "text",
                "text",
                "text",
                "text",
                "text",
                "text");
    }

    /** Inserts comments: id, ticket, author, body, internal, created at. */
    static void insertComments(Connection c, Columns comments) throws SQLException {
        insert(c, """
                INSERT INTO comments (id, ticket_id, author_id, body, internal, created_at)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[], ?::timestamptz[])""", comments, "bigint", "bigint", "bigint", "text", "bool", "text");
    }

    /** Inserts history entries in time order: ticket, actor, field, old value, new value, created at. */
    static void insertHistory(Connection c, Columns history) throws SQLException {
        insert(c, """
                INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                ORDER BY 6""", history, "bigint", "bigint", "text", "text", "text", "text");
    }

    /** Computes the search documents of these tickets with the database's {@code ticket_search_document()}. */
    static void indexForSearch(Connection c, long[] ticketIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tickets SET search_vector = ticket_search_document(id, title, description)
                 WHERE id = ANY(?::bigint[])""")) {
            ps.setArray(1, c.createArrayOf("bigint", box(ticketIds)));
            ps.executeUpdate();
        }
    }

    private static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static void insert(Connection c, String sql, Columns columns, String... types) throws SQLException {
        if (columns.size() == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < types.length; i++) {
                Array array = c.createArrayOf(types[i], columns.column(i, types[i]));
                ps.setArray(i + 1, array);
            }
            ps.executeUpdate();
        }
    }

    /** Rows of values kept column by column, for one {@code unnest} INSERT. */
    static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int size() {
            return columns.getFirst().size();
        }

        /** Replaces "#n" placeholders in a column by the id of the n-th comment. */
        void resolveCommentRefs(int column, List<Long> ids) {
            List<Object> values = columns.get(column);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String s && s.startsWith("#")) {
                    values.set(i, String.valueOf(ids.get(Integer.parseInt(s.substring(1)))));
                }
            }
        }

        /** The same rows with their ids in front, dropping the last (unused) column. */
        Columns withIds(List<Long> ids) {
            Columns with = new Columns(columns.size());
            with.columns.set(0, new ArrayList<>(ids));
            for (int i = 0; i < columns.size() - 1; i++) {
                with.columns.set(i + 1, columns.get(i));
            }
            return with;
        }

        Object[] column(int i, String type) {
            List<Object> values = columns.get(i);
            return switch (type) {
                case "bigint" ->
                    values.stream()
                            .map(v -> v == null ? null : ((Number) v).longValue())
                            .toArray(Long[]::new);
                case "int4" ->
                    values.stream()
                            .map(v -> v == null ? null : ((Number) v).intValue())
                            .toArray(Integer[]::new);
                case "bool" -> values.toArray(Boolean[]::new);
                default ->
                    values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
            };
        }
    }
}
