#!/usr/bin/env bash
# Builds the benchmark database of `make bench` (scripts/bench.sh): BENCH_TICKETS tickets
# (default 1,000,000; 20,000 with BENCH_QUICK=1) in database BENCH_DB (default guichet_bench).
#
# Shape (issue "Scale"): 2,000 employees, 40 technicians, the 8 categories of the demo, five years
# of tickets with ~0.5 % open (NEW / IN_PROGRESS / WAITING, the most recent ones), priorities
# LOW 20 % / MEDIUM 55 % / HIGH 20 % / CRITICAL 5 %, every worked ticket assigned with 2–4
# comments (public replies and internal notes) and its history. Ticket text is the real Endava
# text of backend/src/main/resources/demo/endava-it-tickets.csv.gz, reused cyclically.
#
# The schema is the application's own: the built jar runs its Flyway migrations on the empty
# database, and the accounts used by the load (admin, bench-tech-1, bench-employee-1, password
# $BENCH_PASSWORD) are created through the API; the other accounts copy their password hash.
# Rows are then written by bulk SQL (INSERT … SELECT generate_series). For speed, the secondary
# indexes and the foreign keys of tickets, comments and ticket_history are dropped during the load
# and re-created from their own definitions afterwards (re-adding a foreign key checks every row);
# the schema's fingerprint is compared before and after. The per-row triggers are replaced by
# their set-based equivalents: search_vector is ticket_search_document()'s formula computed once
# per distinct text, the counts ledger of V8 is rebuilt with the GROUP BY its migration uses, the
# reports' summary tables of V23 with report_rebuild_summaries(), and a sample of tickets is checked
# against ticket_search_document() itself.
#
# Reused when it exists and its marker table (bench_marker) holds the same ticket count and the
# Flyway version of the migrations in this tree. BENCH_REBUILD=1 forces a rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_postgres

DB="${BENCH_DB:-guichet_bench}"
if [[ -n "${BENCH_QUICK:-}" ]]; then N="${BENCH_TICKETS:-20000}"; else N="${BENCH_TICKETS:-1000000}"; fi
PORT="${BENCH_PORT:-18089}"
JAR=backend/target/guichet-backend.jar
ADMIN_EMAIL="${BENCH_ADMIN_EMAIL:-admin@bench.test}"
ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-admin-passphrase}"
PASSWORD="${BENCH_PASSWORD:-bench-user-passphrase}"
CSV=backend/src/main/resources/demo/endava-it-tickets.csv.gz
GENERATOR=3  # bumped when this script's data changes, so an older database is rebuilt
[[ -f $JAR ]] || { echo "Build first: make build" >&2; exit 1; }

# Latest migration version in this tree, e.g. "12".
want_version=$(ls backend/src/main/resources/db/migration | sed -n 's/^V\([0-9_]*\)__.*/\1/p' | tr _ . | sort -V | tail -1)

q() { psql -X -q -v ON_ERROR_STOP=1 -tA -d "$DB" "$@"; }
ts() { date -u +%H:%M:%S; }

if [[ -z "${BENCH_REBUILD:-}" ]] && psql -X -qtA -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
   && [[ "$(q -c "SELECT tickets || ' ' || flyway_version || ' ' || generator FROM bench_marker" 2>/dev/null)" == "$N $want_version $GENERATOR" ]]; then
  echo "bench database $DB: reused ($N tickets, migrations V$want_version)"
  exit 0
fi

t_start=$(date +%s)
echo "[$(ts)] bench database $DB: building $N tickets (migrations up to V$want_version)"
recreate_database "$DB"

# 1. Schema and the load's accounts, by the application itself.
log=$(mktemp)
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -f "$log"' EXIT
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  DEMO_DATA=false ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" MICRONAUT_SERVER_PORT="$PORT" \
  java -XX:+UseSerialGC -Xmx256m -jar "$JAR" >"$log" 2>&1 &
pid=$!
until curl -fsS -o /dev/null "http://localhost:$PORT/health/readiness" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.3
done
api="http://localhost:$PORT/api/v1"
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$api/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
for who in "bench-tech-1@bench.test|Technicien Banc 1|TECHNICIAN" "bench-employee-1@bench.test|Employé Banc 1|EMPLOYEE"; do
  IFS='|' read -r email name role <<<"$who"
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"full_name\":\"$name\",\"password\":\"$PASSWORD\",\"role\":\"$role\",\"locale\":\"fr\"}" "$api/users"
done
kill $pid; wait $pid 2>/dev/null || true; pid=""
echo "[$(ts)] schema migrated by the application, accounts created through the API"

fingerprint() {
  q -c "SELECT string_agg(d, E'\n' ORDER BY d) FROM (
          SELECT pg_get_indexdef(indexrelid) d FROM pg_index WHERE indrelid IN ('tickets'::regclass, 'comments'::regclass, 'ticket_history'::regclass)
          UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
           WHERE conrelid IN ('tickets'::regclass, 'comments'::regclass, 'ticket_history'::regclass)
          UNION ALL SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger
           WHERE tgrelid IN ('tickets'::regclass, 'comments'::regclass, 'ticket_history'::regclass) AND NOT tgisinternal) s"
}
before=$(fingerprint)

# 2. Bulk load.
q -c "CREATE TABLE bench_csv (document text, topic text)"
zcat "$CSV" | q -c "COPY bench_csv FROM STDIN WITH (FORMAT csv, HEADER true)"
q -v n="$N" <<'SQL'
\set ON_ERROR_STOP on
\timing on
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';
SET synchronous_commit = off;
SET guichet.bulk_load = 'on';

-- Definitions of what is dropped for the load, re-created below.
CREATE TEMP TABLE saved_indexes AS
  SELECT pg_get_indexdef(i.indexrelid) AS def, c.relname AS name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
   WHERE i.indrelid IN ('tickets'::regclass, 'comments'::regclass, 'ticket_history'::regclass)
     AND NOT i.indisprimary AND NOT i.indisunique
     AND i.indpred IS NULL;  -- the partial indexes (open tickets only) stay: small, and their deparsed text would differ
CREATE TEMP TABLE saved_fks AS
  SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
   WHERE contype = 'f' AND conrelid IN ('tickets'::regclass, 'comments'::regclass, 'ticket_history'::regclass);
SELECT format('DROP INDEX %I', name) FROM saved_indexes \gexec
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, conname) FROM saved_fks \gexec
ALTER TABLE tickets DISABLE TRIGGER USER;
ALTER TABLE comments DISABLE TRIGGER USER;
ALTER TABLE satisfaction_surveys DISABLE TRIGGER USER;

-- Real text: one template per usable CSV row.
CREATE TEMP TABLE tpl AS
  SELECT (row_number() OVER () - 1)::int AS r, document, topic,
         left(array_to_string((regexp_split_to_array(btrim(document), '\s+'))[1:8], ' '), 120) AS title
    FROM bench_csv WHERE length(btrim(document)) > 0 AND length(document) <= 20000;
ALTER TABLE tpl ADD PRIMARY KEY (r);
SELECT count(*) AS tpl_n FROM tpl \gset

-- Conversation texts (as DemoStory's), chosen per template, so a template's search document is computed once.
CREATE TEMP TABLE tpl_text AS
  SELECT r,
    (ARRAY['Bonjour, pouvez-vous nous indiquer le nom du poste concerné (étiquette sous l’écran) ?',
           'Le problème se produit-il encore après un redémarrage complet ?',
           'Pouvez-vous joindre une capture d’écran du message d’erreur ?',
           'Quand êtes-vous disponible pour une prise en main à distance ?',
           'Votre responsable a-t-il validé cette demande ? Merci de le mettre en copie.',
           'Depuis quand exactement le problème se produit-il ?'])[1 + r % 6] AS question,
    (ARRAY['Oui, toujours après redémarrage.', 'Voici les informations demandées, merci.',
           'Je suis disponible cet après-midi à partir de 14 h.', 'C’est le poste de mon bureau, étiquette PC-2231.',
           'Mon responsable vient de valider par courriel.', 'Depuis ce matin, après la mise à jour.'])[1 + (r / 6) % 6] AS answer,
    (ARRAY['Vu avec l’équipe réseau : pas d’incident en cours.', 'Licence disponible dans le stock, attribution faite.',
           'Droits validés par le responsable (courriel du jour).', 'Matériel commandé, livraison prévue sous trois jours.',
           'Déjà rencontré : voir la procédure dans la base de connaissances.',
           'À surveiller : deuxième demande de ce type cette semaine.'])[1 + (r / 36) % 6] AS note,
    (ARRAY['C’est réglé de notre côté. N’hésitez pas à rouvrir le ticket si le problème revient.',
           'Le nécessaire a été fait, merci de votre patience.', 'Problème corrigé ; dites-nous si quelque chose ne va pas.',
           'Mot de passe réinitialisé : vous le changerez à la première connexion.',
           'Le poste a été remplacé, tout fonctionne de nouveau.'])[1 + (r / 7) % 5] AS resolution,
    2 + r % 3 AS ncomments
  FROM tpl;
ALTER TABLE tpl_text ADD PRIMARY KEY (r);
-- Comments of a worked ticket, in order: 1 question (public, assignee), 2 answer (public, requester),
-- 3 internal note (assignee) when 3 or 4, 4 resolution (public, assignee) when 4.
-- ticket_search_document(): A fr, A en, B fr, B en, then C over the public replies in comment order.
CREATE TEMP TABLE tpl_tv AS
  SELECT t.r,
         setweight(to_tsvector('guichet_fr', t.title), 'A') || setweight(to_tsvector('guichet_en', t.title), 'A')
      || setweight(to_tsvector('guichet_fr', t.document), 'B') || setweight(to_tsvector('guichet_en', t.document), 'B') AS tv_base,
         setweight(to_tsvector('guichet_fr', pub), 'C') || setweight(to_tsvector('guichet_en', pub), 'C') AS tv_c
    FROM tpl t JOIN (SELECT r, CASE WHEN ncomments = 4 THEN question || ' ' || answer || ' ' || resolution
                                    ELSE question || ' ' || answer END AS pub FROM tpl_text) x USING (r);
ALTER TABLE tpl_tv ADD PRIMARY KEY (r);
\echo [load] templates and their search documents ready

-- People: 2,000 employees and 40 technicians in all (the API made one of each; their hash is copied).
INSERT INTO users (email, password_hash, full_name, role, locale, created_at, updated_at)
SELECT format('employe%s@bench.test', g), (SELECT password_hash FROM users WHERE email = 'bench-employee-1@bench.test'),
       format('Employé %s', g), 'EMPLOYEE', CASE WHEN g % 4 = 0 THEN 'en' ELSE 'fr' END,
       now() - interval '6 years', now() - interval '6 years'
  FROM generate_series(2, 2000) g;
INSERT INTO users (email, password_hash, full_name, role, locale, created_at, updated_at)
SELECT format('bench-tech-%s@bench.test', g), (SELECT password_hash FROM users WHERE email = 'bench-tech-1@bench.test'),
       format('Technicien Banc %s', g), 'TECHNICIAN', 'fr', now() - interval '6 years', now() - interval '6 years'
  FROM generate_series(2, 40) g;
CREATE TEMP TABLE emp AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM users WHERE role = 'EMPLOYEE';
CREATE TEMP TABLE tech AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM users WHERE role = 'TECHNICIAN';
ALTER TABLE emp ADD PRIMARY KEY (k); ALTER TABLE tech ADD PRIMARY KEY (k);

INSERT INTO categories (name, description, created_at)
SELECT name, '« ' || topic || ' » dans les tickets Endava', now() - interval '6 years'
  FROM (VALUES ('Hardware', 'Matériel'), ('Access', 'Accès'), ('HR Support', 'RH'), ('Miscellaneous', 'Divers'),
               ('Storage', 'Stockage'), ('Purchase', 'Achats'), ('Internal Project', 'Projets internes'),
               ('Administrative rights', 'Droits d’administration')) v(topic, name)
ON CONFLICT DO NOTHING;
-- Each category alerts a team of 5 technicians (40 / 8), as a helpdesk of this size is organised;
-- a category nobody is mapped to would alert all 40 technicians and the admin on every new ticket.
INSERT INTO category_technicians (category_id, user_id)
SELECT c.id, t.id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM categories) c
  JOIN tech t ON t.k % (SELECT count(*) FROM categories) = c.k;
CREATE TEMP TABLE tpl_cat AS
  SELECT t.r, c.id AS category_id FROM tpl t
    LEFT JOIN categories c ON c.description = '« ' || t.topic || ' » dans les tickets Endava';

-- Tickets: id i is filed at a time proportional to i over five years; the last 2 % are recent and
-- one in four of them is still open; the rest of the last 3 % is RESOLVED, the others CLOSED.
CREATE TEMP TABLE plan AS
SELECT i AS id, ((i - 1) % :tpl_n)::int AS r,
       now() - interval '5 years' + (interval '5 years' - interval '3 hours') * ((i - 1)::float8 / :n) AS created_at,
       CASE WHEN i > :n * 0.98 AND (i * 7919) % 4 = 0 THEN (ARRAY['NEW','NEW','IN_PROGRESS','IN_PROGRESS','WAITING'])[1 + i % 5]
            WHEN i > :n * 0.97 THEN 'RESOLVED' ELSE 'CLOSED' END AS status,
       CASE WHEN h < 20 THEN 'LOW' WHEN h < 75 THEN 'MEDIUM' WHEN h < 95 THEN 'HIGH' ELSE 'CRITICAL' END AS priority,
       ((i * 2654435761) % 2000)::int AS emp_k,
       ((i * 40503) % 40)::int AS tech_k,
       (1 + (i * 31) % 70)::int AS work_hours
  FROM (SELECT i, ((i * 104729) % 100)::int AS h FROM generate_series(1::bigint, :n) i) s;
ALTER TABLE plan ADD PRIMARY KEY (id);
ANALYZE tpl; ANALYZE tpl_text; ANALYZE tpl_tv; ANALYZE tpl_cat; ANALYZE emp; ANALYZE tech; ANALYZE plan;
\echo [load] plan ready

INSERT INTO tickets (id, title, description, status, priority, category_id, requester_id, assignee_id, version,
                     created_at, updated_at, resolved_at, closed_at, search_vector)
SELECT p.id, t.title, t.document, p.status, p.priority, c.category_id, e.id,
       CASE WHEN p.status = 'NEW' THEN NULL ELSE te.id END,
       CASE p.status WHEN 'NEW' THEN 0 WHEN 'CLOSED' THEN 4 ELSE 3 END,
       p.created_at,
       CASE p.status WHEN 'NEW' THEN p.created_at
                     WHEN 'CLOSED' THEN p.created_at + make_interval(hours => p.work_hours) + interval '7 days'
                     ELSE least(p.created_at + make_interval(hours => p.work_hours), now() - interval '1 minute') END,
       CASE WHEN p.status IN ('RESOLVED', 'CLOSED') THEN least(p.created_at + make_interval(hours => p.work_hours), now() - interval '1 minute') END,
       CASE WHEN p.status = 'CLOSED' THEN p.created_at + make_interval(hours => p.work_hours) + interval '7 days' END,
       CASE WHEN p.status = 'NEW' THEN v.tv_base ELSE v.tv_base || v.tv_c END
  FROM plan p JOIN tpl t USING (r) JOIN tpl_tv v USING (r) JOIN tpl_cat c USING (r)
  JOIN emp e ON e.k = p.emp_k JOIN tech te ON te.k = p.tech_k
 ORDER BY p.id;
SELECT setval(pg_get_serial_sequence('tickets', 'id'), :n);
\echo [load] tickets inserted

-- Comments of the worked tickets, 2–4 each, spread over the ticket's working time.
INSERT INTO comments (ticket_id, author_id, body, internal, created_at)
SELECT p.id, CASE WHEN g.k = 2 THEN e.id ELSE te.id END,
       CASE g.k WHEN 1 THEN x.question WHEN 2 THEN x.answer
              WHEN 3 THEN CASE WHEN x.ncomments >= 3 THEN x.note ELSE x.resolution END ELSE x.resolution END,
       g.k = 3 AND x.ncomments >= 3,
       least(p.created_at + make_interval(hours => p.work_hours) * (g.k::float8 / 5), now() - interval '10 minutes' + g.k * interval '1 second')
  FROM plan p JOIN tpl_text x USING (r) JOIN emp e ON e.k = p.emp_k JOIN tech te ON te.k = p.tech_k
  CROSS JOIN LATERAL generate_series(1, x.ncomments) g(k)
 WHERE p.status <> 'NEW' AND NOT (x.ncomments = 2 AND g.k = 3)
 ORDER BY p.id, g.k;
\echo [load] comments inserted

-- History: created, then for a worked ticket assignee, IN_PROGRESS, one row per comment, RESOLVED, CLOSED.
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT id, requester_id, 'created', NULL, 'NEW', created_at FROM tickets;
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT t.id, t.assignee_id, 'assignee', NULL, t.assignee_id::text, t.created_at + interval '5 minutes'
  FROM tickets t WHERE t.assignee_id IS NOT NULL;
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT t.id, t.assignee_id, 'status', 'NEW', 'IN_PROGRESS', t.created_at + interval '6 minutes'
  FROM tickets t WHERE t.status <> 'NEW';
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT c.ticket_id, c.author_id, CASE WHEN c.internal THEN 'internal_note' ELSE 'reply' END, NULL, NULL, c.created_at
  FROM comments c;
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT t.id, t.assignee_id, 'status', 'IN_PROGRESS', 'WAITING', t.updated_at FROM tickets t WHERE t.status = 'WAITING';
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT t.id, t.assignee_id, 'status', 'IN_PROGRESS', 'RESOLVED', t.resolved_at FROM tickets t WHERE t.resolved_at IS NOT NULL;
INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value, created_at)
SELECT t.id, NULL, 'status', 'RESOLVED', 'CLOSED', t.closed_at FROM tickets t WHERE t.closed_at IS NOT NULL;
\echo [load] history inserted

-- First responses by V16's rule (the first public reply of an agent who is not the requester), and
-- satisfaction answers (V20) for a third of the resolved tickets, scores skewed towards 4 and 5.
UPDATE tickets t SET first_response_at = r.first_at
  FROM (SELECT c.ticket_id, min(c.created_at) AS first_at FROM comments c JOIN users u ON u.id = c.author_id
         JOIN tickets tk ON tk.id = c.ticket_id
         WHERE NOT c.internal AND u.role IN ('TECHNICIAN', 'ADMIN') AND c.author_id <> tk.requester_id
         GROUP BY c.ticket_id) r
 WHERE t.id = r.ticket_id;
INSERT INTO satisfaction_surveys (ticket_id, score, comment, answered_at, updated_at)
SELECT id, (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + id % 10], CASE WHEN id % 7 = 0 THEN 'Merci pour la rapidité.' END,
       least(resolved_at + interval '2 hours', now()), least(resolved_at + interval '2 hours', now())
  FROM tickets WHERE resolved_at IS NOT NULL AND id % 3 = 0;
\echo [load] first responses and survey answers written

-- Counts ledger of V8: what its triggers would have appended, folded as the migration does.
DELETE FROM ticket_status_counts;
INSERT INTO ticket_status_counts (status, priority, category_id, assignee_id, n)
SELECT status, priority, category_id, assignee_id, count(*) FROM tickets GROUP BY status, priority, category_id, assignee_id;

-- Summary tables of the reports dashboard (V23): what their triggers would have written, by the
-- migration's own set-based function.
SELECT report_rebuild_summaries();

ALTER TABLE tickets ENABLE TRIGGER USER;
ALTER TABLE comments ENABLE TRIGGER USER;
ALTER TABLE satisfaction_surveys ENABLE TRIGGER USER;
\echo [load] re-creating indexes
SELECT def FROM saved_indexes ORDER BY name \gexec
\echo [load] re-adding foreign keys (each checks every row)
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, conname, def) FROM saved_fks \gexec
SQL
q -c "DROP TABLE bench_csv"
after=$(fingerprint)
[[ $before == "$after" ]] || { echo "schema changed during the load:" >&2; diff <(echo "$before") <(echo "$after") >&2; exit 1; }
echo "[$(ts)] indexes and foreign keys re-created, schema identical; VACUUM ANALYZE"
q -c "VACUUM (ANALYZE) tickets" -c "VACUUM (ANALYZE) satisfaction_surveys" -c "VACUUM (ANALYZE) comments" -c "VACUUM (ANALYZE) ticket_history" -c "VACUUM (ANALYZE) report_daily" -c "VACUUM (ANALYZE) report_times" -c "ANALYZE"

# Checks: the documents equal ticket_search_document() on a sample, the ledger equals the table.
bad=$(q -c "SELECT count(*) FROM (SELECT * FROM tickets TABLESAMPLE SYSTEM (1) LIMIT 2000) t
             WHERE t.search_vector <> ticket_search_document(t.id, t.title, t.description)")
ledger=$(q -c "SELECT count(*) FROM ((SELECT status, priority, category_id, assignee_id, sum(n) FROM ticket_status_counts GROUP BY 1,2,3,4 HAVING sum(n) <> 0
                 EXCEPT SELECT status, priority, category_id, assignee_id, count(*) FROM tickets GROUP BY 1,2,3,4)
                UNION ALL (SELECT status, priority, category_id, assignee_id, count(*) FROM tickets GROUP BY 1,2,3,4
                 EXCEPT SELECT status, priority, category_id, assignee_id, sum(n) FROM ticket_status_counts GROUP BY 1,2,3,4)) d")
[[ $bad == 0 && $ledger == 0 ]] || { echo "check failed: $bad search documents differ, $ledger ledger keys differ" >&2; exit 1; }
version=$(q -c "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")
q -c "CREATE TABLE bench_marker AS SELECT $N::bigint AS tickets, '$version'::text AS flyway_version, $GENERATOR AS generator, now() AS built_at"
q -c "SELECT format('[$(ts)] done in %s s: %s tickets (%s open), %s comments, %s history rows, %s users; database %s',
        $(date +%s) - $t_start, (SELECT count(*) FROM tickets), (SELECT count(*) FROM tickets WHERE status IN ('NEW','IN_PROGRESS','WAITING')),
        (SELECT count(*) FROM comments), (SELECT count(*) FROM ticket_history), (SELECT count(*) FROM users),
        pg_size_pretty(pg_database_size('$DB')))"
