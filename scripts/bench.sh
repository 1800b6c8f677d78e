#!/usr/bin/env bash
# `make bench`: measures what Guichet's users and operators feel, on the full demo helpdesk
# (47,837 real tickets) in a scratch database `guichet_bench`:
#   - first start on an empty database (migration + demo load through the service), seconds;
#   - restart on the loaded database to the first 200 on /health/readiness, seconds;
#   - resident memory (RSS) after start and after the load below, MiB;
#   - latency of the API calls a technician makes most (queue page, full-text search, ticket
#     detail, counts), p50 / p95 / max in milliseconds over BENCH_REQUESTS requests each
#     (default 200) from BENCH_CONCURRENCY clients (default 4).
# Numbers are printed as a table; nothing is asserted (targets are tracked, not unit-tested).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_postgres
JAR=backend/target/guichet-backend.jar
[[ -f $JAR ]] || { echo "Build first: make build" >&2; exit 1; }
PORT="${BENCH_PORT:-18089}"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/guichet_bench" DATASOURCES_DEFAULT_USERNAME="$PGUSER"
export ADMIN_EMAIL=admin@bench.test ADMIN_PASSWORD=bench-admin-passphrase MICRONAUT_SERVER_PORT=$PORT
export DEMO_TICKET_LIMIT="${DEMO_TICKET_LIMIT:-0}"
log=$(mktemp)

start() {
  local t0; t0=$(date +%s%N)
  java ${JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://localhost:$PORT/health/readiness" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  elapsed=$(awk -v a="$(date +%s%N)" -v b="$t0" 'BEGIN { printf "%.1f", (a - b) / 1e9 }')
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }
trap 'kill ${pid:-} 2>/dev/null || true; rm -f "$log"' EXIT

recreate_database guichet_bench
pid=""
start; first=$elapsed; stop
start; second=$elapsed
rss_start=$(rss)
latency=$(python3 scripts/bench_latency.py "http://localhost:$PORT" "${BENCH_REQUESTS:-200}" "${BENCH_CONCURRENCY:-4}")
rss_after=$(rss)
tickets=$(psql -X -qtAc "SELECT count(*) FROM tickets" guichet_bench)
stop

printf '\nGuichet benchmark (%s tickets, %s cores)\n' "$tickets" "$(nproc)"
printf '  %-44s %8.1f s\n' "first start (migrate + load demo helpdesk)" "$first"
printf '  %-44s %8.1f s\n' "restart to readiness" "$second"
printf '  %-44s %8d MiB\n' "RSS after start" "$rss_start"
printf '  %-44s %8d MiB\n' "RSS after the latency run" "$rss_after"
echo "$latency"
