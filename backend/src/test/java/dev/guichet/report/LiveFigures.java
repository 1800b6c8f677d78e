package dev.guichet.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's figures computed straight from the tickets and surveys, as the dashboard did before
 * its summary tables (the reference the summaries must equal), each as one comparable line of text.
 * Days are Europe/Paris days; {@code category} is a category id or null for all.
 */
final class LiveFigures {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    LiveFigures(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** "day created/resolved" for every day of the period, by day. */
    String volume(String from, String to, Long category) {
        return lines("""
                SELECT d::date || ' ' || (SELECT count(*) FROM tickets t WHERE (t.created_at AT TIME ZONE 'Europe/Paris')::date = d
                                            AND (?::bigint IS NULL OR t.category_id = ?))
                       || '/' || (SELECT count(*) FROM tickets t WHERE (t.resolved_at AT TIME ZONE 'Europe/Paris')::date = d
                                            AND (?::bigint IS NULL OR t.category_id = ?))
                  FROM generate_series(?::date, ?::date, interval '1 day') d ORDER BY d""", category, category, category, category, from, to);
    }

    /** "met breached pending" of the first response, then of the resolution. */
    String sla(String from, String to, Long category) {
        return lines("""
                SELECT count(*) FILTER (WHERE t.first_response_at <= t.first_response_due_at) || ' '
                    || count(*) FILTER (WHERE t.first_response_at > t.first_response_due_at
                                           OR (t.first_response_at IS NULL AND t.first_response_due_at < now())) || ' '
                    || count(*) FILTER (WHERE t.first_response_at IS NULL AND t.first_response_due_at >= now()) || ' / '
                    || count(*) FILTER (WHERE t.resolved_at <= t.resolution_due_at) || ' '
                    || count(*) FILTER (WHERE t.resolved_at > t.resolution_due_at
                                           OR (t.resolved_at IS NULL AND t.resolution_due_at < now())) || ' '
                    || count(*) FILTER (WHERE t.resolved_at IS NULL AND t.resolution_due_at >= now())
                  FROM tickets t WHERE (t.created_at AT TIME ZONE 'Europe/Paris')::date BETWEEN ?::date AND ?::date
                   AND (?::bigint IS NULL OR t.category_id = ?)""", from, to, category, category);
    }

    /** Answers per score 1 to 5, space-separated. */
    String satisfaction(String from, String to, Long category) {
        return lines("""
                SELECT string_agg((SELECT count(*) FROM satisfaction_surveys s JOIN tickets t ON t.id = s.ticket_id
                                    WHERE s.score = g AND (s.answered_at AT TIME ZONE 'Europe/Paris')::date BETWEEN ?::date AND ?::date
                                      AND (?::bigint IS NULL OR t.category_id = ?))::text, ' ' ORDER BY g)
                  FROM generate_series(1, 5) g""", from, to, category, category);
    }

    /** Times of one category or assignee: counts, then percentiles in hours (unrounded, null for none). */
    record Times(Long id, long resolved, long responded, Double fr50, Double fr90, Double res50, Double res90) {}

    /** Times per category (byAssignee false) or per assignee, ordered by id, none last. */
    List<Times> times(String from, String to, Long category, boolean byAssignee) {
        String key = byAssignee ? "t.assignee_id" : "t.category_id";
        String sql = "SELECT " + key + ", count(*), count(t.first_response_at),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)) / 3600,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)) / 3600,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at)) / 3600,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.created_at)) / 3600"
                + " FROM tickets t WHERE (t.resolved_at AT TIME ZONE 'Europe/Paris')::date BETWEEN ?::date AND ?::date"
                + " AND (?::bigint IS NULL OR t.category_id = ?) GROUP BY " + key + " ORDER BY " + key + " NULLS LAST";
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, from);
            ps.setString(2, to);
            ps.setObject(3, category);
            ps.setObject(4, category);
            List<Times> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Times(
                            (Long) rs.getObject(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            (Double) rs.getObject(4),
                            (Double) rs.getObject(5),
                            (Double) rs.getObject(6),
                            (Double) rs.getObject(7)));
                }
            }
            return rows;
        }));
    }

    private String lines(String sql, Object... params) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }));
    }
}
