-- An internal note is not part of the ticket's search document (ticket_search_document() reads the
-- public comments only), yet its insert rebuilt the document and rewrote the ticket row: four
-- to_tsvector calls over the whole conversation and one more update of the row through every index
-- of tickets, for nothing (docs/performance.md, run of 2026-12-04 16:40: internal notes are 30 % of
-- the comments of the JSM-like mix). The refresh now runs only when a public comment is written,
-- removed, or changes visibility. Otherwise as V12 (lock first, then rebuild).
CREATE OR REPLACE FUNCTION comments_refresh_ticket_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    IF (TG_OP = 'INSERT' AND NEW.internal)
       OR (TG_OP = 'DELETE' AND OLD.internal)
       OR (TG_OP = 'UPDATE' AND OLD.internal AND NEW.internal AND OLD.ticket_id = NEW.ticket_id) THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM tickets WHERE id = affected FOR NO KEY UPDATE;
    UPDATE tickets t SET search_vector = ticket_search_document(t.id, t.title, t.description)
     WHERE t.id = affected;
    RETURN NULL;
END $$;
