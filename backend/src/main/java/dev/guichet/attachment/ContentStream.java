package dev.guichet.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The bytes of one attachment, fetched {@value #SLICE} bytes at a time with {@code substring()}
 * on its own short-lived connection per slice. Column storage is EXTERNAL (migration V3), so
 * PostgreSQL reads only the TOAST chunks of each slice. Memory per download is one slice, and no
 * connection is held while the client is slow to read. Attachments are never modified, so slices
 * read at different times are consistent.
 */
final class ContentStream extends InputStream {

    /** 256 KiB: few round trips for a 10 MB file, little memory per concurrent download. */
    static final int SLICE = 256 * 1024;

    private final DataSource dataSource;
    private final long id;
    private final long size;
    private long position;
    private byte[] slice = new byte[0];
    private int offset;

    ContentStream(DataSource dataSource, long id, long size) {
        this.dataSource = dataSource;
        this.id = id;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (offset == slice.length) {
            if (position >= size) {
                return -1;
            }
            slice = fetch(position, (int) Math.min(SLICE, size - position));
            offset = 0;
            position += slice.length;
            if (slice.length == 0) {
                throw new IOException("Attachment " + id + " is shorter than its recorded size");
            }
        }
        int n = Math.min(length, slice.length - offset);
        System.arraycopy(slice, offset, buffer, from, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return slice.length - offset;
    }

    private byte[] fetch(long start, int length) throws IOException {
        try {
            return AttachmentQueries.slice(dataSource, id, start, length);
        } catch (SQLException e) {
            throw new IOException("Cannot read attachment " + id, e);
        }
    }
}
