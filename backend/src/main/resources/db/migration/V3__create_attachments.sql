-- Files attached to tickets. Metadata and bytes live in PostgreSQL so one pg_dump backs up
-- everything. The bytes sit in their own table: listing attachments never touches them.

CREATE TABLE attachments (
    id           bigserial PRIMARY KEY,
    ticket_id    bigint       NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    file_name    varchar(255) NOT NULL CHECK (length(btrim(file_name)) > 0),
    content_type varchar(127) NOT NULL,
    size         bigint       NOT NULL CHECK (size >= 0),
    sha256       char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  bigint       NOT NULL REFERENCES users (id),
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX attachments_ticket_idx ON attachments (ticket_id, created_at, id);
-- Per-user quota: the sum of a person's uploads.
CREATE INDEX attachments_uploader_idx ON attachments (uploaded_by);

-- The bytes are written before their metadata row (the SHA-256 is known only once they are
-- streamed), so the foreign key is checked at commit.
CREATE TABLE attachment_contents (
    attachment_id bigint PRIMARY KEY
                  REFERENCES attachments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    data          bytea  NOT NULL
);
-- EXTERNAL: out of line and uncompressed (most uploads are compressed already), so a download can
-- read the value slice by slice with substring() instead of loading it whole.
ALTER TABLE attachment_contents ALTER COLUMN data SET STORAGE EXTERNAL;
