package dev.guichet.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.csv.CSVPrinter;

/**
 * The bytes of a CSV export, produced as they are read: each time the reader has consumed the
 * previous chunk, the next {@value #ROWS_PER_CHUNK} rows of the open result set are written with
 * Commons CSV into a reused buffer. Starts with the UTF-8 byte order mark (so Excel reads UTF-8) and
 * the header row. When the rows are exhausted, or the stream is closed early (the client went away),
 * the read-only transaction is rolled back and the connection returned to the pool, once.
 */
final class CsvStream extends InputStream {

    static final int ROWS_PER_CHUNK = 200;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final CsvColumns columns;
    private final Runnable onClose;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private final OutputStreamWriter writer = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
    private final CSVPrinter printer;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean exhausted;
    private boolean closed;

    CsvStream(Connection connection, Statement statement, ResultSet rows, CsvColumns columns, Runnable onClose) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.columns = columns;
        this.onClose = onClose;
        try {
            writer.write(BYTE_ORDER_MARK);
            this.printer = new CSVPrinter(writer, columns.format());
            printer.printRecord(columns.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (exhausted || closed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, from, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        try {
            for (int i = 0; i < ROWS_PER_CHUNK; i++) {
                if (!rows.next()) {
                    exhausted = true;
                    break;
                }
                printer.printRecord(columns.values(rows));
            }
        } catch (SQLException e) {
            close();
            throw new IOException("Reading the exported tickets failed", e);
        }
        printer.flush();
        chunk = buffer.toByteArray();
        buffer.reset();
        position = 0;
        if (exhausted) {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            statement.close(); // closes the server-side cursor of the result set
        } catch (SQLException ignored) {
            // The connection's rollback and close below release it anyway.
        }
        closeQuietly(connection);
        onClose.run();
    }

    /** Rolls back (the transaction only read) and closes the connection, which closes its statement. */
    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is being discarded anyway.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing more to release.
        }
    }
}
