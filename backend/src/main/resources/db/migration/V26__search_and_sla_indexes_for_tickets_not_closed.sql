-- Two indexes over the tickets that are not CLOSED (the open ones and those resolved in the last
-- days: about 3 % of a mature helpdesk), for what the V8 and V19 indexes answered only by reading
-- every match (docs/performance.md, runs of 2026-12-04 19:46 and 20:22; docs/architecture.md, "Queue at scale").
--
-- The status chips' counts while a search is typed: every status but CLOSED is counted exactly in
-- one pass over this index, where the whole search index held all ~36,000 matches of a common word
-- ("password" at 1M tickets) and was read once per status.
CREATE INDEX tickets_search_not_closed_idx ON tickets USING gin (search_vector)
    WHERE status <> 'CLOSED';

-- The SLA queues ("breached", "at risk") in queue order: the tickets whose SLA clock still runs,
-- walked by recency until a page of them is due, where tickets_sla_next_due_idx returned every
-- breached ticket to be sorted (thousands at 1M tickets).
CREATE INDEX tickets_sla_running_updated_idx ON tickets (updated_at DESC, id DESC)
    WHERE sla_next_due_at IS NOT NULL;

-- The search as a tsquery, for every query of the API: the French and English analyses OR'ed as
-- before (V1), but only once when they agree ("password", "vpn", "écran"). A query naming the same
-- lexeme twice ('password' | 'password') made PostgreSQL check every match of the GIN index again
-- against the row's document: 17 ms instead of 1.5 ms for 960 matches at 1M tickets. One
-- expression, IMMUTABLE as websearch_to_tsquery(regconfig, text) is: PostgreSQL inlines it and
-- folds it to a constant when planning, as it did the expression it replaces (a function it could
-- not inline ran once per row: 99 ms instead of 17 ms for a recency walk of 10,000 rows).
CREATE FUNCTION guichet_search_query(p_query text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN websearch_to_tsquery('guichet_fr', p_query) = websearch_to_tsquery('guichet_en', p_query)
                THEN websearch_to_tsquery('guichet_fr', p_query)
                ELSE websearch_to_tsquery('guichet_fr', p_query) || websearch_to_tsquery('guichet_en', p_query) END
$$;
