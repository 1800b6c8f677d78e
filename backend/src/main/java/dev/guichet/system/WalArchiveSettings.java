package dev.guichet.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The WAL archiving check ({@code guichet.wal-archive.*}; see {@link WalArchiving} and GUIDE_HEBERGEMENT.md).
 *
 * @param maxLag how long archiving may keep failing after its last success before it is lagging
 */
@Context
@ConfigurationProperties("guichet.wal-archive")
public record WalArchiveSettings(@NotNull @PositiveDuration Duration maxLag) {}
