package dev.guichet.notification;

import dev.guichet.web.ApiException;
import dev.guichet.web.PageResponse;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Admins watch the notification outbox and send a failed message again. */
@Controller("/api/v1/admin/outbox")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class OutboxController {

    private final OutboxQueries outbox;

    OutboxController(OutboxQueries outbox) {
        this.outbox = outbox;
    }

    /** Messages newest first, optionally of one status (PENDING, SENDING, SENT, FAILED, HELD). */
    @ProblemResponses.BadRequest
    @Get
    public PageResponse<OutboxItem> listOutbox(
            @QueryValue @Schema(type = "string") @Nullable OutboxStatus status,
            @QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        OutboxQueries.Page found = outbox.list(status, page, size);
        return new PageResponse<>(found.items(), page, size, found.total());
    }

    /**
     * Queues a FAILED message again: PENDING, due now, attempts back to 0.
     *
     * @return the message after the change
     * @throws ApiException 404 unknown message; 409 when it is not FAILED
     */
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/{id}/retry")
    public OutboxItem retryOutboxItem(long id) {
        OutboxItem current = outbox.find(id).orElseThrow(() -> ApiException.notFound("message"));
        return outbox.retry(id).orElseThrow(() -> ApiException.conflict(ProblemType.NOT_FAILED, current.status()));
    }

    /**
     * Sends a message HELD after a restore: PENDING, due now, attempts back to 0.
     *
     * @return the message after the change
     * @throws ApiException 404 unknown message; 409 when it is not HELD
     */
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/{id}/release")
    public OutboxItem releaseOutboxItem(long id) {
        OutboxItem current = outbox.find(id).orElseThrow(() -> ApiException.notFound("message"));
        if (outbox.releaseHeld(id) == 0) {
            throw ApiException.conflict(ProblemType.NOT_HELD, current.status());
        }
        return outbox.find(id).orElseThrow();
    }

    /**
     * Deletes a message HELD after a restore (it was most likely delivered before the restore).
     *
     * @throws ApiException 404 unknown message; 409 when it is not HELD
     */
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/{id}/discard")
    @Status(HttpStatus.NO_CONTENT)
    public void discardOutboxItem(long id) {
        OutboxItem current = outbox.find(id).orElseThrow(() -> ApiException.notFound("message"));
        if (outbox.discardHeld(id) == 0) {
            throw ApiException.conflict(ProblemType.NOT_HELD, current.status());
        }
    }

    /** How many HELD messages an action on all of them changed. */
    @Serdeable
    public record Count(long count) {}

    /** Releases every HELD message at once (see {@link #release}). */
    @Post("/held/release")
    public Count releaseAllOutboxItems() {
        return new Count(outbox.releaseHeld(null));
    }

    /** Discards every HELD message at once (see {@link #discard}). */
    @Post("/held/discard")
    public Count discardAllOutboxItems() {
        return new Count(outbox.discardHeld(null));
    }
}
