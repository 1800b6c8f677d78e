-- Two queue views the indexes of V8 answered only by intersecting or sorting (docs/performance.md,
-- run of 2026-12-04 16:40; docs/architecture.md, "Queue at scale"):
--
-- "Assigned to me" with the open chips, the agent's own work list: PostgreSQL intersected the open
-- tickets' bitmap with the assignee's (about 25,000 entries per technician at 1M tickets), then
-- sorted: 22 ms at 1 client, 84 requests/s at 16. This partial index walks the assignee's open
-- tickets in queue order (0.6 ms).
CREATE INDEX tickets_open_assignee_updated_idx ON tickets (assignee_id, updated_at DESC, id DESC)
    WHERE status IN ('NEW', 'IN_PROGRESS', 'WAITING');

-- "Unassigned": PostgreSQL does not take `assignee_id IS NULL` as an equality that keeps the order
-- of (assignee_id, updated_at DESC, id DESC), so it read every unassigned ticket and sorted them
-- (18 ms at 1 client, 11,000 tickets in the bench). This index holds them in queue order (2.7 ms).
CREATE INDEX tickets_unassigned_updated_idx ON tickets (updated_at DESC, id DESC)
    WHERE assignee_id IS NULL;
