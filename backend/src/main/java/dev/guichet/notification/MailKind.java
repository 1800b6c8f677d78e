package dev.guichet.notification;

import java.util.Locale;

/**
 * The notifications Guichet sends (docs/notifications.md). Each names its message keys in
 * {@code mail/messages*.properties}: {@code subject.<key>} and {@code lead.<key>}.
 */
public enum MailKind {
    /** To the requester: their ticket was received. */
    CREATED_ACK,
    /** To the technicians of the category (or all of them): a ticket was filed. */
    CREATED_ALERT,
    /** To the new assignee. */
    ASSIGNED,
    /** A public reply: to the requester, or to the assignee (or technicians) when the requester wrote. */
    REPLY,
    /** A technician's public reply that also set the ticket to WAITING: to the requester. */
    REPLY_WAITING,
    /** A technician's public reply that also resolved the ticket: to the requester. */
    REPLY_RESOLVED,
    /** An internal note: to the assignee only, and never with the note's text. */
    NOTE,
    /** To the requester: the ticket waits for their answer. */
    WAITING,
    /** To the requester: the ticket was resolved. */
    RESOLVED,
    /** To the requester: the ticket was closed. */
    CLOSED,
    /** To someone whose email created their account: a link to choose a password. */
    ACCOUNT_CREATED,
    /** To an unknown sender outside the allowed domains: a polite refusal, sent once. */
    MAIL_REFUSED,
    /** SLA escalation: 80 % of the first-response time used without a reply; to the assignee (or the category's technicians). */
    SLA_FIRST_RESPONSE_AT_RISK,
    /** SLA escalation: first-response time exceeded; to the assignee (or the category's technicians) and the admins. */
    SLA_FIRST_RESPONSE_BREACHED,
    /** SLA escalation: 80 % of the resolution time used; to the assignee (or the category's technicians). */
    SLA_RESOLUTION_AT_RISK,
    /** SLA escalation: resolution time exceeded; to the assignee (or the category's technicians) and the admins. */
    SLA_RESOLUTION_BREACHED,
    /** To the category's technicians: the requester gave a low satisfaction score (survey package). */
    SURVEY_LOW_SCORE;

    /** @return whether the email carries a public reply's text (Markdown, rendered to HTML) */
    public boolean isReply() {
        return this == REPLY || this == REPLY_WAITING || this == REPLY_RESOLVED;
    }

    /** @return the suffix of this kind's message keys, e.g. {@code created_ack} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
