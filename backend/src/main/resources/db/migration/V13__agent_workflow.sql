-- Agent workflow (docs/architecture.md, "Agent workflow"): what each person last saw of a ticket,
-- who made a ticket's latest activity, and the views agents save.

-- Who made the latest activity of a ticket (updated_at is its time): filing, a change, a reply or an
-- internal note. NULL for tickets older than this migration or bulk-imported: nothing new to anyone.
ALTER TABLE tickets ADD COLUMN activity_by bigint;
-- The latest activity a requester sees (a public reply, a status change), and who made it.
ALTER TABLE tickets ADD COLUMN public_activity_at timestamptz;
ALTER TABLE tickets ADD COLUMN public_activity_by bigint;

-- What a person last saw of a ticket: the ticket's activity time when they opened it. A ticket is
-- unread for someone when someone else's activity is more recent than this (or than the unread
-- horizon when they never opened it). One row per person and ticket opened; one primary-key probe
-- per listed row.
CREATE TABLE ticket_reads (
    user_id   bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ticket_id bigint      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    seen_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, ticket_id)
);
CREATE INDEX ticket_reads_ticket_idx ON ticket_reads (ticket_id);

-- An employee's "Mes demandes" with new public activity: their tickets by public activity time.
CREATE INDEX tickets_requester_public_activity_idx ON tickets (requester_id, public_activity_at DESC)
    WHERE public_activity_at IS NOT NULL;

-- The queue views an agent saved: a name and the queue's address-bar state (filters and sort).
CREATE TABLE saved_views (
    id         bigserial PRIMARY KEY,
    owner_id   bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       varchar(60)  NOT NULL CHECK (length(btrim(name)) > 0),
    query      varchar(1000) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_views_owner_name_key ON saved_views (owner_id, lower(name));
