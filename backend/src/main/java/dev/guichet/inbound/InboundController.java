package dev.guichet.inbound;

import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemResponses;
import dev.guichet.web.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Admins watch the email channel (docs/architecture.md, "Email channel"): each mailbox's configuration (never its password) and
 * state, the stored messages (rejected and failed ones to delete or retry), and bouncing addresses.
 */
@Controller("/api/v1/admin/inbound")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.RateLimited
public class InboundController {

    private static final List<String> STATUSES =
            List.of("RECEIVED", "ATTACHING", "PROCESSED", "IGNORED", "REJECTED", "FAILED");

    private final Mailboxes mailboxes;
    private final InboundQueries store;
    private final InboundSettings settings;

    InboundController(Mailboxes mailboxes, InboundQueries store, InboundSettings settings) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.settings = settings;
    }

    /** A mailbox as admins see it: configuration without the password, state, and message counts by status. */
    @Serdeable
    public record MailboxView(
            String name,
            String host,
            int port,
            String security,
            String user,
            String folder,
            @Nullable String address,
            @Nullable String category,
            @Nullable Instant lastPollAt,
            @Nullable Instant lastSuccessAt,
            @Nullable String lastError,
            @Nullable Instant lastErrorAt,
            @Nullable Instant failingSince,
            boolean healthy,
            long fetched,
            Map<String, Long> counts) {}

    /** A stored message, without its bytes. */
    @Serdeable
    public record MessageView(
            long id,
            String mailbox,
            String messageId,
            @Nullable String sender,
            @Nullable String subject,
            String status,
            @Nullable String reason,
            @Nullable String error,
            @Nullable Long ticketId,
            long size,
            boolean truncated,
            int attempts,
            Instant receivedAt,
            @Nullable Instant processedAt) {
        static MessageView of(InboundQueries.Row r) {
            return new MessageView(
                    r.id(),
                    r.mailbox(),
                    r.messageId(),
                    r.sender(),
                    r.subject(),
                    r.status(),
                    r.reason(),
                    r.error(),
                    r.ticketId(),
                    r.rawSize(),
                    r.truncated(),
                    r.attempts(),
                    r.receivedAt(),
                    r.processedAt());
        }
    }

    /** An address notifications are paused to, because mail to it bounced. */
    @Serdeable
    public record BounceView(
            String email,
            @Nullable String status,
            @Nullable String diagnostic,
            int bounces,
            Instant firstAt,
            Instant lastAt) {}

    /** The email channel at a glance. */
    @Serdeable
    public record Overview(
            List<MailboxView> mailboxes, @Nullable String allowedDomains, boolean polling) {}

    /** Every configured mailbox with its state. */
    @Get("/mailboxes")
    public Overview getInboundMailboxes() {
        List<InboundQueries.State> states = store.states();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : store.counts()) {
            counts.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], (Long) row[2]);
        }
        Instant limit = Instant.now().minus(settings.healthThreshold());
        List<MailboxView> views = mailboxes.all().stream()
                .map(m -> {
                    InboundQueries.State s = states.stream()
                            .filter(x -> x.name().equals(m.name()))
                            .findFirst()
                            .orElse(new InboundQueries.State(m.name(), null, null, null, null, null, 0));
                    Map<String, Long> c = new HashMap<>();
                    STATUSES.forEach(status -> c.put(
                            status.toLowerCase(Locale.ROOT),
                            counts.getOrDefault(m.name(), Map.of()).getOrDefault(status, 0L)));
                    return new MailboxView(
                            m.name(),
                            m.host(),
                            m.port(),
                            m.security(),
                            m.user(),
                            m.folder(),
                            m.address(),
                            m.category(),
                            s.lastPollAt(),
                            s.lastSuccessAt(),
                            s.lastError(),
                            s.lastErrorAt(),
                            s.failingSince(),
                            s.failingSince() == null || s.failingSince().isAfter(limit),
                            s.fetched(),
                            c);
                })
                .toList();
        return new Overview(
                views,
                settings.allowedDomains() == null || settings.allowedDomains().isBlank()
                        ? null
                        : settings.allowedDomains(),
                settings.enabled());
    }

    /**
     * Stored messages newest first.
     *
     * @param status one of RECEIVED, ATTACHING, PROCESSED, IGNORED, REJECTED, FAILED, or "problems"
     *               for REJECTED and FAILED; absent for all
     * @throws ApiException 400 for an unknown status
     */
    @ProblemResponses.BadRequest
    @Get("/messages")
    public List<MessageView> listInboundMessages(
            @QueryValue @Nullable String status,
            @QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<String> wanted;
        if (status == null || status.isBlank()) {
            wanted = List.of();
        } else if ("problems".equalsIgnoreCase(status)) {
            wanted = List.of("REJECTED", "FAILED");
        } else if (STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            wanted = List.of(status.toUpperCase(Locale.ROOT));
        } else {
            throw ApiException.invalidField("status", "inbound-status", String.join(", ", STATUSES));
        }
        return store.list(wanted, size, page * size).stream()
                .map(MessageView::of)
                .toList();
    }

    /** The message as it was fetched ({@code message/rfc822}), to open in a mail client. */
    @ProblemResponses.NotFound
    @Get(value = "/messages/{id}/raw", produces = "message/rfc822")
    public HttpResponse<byte[]> downloadInboundMessage(long id) {
        byte[] raw = store.raw(id).orElseThrow(() -> ApiException.notFound("inbound-message"));
        return HttpResponse.ok(raw)
                .contentType(MediaType.of("message/rfc822"))
                .header("Content-Disposition", "attachment; filename=\"message-" + id + ".eml\"");
    }

    /**
     * Processes a rejected, failed or ignored message again, from the start.
     *
     * @throws ApiException 404 unknown; 409 {@code inbound-not-retryable} when it is processed or in progress
     */
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Post("/messages/{id}/retry")
    public MessageView retryInboundMessage(long id) {
        InboundQueries.Row current = store.find(id).orElseThrow(() -> ApiException.notFound("inbound-message"));
        if (!store.retry(id)) {
            throw ApiException.conflict(ProblemType.INBOUND_NOT_RETRYABLE, current.status());
        }
        return MessageView.of(store.find(id).orElseThrow());
    }

    /**
     * Deletes a stored message (its ticket, if any, stays).
     *
     * @throws ApiException 404 unknown; 409 {@code inbound-in-progress} while a replica processes it
     */
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Delete("/messages/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void deleteInboundMessage(long id) {
        store.find(id).orElseThrow(() -> ApiException.notFound("inbound-message"));
        if (!store.delete(id)) {
            throw ApiException.conflict(ProblemType.INBOUND_IN_PROGRESS);
        }
    }

    /** Addresses whose mail bounced; notifications to them wait until cleared. */
    @Get("/bounces")
    public List<BounceView> listBouncingAddresses() {
        return store.bounces().stream()
                .map(b -> new BounceView(b.email(), b.status(), b.diagnostic(), b.bounces(), b.firstAt(), b.lastAt()))
                .toList();
    }

    /**
     * Clears a bouncing address: the notifications waiting for it are sent.
     *
     * @throws ApiException 404 when the address is not bouncing
     */
    @ProblemResponses.NotFound
    @Delete("/bounces/{email}")
    @Status(HttpStatus.NO_CONTENT)
    public void clearBouncingAddress(String email) {
        if (!store.clearBounce(email.strip().toLowerCase(Locale.ROOT))) {
            throw ApiException.notFound("bouncing-address");
        }
    }
}
