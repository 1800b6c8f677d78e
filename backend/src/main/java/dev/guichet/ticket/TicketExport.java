package dev.guichet.ticket;

import dev.guichet.report.ReportSettings;
import dev.guichet.web.ProblemType;
import dev.guichet.web.RateLimitedException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * The CSV export of a queue view (docs/architecture.md, "Reports, export and survey"): the tickets matching a {@link TicketFilter} (built
 * by the list's own code, so an export holds exactly the rows of the view, and an employee's export
 * only their own tickets), in the view's sort, streamed.
 *
 * <p>Streaming: the query runs on a connection of its own in a read-only transaction with a fetch
 * size of {@value #FETCH_SIZE} (PostgreSQL's JDBC driver then uses a cursor instead of reading the
 * whole result), and {@link CsvStream} turns rows into CSV as the client reads: memory stays a few
 * hundred rows whatever the number of tickets. Each export holds one pool connection while it runs,
 * so at most {@code EXPORT_MAX_CONCURRENT} (default 2) run at once on a replica; more get 429
 * {@code export-busy}.
 */
@Singleton
public class TicketExport {

    /** Rows the driver fetches per round trip. */
    static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final ZoneId zone;
    private final Semaphore running;

    TicketExport(DataSource dataSource, ReportSettings settings) {
        // The pool's own connections, outside Micronaut's transaction management: the stream
        // commits (rolls back) and closes its connection itself when the client has read it all.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.zone = settings.timeZone();
        this.running = new Semaphore(settings.exportMaxConcurrent());
    }

    /**
     * Runs the query now (so a database error is still an ordinary problem response) and returns the
     * CSV to stream: UTF-8 with a byte order mark, a header row, one row per ticket.
     *
     * @param language {@code fr} ({@code ;} separator, French headers and labels) or {@code en} ({@code ,})
     * @throws RateLimitedException 429 {@code export-busy} when too many exports run on this replica
     */
    public InputStream open(TicketFilter filter, TicketSort sort, String language) {
        if (!running.tryAcquire()) {
            throw new RateLimitedException(ProblemType.EXPORT_BUSY, "export-busy.detail", 30);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = TicketQueries.export(connection, filter, sort, FETCH_SIZE);
            ResultSet rows = statement.executeQuery();
            return new CsvStream(
                    connection,
                    statement,
                    rows,
                    CsvColumns.of(Locale.forLanguageTag(language), zone),
                    running::release);
        } catch (SQLException | RuntimeException e) {
            CsvStream.closeQuietly(connection);
            running.release();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("The export query failed", e);
        }
    }

    /** @return the download's file name in this language, e.g. {@code demandes-2026-12-04.csv} */
    public String fileName(String language) {
        return CsvColumns.of(Locale.forLanguageTag(language), zone).fileName();
    }
}
