package dev.guichet.attachment;

import dev.guichet.auth.Caller;
import dev.guichet.comment.CommentRepository;
import dev.guichet.ticket.TicketService;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules of attachments: only on tickets the caller may see (docs/architecture.md, "Roles and what each may do"), not on
 * closed tickets, of an accepted type ({@link FileTypes}), within the size limit and the quotas.
 *
 * <p>Limits, from the environment: {@code MAX_UPLOAD_SIZE} per file (default 10 MB, also enforced
 * by the HTTP server before the body is buffered), {@code ATTACHMENT_TICKET_QUOTA} per ticket
 * (default 50 MB) and {@code ATTACHMENT_USER_QUOTA} per uploader over all tickets (default 200 MB).
 */
@Singleton
public class AttachmentService {

    private final TicketService tickets;
    private final CommentRepository comments;
    private final AttachmentQueries store;
    private final FileTypes types;
    private final long maxFileSize;
    private final long ticketQuota;
    private final long userQuota;

    AttachmentService(
            TicketService tickets,
            CommentRepository comments,
            AttachmentQueries store,
            FileTypes types,
            AttachmentSettings settings) {
        this.tickets = tickets;
        this.comments = comments;
        this.store = store;
        this.types = types;
        this.maxFileSize = settings.maxFileSize();
        this.ticketQuota = settings.ticketQuota();
        this.userQuota = settings.userQuota();
    }

    /**
     * Stores a file on a ticket, in one transaction: type check, quota check under row locks, bytes
     * streamed into PostgreSQL while hashed, then the metadata row.
     *
     * @param fileName the name the client sent (sanitized here)
     * @param size     the exact size in bytes of {@code content}
     * @param content  the bytes; read once, not closed here
     * @return the stored attachment
     * @throws ApiException 404 unseen ticket; 409 closed ticket; 400 empty file; 413 file over the size
     *                      limit or quota exceeded; 415 type not accepted or contradicting the extension
     */
    @Transactional
    public AttachmentResponse upload(Caller caller, long ticketId, String fileName, long size, InputStream content) {
        return upload(caller, ticketId, null, fileName, size, content);
    }

    /**
     * Like {@link #upload(Caller, long, String, long, InputStream)}, the file sent with a reply or note:
     * the comment must be the caller's own on this ticket (checked under the ticket's row lock). The
     * file is then shown under it, and a requester never sees the files of an internal note.
     *
     * @param commentId the reply or note, or null for a file of the ticket itself
     * @throws ApiException 400 on {@code comment_id} when it is not one of the caller's comments on the ticket
     */
    @Transactional
    public AttachmentResponse upload(
            Caller caller, long ticketId, @Nullable Long commentId, String fileName, long size, InputStream content) {
        tickets.lockForAddition(caller, ticketId);
        if (commentId != null
                && comments.findById(commentId)
                        .filter(c -> c.ticketId() == ticketId && c.authorId() == caller.id())
                        .isEmpty()) {
            throw ApiException.invalidField("comment_id", "not-your-reply");
        }
        if (size == 0) {
            throw ApiException.invalidField("file", "empty-file");
        }
        if (size > maxFileSize) {
            throw new ApiException(
                    ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large.file", megabytes(size), megabytes(maxFileSize));
        }
        String name = FileNames.sanitize(fileName);
        try {
            BufferedInputStream buffered = new BufferedInputStream(content, types.prefixLength() + 1);
            buffered.mark(types.prefixLength() + 1);
            byte[] prefix = buffered.readNBytes(types.prefixLength());
            buffered.reset();
            String contentType = types.accept(prefix, name);

            store.lockForUpload(ticketId, caller.id());
            long ticketUsed = store.bytesOfTicket(ticketId);
            if (ticketUsed + size > ticketQuota) {
                throw ApiException.of(
                        ProblemType.TICKET_QUOTA_EXCEEDED,
                        megabytes(ticketUsed),
                        megabytes(size),
                        megabytes(ticketQuota));
            }
            long userUsed = store.bytesOfUploader(caller.id());
            if (userUsed + size > userQuota) {
                throw ApiException.of(
                        ProblemType.USER_QUOTA_EXCEEDED, megabytes(userUsed), megabytes(size), megabytes(userQuota));
            }
            long id = store.nextId();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            store.writeContent(id, new DigestInputStream(buffered, sha256), size);
            store.insert(
                    id,
                    ticketId,
                    commentId,
                    name,
                    contentType,
                    size,
                    HexFormat.of().formatHex(sha256.digest()),
                    caller.id());
            tickets.touch(ticketId, caller.id(), true);
            return store.find(id, true).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * @return the attachments of a ticket the caller may see, oldest first
     * @throws ApiException 404 unseen ticket
     */
    public List<AttachmentResponse> list(Caller caller, long ticketId) {
        tickets.requireVisible(caller, ticketId);
        return store.ofTicket(ticketId, caller.isAgent());
    }

    /**
     * @return an attachment the caller may see: its ticket is theirs, or they are an agent
     * @throws ApiException 404 when it does not exist or its ticket is not visible to the caller
     */
    public AttachmentResponse get(Caller caller, long attachmentId) {
        AttachmentResponse attachment =
                store.find(attachmentId, caller.isAgent()).orElseThrow(() -> ApiException.notFound("attachment"));
        try {
            tickets.requireVisible(caller, attachment.ticketId());
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw ApiException.notFound("attachment");
            }
            throw e;
        }
        return attachment;
    }

    /** @return a stream over the bytes of an attachment returned by {@link #get} */
    public InputStream open(AttachmentResponse attachment) {
        return store.open(attachment);
    }

    /** Megabytes with one decimal, as people read them ("10.0 MB"); 1 MB = 1024 × 1024 bytes, like Micronaut's "10MB". */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
