#!/usr/bin/env bash
# Starts Guichet (the jar built by `make build`, serving the SPA and the API on one origin)
# against the PostgreSQL given by the environment: DATASOURCES_DEFAULT_URL (default
# jdbc:postgresql://localhost:5432/guichet, the database is created if missing),
# DATASOURCES_DEFAULT_USERNAME / _PASSWORD. On an empty database the first admin (ADMIN_EMAIL /
# ADMIN_PASSWORD, defaults printed below) and, unless DEMO_DATA=false, the demo helpdesk are
# created. Prints the URL and the logins once Guichet is ready; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

JAR=backend/target/guichet-backend.jar
[[ -f $JAR ]] || { echo "No $JAR: run 'make build' (make run does it for you)." >&2; exit 1; }

export DATASOURCES_DEFAULT_URL="${DATASOURCES_DEFAULT_URL:-jdbc:postgresql://localhost:5432/guichet}"
export DATASOURCES_DEFAULT_USERNAME="${DATASOURCES_DEFAULT_USERNAME:-postgres}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@guichet.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-guichet-admin-2026}"
PORT="${MICRONAUT_SERVER_PORT:-8080}"

# jdbc:postgresql://host:port/db?params → host, port, db
hostport_db="${DATASOURCES_DEFAULT_URL#jdbc:postgresql://}"
hostport="${hostport_db%%/*}"
db="${hostport_db#*/}"; db="${db%%\?*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [[ $port == "$hostport" ]] && port=5432
if ! pg_isready -q -h "$host" -p "$port" -t 3; then
  echo "PostgreSQL is not reachable at $host:$port — start it, or point DATASOURCES_DEFAULT_URL at one (e.g. jdbc:postgresql://db.example:5432/guichet)." >&2
  exit 1
fi
PGPASSWORD="${DATASOURCES_DEFAULT_PASSWORD:-}" PGHOST="$host" PGPORT="$port" PGUSER="$DATASOURCES_DEFAULT_USERNAME" ensure_database "$db" \
  || echo "Could not create database $db (it may already exist, or this user may not create databases); starting anyway."

if curl -fsS -o /dev/null "http://localhost:$PORT/health" 2>/dev/null; then
  echo "Port $PORT already answers: stop the other Guichet, or set MICRONAUT_SERVER_PORT." >&2
  exit 1
fi

echo "Starting Guichet on port $PORT (database $db on $host:$port)…"
echo "On an empty database the demo helpdesk (47,837 real tickets, two years of simulated activity) is loaded first: under a minute, its progress below."
# Default JVM options (docs/architecture.md, "Start-up and memory"): serial GC and a 192 MiB heap, two
# malloc arenas (glibc's default is 8 per core, each reserving 64 MiB) keep the process near 400 MiB
# under load at a million tickets.
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xmx192m}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java $JAVA_OPTS -jar "$JAR" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM EXIT
until curl -fsS -o /dev/null "http://localhost:$PORT/health/readiness" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "Guichet stopped during start-up: see the messages above." >&2; exit 1; }
  sleep 1
done
cat <<MSG

  Guichet is ready: http://localhost:$PORT/
  API documentation: http://localhost:$PORT/api/docs

  Admin:       $ADMIN_EMAIL / $ADMIN_PASSWORD
  Demo logins (password guichet-demo-2026; absent if DEMO_DATA=false):
    employees    camille.martin@demo.guichet.dev, lucas.bernard@demo.guichet.dev
    technicians  ines.dubois@demo.guichet.dev, hugo.moreau@demo.guichet.dev
    (and 315 more requesters and 7 more technicians, see Admin > Utilisateurs)

  Ctrl-C stops it.
MSG
wait $pid
