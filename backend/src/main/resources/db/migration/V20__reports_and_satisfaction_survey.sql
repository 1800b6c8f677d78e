-- Reports, CSV export and satisfaction survey (issue 13; docs/architecture.md, "Reports, export and survey").

-- The requester's answer to the one-question survey of a resolved ticket: one per ticket,
-- changeable until the ticket is closed (the service checks the status under the ticket's row lock).
CREATE TABLE satisfaction_surveys (
    ticket_id   bigint      PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text        CHECK (comment IS NULL OR (length(btrim(comment)) > 0 AND length(comment) <= 2000)),
    answered_at timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- The dashboard reads the answers given in a period.
CREATE INDEX satisfaction_surveys_answered_idx ON satisfaction_surveys (answered_at);

-- Links mailed with the "resolved" notification: only the SHA-256 of the token is stored (the token
-- itself, 32 random bytes, is in the mail only), valid for one ticket, until expires_at, once.
CREATE TABLE survey_tokens (
    id         bigserial   PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    token_hash char(64)    NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_tokens_ticket_idx ON survey_tokens (ticket_id);
CREATE INDEX survey_tokens_expires_idx ON survey_tokens (expires_at);

-- The dashboard counts and times the tickets resolved in a period (a range scan of this index).
CREATE INDEX tickets_resolved_at_idx ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;
