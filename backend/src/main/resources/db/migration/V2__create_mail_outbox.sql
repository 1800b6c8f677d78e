-- Notification emails (issue 4): the outbox the delivery worker drains, and which technicians are
-- alerted about new tickets of a category. Messages are rendered when queued, in the same
-- transaction as the ticket change that caused them, so a change and its emails commit together.

CREATE TABLE mail_outbox (
    id                bigserial PRIMARY KEY,
    kind              varchar(32)  NOT NULL,
    recipient_id      bigint       REFERENCES users (id) ON DELETE SET NULL,
    recipient_email   varchar(254) NOT NULL,
    locale            varchar(5)   NOT NULL CHECK (locale IN ('fr', 'en')),
    subject           text         NOT NULL,
    body_text         text         NOT NULL,
    body_html         text         NOT NULL,
    ticket_id         bigint       REFERENCES tickets (id) ON DELETE CASCADE,
    -- RFC 5322 §3.6.4 threading: every message of a ticket refers to the ticket's root id.
    message_id        varchar(300) NOT NULL UNIQUE,
    in_reply_to       varchar(300),
    thread_references text,
    status            varchar(8)   NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts          integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   timestamptz  NOT NULL DEFAULT now(),
    -- While SENDING: until when the claiming worker owns the row; past it, another worker reclaims it.
    lease_until       timestamptz,
    last_error        text,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    CHECK (status <> 'SENT' OR sent_at IS NOT NULL),
    CHECK (status <> 'SENDING' OR lease_until IS NOT NULL)
);
-- What the worker polls: due messages, and claims whose lease ran out.
CREATE INDEX mail_outbox_due_idx     ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_lease_idx   ON mail_outbox (lease_until) WHERE status = 'SENDING';
-- The admin listing, newest first, optionally by status.
CREATE INDEX mail_outbox_status_idx  ON mail_outbox (status, id DESC);
CREATE INDEX mail_outbox_ticket_idx  ON mail_outbox (ticket_id);

-- Technicians (or admins) alerted when a ticket is filed in a category. A category nobody is
-- mapped to alerts every active technician and admin.
CREATE TABLE category_technicians (
    category_id bigint NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, user_id)
);
CREATE INDEX category_technicians_user_idx ON category_technicians (user_id);
