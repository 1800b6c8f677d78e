-- Inbound email (issue 12): messages fetched from the helpdesk's IMAP mailboxes become tickets and
-- replies. Each message is stored raw here first (and only then flagged \Seen on the server), then
-- processed once under a claim, so a crash between fetch and commit loses nothing and creates
-- nothing twice.

-- One row per configured mailbox (the configuration itself comes from the environment).
CREATE TABLE inbound_mailboxes (
    name              varchar(100) PRIMARY KEY,
    last_poll_at      timestamptz,
    last_success_at   timestamptz,
    last_error        text,
    last_error_at     timestamptz,
    -- Set at the first failure after a success, cleared by the next success: the health check
    -- turns DOWN when it is older than INBOUND_MAIL_HEALTH_THRESHOLD.
    failing_since     timestamptz,
    fetched           bigint       NOT NULL DEFAULT 0
);

CREATE TABLE inbound_messages (
    id                bigserial    PRIMARY KEY,
    mailbox           varchar(100) NOT NULL,
    -- The Message-ID header, or <sha256-of-the-raw-bytes@guichet.invalid> when it has none.
    message_id        varchar(1000) NOT NULL,
    imap_uid          bigint,
    -- The message as fetched, kept until an admin deletes it (truncated past INBOUND_MAIL_MAX_SIZE).
    raw               bytea        NOT NULL,
    raw_size          bigint       NOT NULL,
    truncated         boolean      NOT NULL DEFAULT false,
    sender            varchar(320),
    subject           text,
    status            varchar(10)  NOT NULL DEFAULT 'RECEIVED'
                      CHECK (status IN ('RECEIVED', 'ATTACHING', 'PROCESSED', 'IGNORED', 'REJECTED', 'FAILED')),
    -- Why a message was ignored, rejected or failed; what was refused among its attachments.
    reason            varchar(40),
    error             text,
    ticket_id         bigint       REFERENCES tickets (id) ON DELETE SET NULL,
    comment_id        bigint       REFERENCES comments (id) ON DELETE SET NULL,
    -- Attachments handled so far (stored or refused), so a resumed message skips them.
    attachments_done  integer      NOT NULL DEFAULT 0,
    attempts          integer      NOT NULL DEFAULT 0,
    claimed_until     timestamptz,
    received_at       timestamptz  NOT NULL DEFAULT now(),
    processed_at      timestamptz,
    UNIQUE (mailbox, message_id)
);
CREATE INDEX inbound_messages_due_idx ON inbound_messages (id) WHERE status IN ('RECEIVED', 'ATTACHING');
CREATE INDEX inbound_messages_status_idx ON inbound_messages (status, id DESC);
CREATE INDEX inbound_messages_ticket_idx ON inbound_messages (ticket_id);

-- Addresses that bounced (RFC 3464 delivery-status notifications with Action: failed):
-- notifications to them wait in the outbox until an admin clears the address.
CREATE TABLE mail_bounces (
    email             varchar(320) PRIMARY KEY,
    status            varchar(40),
    diagnostic        text,
    bounces           integer      NOT NULL DEFAULT 1,
    first_at          timestamptz  NOT NULL DEFAULT now(),
    last_at           timestamptz  NOT NULL DEFAULT now()
);

-- Unknown senders already answered with the polite refusal (answered once only).
CREATE TABLE inbound_refusals (
    email             varchar(320) PRIMARY KEY,
    sent_at           timestamptz  NOT NULL DEFAULT now()
);

-- Single-use links to choose a password (accounts created from an email); only a SHA-256 of the
-- token is stored.
CREATE TABLE password_tokens (
    token_hash        char(64)     PRIMARY KEY,
    user_id           bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at        timestamptz  NOT NULL,
    used_at           timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX password_tokens_user_idx ON password_tokens (user_id);
