package dev.guichet.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A refresh token as stored: only the SHA-256 of the token, never the token itself.
 *
 * @param id           database id
 * @param userId       owner
 * @param tokenHash    hex SHA-256 of the opaque token handed to the client
 * @param expiresAt    after this instant the token is refused
 * @param createdAt    issue instant
 * @param revokedAt    set on rotation, logout, password change or deactivation
 * @param replacedById the token that replaced it on rotation, if any
 * @param providerRefreshToken the OpenID Connect provider's refresh token of this session, while
 *                     this token is the session's live one (V22; see {@link ProviderSessions}); null
 *                     for other sessions and once revoked
 */
@MappedEntity("refresh_tokens")
public record RefreshToken(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        String tokenHash,
        Instant expiresAt,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable Long replacedById,
        @Nullable String providerRefreshToken) {}
