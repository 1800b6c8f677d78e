package dev.guichet.web;

/**
 * A refusal to be retried later: 429 Too Many Requests (RFC 6585 §4) for a rate limit or an account
 * lockout, or 503 for a busy service (its {@link ProblemType}'s status). Rendered as problem+json
 * with a {@code Retry-After} header in seconds (RFC 9110 §10.2.3) by {@link ApiExceptionHandler}.
 */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    /**
     * @param type              {@link ProblemType#RATE_LIMITED}, {@link ProblemType#ACCOUNT_LOCKED}, or a busy-service type
     * @param key               the detail's key; its argument {0} is the wait in seconds. The detail
     *                          never reveals whether an account exists
     * @param retryAfterSeconds seconds until a new attempt can succeed, at least 1
     */
    public RateLimitedException(ProblemType type, String key, long retryAfterSeconds) {
        super(type, key, Math.max(1, retryAfterSeconds));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds to wait before retrying */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
