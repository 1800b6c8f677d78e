package dev.guichet.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an error that means "PostgreSQL cannot be reached right now" (server down, restarting,
 * refusing connections, pool timed out waiting for one) from a real server error, so the API
 * answers 503 with {@code Retry-After} rather than 500 (docs/architecture.md, "Management endpoints
 * and outages").
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again: about one Hikari connection timeout plus a reconnect. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /**
     * @param error any exception, wrapped or not
     * @return whether its cause chain shows an unreachable database: a pool timeout
     *     ({@link SQLTransientConnectionException}), a broken connection, SQLSTATE class 08
     *     (connection exception) or 57P01–57P03 (server shutting down or starting), HikariCP's
     *     "Connection is closed", or a refused socket
     */
    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            // HikariCP's answer to a connection it has just closed as broken (no SQLSTATE): seen when
            // a library's rollback after the I/O error hides that error (bucket4j does).
            if (t instanceof SQLException sql
                    && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
