#!/usr/bin/env bash
# Tests deployment/status.sh against a stub /health, a scratch database holding a mail_outbox
# table, and a backup directory: healthy → exit 0 with the backlog and the backup age shown;
# a stale backup or a backend that is down → exit 1.
# Inputs: PGHOST (127.0.0.1), PGUSER (postgres). Exit status: 0 passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
unset DATABASE_URL DATASOURCES_DEFAULT_URL
DB="guichet_status_$$"
WORK="$(mktemp -d)"
STUB_PID=

main() {
    at_exit cleanup
    recreate_database "$DB" >/dev/null 2>&1 || { fail "scratch database for status.sh"; return; }
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE TABLE mail_outbox (id serial, status text);
        INSERT INTO mail_outbox (status) VALUES ('PENDING'), ('PENDING'), ('SENT')" >/dev/null
    mkdir -p "$WORK/backups/daily"
    echo dump > "$WORK/backups/daily/guichet-20260101-023000.dump"
    start_stub_health
    test_healthy_installation
    test_stale_backup
    test_backend_down
}

cleanup() {
    [[ -n $STUB_PID ]] && kill "$STUB_PID" 2>/dev/null
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1
    rm -rf "$WORK"
}

start_stub_health() {
    PORT=$(free_port)
    python3 - "$PORT" <<'PY' &
import http.server, sys
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"name":"guichet","status":"UP"}'
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
PY
    STUB_PID=$!
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && return; sleep 0.1; done
}

status() { BASE_URL=${1:-http://127.0.0.1:$PORT} BACKUP_DIR=$WORK/backups PGDATABASE=$DB "$DEPLOYMENT_DIR/status.sh"; }

test_healthy_installation() {
    local out rc=0
    out=$(status 2>&1) || rc=$?
    [[ $rc -eq 0 && $out == *'"status":"UP"'* && $out == *"2 message(s) waiting"* && $out == *"guichet-20260101-023000.dump (0 h old"* && $out == *"status: OK"* ]]
    verdict "status.sh shows health, outbox backlog and newest backup, exit 0 when healthy" "rc=$rc $out"
}

test_stale_backup() {
    local out rc=0
    touch -d '3 days ago' "$WORK/backups/daily/guichet-20260101-023000.dump"
    out=$(status 2>&1) || rc=$?
    [[ $rc -eq 1 && $out == *"older than 26 h"* ]]
    verdict "status.sh exits 1 when the newest backup is older than 26 h" "rc=$rc $out"
    touch "$WORK/backups/daily/guichet-20260101-023000.dump"
}

test_backend_down() {
    local out rc=0
    out=$(status "http://127.0.0.1:$(free_port)" 2>&1) || rc=$?
    [[ $rc -eq 1 && $out == *"DOWN"* ]]
    verdict "status.sh exits 1 when /health does not answer" "rc=$rc $out"
}

main
