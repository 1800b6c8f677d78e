package dev.guichet.web;

import dev.guichet.system.PositiveDuration;
import io.github.bucket4j.Bandwidth;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Every rate limit of Guichet ({@code guichet.rate-limits.*}, from the environment variables named
 * below; see .env.example), each applied per key by a {@link KeyedRateLimit}.
 *
 * @param enabled          false turns every limit off ({@code RATE_LIMITS_ENABLED}, for load tests)
 * @param loginIpLimit     login attempts per client address and {@code loginIpWindow} ({@code LOGIN_IP_LIMIT})
 * @param loginIpWindow    the window over which {@code loginIpLimit} refills ({@code LOGIN_IP_WINDOW})
 * @param loginMaxFailures failed logins that lock an account ({@code LOGIN_MAX_FAILURES})
 * @param loginLockout     how long the lock lasts, from the first of those failures ({@code LOGIN_LOCKOUT})
 * @param apiLimit         API requests per signed-in person and {@code apiWindow} ({@code API_RATE_LIMIT})
 * @param apiWindow        the window over which {@code apiLimit} refills ({@code API_RATE_WINDOW})
 * @param surveyIpLimit    anonymous survey requests per client address and {@code surveyIpWindow} ({@code SURVEY_IP_LIMIT})
 * @param surveyIpWindow   the window over which {@code surveyIpLimit} refills ({@code SURVEY_IP_WINDOW})
 */
@Context
@ConfigurationProperties("guichet.rate-limits")
public record RateLimits(
        boolean enabled,
        @Min(1) long loginIpLimit,
        @NotNull @PositiveDuration Duration loginIpWindow,
        @Min(1) long loginMaxFailures,
        @NotNull @PositiveDuration Duration loginLockout,
        @Min(1) long apiLimit,
        @NotNull @PositiveDuration Duration apiWindow,
        @Min(1) long surveyIpLimit,
        @NotNull @PositiveDuration Duration surveyIpWindow) {

    /** @return login attempts per client address, refilled smoothly */
    public Bandwidth loginPerAddress() {
        return smooth(loginIpLimit, loginIpWindow);
    }

    /**
     * @return failed logins per account. Interval refill: all tokens come back at once, a lockout
     *     after the bucket's creation (its first failure): a fixed-window counter, i.e. a lockout
     *     rather than a trickle
     */
    public Bandwidth loginPerAccount() {
        return Bandwidth.builder()
                .capacity(loginMaxFailures)
                .refillIntervally(loginMaxFailures, loginLockout)
                .build();
    }

    /** @return API requests per signed-in person, refilled smoothly */
    public Bandwidth apiPerPerson() {
        return smooth(apiLimit, apiWindow);
    }

    /** @return anonymous survey requests per client address, refilled smoothly */
    public Bandwidth surveyPerAddress() {
        return smooth(surveyIpLimit, surveyIpWindow);
    }

    private static Bandwidth smooth(long limit, Duration window) {
        return Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build();
    }
}
