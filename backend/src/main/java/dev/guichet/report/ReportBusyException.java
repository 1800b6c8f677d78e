package dev.guichet.report;

import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import java.sql.SQLException;

/**
 * 503 {@code report-busy} with {@code Retry-After}: a dashboard statement ran past
 * {@code REPORTS_STATEMENT_TIMEOUT} (the database is busy), and was cancelled rather than hold a
 * pooled connection (docs/architecture.md, "Reports, export and survey").
 */
public class ReportBusyException extends RateLimitedException {

    /** Seconds a client should wait before asking again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** The one instance kind: the detail says to try again shortly. */
    public ReportBusyException() {
        super(ProblemType.REPORT_BUSY, "report-busy.detail", RETRY_AFTER_SECONDS);
    }

    /**
     * @param error any exception, wrapped or not
     * @return whether its cause chain holds PostgreSQL's "canceling statement due to statement
     *     timeout" (SQLSTATE 57014, query_canceled)
     */
    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
