#!/usr/bin/env bash
# `make bench`: what Guichet's users feel at scale (issue "Scale"; read docs/performance.md).
#
#  1. scripts/bench_db.sh builds (or reuses) the database BENCH_DB (default guichet_bench) of
#     BENCH_TICKETS tickets (default 1,000,000).
#  2. Starts the built jar as the systemd unit does (`java $JAVA_OPTS -jar`, run.sh's JAVA_OPTS),
#     with DEMO_DATA=false and the per-person API rate limit raised (API_RATE_LIMIT=1000000,
#     LOGIN_IP_LIMIT=1000: the load comes from a few accounts on one address); measures restart to
#     readiness (second start, as after an upgrade) and RSS after start.
#  3. scripts/bench_load.mjs (Node 20) runs the latency table at 1 and 16 clients (closed loop,
#     the reports dashboard included (< 500 ms; docs/architecture.md, "Dashboard"),
#     BENCH_SECONDS per row, default 5): every queue view of the SPA, search, counts, ticket
#     detail / comments / history, create / reply / internal note / PATCH.
#  4. pgbench runs the SQL of detail, comments and history at the same concurrencies (the floor).
#  5. The JSM-like open-loop mix at BENCH_MIX_RATE actions/s (280) for BENCH_MIX_SECONDS (120),
#     then RSS after the mix.
#  6. Prints one table (targets and pass/fail) and writes it as JSON to bench-results/.
# BENCH_QUICK=1: 20,000 tickets, 2 s per row, a 15 s mix (a smoke run while developing).
# BENCH_ONLY=<regular expression>: only the rows of the latency table whose name matches.
# Nothing is asserted: the exit status is 0 whether targets are met or not.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_postgres
JAR=backend/target/guichet-backend.jar
[[ -f $JAR ]] || { echo "Build first: make build" >&2; exit 1; }
command -v node >/dev/null || { echo "node (20+) is needed for the load generator" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: part of the postgresql-15 package)" >&2; exit 1; }

export BENCH_DB="${BENCH_DB:-guichet_bench}"
if [[ -n "${BENCH_QUICK:-}" ]]; then
  SECONDS_PER_ROW="${BENCH_SECONDS:-2}" MIX_SECONDS="${BENCH_MIX_SECONDS:-15}"
else
  SECONDS_PER_ROW="${BENCH_SECONDS:-5}" MIX_SECONDS="${BENCH_MIX_SECONDS:-120}"
fi
MIX_RATE="${BENCH_MIX_RATE:-280}"
PORT="${BENCH_PORT:-18089}"
PASSWORD="${BENCH_PASSWORD:-bench-user-passphrase}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"  # as scripts/run.sh, the systemd unit and the image
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xmx192m -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=backend/target/guichet.jsa}"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

scripts/bench_db.sh

# The class-data archive belongs to one build of the jar: the JVM refuses an archive of another
# build ("timestamp has changed") and does not rewrite it, so every start would run without one.
[[ backend/target/guichet.jsa -nt "$JAR" ]] || rm -f backend/target/guichet.jsa

work=$(mktemp -d)
log="$work/backend.log"
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

start() {
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
    DEMO_DATA=false API_RATE_LIMIT=1000000 LOGIN_IP_LIMIT=1000 MICRONAUT_SERVER_PORT="$PORT" \
    ADMIN_EMAIL="${BENCH_ADMIN_EMAIL:-admin@bench.test}" ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-admin-passphrase}" \
    java $JAVA_OPTS -jar "$JAR" >>"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://localhost:$PORT/health/readiness" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { tail -50 "$log" >&2; exit 1; }
    sleep 0.05
  done
  elapsed=$(awk -v a="$(date +%s%N)" -v b="$t0" 'BEGIN { printf "%.2f", (a - b) / 1e9 }')
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }

echo "[$(date -u +%T)] first start (writes the class-data archive when missing)"
start; first=$elapsed; stop
start; restart=$elapsed
sleep 2
rss_start=$(rss)
echo "[$(date -u +%T)] restart to readiness ${restart} s (first start ${first} s), RSS ${rss_start} MiB"

# Fixtures: the accounts of the load, a category, open tickets to write on, tickets to read.
qa() { psql -X -qtA -d "$BENCH_DB" -c "$1"; }
max_id=$(qa "SELECT max(id) FROM tickets")
cat >"$work/cfg.json" <<EOF
{ "base": "http://localhost:$PORT", "password": "$PASSWORD",
  "techs": $(qa "SELECT json_agg(email ORDER BY id) FROM (SELECT * FROM users WHERE role = 'TECHNICIAN' ORDER BY id LIMIT 8) u"),
  "employees": $(qa "SELECT json_agg(email ORDER BY id) FROM (SELECT * FROM users WHERE email LIKE 'bench-employee-%' OR email ~ '^employe[0-9]+@' ORDER BY id LIMIT 16) u"),
  "categoryId": $(qa "SELECT category_id FROM tickets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"),
  "openIds": $(qa "SELECT json_agg(id) FROM (SELECT id FROM tickets WHERE status IN ('IN_PROGRESS', 'WAITING') ORDER BY id DESC LIMIT 3000) t"),
  "readIds": $(qa "SELECT json_agg((random() * ($max_id - 1))::bigint + 1) FROM generate_series(1, 5000)"),
  "seconds": $SECONDS_PER_ROW, "clients": [1, 16], "mixRate": $MIX_RATE, "mixSeconds": $MIX_SECONDS, "phase": "rows",
  "only": $(printf '%s' "${BENCH_ONLY:-}" | python3 -c 'import json, sys; print(json.dumps(sys.stdin.read()))') }
EOF

echo "[$(date -u +%T)] latency table: ${SECONDS_PER_ROW} s per row at 1 and 16 clients"
node scripts/bench_load.mjs "$work/cfg.json" >"$work/rows.json"

echo "[$(date -u +%T)] pgbench: the SQL of ticket detail, comments and history"
cat >"$work/detail.sql" <<'EOF'
\set id random(1, :maxid)
SELECT t.id, t.title, t.description, t.status, t.priority, t.version, t.created_at, t.updated_at, t.resolved_at, t.closed_at,
       c.id, c.name, r.id, r.full_name, r.email, a.id, a.full_name, a.email
  FROM tickets t LEFT JOIN categories c ON c.id = t.category_id JOIN users r ON r.id = t.requester_id
  LEFT JOIN users a ON a.id = t.assignee_id WHERE t.id = :id;
EOF
cat >"$work/comments.sql" <<'EOF'
\set id random(1, :maxid)
SELECT c.id, c.ticket_id, c.body, c.internal, c.created_at, u.id, u.full_name, u.role
  FROM comments c JOIN users u ON u.id = c.author_id WHERE c.ticket_id = :id ORDER BY c.created_at, c.id;
EOF
cat >"$work/history.sql" <<'EOF'
\set id random(1, :maxid)
SELECT h.id, h.field, h.old_value, h.new_value, h.created_at, u.id, u.full_name
  FROM ticket_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.ticket_id = :id ORDER BY h.created_at, h.id;
EOF
: >"$work/pgbench.txt"
for what in detail comments history; do
  for c in 1 16; do
    tps=$(pgbench -n -M prepared -c $c -j $((c < 2 ? 1 : 2)) -T "$SECONDS_PER_ROW" -D maxid="$max_id" -f "$work/$what.sql" "$BENCH_DB" 2>/dev/null \
      | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    echo "$what $c $tps" >>"$work/pgbench.txt"
    echo "  pgbench $what c=$c: $tps tx/s"
  done
done

echo "[$(date -u +%T)] JSM-like open-loop mix: $MIX_RATE actions/s for $MIX_SECONDS s"
sed -i 's/"phase": "rows"/"phase": "mix"/' "$work/cfg.json"
node scripts/bench_load.mjs "$work/cfg.json" >"$work/mix.json"
rss_after=$(rss)
stop

mkdir -p bench-results
out="bench-results/bench-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 scripts/bench_report.py "$work/rows.json" "$work/mix.json" "$work/pgbench.txt" "$out" \
  "$started" "$BENCH_DB" "$(qa "SELECT count(*) FROM tickets")" "$restart" "$first" "$rss_start" "$rss_after" \
  "$SECONDS_PER_ROW" "$(nproc)" "$JAVA_OPTS"
