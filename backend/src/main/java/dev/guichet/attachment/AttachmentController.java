package dev.guichet.attachment;

import dev.guichet.auth.Caller;
import dev.guichet.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * Files attached to tickets. To attach files to a new ticket, create the ticket
 * ({@code POST /api/v1/tickets}, JSON), then upload each file to it.
 *
 * <p>Uploads arrive as {@code multipart/form-data} with one part named {@code file}; the server
 * spools the part to a temporary file (multipart {@code disk} mode), and refuses a body over the
 * limit with 413 while receiving it. Downloads are always served as attachments under a sandboxing
 * policy, so an uploaded file never runs as a page of Guichet's origin.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "attachments")
@ProblemResponses.Unauthorized
@ProblemResponses.RateLimited
public class AttachmentController {

    /** Downloaded files may do nothing: no scripts, no plugins, no requests, opaque origin. */
    static final String DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /**
     * Attaches a file to a ticket the caller may see: 201 with the attachment and its download URL
     * as Location. With {@code comment_id}, the file is sent with that reply or note of the caller (400 on
     * {@code comment_id} otherwise). 404 unseen ticket, 409 closed ticket, 413 too large or over quota,
     * 415 type refused.
     */
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.TooLarge
    @ProblemResponses.UnsupportedType
    @Status(HttpStatus.CREATED)
    @Post(value = "/tickets/{ticketId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<AttachmentResponse> uploadAttachment(
            long ticketId,
            @Part("file") CompletedFileUpload file,
            @QueryValue("comment_id") @Nullable Long commentId,
            Authentication authentication) {
        try (InputStream content = file.getInputStream()) {
            AttachmentResponse saved = attachments.upload(
                    Caller.of(authentication), ticketId, commentId, file.getFilename(), file.getSize(), content);
            return HttpResponse.created(saved, URI.create("/api/v1/attachments/" + saved.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attachments of a ticket the caller may see, oldest first. */
    @ProblemResponses.NotFound
    @Get("/tickets/{ticketId}/attachments")
    public List<AttachmentResponse> listAttachments(long ticketId, Authentication authentication) {
        return attachments.list(Caller.of(authentication), ticketId);
    }

    /**
     * The file's bytes, with its detected type, {@code Content-Disposition: attachment} (RFC 6266)
     * and a sandboxing Content-Security-Policy. 404 when the caller may not see its ticket.
     */
    @ProblemResponses.NotFound
    @Get(value = "/attachments/{id}", produces = MediaType.ALL)
    public HttpResponse<StreamedFile> downloadAttachment(long id, Authentication authentication) {
        AttachmentResponse attachment = attachments.get(Caller.of(authentication), id);
        StreamedFile body = new StreamedFile(
                attachments.open(attachment),
                MediaType.of(attachment.contentType()),
                attachment.createdAt().toEpochMilli(),
                attachment.size());
        return HttpResponse.ok(body)
                .contentType(attachment.contentType())
                .header("Content-Disposition", FileNames.contentDisposition(attachment.fileName()))
                .header("Content-Security-Policy", DOWNLOAD_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
    }
}
