package dev.guichet.survey;

import dev.guichet.ticket.TicketStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The SQL of the satisfaction survey (migration V20): answers ({@code satisfaction_surveys}), the
 * mailed links' tokens ({@code survey_tokens}, stored as hashes) and what the survey reads of a ticket.
 */
@Singleton
@Connectable
public class SurveyQueries {

    private final JdbcOperations jdbc;

    SurveyQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param lock whether to lock the ticket's row until the end of the transaction
     * @return what the survey needs of the ticket, empty when there is no such ticket
     */
    Optional<SurveyService.TicketState> ticket(long ticketId, boolean lock) {
        return jdbc.prepareStatement(
                "SELECT id, title, status, requester_id FROM tickets WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                ps -> {
                    ps.setLong(1, ticketId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new SurveyService.TicketState(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        TicketStatus.valueOf(rs.getString(3)),
                                        rs.getLong(4)))
                                : Optional.empty();
                    }
                });
    }

    /** The title and category of a ticket, for a low-score alert. */
    record AlertedTicket(String title, @Nullable Long categoryId) {}

    /** @return the title and category of a ticket that exists */
    AlertedTicket alertedTicket(long ticketId) {
        return jdbc.prepareStatement("SELECT title, category_id FROM tickets WHERE id = ?", ps -> {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long category = rs.getLong(2);
                return new AlertedTicket(rs.getString(1), rs.wasNull() ? null : category);
            }
        });
    }

    /** @return the ticket's answer, empty when none was given */
    Optional<SurveyRequests.Result> answer(long ticketId) {
        return jdbc.prepareStatement(
                "SELECT score, comment, answered_at, updated_at FROM satisfaction_surveys WHERE ticket_id = ?", ps -> {
                    ps.setLong(1, ticketId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new SurveyRequests.Result(
                                        rs.getInt(1),
                                        rs.getString(2),
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getTimestamp(4).toInstant()))
                                : Optional.empty();
                    }
                });
    }

    /** Records the ticket's answer, or replaces the one it has. */
    void saveAnswer(long ticketId, int score, @Nullable String comment) {
        jdbc.prepareStatement("""
                INSERT INTO satisfaction_surveys (ticket_id, score, comment) VALUES (?, ?, ?)
                ON CONFLICT (ticket_id) DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = now()""", ps -> {
            ps.setLong(1, ticketId);
            ps.setInt(2, score);
            ps.setString(3, comment);
            return ps.executeUpdate();
        });
    }

    /** Stores a token's hash for the ticket, valid for {@code ttl} by the database's clock. */
    void insertToken(long ticketId, String tokenHash, Duration ttl) {
        jdbc.prepareStatement("""
                INSERT INTO survey_tokens (ticket_id, token_hash, expires_at)
                VALUES (?, ?, now() + ? * interval '1 second')""", ps -> {
            ps.setLong(1, ticketId);
            ps.setString(2, tokenHash);
            ps.setLong(3, ttl.toSeconds());
            return ps.executeUpdate();
        });
    }

    /**
     * @param lock whether to lock the token's row until the end of the transaction
     * @return the stored token with this hash, if any
     */
    Optional<SurveyTokens.Token> token(String tokenHash, boolean lock) {
        return jdbc.prepareStatement(
                "SELECT id, ticket_id, expires_at <= now(), used_at IS NOT NULL FROM survey_tokens"
                        + " WHERE token_hash = ?" + (lock ? " FOR UPDATE" : ""),
                ps -> {
                    ps.setString(1, tokenHash);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new SurveyTokens.Token(
                                        rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4)))
                                : Optional.empty();
                    }
                });
    }

    /** Records that a token has answered. */
    void markTokenUsed(long id) {
        jdbc.prepareStatement("UPDATE survey_tokens SET used_at = now() WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /** Deletes tokens expired for more than a week. */
    void deleteExpiredTokens() {
        jdbc.prepareStatement(
                "DELETE FROM survey_tokens WHERE expires_at < now() - interval '7 days'", ps -> ps.executeUpdate());
    }
}
