package dev.guichet.attachment;

import dev.guichet.user.Role;
import dev.guichet.user.UserSummary;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL of the attachment tables (migrations V3, V15). Metadata in {@code attachments}; bytes in
 * {@code attachment_contents}, written by streaming them into the statement and read back slice by
 * slice ({@link ContentStream}, {@link #slice}), so a file is never held whole in the JVM.
 */
@Singleton
@Connectable
public class AttachmentQueries {

    private static final String SELECT = """
            SELECT a.id, a.ticket_id, a.comment_id, a.file_name, a.content_type, a.size, a.sha256, a.created_at,
                   u.id AS user_id, u.full_name, u.email, u.role
              FROM attachments a JOIN users u ON u.id = a.uploaded_by
                   LEFT JOIN comments c ON c.id = a.comment_id""";
    /** Keeps the files of internal notes out unless the first parameter is true. */
    private static final String VISIBLE = " AND (? OR c.internal IS NOT TRUE)";

    private final JdbcOperations jdbc;
    private final DataSource dataSource;

    AttachmentQueries(JdbcOperations jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param withInternal whether the files sent with internal notes are included
     * @return the attachments of a ticket, oldest first
     */
    public List<AttachmentResponse> ofTicket(long ticketId, boolean withInternal) {
        return jdbc.prepareStatement(
                SELECT + " WHERE a.ticket_id = ?" + VISIBLE + " ORDER BY a.created_at, a.id", ps -> {
                    ps.setLong(1, ticketId);
                    ps.setBoolean(2, withInternal);
                    List<AttachmentResponse> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(read(rs));
                        }
                    }
                    return found;
                });
    }

    /**
     * @param withInternal whether a file sent with an internal note may be found
     * @return one attachment's metadata
     */
    public Optional<AttachmentResponse> find(long id, boolean withInternal) {
        return jdbc.prepareStatement(SELECT + " WHERE a.id = ?" + VISIBLE, ps -> {
            ps.setLong(1, id);
            ps.setBoolean(2, withInternal);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Locks the ticket's row and the uploader's row until the end of the transaction, so two
     * concurrent uploads cannot both fit under a quota that only one of them fits under.
     */
    void lockForUpload(long ticketId, long userId) {
        jdbc.prepareStatement("SELECT 1 FROM tickets WHERE id = ? FOR NO KEY UPDATE", ps -> {
            ps.setLong(1, ticketId);
            return ps.executeQuery().next();
        });
        jdbc.prepareStatement("SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE", ps -> {
            ps.setLong(1, userId);
            return ps.executeQuery().next();
        });
    }

    /** @return total bytes attached to a ticket */
    long bytesOfTicket(long ticketId) {
        return sum("SELECT coalesce(sum(size), 0) FROM attachments WHERE ticket_id = ?", ticketId);
    }

    /** @return total bytes a person has uploaded, on all tickets */
    long bytesOfUploader(long userId) {
        return sum("SELECT coalesce(sum(size), 0) FROM attachments WHERE uploaded_by = ?", userId);
    }

    /** @return a new attachment id, for {@link #writeContent} before {@link #insert} */
    long nextId() {
        return jdbc.prepareStatement("SELECT nextval(pg_get_serial_sequence('attachments', 'id'))", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Streams the bytes into the database (pgjdbc sends a length-bounded stream without buffering it).
     *
     * @param size exact number of bytes {@code content} yields; the insert fails otherwise
     */
    void writeContent(long id, InputStream content, long size) {
        jdbc.prepareStatement("INSERT INTO attachment_contents (attachment_id, data) VALUES (?, ?)", ps -> {
            ps.setLong(1, id);
            ps.setBinaryStream(2, content, size);
            return ps.executeUpdate();
        });
    }

    /** Writes the metadata row of content already written under {@code id}; {@code commentId} may be null. */
    void insert(
            long id,
            long ticketId,
            Long commentId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            long uploaderId) {
        jdbc.prepareStatement("""
                INSERT INTO attachments (id, ticket_id, file_name, content_type, size, sha256, uploaded_by, comment_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, ticketId);
            ps.setString(3, fileName);
            ps.setString(4, contentType);
            ps.setLong(5, size);
            ps.setString(6, sha256);
            ps.setLong(7, uploaderId);
            ps.setObject(8, commentId, java.sql.Types.BIGINT);
            return ps.executeUpdate();
        });
    }

    /** @return a stream over the stored bytes, reading them in slices on demand */
    public InputStream open(AttachmentResponse attachment) {
        return new ContentStream(dataSource, attachment.id(), attachment.size());
    }

    /**
     * Reads one slice of an attachment's bytes on a short-lived connection of its own.
     *
     * @param start  0-based offset of the first byte
     * @param length bytes to read at most
     * @return the bytes, fewer than {@code length} at the end, none when there is no such attachment
     */
    static byte[] slice(DataSource dataSource, long id, long start, int length) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "SELECT substring(data FROM ? FOR ?) FROM attachment_contents WHERE attachment_id = ?")) {
            ps.setInt(1, Math.toIntExact(start + 1));
            ps.setInt(2, length);
            ps.setLong(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        }
    }

    private long sum(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static AttachmentResponse read(ResultSet rs) throws SQLException {
        UserSummary uploader = new UserSummary(
                rs.getLong("user_id"),
                rs.getString("full_name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")));
        return new AttachmentResponse(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getObject("comment_id", Long.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                uploader,
                rs.getTimestamp("created_at").toInstant());
    }
}
