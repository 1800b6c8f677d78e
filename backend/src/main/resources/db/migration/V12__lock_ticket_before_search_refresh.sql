-- A reply's trigger rebuilt the ticket's search document from the comments its statement could
-- see. Two overlapping reply transactions each waited for the other's row lock inside the same
-- UPDATE, whose snapshot predates the other's commit, so the later one overwrote the document
-- without the earlier reply (issue "Hardening round 2", defect 6). Now the trigger first locks the
-- ticket row in a statement of its own; the UPDATE that follows is a new statement with a new
-- snapshot (READ COMMITTED), taken once the lock is held, so it sees every committed reply.
-- The bulk-load switch of V10 is kept; numbered after V10 so it is applied after it.
CREATE OR REPLACE FUNCTION comments_refresh_ticket_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM tickets WHERE id = affected FOR NO KEY UPDATE;
    UPDATE tickets t SET search_vector = ticket_search_document(t.id, t.title, t.description)
     WHERE t.id = affected;
    RETURN NULL;
END $$;
