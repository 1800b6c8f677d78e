package dev.guichet.live;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Live updates ({@code GET /api/v1/events}; {@code guichet.live.*}, see .env.example).
 *
 * @param heartbeat how often an open stream gets a heartbeat, which keeps proxies from closing it and
 *                  re-checks the account ({@code LIVE_HEARTBEAT})
 * @param retention how long events are kept for a reconnecting browser to replay ({@code LIVE_EVENTS_RETENTION})
 */
@Context
@ConfigurationProperties("guichet.live")
public record LiveSettings(
        @NotNull @PositiveDuration Duration heartbeat,
        @NotNull @PositiveDuration Duration retention) {}
