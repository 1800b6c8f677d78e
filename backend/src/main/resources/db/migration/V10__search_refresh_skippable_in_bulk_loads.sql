-- The demo loader (dev.guichet.demo.DemoData) inserts tens of thousands of tickets and comments in
-- a few transactions. Recomputing a ticket's search document once per inserted row (and again per
-- comment) would take minutes; with `SET LOCAL guichet.bulk_load = 'on'` the triggers leave it to
-- the loader, which recomputes every document it touched with ticket_search_document() before its
-- transaction commits. Any other session, which never sets the flag, keeps the exact old behaviour.

CREATE OR REPLACE FUNCTION tickets_refresh_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NEW;
    END IF;
    NEW.search_vector := ticket_search_document(NEW.id, NEW.title, NEW.description);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION comments_refresh_ticket_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
    IF coalesce(current_setting('guichet.bulk_load', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE tickets t SET search_vector = ticket_search_document(t.id, t.title, t.description)
     WHERE t.id = affected;
    RETURN NULL;
END $$;
