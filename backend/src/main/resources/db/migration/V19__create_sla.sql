-- SLA policies, business calendar and escalation (docs/architecture.md, "SLA").
--
-- Targets count business minutes only (the calendar: SLA_* variables, public holidays from
-- jollyday, plus the closed days below). The due times on tickets are computed by the application
-- (dev.guichet.sla.SlaClock) whenever a ticket is created or changes, and stored so that the queue
-- filters and sorts on them with an index.

-- Policies: a priority, optionally a category; the most specific (category set) wins.
CREATE TABLE sla_policies (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    priority               varchar(16)  NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    category_id            bigint REFERENCES categories (id) ON DELETE CASCADE,
    name_fr                varchar(100) NOT NULL CHECK (length(btrim(name_fr)) > 0),
    name_en                varchar(100) NOT NULL CHECK (length(btrim(name_en)) > 0),
    first_response_minutes integer      NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes     integer      NOT NULL CHECK (resolution_minutes > 0),
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sla_policies_scope_key ON sla_policies (priority, category_id) NULLS NOT DISTINCT;

-- Defaults for a new install (one business day = 9 h, 09:00-18:00).
INSERT INTO sla_policies (priority, name_fr, name_en, first_response_minutes, resolution_minutes) VALUES
    ('CRITICAL', 'Critique', 'Critical', 60, 240),
    ('HIGH', 'Haute', 'High', 240, 540),
    ('MEDIUM', 'Moyenne', 'Medium', 480, 1620),
    ('LOW', 'Basse', 'Low', 1080, 2700);

-- Days the IT team does not work besides weekends and public holidays (bridges, company closures).
CREATE TABLE sla_closed_days (
    day        date         PRIMARY KEY,
    label      varchar(100) NOT NULL CHECK (length(btrim(label)) > 0),
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Escalations sent: one row per ticket, target and level, so each is sent once, by one replica,
-- and never again after a restart.
CREATE TABLE sla_escalations (
    ticket_id bigint      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    target    varchar(16) NOT NULL CHECK (target IN ('FIRST_RESPONSE', 'RESOLUTION')),
    level     varchar(16) NOT NULL CHECK (level IN ('AT_RISK', 'BREACHED')),
    sent_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, target, level)
);

-- The SLA clock of each ticket.
--   sla_paused_since / sla_paused_seconds: the resolution clock stops outside NEW and IN_PROGRESS
--     (WAITING on the requester, RESOLVED); the business seconds of finished pauses shift the
--     resolution due time.
--   *_risk_at: when 80 % of the target's business time has elapsed.
--   sla_next_due_at / sla_next_risk_at: the earliest due / risk time of the targets still counting
--     (NULL when none): breached = sla_next_due_at <= now(); at risk = sla_next_risk_at <= now()
--     < sla_next_due_at. Only open tickets have them, so their partial indexes stay small.
--   sla_next_escalation_at: when the escalation sweep must look at the ticket next.
ALTER TABLE tickets ADD COLUMN sla_paused_since       timestamptz;
ALTER TABLE tickets ADD COLUMN sla_paused_seconds     bigint NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN first_response_risk_at timestamptz;
ALTER TABLE tickets ADD COLUMN resolution_risk_at     timestamptz;
ALTER TABLE tickets ADD COLUMN sla_next_due_at        timestamptz;
ALTER TABLE tickets ADD COLUMN sla_next_risk_at       timestamptz;
ALTER TABLE tickets ADD COLUMN sla_next_escalation_at timestamptz;

CREATE INDEX tickets_sla_next_due_idx  ON tickets (sla_next_due_at, id)  WHERE sla_next_due_at IS NOT NULL;
CREATE INDEX tickets_sla_next_risk_idx ON tickets (sla_next_risk_at, id) WHERE sla_next_risk_at IS NOT NULL;
CREATE INDEX tickets_sla_escalation_idx ON tickets (sla_next_escalation_at, id) WHERE sla_next_escalation_at IS NOT NULL;
-- The queue's "next due" sort: tickets without a running target last (the key's upper bound).
CREATE INDEX tickets_sla_due_sort_idx ON tickets
    ((coalesce(sla_next_due_at, '9999-12-31 00:00:00+00'::timestamptz)), id);
