package dev.guichet.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Reads, rotates and revokes {@link RefreshToken} rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshToken, Long> {

    /** @param tokenHash hex SHA-256 of the presented token */
    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /**
     * Revokes one token if it is still live; the conditional update makes rotation safe when two
     * requests present the same token at once (only one wins). The provider's refresh token kept
     * with it is dropped (a rotation has read it and passes it on).
     *
     * @return 1 if this call revoked it, 0 if it was already revoked
     */
    @Query(
            "UPDATE refresh_tokens SET revoked_at = now(), provider_refresh_token = NULL WHERE id = :id AND revoked_at IS NULL")
    int revokeIfLive(long id);

    /** Records which token replaced {@code id} on rotation. */
    @Query("UPDATE refresh_tokens SET replaced_by_id = :replacedById WHERE id = :id")
    void markReplaced(long id, long replacedById);

    /** Revokes every live token of a user (logout everywhere). @return how many were revoked */
    @Query(
            "UPDATE refresh_tokens SET revoked_at = now(), provider_refresh_token = NULL WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOfUser(long userId);
}
