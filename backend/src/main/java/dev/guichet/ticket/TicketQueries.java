package dev.guichet.ticket;

import dev.guichet.sla.BusinessCalendar;
import dev.guichet.sla.SlaClock;
import dev.guichet.sla.SlaStates;
import dev.guichet.sla.SlaTicketQueries;
import dev.guichet.user.Role;
import dev.guichet.user.UserSummary;
import dev.guichet.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
                   t.resolved_at, t.closed_at, t.first_response_at, t.first_response_due_at, t.first_response_risk_at,
                   t.resolution_due_at, t.resolution_risk_at, t.sla_paused_since, now() AS sla_now,
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
    /**
     * The search as a tsquery: {@code websearch_to_tsquery} in French and in English, OR'ed, or
     * once when both analyses agree (V26, {@code guichet_search_query}).
     */
    private static final String TSQUERY = "guichet_search_query(?)";

    /** Characters of the description shown in list rows (the detail shows the whole). */
    public static final int EXCERPT = 200;
    /** Totals and counts that the ledger cannot answer (full text, requester) stop here ("1 000+"). */
    public static final long COUNT_BOUND = 1_000;
    /** A search sorted by relevance ranks this many of the most recently updated matches. */
    public static final int SEARCH_CANDIDATES = 200;
    /**
     * A search fetches up to this many matches through the full-text index before it falls back to
     * walking the recency index (a common word), see {@code matches}.
     */
    public static final int SEARCH_FETCH = 5_000;
    /**
     * A search PostgreSQL expects to match at least this many tickets (and 1 % of them) is neither
     * fetched nor counted: its total reads "more than {@value #COUNT_BOUND}", see {@code common}.
     */
    public static final long COMMON_MATCHES = 20 * COUNT_BOUND;
    /**
     * Activity older than this is not news: a ticket is unread only for activity within this many
     * days (bounds the unread filter to a recent slice of the recency index at any table size).
     */
    public static final int UNREAD_HORIZON_DAYS = 30;

    private static final String LIST_SELECT =
            SELECT.replace("t.description,", "left(t.description, " + EXCERPT + ") AS description,");
    private static final String JOINS = """
              JOIN users r ON r.id = t.requester_id
              LEFT JOIN users a ON a.id = t.assignee_id
              LEFT JOIN categories c ON c.id = t.category_id
            """;

    /** The CSV export's columns (see {@link #export}). */
    private static final String EXPORT = """
            SELECT t.id, t.title, t.status, t.priority, c.name AS category, r.full_name AS requester,
                   r.email AS requester_email, a.full_name AS assignee, t.created_at, t.updated_at,
                   t.first_response_at, t.first_response_due_at, t.resolved_at, t.resolution_due_at, t.closed_at,
                   s.score AS satisfaction_score, s.comment AS satisfaction_comment
              FROM tickets t
              JOIN users r ON r.id = t.requester_id
              LEFT JOIN users a ON a.id = t.assignee_id
              LEFT JOIN categories c ON c.id = t.category_id
              LEFT JOIN satisfaction_surveys s ON s.ticket_id = t.id
            """;

    private final JdbcOperations jdbc;
    private final TicketCountQueries counts;
    private final SlaStates sla;
    private final JsonMapper json;

    TicketQueries(JdbcOperations jdbc, TicketCountQueries counts, SlaStates sla, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.counts = counts;
        this.sla = sla;
    }

    /** @return the requester of a ticket, empty when there is no such ticket; one primary-key probe */
    public Optional<Long> requesterOf(long id) {
        return jdbc.prepareStatement("SELECT requester_id FROM tickets WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** @return the ticket, whoever may see it (callers check visibility) */
    public Optional<Ticket> findById(long id) {
        BusinessCalendar calendar = sla.calendar();
        return jdbc.prepareStatement(SELECT + FROM + " WHERE t.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs, calendar)) : Optional.empty();
            }
        });
    }

    /** @return the database's {@code now()}: the start of the current transaction */
    public Instant now() {
        return jdbc.prepareStatement("SELECT now()", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
    }

    /**
     * Inserts a new ticket with its SLA columns (one tuple, not an INSERT then an UPDATE).
     *
     * @param externalRef an import reference (demo data), or null
     * @return the new ticket's id, or null when {@code externalRef} was already imported
     */
    Long insert(
            TicketRequests.CreateTicket request,
            Priority priority,
            long requesterId,
            @Nullable String externalRef,
            SlaClock.Columns due) {
        return jdbc.prepareStatement(
                """
                INSERT INTO tickets (title, description, priority, category_id, requester_id, external_ref, activity_by, %s)
                VALUES (?, ?, ?, ?, ?, ?, ?, %s) ON CONFLICT (external_ref) DO NOTHING RETURNING id""".formatted(SlaTicketQueries.COLUMN_NAMES, SlaTicketQueries.COLUMN_PLACEHOLDERS), ps -> {
                    ps.setString(1, request.title().strip());
                    ps.setString(2, request.description().strip());
                    ps.setString(3, priority.name());
                    ps.setObject(4, request.categoryId());
                    ps.setLong(5, requesterId);
                    ps.setString(6, externalRef);
                    // Imported tickets (demo data) are nobody's news.
                    ps.setObject(7, externalRef == null ? requesterId : null);
                    SlaTicketQueries.bind(ps, 8, due);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : null;
                    }
                });
    }

    /** Locks a ticket's row until the end of the transaction; empty when there is no such ticket. */
    Optional<Current> lock(long id) {
        return jdbc.prepareStatement("""
                SELECT t.requester_id, t.status, t.priority, t.category_id, t.assignee_id, t.version, %s
                  FROM tickets t WHERE t.id = ? FOR UPDATE OF t""".formatted(SlaTicketQueries.inputColumns("t")), ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Long categoryId = rs.getObject("category_id", Long.class);
                Long assigneeId = rs.getObject("assignee_id", Long.class);
                return Optional.of(new Current(
                        rs.getLong("requester_id"),
                        TicketStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")),
                        categoryId,
                        assigneeId,
                        rs.getInt("version"),
                        SlaTicketQueries.inputs(rs)));
            }
        });
    }

    /**
     * Writes a change of fields on a row locked by {@link #lock}, with its SLA columns, in one UPDATE
     * (one new row version): the version (bumped when a field changed), {@code updated_at}, who acted,
     * the resolution and closing times, and the first response when this change gives it.
     *
     * @param publicChange  whether the requester sees the change (a status change, a public reply)
     * @param firstResponse whether this change is the ticket's first response
     * @return the number of rows written: 1, or 0 when the row changed under its lock
     */
    int write(
            long id,
            Current current,
            TicketStatus status,
            Priority priority,
            @Nullable Long categoryId,
            @Nullable Long assigneeId,
            long actorId,
            boolean publicChange,
            boolean firstResponse,
            SlaClock.Columns due) {
        return jdbc.prepareStatement("""
                UPDATE tickets SET status = ?, priority = ?, category_id = ?, assignee_id = ?,
                       resolved_at = CASE WHEN ? = 'RESOLVED' AND status <> 'RESOLVED' THEN now()
                                          WHEN ? IN ('NEW', 'IN_PROGRESS', 'WAITING') THEN NULL ELSE resolved_at END,
                       closed_at = CASE WHEN ? = 'CLOSED' AND status <> 'CLOSED' THEN now() ELSE closed_at END,
                       version = version + CASE WHEN ? THEN 1 ELSE 0 END, updated_at = now(), activity_by = ?,
                       public_activity_at = CASE WHEN ? THEN now() ELSE public_activity_at END,
                       public_activity_by = CASE WHEN ? THEN ? ELSE public_activity_by END,
                       first_response_at = CASE WHEN ? THEN coalesce(first_response_at, now()) ELSE first_response_at END,
                       %s
                 WHERE id = ? AND version = ?""".formatted(SlaTicketQueries.COLUMN_ASSIGNMENTS), ps -> {
            boolean fieldsChanged = status != current.status()
                    || priority != current.priority()
                    || !Objects.equals(categoryId, current.categoryId())
                    || !Objects.equals(assigneeId, current.assigneeId());
            int i = 1;
            ps.setString(i++, status.name());
            ps.setString(i++, priority.name());
            ps.setObject(i++, categoryId);
            ps.setObject(i++, assigneeId);
            ps.setString(i++, status.name());
            ps.setString(i++, status.name());
            ps.setString(i++, status.name());
            ps.setBoolean(i++, fieldsChanged);
            ps.setLong(i++, actorId);
            ps.setBoolean(i++, publicChange);
            ps.setBoolean(i++, publicChange);
            ps.setLong(i++, actorId);
            ps.setBoolean(i++, firstResponse);
            i = SlaTicketQueries.bind(ps, i, due);
            ps.setLong(i++, id);
            ps.setInt(i, current.version());
            return ps.executeUpdate();
        });
    }

    /**
     * Records activity without a change of fields: {@code updated_at} and who acted; the version is kept.
     *
     * @param publicActivity whether the requester sees it (a public reply or an attachment)
     */
    void touch(long id, long actorId, boolean publicActivity) {
        jdbc.prepareStatement("""
                UPDATE tickets SET updated_at = now(), activity_by = ?,
                       public_activity_at = CASE WHEN ? THEN now() ELSE public_activity_at END,
                       public_activity_by = CASE WHEN ? THEN ? ELSE public_activity_by END
                 WHERE id = ?""", ps -> {
            ps.setLong(1, actorId);
            ps.setBoolean(2, publicActivity);
            ps.setBoolean(3, publicActivity);
            ps.setLong(4, actorId);
            ps.setLong(5, id);
            return ps.executeUpdate();
        });
    }

    /** A ticket's row as read under its lock by {@link #lock}: what a change is checked against. */
    record Current(
            long requesterId,
            TicketStatus status,
            Priority priority,
            @Nullable Long categoryId,
            @Nullable Long assigneeId,
            int version,
            SlaClock.Inputs sla) {}

    /**
     * One page of tickets matching {@code filter}, with a description excerpt (the first
     * {@value #EXCERPT} characters) instead of the whole description.
     *
     * <p>Keyset pagination: with {@code cursor} (a previous page's {@code next_cursor}) the page
     * starts strictly after that row; without it, at {@code page * size} (offset, kept for old
     * clients; deep offsets cost a scan of the skipped rows). The relevance order of a search ranks
     * every match when there are at most {@value #COUNT_BOUND}, else only the
     * {@value #SEARCH_CANDIDATES} most recently updated matches (see docs/architecture.md).
     *
     * @param cursor an opaque cursor of the same sort, or null for the first page
     * @param page   0-based page, used only without cursor
     * @param size   rows per page (the controller caps it at 100)
     * @param reader whose unread marks the page carries
     * @throws ApiException 400 for a malformed cursor or a cursor of another sort
     */
    public Page list(
            TicketFilter filter,
            TicketSort sort,
            @Nullable String cursor,
            int page,
            int size,
            TicketFilter.Reader reader) {
        TicketCursor after = cursor == null || cursor.isBlank() ? null : TicketCursor.decode(cursor, sort);
        Where where = where(filter);
        boolean ranked = sort == TicketSort.RANK;
        // A search first fetches its matches through the GIN index, up to SEARCH_FETCH of them:
        // that one bitmap scan gives the total and, unless the word is common, the whole match set,
        // which is then ranked or sorted without walking a sort index in search of scattered rows.
        // A common word (PostgreSQL's statistics expect many matches) skips that fetch: its total
        // is "more than COUNT_BOUND" and its page comes from the walk below.
        boolean common = filter.query() != null && common(where, "");
        Matches matches = filter.query() == null || common ? null : matches(where, SEARCH_FETCH);
        Total total = common ? new Total(COUNT_BOUND, true) : matches == null ? total(filter) : matches.total();
        boolean known = matches != null && matches.complete();
        String sql;
        if (known) {
            // Every match is known. A relevance sort ranks all of them when there are at most
            // COUNT_BOUND, else the SEARCH_CANDIDATES most recently updated (the same candidates as
            // the walk below would find).
            sql = "WITH matches AS (SELECT unnest(?::bigint[]) AS id)"
                    + (ranked
                            ? ", ranked AS (SELECT x.id, ts_rank_cd(t.search_vector, " + TSQUERY + ") AS rank"
                                    + " FROM matches x JOIN tickets t ON t.id = x.id) " + LIST_SELECT
                                    + ", m.rank AS sort_key FROM ranked m JOIN tickets t ON t.id = m.id"
                            : " " + LIST_SELECT + ", " + sort.key()
                                    + " AS sort_key FROM matches x JOIN tickets t ON t.id = x.id")
                    + JOINS + " WHERE true" + (after == null ? "" : " AND " + sort.after());
        } else if (ranked) {
            // A common word: the candidates are its most recently updated matches (a walk of the
            // recency index that stops after SEARCH_CANDIDATES matches); only they are ranked.
            sql = "WITH candidates AS (SELECT t.id FROM tickets t" + where.sql
                    + " ORDER BY t.updated_at DESC, t.id DESC LIMIT " + SEARCH_CANDIDATES + "),"
                    + " ranked AS (SELECT m.id, ts_rank_cd(t.search_vector, " + TSQUERY + ") AS rank"
                    + " FROM candidates m JOIN tickets t ON t.id = m.id) "
                    + LIST_SELECT + ", m.rank AS sort_key FROM ranked m JOIN tickets t ON t.id = m.id" + JOINS
                    + " WHERE true" + (after == null ? "" : " AND " + sort.after());
        } else {
            sql = LIST_SELECT + ", " + sort.key() + " AS sort_key FROM tickets t" + JOINS + where.sql
                    + (after == null ? "" : " AND " + sort.after());
        }
        // One status and the recency order: leading the order with the (constant) status makes the
        // planner walk the (status, updated_at, id) index instead of the recency index filtered by
        // status, which skips every row of the other statuses (issue Scale, CLOSED chip).
        boolean statusLed = !known && !ranked && filter.statuses().size() == 1 && "updated_at".equals(sort.field());
        sql += " ORDER BY " + (statusLed ? "t.status" + (sort.ascending() ? " DESC, " : ", ") : "") + sort.orderBy()
                + " LIMIT ?" + (after == null && page > 0 ? " OFFSET ?" : "");
        String statement = sql;
        List<Ticket> items = new ArrayList<>();
        TicketCursor[] next = new TicketCursor[1];
        Long[] matchIds = known ? matches.candidates(ranked) : null;
        BusinessCalendar calendar = sla.calendar();
        jdbc.prepareStatement(statement, ps -> {
            int i = 1;
            if (matchIds != null) {
                ps.setArray(i++, ps.getConnection().createArrayOf("bigint", matchIds));
            } else {
                i = where.bind(ps, i);
            }
            if (ranked) {
                ps.setString(i++, filter.query());
            }
            if (after != null) {
                i = after.bind(ps, i, sort);
            }
            ps.setInt(i++, size + 1);
            if (after == null && page > 0) {
                ps.setLong(i, (long) page * size);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == size) {
                        return null; // one more row exists: the cursor points after the last row kept
                    }
                    items.add(map(rs, calendar));
                    next[0] = TicketCursor.after(rs, sort);
                }
                next[0] = null;
                return null;
            }
        });
        return new Page(
                items,
                unread(items, reader),
                total.value(),
                total.lowerBound(),
                next[0] == null ? null : next[0].encode());
    }

    /**
     * One page of the ticket list as read.
     *
     * @param items             the rows, descriptions cut to {@value #EXCERPT} characters
     * @param unread            the ids of the rows that are unread for the reader
     * @param total             tickets matching the filters; exact unless {@code totalIsLowerBound}
     * @param totalIsLowerBound more than {@code total} ({@value #COUNT_BOUND}) tickets match
     * @param nextCursor        the cursor of the next page; null on the last page
     */
    public record Page(
            List<Ticket> items,
            Set<Long> unread,
            long total,
            boolean totalIsLowerBound,
            @Nullable String nextCursor) {}

    /**
     * Which of a page's rows are unread: one query over the page's ids with the condition of the
     * {@code unread} filter ({@link #unreadCondition}).
     */
    private Set<Long> unread(List<Ticket> items, TicketFilter.Reader reader) {
        if (items.isEmpty()) {
            return Set.of();
        }
        Set<Long> unread = new java.util.HashSet<>();
        jdbc.prepareStatement("SELECT t.id FROM tickets t WHERE t.id = ANY (?) AND " + unreadCondition(reader), ps -> {
            ps.setArray(
                    1,
                    ps.getConnection()
                            .createArrayOf(
                                    "bigint", items.stream().map(Ticket::id).toArray()));
            ps.setLong(2, reader.userId());
            ps.setLong(3, reader.userId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unread.add(rs.getLong(1));
                }
            }
            return null;
        });
        return unread;
    }

    /**
     * Unread for the reader: someone else's activity (for employees, a public one) within the last
     * {@value #UNREAD_HORIZON_DAYS} days and later than what the reader last saw. Two parameters:
     * the reader's id, twice. The horizon also bounds the walk of the recency index.
     */
    private static String unreadCondition(TicketFilter.Reader reader) {
        String by = reader.agent() ? "t.activity_by" : "t.public_activity_by";
        String at = reader.agent() ? "t.updated_at" : "t.public_activity_at";
        return by + " <> ? AND " + at + " > now() - interval '" + UNREAD_HORIZON_DAYS + " days'"
                + " AND NOT EXISTS (SELECT 1 FROM ticket_reads tr WHERE tr.user_id = ? AND tr.ticket_id = t.id"
                + " AND tr.seen_at >= " + at + ")";
    }

    /**
     * Records that the reader has seen the ticket as it is now (its latest activity), which clears
     * its unread mark; a later activity by someone else marks it again. Callers check visibility.
     */
    public void markSeen(long ticketId, long userId) {
        jdbc.prepareStatement("""
                INSERT INTO ticket_reads (user_id, ticket_id, seen_at)
                SELECT ?, t.id, greatest(t.updated_at, t.public_activity_at) FROM tickets t WHERE t.id = ?
                ON CONFLICT (user_id, ticket_id) DO UPDATE SET seen_at = greatest(ticket_reads.seen_at, excluded.seen_at)""", ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, ticketId);
            return ps.executeUpdate();
        });
    }

    /**
     * How many tickets match: exact from the counts ledger when it covers the filter (no full text,
     * no requester), otherwise counted up to {@value #COUNT_BOUND} (and flagged as a lower bound beyond).
     */
    Total total(TicketFilter filter) {
        if (TicketCountQueries.covers(filter)) {
            Map<TicketStatus, Long> perStatus = counts.count(filter);
            return new Total(
                    perStatus.entrySet().stream()
                            .filter(e -> filter.statuses().isEmpty()
                                    || filter.statuses().contains(e.getKey()))
                            .mapToLong(Map.Entry::getValue)
                            .sum(),
                    false);
        }
        Where where = where(filter);
        long n = jdbc.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM tickets t" + where.sql + " LIMIT " + (COUNT_BOUND + 1)
                        + ") bounded",
                ps -> {
                    where.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        return n > COUNT_BOUND ? new Total(COUNT_BOUND, true) : new Total(n, false);
    }

    /**
     * How many tickets match {@code filter} in each status (every status present, 0 included). The
     * counts ledger answers exactly, whatever the number of tickets, unless full text or a requester
     * is filtered: those are counted up to {@value #COUNT_BOUND} per status, and a value of
     * {@value #COUNT_BOUND} + 1 means "more than {@value #COUNT_BOUND}".
     */
    public Map<TicketStatus, Long> countByStatus(TicketFilter filter) {
        TicketFilter others = filter.withoutStatuses();
        if (TicketCountQueries.covers(others)) {
            return counts.count(others);
        }
        Where where = where(others);
        Map<TicketStatus, Long> result = new EnumMap<>(TicketStatus.class);
        List<TicketStatus> bounded = List.of(TicketStatus.values());
        if (others.query() != null || others.sla() != null) {
            // The SLA filter matches only tickets whose clock runs (indexed since V19), few at any
            // size: one pass counts every status. A search counts, in one pass, every status but
            // CLOSED through V26's index of the tickets not closed (the open ones and those
            // resolved in the last days: 3 % of ~38,000 matches of a common word at 1M tickets);
            // CLOSED holds most matches and is counted up to the bound below.
            boolean closedApart = others.query() != null;
            jdbc.prepareStatement(
                    "SELECT t.status, count(*) FROM tickets t" + where.sql
                            + (closedApart ? " AND t.status <> 'CLOSED'" : "") + " GROUP BY t.status",
                    ps -> {
                        where.bind(ps, 1);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                result.put(
                                        TicketStatus.valueOf(rs.getString(1)),
                                        Math.min(rs.getLong(2), COUNT_BOUND + 1));
                            }
                        }
                        return null;
                    });
            for (TicketStatus status : TicketStatus.values()) {
                result.putIfAbsent(status, 0L);
            }
            if (!closedApart) {
                return result;
            }
            bounded = List.of(TicketStatus.CLOSED);
        }
        if (others.query() != null && common(where, " AND t.status = 'CLOSED'")) {
            result.put(TicketStatus.CLOSED, COUNT_BOUND + 1);
            return result;
        }
        // One bounded count per status, each with its status as a literal: the planner then knows
        // how many tickets the status holds (CLOSED: most of them) and stops the full-text scan at
        // the bound, where a status passed as a parameter got one generic plan intersecting the
        // full-text index with the status index: 970,000 CLOSED entries, 620 ms at 1M tickets
        // (docs/performance.md). The literal is an enum constant's name, never caller input.
        String sql = bounded.stream()
                .map(status -> "SELECT '" + status.name() + "', (SELECT count(*) FROM (SELECT 1 FROM tickets t"
                        + where.sql + " AND t.status = '" + status.name() + "' LIMIT " + (COUNT_BOUND + 1)
                        + ") bounded)")
                .collect(Collectors.joining(" UNION ALL "));
        List<TicketStatus> counted = bounded;
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (int n = 0; n < counted.size(); n++) {
                i = where.bind(ps, i);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return result;
        });
    }

    /** A number of tickets, exact or (when {@code lowerBound}) "at least". */
    record Total(long value, boolean lowerBound) {}

    /**
     * Whether PostgreSQL's statistics expect this filter to match so many tickets that counting or
     * fetching its matches is not worth it: at least {@value #COMMON_MATCHES} (twenty times the
     * count bound, so "more than {@value #COUNT_BOUND}" is safe) and at least 1 % of the tickets (so
     * the recency walk of a relevance sort finds its {@value #SEARCH_CANDIDATES} candidates within
     * about 20,000 rows). The estimate is the planner's row count for the filter ({@code EXPLAIN},
     * nothing is read), taken from the statistics ANALYZE keeps of the search document's words.
     *
     * @param extra more conditions, SQL starting with {@code AND}, without parameters
     */
    private boolean common(Where where, String extra) {
        return jdbc.prepareStatement("EXPLAIN (FORMAT JSON) SELECT 1 FROM tickets t" + where.sql + extra, ps -> {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                JsonNode plan = json.readValue(rs.getString(1), JsonNode.class);
                double expected = plan.get(0).get("Plan").get("Plan Rows").getDoubleValue();
                return expected >= COMMON_MATCHES && expected * 100 >= estimatedTickets();
            } catch (IOException e) {
                throw new IllegalStateException("EXPLAIN's JSON could not be read", e);
            }
        });
    }

    /** @return PostgreSQL's estimate of the number of tickets (pg_class.reltuples, kept by ANALYZE) */
    private double estimatedTickets() {
        return jdbc.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = 'tickets'::regclass", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    /**
     * The matches of a search fetched through the GIN index, most recently updated first, at most
     * {@code limit}; {@code complete} when there are no more. A bitmap scan costs in
     * proportion to the matches, a walk of the recency index in proportion to the rows it must skip
     * to find {@value #SEARCH_CANDIDATES} matches: up to a few thousand matches the first is the
     * cheaper, for a common word the second (docs/architecture.md, "Search ranks a bounded
     * candidate set").
     */
    private Matches matches(Where where, int limit) {
        String sql = "SELECT id, status FROM (SELECT t.id, t.updated_at, t.status FROM tickets t" + where.sql
                + " LIMIT " + (limit + 1) + ") m ORDER BY updated_at DESC, id DESC";
        return jdbc.prepareStatement(sql, ps -> {
            where.bind(ps, 1);
            List<Long> ids = new ArrayList<>();
            Map<TicketStatus, Long> perStatus = new EnumMap<>(TicketStatus.class);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    perStatus.merge(TicketStatus.valueOf(rs.getString(2)), 1L, Long::sum);
                }
            }
            return new Matches(ids, perStatus, ids.size() <= limit);
        });
    }

    /** Match ids of a search, most recently updated first, and how many are in each status. */
    private record Matches(List<Long> ids, Map<TicketStatus, Long> perStatus, boolean complete) {
        Total total() {
            return ids.size() > COUNT_BOUND ? new Total(COUNT_BOUND, true) : new Total(ids.size(), false);
        }

        /** @return the ids to list: all of them, or for a relevance sort beyond COUNT_BOUND the most recent */
        Long[] candidates(boolean ranked) {
            List<Long> chosen = ranked && ids.size() > COUNT_BOUND ? ids.subList(0, SEARCH_CANDIDATES) : ids;
            return chosen.toArray(Long[]::new);
        }
    }

    /**
     * Prepares the CSV export's query on a connection of the caller's: the tickets matching
     * {@code filter} in {@code sort}'s order, one row per ticket with names for category, requester
     * and assignee and the satisfaction survey's answer, read forward only {@code fetchSize} rows per
     * round trip (the driver then uses a cursor).
     */
    static PreparedStatement export(Connection connection, TicketFilter filter, TicketSort sort, int fetchSize)
            throws SQLException {
        Where where = where(filter);
        PreparedStatement statement = connection.prepareStatement(
                EXPORT + where.sql() + " ORDER BY " + sort.orderBy(),
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        where.bind(statement, 1);
        return statement;
    }

    static Where where(TicketFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND t.status IN (")
                    .append(placeholders(filter.statuses().size()))
                    .append(')');
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (!filter.priorities().isEmpty()) {
            sql.append(" AND t.priority IN (")
                    .append(placeholders(filter.priorities().size()))
                    .append(')');
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
        }
        if (filter.unreadFor() != null) {
            sql.append(" AND ").append(unreadCondition(filter.unreadFor()));
            params.add(filter.unreadFor().userId());
            params.add(filter.unreadFor().userId());
        }
        if (filter.sla() != null) {
            // Partial indexes of V19 (only tickets with a target still counting have these times).
            sql.append(
                    switch (filter.sla()) {
                        case BREACHED -> " AND t.sla_next_due_at <= now()";
                        case AT_RISK -> " AND t.sla_next_risk_at <= now() AND t.sla_next_due_at > now()";
                    });
        }
        return new Where(sql.toString(), params);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Ticket map(ResultSet rs, BusinessCalendar calendar) throws SQLException {
        long categoryId = rs.getLong("category_id");
        Ticket.CategoryRef category =
                rs.wasNull() ? null : new Ticket.CategoryRef(categoryId, rs.getString("category_name"));
        long assigneeId = rs.getLong("assignee_id");
        UserSummary assignee = rs.wasNull()
                ? null
                : new UserSummary(
                        assigneeId,
                        rs.getString("assignee_name"),
                        rs.getString("assignee_email"),
                        Role.valueOf(rs.getString("assignee_role")));
        UserSummary requester = new UserSummary(
                rs.getLong("requester_id"),
                rs.getString("requester_name"),
                rs.getString("requester_email"),
                Role.valueOf(rs.getString("requester_role")));
        return new Ticket(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                TicketStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")),
                category,
                requester,
                assignee,
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                instant(rs, "first_response_at"),
                instant(rs, "first_response_due_at"),
                instant(rs, "resolution_due_at"),
                SlaStates.describe(slaColumns(rs), calendar));
    }

    private static SlaStates.Columns slaColumns(ResultSet rs) throws SQLException {
        return new SlaStates.Columns(
                TicketStatus.valueOf(rs.getString("status")),
                instant(rs, "first_response_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                instant(rs, "first_response_due_at"),
                instant(rs, "first_response_risk_at"),
                instant(rs, "resolution_due_at"),
                instant(rs, "resolution_risk_at"),
                instant(rs, "sla_paused_since"),
                instant(rs, "sla_now"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    record Where(String sql, List<Object> params) {
        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            return i;
        }
    }
}
