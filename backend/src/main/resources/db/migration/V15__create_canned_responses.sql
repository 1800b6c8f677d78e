-- Canned responses (issue "Agent workflow"): replies that agents insert into the reply box.
-- owner_id NULL = shared (managed by admins); otherwise the personal reply of that technician or
-- admin. The body may hold placeholders such as {{ticket.id}}, filled when a reply is inserted.
CREATE TABLE canned_responses (
    id         bigserial    PRIMARY KEY,
    owner_id   bigint       REFERENCES users (id) ON DELETE CASCADE,
    title      varchar(120) NOT NULL CHECK (length(btrim(title)) > 0),
    body       text         NOT NULL CHECK (length(btrim(body)) > 0 AND length(body) <= 20000),
    locale     varchar(2)   CHECK (locale IN ('fr', 'en')),
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now()
);
-- The picker lists shared replies plus the caller's own, by title.
CREATE INDEX canned_responses_owner_title_idx ON canned_responses (owner_id, lower(title), id);

-- An attachment may be sent with a reply or note: it is then shown under it. NULL = attached to
-- the ticket itself (as before). A requester never sees the files of an internal note.
ALTER TABLE attachments ADD COLUMN comment_id bigint REFERENCES comments (id) ON DELETE CASCADE;
CREATE INDEX attachments_comment_idx ON attachments (comment_id) WHERE comment_id IS NOT NULL;
