-- Issue 9, defect 8: after a backup is restored over newer data, messages that were waiting in
-- the dump (most of them delivered long since) are HELD rather than sent again; an admin releases
-- (PENDING) or discards them on the outbox page. deployment/restore.sh marks them, in the restore's
-- own transaction, and adds this same constraint to a dump older than this migration: hence
-- DROP ... IF EXISTS, so this migration also runs on such a database.
ALTER TABLE mail_outbox DROP CONSTRAINT IF EXISTS mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD'));
CREATE INDEX IF NOT EXISTS mail_outbox_held_idx ON mail_outbox (id) WHERE status = 'HELD';
