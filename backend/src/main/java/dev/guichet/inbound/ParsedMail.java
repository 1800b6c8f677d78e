package dev.guichet.inbound;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What {@link MailParser} read from one raw message.
 *
 * @param messageId   the Message-ID (angle brackets kept), or null when it has none
 * @param from        the sender's address, lower-cased, or null when unreadable
 * @param fromName    the sender's display name, or null
 * @param subject     the subject on one line, control characters removed (empty when none)
 * @param recipients  every address the message was sent to (To, Cc, Delivered-To, X-Original-To), lower-cased
 * @param threadIds   the ids of In-Reply-To and References, angle brackets kept
 * @param automatic   why the message is automatic (auto-reply, list, bulk), or null for a person's message
 * @param bounce      the recipients a delivery-status notification reports as failed, or null when it is no bounce
 * @param body        the message's new text (quoted history and signature removed where recognised)
 * @param attachments attached files and inline images
 * @param problems    what was wrong but recovered from (charset, nesting, header injection), for the admin page
 */
public record ParsedMail(
        @Nullable String messageId,
        @Nullable String from,
        @Nullable String fromName,
        String subject,
        List<String> recipients,
        List<String> threadIds,
        @Nullable String automatic,
        @Nullable List<Bounce> bounce,
        String body,
        List<Attachment> attachments,
        List<String> problems) {

    /** A file from the message. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** A failed recipient reported by an RFC 3464 delivery-status notification. */
    public record Bounce(
            String email, @Nullable String status, @Nullable String diagnostic) {}
}
