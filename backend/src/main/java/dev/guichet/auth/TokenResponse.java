package dev.guichet.auth;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A fresh pair of tokens.
 *
 * @param accessToken  signed JWT (HS256) to send as {@code Authorization: Bearer …}
 * @param refreshToken opaque token, single use, to obtain the next pair
 * @param tokenType    always {@code Bearer}
 * @param expiresIn    lifetime of the access token in seconds
 */
@Serdeable
public record TokenResponse(String accessToken, String refreshToken, String tokenType, int expiresIn) {}
