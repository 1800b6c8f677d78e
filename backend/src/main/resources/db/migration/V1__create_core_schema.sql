-- Guichet core schema: people, categories, tickets, conversation, history, refresh tokens.
-- Rules the application enforces are repeated here as constraints, so no code path can break them.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Accent-insensitive French and English full-text configurations ("imprimante" matches "IMPRIMANTÉ").
CREATE TEXT SEARCH CONFIGURATION guichet_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION guichet_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION guichet_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION guichet_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE users (
    id                    bigserial PRIMARY KEY,
    email                 varchar(254) NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    password_hash         varchar(255) NOT NULL,
    full_name             varchar(200) NOT NULL CHECK (length(btrim(full_name)) > 0),
    role                  varchar(16)  NOT NULL CHECK (role IN ('EMPLOYEE', 'TECHNICIAN', 'ADMIN')),
    locale                varchar(5)   NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
    active                boolean      NOT NULL DEFAULT true,
    notifications_enabled boolean      NOT NULL DEFAULT true,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_role_idx ON users (role) WHERE active;

CREATE TABLE categories (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    description varchar(500),
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_name_key ON categories (lower(name));

CREATE TABLE tickets (
    id            bigserial PRIMARY KEY,
    title         varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    description   text         NOT NULL CHECK (length(btrim(description)) > 0 AND length(description) <= 20000),
    status        varchar(16)  NOT NULL DEFAULT 'NEW'
                  CHECK (status IN ('NEW', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED')),
    priority      varchar(16)  NOT NULL DEFAULT 'MEDIUM'
                  CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    category_id   bigint       REFERENCES categories (id),
    requester_id  bigint       NOT NULL REFERENCES users (id),
    assignee_id   bigint       REFERENCES users (id),
    version       integer      NOT NULL DEFAULT 0 CHECK (version >= 0),
    external_ref  varchar(100) UNIQUE,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    resolved_at   timestamptz,
    closed_at     timestamptz,
    search_vector tsvector     NOT NULL DEFAULT ''::tsvector,
    CHECK (status NOT IN ('RESOLVED', 'CLOSED') OR resolved_at IS NOT NULL),
    CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL)
);
-- One index per filter and sort the API offers.
CREATE INDEX tickets_status_idx       ON tickets (status);
CREATE INDEX tickets_priority_idx     ON tickets (priority);
CREATE INDEX tickets_category_idx     ON tickets (category_id);
CREATE INDEX tickets_assignee_idx     ON tickets (assignee_id);
CREATE INDEX tickets_requester_idx    ON tickets (requester_id, created_at DESC);
CREATE INDEX tickets_created_at_idx   ON tickets (created_at DESC, id DESC);
CREATE INDEX tickets_updated_at_idx   ON tickets (updated_at DESC);
CREATE INDEX tickets_search_idx       ON tickets USING gin (search_vector);

CREATE TABLE comments (
    id         bigserial PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id  bigint      NOT NULL REFERENCES users (id),
    body       text        NOT NULL CHECK (length(btrim(body)) > 0 AND length(body) <= 20000),
    internal   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_ticket_idx ON comments (ticket_id, created_at, id);

CREATE TABLE ticket_history (
    id         bigserial PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    actor_id   bigint      REFERENCES users (id),
    field      varchar(32) NOT NULL CHECK (field IN ('created', 'status', 'priority', 'category', 'assignee', 'reply', 'internal_note')),
    old_value  text,
    new_value  text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, created_at, id);

CREATE TABLE refresh_tokens (
    id             bigserial PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash     char(64)    NOT NULL UNIQUE,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    replaced_by_id bigint      REFERENCES refresh_tokens (id)
);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- The searchable document of a ticket: title (weight A), description (B) and public replies (C),
-- in both languages. Internal notes are never part of it, so search cannot reveal them.
CREATE FUNCTION ticket_search_document(p_ticket_id bigint, p_title text, p_description text)
    RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('guichet_fr', p_title), 'A')
        || setweight(to_tsvector('guichet_en', p_title), 'A')
        || setweight(to_tsvector('guichet_fr', p_description), 'B')
        || setweight(to_tsvector('guichet_en', p_description), 'B')
        || coalesce((SELECT setweight(to_tsvector('guichet_fr', string_agg(c.body, ' ')), 'C')
                         || setweight(to_tsvector('guichet_en', string_agg(c.body, ' ')), 'C')
                     FROM comments c WHERE c.ticket_id = p_ticket_id AND NOT c.internal), ''::tsvector)
$$;

CREATE FUNCTION tickets_refresh_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := ticket_search_document(NEW.id, NEW.title, NEW.description);
    RETURN NEW;
END $$;

CREATE TRIGGER tickets_search_vector_trg
    BEFORE INSERT OR UPDATE OF title, description ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_refresh_search_vector();

CREATE FUNCTION comments_refresh_ticket_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    affected bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
    UPDATE tickets t SET search_vector = ticket_search_document(t.id, t.title, t.description)
     WHERE t.id = affected;
    RETURN NULL;
END $$;

CREATE TRIGGER comments_search_vector_trg
    AFTER INSERT OR UPDATE OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION comments_refresh_ticket_search_vector();
