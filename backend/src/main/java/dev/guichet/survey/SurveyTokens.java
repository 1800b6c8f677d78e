package dev.guichet.survey;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
public class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final SurveyQueries queries;
    private final Duration ttl;

    SurveyTokens(SurveyQueries queries, SurveySettings settings) {
        this.queries = queries;
        this.ttl = settings.linkTtl();
    }

    /** A stored token: its row, ticket and state. */
    record Token(long id, long ticketId, boolean expired, boolean used) {}

    /**
     * Creates a token for the ticket; must run in the transaction of the notification that carries it.
     *
     * @return the token in clear, to be put in the link (never stored)
     */
    public String issue(long ticketId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        queries.insertToken(ticketId, hash(token), ttl);
        return token;
    }

    /**
     * @param lock whether to lock the token's row until the end of the transaction (before using it)
     * @return the stored token whose hash matches, if any
     */
    Optional<Token> find(String token, boolean lock) {
        return queries.token(hash(token), lock);
    }

    /** Records that the token has answered; it is refused from now on. */
    void markUsed(long id) {
        queries.markTokenUsed(id);
    }

    /**
     * Deletes tokens expired for more than a week (kept that long so a late click still gets
     * "expired" rather than "unknown"); idempotent, so every replica may run it.
     */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void pruneExpired() {
        queries.deleteExpiredTokens();
    }

    /** @return the SHA-256 of the token's UTF-8 bytes, in lower-case hex (64 characters) */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every JDK", e);
        }
    }
}
