-- Queue at scale (docs/architecture.md, "Queue at scale").
--
-- 1. Indexes that match each sort and filter the SPA's queue offers, always ending in `id` so the
--    keyset cursor (sort key, id) walks one index in order and stops after a page.
-- 2. Ticket counts per status kept in a small table by a trigger in the same transaction as each
--    insert, status change or delete, so the unfiltered counts never scan the tickets.

-- Sort keys (the SPA's SORTS, both directions are served by a backward index scan).
CREATE INDEX tickets_updated_id_idx  ON tickets (updated_at DESC, id DESC);
DROP INDEX IF EXISTS tickets_updated_at_idx;
-- tickets_created_at_idx (created_at DESC, id DESC) exists since V1.
CREATE INDEX tickets_priority_rank_idx ON tickets
    ((array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::varchar[], priority)) DESC, id DESC);
CREATE INDEX tickets_status_rank_idx ON tickets
    ((array_position(ARRAY['NEW','IN_PROGRESS','WAITING','RESOLVED','CLOSED']::varchar[], status)), id);
CREATE INDEX tickets_title_idx ON tickets (lower(title), id);

-- The open tickets (what agents look at, ~0.5 % of a mature helpdesk): every open-status chip and
-- the default queue restricted to them walk this small index.
CREATE INDEX tickets_open_updated_idx ON tickets (updated_at DESC, id DESC)
    WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING');
CREATE INDEX tickets_open_status_updated_idx ON tickets (status, updated_at DESC, id DESC)
    WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING');

-- Filters combined with the default sort (updated_at DESC, id DESC).
CREATE INDEX tickets_status_updated_idx    ON tickets (status, updated_at DESC, id DESC);
CREATE INDEX tickets_priority_updated_idx  ON tickets (priority, updated_at DESC, id DESC);
CREATE INDEX tickets_category_updated_idx  ON tickets (category_id, updated_at DESC, id DESC);
CREATE INDEX tickets_assignee_updated_idx  ON tickets (assignee_id, updated_at DESC, id DESC);
CREATE INDEX tickets_requester_updated_idx ON tickets (requester_id, updated_at DESC, id DESC);
-- Superseded by the composite indexes above (same leading column).
DROP INDEX IF EXISTS tickets_status_idx;
DROP INDEX IF EXISTS tickets_priority_idx;
DROP INDEX IF EXISTS tickets_category_idx;
DROP INDEX IF EXISTS tickets_assignee_idx;

-- Counts per status: an append-only ledger of +1/-1 rows keyed by the queue's filters (status,
-- priority, category, assignee), written by the trigger below in the same transaction as each
-- ticket insert, change of one of these fields, or delete, and folded to one row per distinct key
-- by the application every 30 s (TicketCounts.compact). Appending never waits on a lock, so
-- concurrent creates and transitions do not serialize on a counter row; reading sums at most a few
-- thousand rows (statuses x priorities x categories x assignees in use), whatever the number of
-- tickets, exactly, for the unfiltered queue and for its priority, category and assignee filters.
CREATE TABLE ticket_status_counts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status      varchar(16) NOT NULL,
    priority    varchar(16) NOT NULL,
    category_id bigint,
    assignee_id bigint,
    n           bigint      NOT NULL
);

INSERT INTO ticket_status_counts (status, priority, category_id, assignee_id, n)
SELECT status, priority, category_id, assignee_id, count(*) FROM tickets
 GROUP BY status, priority, category_id, assignee_id;

CREATE FUNCTION tickets_count_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO ticket_status_counts (status, priority, category_id, assignee_id, n)
        VALUES (OLD.status, OLD.priority, OLD.category_id, OLD.assignee_id, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO ticket_status_counts (status, priority, category_id, assignee_id, n)
        VALUES (NEW.status, NEW.priority, NEW.category_id, NEW.assignee_id, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tickets_count_status_trg
    AFTER INSERT OR DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_count_status();
CREATE TRIGGER tickets_count_status_update_trg
    AFTER UPDATE OF status, priority, category_id, assignee_id ON tickets
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
          OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id)
    EXECUTE FUNCTION tickets_count_status();

-- TRUNCATE fires no row trigger: empty the ledger with the tickets (tests, restores).
CREATE FUNCTION tickets_truncate_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ticket_status_counts;
    RETURN NULL;
END $$;

CREATE TRIGGER tickets_truncate_counts_trg
    AFTER TRUNCATE ON tickets
    FOR EACH STATEMENT EXECUTE FUNCTION tickets_truncate_counts();
