package dev.guichet.survey;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The links to the satisfaction survey mailed with a "resolved" notification. A token is 32 bytes
 * from {@link SecureRandom}, base64url without padding (43 characters, 256 bits: unguessable); only
 * its SHA-256 is stored (a leaked table gives no usable link), with the ticket it answers for and an
 * expiry ({@code SURVEY_LINK_TTL}, by the database's clock). A token answers once: see
 * {@link SurveyService#answerByToken}.
 */
@Singleton
@Connectable
public class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final JdbcOperations jdbc;
    private final Duration ttl;

    SurveyTokens(JdbcOperations jdbc, SurveySettings settings) {
        this.jdbc = jdbc;
        this.ttl = settings.linkTtl();
    }

    /** A stored token: its row, ticket and state. */
    record Token(long id, long ticketId, boolean expired, boolean used) {
    }

    /**
     * Creates a token for the ticket; must run in the transaction of the notification that carries it.
     *
     * @return the token in clear, to be put in the link (never stored)
     */
    public String issue(long ticketId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.prepareStatement("""
                INSERT INTO survey_tokens (ticket_id, token_hash, expires_at)
                VALUES (?, ?, now() + ? * interval '1 second')""", ps -> {
            ps.setLong(1, ticketId);
            ps.setString(2, hash(token));
            ps.setLong(3, ttl.toSeconds());
            return ps.executeUpdate();
        });
        return token;
    }

    /**
     * @param lock whether to lock the token's row until the end of the transaction (before using it)
     * @return the stored token whose hash matches, if any
     */
    Optional<Token> find(String token, boolean lock) {
        return jdbc.prepareStatement("SELECT id, ticket_id, expires_at <= now(), used_at IS NOT NULL FROM survey_tokens"
                + " WHERE token_hash = ?" + (lock ? " FOR UPDATE" : ""), ps -> {
            ps.setString(1, hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Token(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4)))
                        : Optional.empty();
            }
        });
    }

    /** Records that the token has answered; it is refused from now on. */
    void markUsed(long id) {
        jdbc.prepareStatement("UPDATE survey_tokens SET used_at = now() WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes tokens expired for more than a week (kept that long so a late click still gets
     * "expired" rather than "unknown"); idempotent, so every replica may run it.
     */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void pruneExpired() {
        jdbc.prepareStatement("DELETE FROM survey_tokens WHERE expires_at < now() - interval '7 days'", ps -> ps.executeUpdate());
    }

    /** @return the SHA-256 of the token's UTF-8 bytes, in lower-case hex (64 characters) */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every JDK", e);
        }
    }
}
