package dev.guichet.web;

/**
 * 429 Too Many Requests (RFC 6585 §4): a rate limit or an account lockout. Rendered as problem+json
 * with a {@code Retry-After} header in seconds (RFC 9110 §10.2.3) by {@link ApiExceptionHandler}.
 */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    /**
     * @param type              {@link ProblemType#RATE_LIMITED} or {@link ProblemType#ACCOUNT_LOCKED}
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
