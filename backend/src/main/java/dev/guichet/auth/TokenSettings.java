package dev.guichet.auth;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How long the tokens Guichet hands out stay valid ({@code guichet.*} in application.yml). Access
 * tokens are Micronaut Security's ({@code ACCESS_TOKEN_TTL}).
 *
 * @param refreshTokenTtl  lifetime of a refresh token, i.e. of a session without activity ({@code REFRESH_TOKEN_TTL})
 * @param passwordTokenTtl lifetime of a mailed link to choose a password ({@code PASSWORD_TOKEN_TTL})
 */
@Context
@ConfigurationProperties("guichet")
public record TokenSettings(
        @NotNull @PositiveDuration Duration refreshTokenTtl,
        @NotNull @PositiveDuration Duration passwordTokenTtl) {}
