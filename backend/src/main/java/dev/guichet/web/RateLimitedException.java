package dev.guichet.web;

import io.micronaut.http.HttpStatus;

/**
 * 429 Too Many Requests (RFC 6585 §4): a rate limit or an account lockout. Rendered as problem+json
 * with a {@code Retry-After} header in seconds (RFC 9110 §10.2.3) by {@link ApiExceptionHandler}.
 */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    /**
     * @param type              the problem type slug ({@code rate-limited}, {@code account-locked})
     * @param detail            what the user should know, without revealing whether an account exists
     * @param retryAfterSeconds seconds until a new attempt can succeed, at least 1
     */
    public RateLimitedException(String type, String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, type, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds to wait before retrying */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
