-- Live updates (issue "Agent workflow"): every change of a ticket that its history records (created,
-- status, priority, category, assignee, reply, internal note) and every attachment appends a row to
-- ticket_events, in the transaction of the change, and signals its id on the channel
-- guichet_events. PostgreSQL delivers a NOTIFY only when its transaction commits, to every session
-- that LISTENs, whatever its connection: each backend replica listens once and pushes the event to
-- the browsers connected to it (dev.guichet.live). A change that rolls back leaves neither row nor
-- notification. The table lets a client that reconnects replay what it missed (Last-Event-ID); rows
-- are pruned after a day (LiveEventLog.prune).
--
-- The rows carry what decides who may see an event (requester, internal) and nothing of its text.
-- No foreign keys: this is a short-lived log, and deleting a ticket or a user must not scan it.
-- created_at is clock_timestamp(), the moment of the insert, which follows the id order closely
-- enough for the replay margin (see LiveEventLog.replay).

CREATE TABLE ticket_events (
    id           bigserial PRIMARY KEY,
    ticket_id    bigint      NOT NULL,
    kind         varchar(16) NOT NULL CHECK (kind IN ('created', 'changed', 'replied', 'note')),
    actor_id     bigint,
    requester_id bigint      NOT NULL,
    internal     boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ticket_events_created_idx ON ticket_events (created_at);

CREATE FUNCTION ticket_events_append(p_ticket_id bigint, p_kind text, p_actor_id bigint, p_internal boolean)
    RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    appended bigint;
BEGIN
    INSERT INTO ticket_events (ticket_id, kind, actor_id, requester_id, internal)
    SELECT t.id, p_kind, p_actor_id, t.requester_id, p_internal FROM tickets t WHERE t.id = p_ticket_id
    RETURNING id INTO appended;
    IF appended IS NOT NULL THEN
        PERFORM pg_notify('guichet_events', appended::text);
    END IF;
END $$;

-- The demo loader's bulk transactions (V10's guichet.bulk_load switch) publish nothing: nobody
-- watches a helpdesk that is being loaded, and tens of thousands of events would only be pruned.
CREATE FUNCTION ticket_history_publish_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM ticket_events_append(NEW.ticket_id,
        CASE NEW.field WHEN 'created' THEN 'created' WHEN 'reply' THEN 'replied'
                       WHEN 'internal_note' THEN 'note' ELSE 'changed' END,
        NEW.actor_id, NEW.field = 'internal_note');
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_history_publish_event AFTER INSERT ON ticket_history
    FOR EACH ROW EXECUTE FUNCTION ticket_history_publish_event();

CREATE FUNCTION attachments_publish_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM ticket_events_append(NEW.ticket_id, 'changed', NEW.uploaded_by, false);
    RETURN NULL;
END $$;

CREATE TRIGGER attachments_publish_event AFTER INSERT ON attachments
    FOR EACH ROW EXECUTE FUNCTION attachments_publish_event();
