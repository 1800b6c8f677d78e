-- Summary tables of the reports dashboard (docs/architecture.md, "Reports, export and survey",
-- "Summary tables"). The dashboard read every figure from the tickets of the period: a year cost
-- ~2.4 s at 1M tickets. These tables hold the same figures per day (counts) and per month and
-- year (histograms of times), written by triggers in the same transaction as each ticket or survey
-- change, so a long period reads tens of thousands of small rows and the figures stay exact.
--
-- Writes only append to the *_delta tables (no row lock is shared between two transactions, as the
-- counts ledger of V8); the application folds them into the main tables every 30 s
-- (report.ReportSummaries.fold). Readers add up both, so a figure is exact from the commit on.
-- V21 is unused on purpose.

-- The days, months and years of the summaries are those of this time zone (REPORTS_TIME_ZONE). The
-- application replaces this function and rebuilds the summaries (report_set_time_zone) when it is
-- started with another zone.
CREATE FUNCTION report_time_zone() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'Europe/Paris'::text $$;

-- Durations are counted in buckets of seconds: one second wide below 32 s, then 16 buckets per
-- power of two, so a bucket is at most 1/16 (6.25 %) of its lower bound wide. Bucket b >= 32 holds
-- [m * 2^e, (m + 1) * 2^e) with e = b / 16 - 1 and m = 16 + b % 16 (report.DurationHistogram).
-- Negative durations (clock skew) count as 0. The formula is continuous where floating point may
-- misjudge the power of two of an exact power of two: both answers give the same bucket.
CREATE FUNCTION report_bucket(seconds double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN seconds < 32 THEN greatest(floor(seconds), 0)
                 ELSE 16 * (floor(ln(seconds) / ln(2)) - 4) + floor(seconds / 2 ^ (floor(ln(seconds) / ln(2)) - 4)) END)::smallint
$$;

-- Per day (in report_time_zone()) and category: tickets created that day with their SLA outcome,
-- tickets resolved that day, and survey answers given that day by score. The SLA columns count the
-- tickets created that day that have a due time: met (done by it), late (done after it), open (not
-- done yet; the dashboard tells breached from pending with the live tickets, a few).
CREATE TABLE report_daily (
    day                 date    NOT NULL,
    category_id         bigint,
    created             integer NOT NULL DEFAULT 0,
    resolved            integer NOT NULL DEFAULT 0,
    first_response_met  integer NOT NULL DEFAULT 0,
    first_response_late integer NOT NULL DEFAULT 0,
    first_response_open integer NOT NULL DEFAULT 0,
    resolution_met      integer NOT NULL DEFAULT 0,
    resolution_late     integer NOT NULL DEFAULT 0,
    resolution_open     integer NOT NULL DEFAULT 0,
    score_1             integer NOT NULL DEFAULT 0,
    score_2             integer NOT NULL DEFAULT 0,
    score_3             integer NOT NULL DEFAULT 0,
    score_4             integer NOT NULL DEFAULT 0,
    score_5             integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX report_daily_key ON report_daily (day, category_id) NULLS NOT DISTINCT;
CREATE TABLE report_daily_delta (LIKE report_daily INCLUDING DEFAULTS);

-- Histograms of the first-response and resolution times (kind 0, 1; seconds since creation) of the
-- tickets resolved in a month (months = 1) or a year (months = 12) starting on `start`, per
-- category (dim C, assignee_id NULL), per assignee (dim A, category_id NULL) and per category and
-- assignee (dim B, for the per-assignee table of one category). NULL ids in dims C and B mean
-- "no category" / "unassigned".
CREATE TABLE report_times (
    months      smallint NOT NULL CHECK (months IN (1, 12)),
    start       date     NOT NULL,
    dim         char(1)  NOT NULL CHECK (dim IN ('C', 'A', 'B')),
    category_id bigint,
    assignee_id bigint,
    kind        smallint NOT NULL CHECK (kind IN (0, 1)),
    bucket      smallint NOT NULL,
    n           integer  NOT NULL
);
CREATE UNIQUE INDEX report_times_key ON report_times (months, start, dim, category_id, assignee_id, kind, bucket)
    INCLUDE (n) NULLS NOT DISTINCT;
CREATE TABLE report_times_delta (LIKE report_times INCLUDING DEFAULTS);

-- The contribution of one ticket row (sign +1 or -1) on the day it was created: created, SLA outcome.
CREATE FUNCTION report_add_created(t tickets, sign integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_daily_delta (day, category_id, created, first_response_met, first_response_late, first_response_open,
                                    resolution_met, resolution_late, resolution_open)
    VALUES ((t.created_at AT TIME ZONE report_time_zone())::date, t.category_id, sign,
            CASE WHEN t.first_response_at <= t.first_response_due_at THEN sign ELSE 0 END,
            CASE WHEN t.first_response_at > t.first_response_due_at THEN sign ELSE 0 END,
            CASE WHEN t.first_response_at IS NULL AND t.first_response_due_at IS NOT NULL THEN sign ELSE 0 END,
            CASE WHEN t.resolved_at <= t.resolution_due_at THEN sign ELSE 0 END,
            CASE WHEN t.resolved_at > t.resolution_due_at THEN sign ELSE 0 END,
            CASE WHEN t.resolved_at IS NULL AND t.resolution_due_at IS NOT NULL THEN sign ELSE 0 END)
$$;

-- The contribution of one ticket row (sign +1 or -1) when it is resolved: the resolved count of
-- that day, its times in the histograms of that month and year.
CREATE FUNCTION report_add_resolved(t tickets, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    resolved_local timestamp := t.resolved_at AT TIME ZONE report_time_zone();
BEGIN
    IF t.resolved_at IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO report_daily_delta (day, category_id, resolved) VALUES (resolved_local::date, t.category_id, sign);
    INSERT INTO report_times_delta (months, start, dim, category_id, assignee_id, kind, bucket, n)
    SELECT u.months, u.start, d.dim, d.category_id, d.assignee_id, k.kind, report_bucket(k.seconds), sign
      FROM (VALUES (1::smallint, date_trunc('month', resolved_local)::date), (12::smallint, date_trunc('year', resolved_local)::date)) u(months, start)
     CROSS JOIN (VALUES ('C', t.category_id, NULL::bigint), ('A', NULL::bigint, t.assignee_id),
                        ('B', t.category_id, t.assignee_id)) d(dim, category_id, assignee_id)
     CROSS JOIN (VALUES (0::smallint, extract(epoch FROM t.first_response_at - t.created_at)::float8),
                        (1::smallint, extract(epoch FROM t.resolved_at - t.created_at)::float8)) k(kind, seconds)
     WHERE k.seconds IS NOT NULL;
END $$;

-- The contribution of one survey answer under a category (sign +1 or -1).
CREATE FUNCTION report_add_survey(answered_at timestamptz, category_id bigint, score smallint, sign integer)
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_daily_delta (day, category_id, score_1, score_2, score_3, score_4, score_5)
    VALUES ((answered_at AT TIME ZONE report_time_zone())::date, category_id,
            CASE WHEN score = 1 THEN sign ELSE 0 END, CASE WHEN score = 2 THEN sign ELSE 0 END,
            CASE WHEN score = 3 THEN sign ELSE 0 END, CASE WHEN score = 4 THEN sign ELSE 0 END,
            CASE WHEN score = 5 THEN sign ELSE 0 END)
$$;

-- Takes the old row's contribution out and puts the new one in, only for the parts a change
-- touches (a due time recomputed by the SLA module moves only the created day's SLA columns).
CREATE FUNCTION report_ticket_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE'
            AND (OLD.created_at, OLD.category_id, OLD.first_response_at, OLD.first_response_due_at, OLD.resolved_at, OLD.resolution_due_at)
                IS DISTINCT FROM (NEW.created_at, NEW.category_id, NEW.first_response_at, NEW.first_response_due_at, NEW.resolved_at, NEW.resolution_due_at)) THEN
        PERFORM report_add_created(OLD, -1);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE'
            AND (OLD.created_at, OLD.category_id, OLD.first_response_at, OLD.first_response_due_at, OLD.resolved_at, OLD.resolution_due_at)
                IS DISTINCT FROM (NEW.created_at, NEW.category_id, NEW.first_response_at, NEW.first_response_due_at, NEW.resolved_at, NEW.resolution_due_at)) THEN
        PERFORM report_add_created(NEW, 1);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE'
            AND (OLD.created_at, OLD.category_id, OLD.assignee_id, OLD.first_response_at, OLD.resolved_at)
                IS DISTINCT FROM (NEW.created_at, NEW.category_id, NEW.assignee_id, NEW.first_response_at, NEW.resolved_at)) THEN
        PERFORM report_add_resolved(OLD, -1);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE'
            AND (OLD.created_at, OLD.category_id, OLD.assignee_id, OLD.first_response_at, OLD.resolved_at)
                IS DISTINCT FROM (NEW.created_at, NEW.category_id, NEW.assignee_id, NEW.first_response_at, NEW.resolved_at)) THEN
        PERFORM report_add_resolved(NEW, 1);
    END IF;
    -- A survey answer counts under its ticket's category: it moves with it.
    IF TG_OP = 'UPDATE' AND OLD.category_id IS DISTINCT FROM NEW.category_id THEN
        PERFORM report_add_survey(s.answered_at, OLD.category_id, s.score, -1),
                report_add_survey(s.answered_at, NEW.category_id, s.score, 1)
           FROM satisfaction_surveys s WHERE s.ticket_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_ticket_trg
    AFTER INSERT OR DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION report_ticket_changed();
CREATE TRIGGER report_ticket_update_trg
    AFTER UPDATE OF created_at, resolved_at, first_response_at, first_response_due_at, resolution_due_at, category_id, assignee_id
    ON tickets FOR EACH ROW
    WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
          OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
          OR OLD.first_response_due_at IS DISTINCT FROM NEW.first_response_due_at
          OR OLD.resolution_due_at IS DISTINCT FROM NEW.resolution_due_at
          OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id)
    EXECUTE FUNCTION report_ticket_changed();

-- A deleted ticket takes its survey answer with it (ON DELETE CASCADE). The answer is taken out here,
-- before the row goes, while its category can still be read; the survey's own trigger, fired by the
-- cascade, no longer finds the ticket and leaves the summaries alone.
CREATE FUNCTION report_ticket_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_add_survey(s.answered_at, OLD.category_id, s.score, -1)
       FROM satisfaction_surveys s WHERE s.ticket_id = OLD.id;
    RETURN OLD;
END $$;

CREATE TRIGGER report_ticket_deleting_trg
    BEFORE DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION report_ticket_deleting();

CREATE FUNCTION report_survey_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    category bigint;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT t.category_id INTO category FROM tickets t WHERE t.id = OLD.ticket_id;
        IF FOUND THEN
            PERFORM report_add_survey(OLD.answered_at, category, OLD.score, -1);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        SELECT t.category_id INTO category FROM tickets t WHERE t.id = NEW.ticket_id;
        IF FOUND THEN
            PERFORM report_add_survey(NEW.answered_at, category, NEW.score, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_survey_trg
    AFTER INSERT OR DELETE ON satisfaction_surveys
    FOR EACH ROW EXECUTE FUNCTION report_survey_changed();
CREATE TRIGGER report_survey_update_trg
    AFTER UPDATE OF score, answered_at, ticket_id ON satisfaction_surveys
    FOR EACH ROW
    WHEN (OLD.score IS DISTINCT FROM NEW.score OR OLD.answered_at IS DISTINCT FROM NEW.answered_at
          OR OLD.ticket_id IS DISTINCT FROM NEW.ticket_id)
    EXECUTE FUNCTION report_survey_changed();

-- TRUNCATE fires no row trigger: empty the summaries with the tickets (tests, restores).
-- (DELETE, not TRUNCATE: a TRUNCATE naming these tables too may be the statement that fired it.)
CREATE FUNCTION report_truncate_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM report_daily;
    DELETE FROM report_daily_delta;
    DELETE FROM report_times;
    DELETE FROM report_times_delta;
    RETURN NULL;
END $$;

CREATE TRIGGER report_truncate_summaries_trg
    AFTER TRUNCATE ON tickets
    FOR EACH STATEMENT EXECUTE FUNCTION report_truncate_summaries();

-- Recomputes every summary from the tickets and surveys, set-based (the backfill below; after a
-- bulk load that disabled the triggers, scripts/bench_db.sh; after a change of time zone).
CREATE FUNCTION report_rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := report_time_zone();
BEGIN
    PERFORM set_config('work_mem', '128MB', true);
    TRUNCATE report_daily, report_daily_delta, report_times, report_times_delta;

    INSERT INTO report_daily (day, category_id, created, resolved, first_response_met, first_response_late,
                              first_response_open, resolution_met, resolution_late, resolution_open,
                              score_1, score_2, score_3, score_4, score_5)
    SELECT day, category_id, sum(created), sum(resolved), sum(frm), sum(frl), sum(fro), sum(rsm), sum(rsl), sum(rso),
           sum(s1), sum(s2), sum(s3), sum(s4), sum(s5)
      FROM (SELECT (t.created_at AT TIME ZONE zone)::date AS day, t.category_id, count(*) AS created, 0 AS resolved,
                   count(*) FILTER (WHERE t.first_response_at <= t.first_response_due_at) AS frm,
                   count(*) FILTER (WHERE t.first_response_at > t.first_response_due_at) AS frl,
                   count(*) FILTER (WHERE t.first_response_at IS NULL AND t.first_response_due_at IS NOT NULL) AS fro,
                   count(*) FILTER (WHERE t.resolved_at <= t.resolution_due_at) AS rsm,
                   count(*) FILTER (WHERE t.resolved_at > t.resolution_due_at) AS rsl,
                   count(*) FILTER (WHERE t.resolved_at IS NULL AND t.resolution_due_at IS NOT NULL) AS rso,
                   0 AS s1, 0 AS s2, 0 AS s3, 0 AS s4, 0 AS s5
              FROM tickets t GROUP BY 1, 2
            UNION ALL
            SELECT (t.resolved_at AT TIME ZONE zone)::date, t.category_id, 0, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
              FROM tickets t WHERE t.resolved_at IS NOT NULL GROUP BY 1, 2
            UNION ALL
            SELECT (s.answered_at AT TIME ZONE zone)::date, t.category_id, 0, 0, 0, 0, 0, 0, 0, 0,
                   count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3),
                   count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
              FROM satisfaction_surveys s JOIN tickets t ON t.id = s.ticket_id GROUP BY 1, 2) x
     GROUP BY day, category_id;

    -- Month x category x assignee first (one pass over the resolved tickets), every other grouping from it.
    WITH m AS MATERIALIZED (
        SELECT date_trunc('month', t.resolved_at AT TIME ZONE zone)::date AS start, t.category_id, t.assignee_id,
               k.kind, report_bucket(k.seconds) AS bucket, count(*) AS n
          FROM tickets t
         CROSS JOIN LATERAL (VALUES (0::smallint, extract(epoch FROM t.first_response_at - t.created_at)::float8),
                                    (1::smallint, extract(epoch FROM t.resolved_at - t.created_at)::float8)) k(kind, seconds)
         WHERE t.resolved_at IS NOT NULL AND k.seconds IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5)
    INSERT INTO report_times (months, start, dim, category_id, assignee_id, kind, bucket, n)
    SELECT 1, start, 'B', category_id, assignee_id, kind, bucket, n FROM m
    UNION ALL
    SELECT 1, start, 'C', category_id, NULL, kind, bucket, sum(n) FROM m GROUP BY start, category_id, kind, bucket
    UNION ALL
    SELECT 1, start, 'A', NULL, assignee_id, kind, bucket, sum(n) FROM m GROUP BY start, assignee_id, kind, bucket
    UNION ALL
    SELECT 12, date_trunc('year', start)::date, 'B', category_id, assignee_id, kind, bucket, sum(n) FROM m
     GROUP BY 2, category_id, assignee_id, kind, bucket
    UNION ALL
    SELECT 12, date_trunc('year', start)::date, 'C', category_id, NULL, kind, bucket, sum(n) FROM m
     GROUP BY 2, category_id, kind, bucket
    UNION ALL
    SELECT 12, date_trunc('year', start)::date, 'A', NULL, assignee_id, kind, bucket, sum(n) FROM m
     GROUP BY 2, assignee_id, kind, bucket;
END $$;

-- Replaces report_time_zone() by `zone` (an IANA name PostgreSQL knows) and rebuilds the summaries.
CREATE FUNCTION report_set_time_zone(zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM now() AT TIME ZONE zone;  -- fails on a zone PostgreSQL does not know
    EXECUTE format('CREATE OR REPLACE FUNCTION report_time_zone() RETURNS text LANGUAGE sql STABLE AS $f$ SELECT %L::text $f$', zone);
    PERFORM report_rebuild_summaries();
END $$;

SELECT report_rebuild_summaries();

-- SLA figures: tickets not answered (not resolved) yet whose due time is still ahead, i.e. pending,
-- are counted live from these small partial indexes, index-only (the rest of such tickets is breached).
CREATE INDEX tickets_first_response_pending_idx ON tickets (first_response_due_at) INCLUDE (created_at, category_id)
    WHERE first_response_at IS NULL;
CREATE INDEX tickets_resolution_pending_idx ON tickets (resolution_due_at) INCLUDE (created_at, category_id)
    WHERE resolved_at IS NULL;

-- The times of the tickets resolved in a few days (short periods, exact; the ends of long ones) are
-- read index-only: V20's index on resolved_at, with what the times need.
CREATE INDEX tickets_resolved_times_idx ON tickets (resolved_at) INCLUDE (created_at, first_response_at, category_id, assignee_id)
    WHERE resolved_at IS NOT NULL;
DROP INDEX tickets_resolved_at_idx;

ANALYZE report_daily;
ANALYZE report_times;
