-- Run by deployment/restore.sh inside the restore's transaction, right after the dump is replayed
-- (docs/notifications.md, "Watching it"): mails that were waiting (PENDING) or being sent (SENDING) when the backup
-- was taken were most likely delivered since; sending them again would repeat old news. They are
-- HELD until an admin releases or discards them (outbox page, /api/v1/admin/outbox). A dump older
-- than migration V6 gets V6's status constraint first (V6 then finds it in place).
DO $$
BEGIN
    IF to_regclass('public.mail_outbox') IS NOT NULL THEN
        ALTER TABLE public.mail_outbox DROP CONSTRAINT IF EXISTS mail_outbox_status_check;
        ALTER TABLE public.mail_outbox ADD CONSTRAINT mail_outbox_status_check
            CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD'));
        UPDATE public.mail_outbox SET status = 'HELD', lease_until = NULL
         WHERE status IN ('PENDING', 'SENDING');
    END IF;
END
$$;
