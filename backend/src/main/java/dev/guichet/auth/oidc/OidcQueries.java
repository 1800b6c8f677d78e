package dev.guichet.auth.oidc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The SQL of OpenID Connect sign-in (migration V17): logins waiting for the provider's callback
 * ({@code oidc_logins}, state hashed) and the single-use codes the SPA trades for its tokens
 * ({@code sso_exchanges}, hashed). Both are consumed by a {@code DELETE … RETURNING}, so each is used
 * at most once; expired rows are deleted as new ones are written.
 */
@Singleton
@Connectable
public class OidcQueries {

    private final JdbcOperations jdbc;

    OidcQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A login waiting for the provider's callback, as {@link #consumeLogin} found it. */
    record Pending(String browserHash, String nonce, String codeVerifier, String redirect) {}

    /** An exchange code traded: its account and the provider's refresh token, if any. */
    record Exchanged(long userId, @Nullable String providerRefreshToken) {}

    /** Stores a login waiting for the callback, valid for {@code ttl}, and deletes the expired ones. */
    void insertLogin(
            String stateHash,
            String browserHash,
            String nonce,
            String codeVerifier,
            @Nullable String redirect,
            Duration ttl) {
        jdbc.prepareStatement("DELETE FROM oidc_logins WHERE expires_at < now()", ps -> ps.executeUpdate());
        jdbc.prepareStatement("""
                INSERT INTO oidc_logins (state_hash, browser_hash, nonce, code_verifier, redirect, expires_at)
                VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?))""", ps -> {
            ps.setString(1, stateHash);
            ps.setString(2, browserHash);
            ps.setString(3, nonce);
            ps.setString(4, codeVerifier);
            ps.setString(5, redirect);
            ps.setLong(6, ttl.toSeconds());
            return ps.executeUpdate();
        });
    }

    /** @return the unexpired login of this state, deleted (single use); empty when unknown, used or expired */
    Optional<Pending> consumeLogin(String stateHash) {
        return jdbc.prepareStatement("""
                DELETE FROM oidc_logins WHERE state_hash = ?
                RETURNING browser_hash, nonce, code_verifier, redirect, expires_at > now()""", ps -> {
            ps.setString(1, stateHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(5)
                        ? Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<Pending>empty();
            }
        });
    }

    /** Stores an exchange code valid {@code seconds}, with the provider's refresh token, and deletes the expired ones. */
    void insertExchange(String codeHash, long userId, int seconds, @Nullable String providerRefreshToken) {
        jdbc.prepareStatement("DELETE FROM sso_exchanges WHERE expires_at < now()", ps -> ps.executeUpdate());
        jdbc.prepareStatement("""
                INSERT INTO sso_exchanges (code_hash, user_id, expires_at, provider_refresh_token)
                VALUES (?, ?, now() + make_interval(secs => ?), ?)""", ps -> {
            ps.setString(1, codeHash);
            ps.setLong(2, userId);
            ps.setInt(3, seconds);
            ps.setString(4, providerRefreshToken);
            return ps.executeUpdate();
        });
    }

    /** @return the unexpired exchange of this code, deleted (single use); empty when unknown, used or expired */
    Optional<Exchanged> consumeExchange(String codeHash) {
        return jdbc.prepareStatement("""
                DELETE FROM sso_exchanges WHERE code_hash = ?
                RETURNING user_id, expires_at > now(), provider_refresh_token""", ps -> {
            ps.setString(1, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(2)
                        ? Optional.of(new Exchanged(rs.getLong(1), rs.getString(3)))
                        : Optional.<Exchanged>empty();
            }
        });
    }
}
