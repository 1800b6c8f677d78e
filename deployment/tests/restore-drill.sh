#!/usr/bin/env bash
# Restore drill: proves that a nightly backup brings Guichet back exactly as it was.
#
# 1. starts the real backend jar on a fresh database (demo data on), waits for readiness;
# 2. adds tickets — and an attachment — through the HTTP API, as a user would;
# 3. stops the backend and records, for every table of schema public (flyway_schema_history
#    included), its row count and the md5 of all its rows;
# 4. runs deployment/backup.sh, drops and recreates the database, runs deployment/restore.sh;
# 5. compares the fingerprints (identical or FAIL), then starts the backend on the restored
#    database and reads the drill's ticket through the API: same JSON as before the backup.
#
# Environment:
#   GUICHET_JAR                 jar to run (default backend/target/guichet-backend.jar)
#   DRILL_DB                    scratch database (default guichet_drill; dropped and recreated)
#   DRILL_REQUIRE_ATTACHMENTS   1: a missing attachments endpoint (404) fails the drill;
#                               otherwise it is a WARNING and the drill goes on without it
#   PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD: a role that may create
#   databases; JAVA_HOME or the Temurin 25 JDK at /usr/lib/jvm/temurin-25-jdk-amd64
# Exit status: 0 the restored database is identical and serves the API; 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GUICHET_JAR=${GUICHET_JAR:-$REPO_DIR/backend/target/guichet-backend.jar}
DRILL_DB=${DRILL_DB:-guichet_drill}
DRILL_REQUIRE_ATTACHMENTS=${DRILL_REQUIRE_ATTACHMENTS:-0}
BACKEND_DB=$DRILL_DB DEMO_DATA=true DEMO_TICKET_LIMIT=500
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
unset DATABASE_URL DATASOURCES_DEFAULT_URL
ADMIN_EMAIL=admin@guichet.test
ADMIN_PASSWORD="Drill-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"
JWT_SECRET=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 64)
WORK="$(mktemp -d)"
BACKEND_PID=
WAITING_BEFORE=0
TICKET_TITLE="Exercice de restauration $(date -u +%Y%m%dT%H%M%S) — imprimante du 2e étage"

main() {
    at_exit cleanup
    find_java || return
    check_jar || return
    recreate_database "$DRILL_DB" >/dev/null
    start_backend "restore drill, first start" || return
    log_in || return
    create_tickets || return
    attach_file || return
    # A failure here is the backend's, not the backup's: noted, and the drill goes on.
    read_drill_ticket "$WORK/ticket-before.json" "before the backup"
    stop_backend
    drill_fingerprint "$DRILL_DB" > "$WORK/before.txt"
    WAITING_BEFORE=$(psql -X -At -d "$DRILL_DB" -c "SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')")
    back_up_drop_and_restore || return
    compare_fingerprints
    start_backend "restore drill, on the restored database" || return
    log_in || return
    read_drill_ticket "$WORK/ticket-after.json" "after the restore" || return
    if [[ -f $WORK/ticket-before.json ]]; then
        cmp -s "$WORK/ticket-before.json" "$WORK/ticket-after.json"
        verdict "restore drill: the restored backend serves the drill's ticket exactly as before" \
            "$(diff "$WORK/ticket-before.json" "$WORK/ticket-after.json")"
    fi
    stop_backend
}

cleanup() {
    stop_backend
    drop_database "$DRILL_DB" >/dev/null 2>&1
    if [[ $FAILED -gt 0 && -f $WORK/backend.log ]]; then
        echo "---- last lines of the backend log ($WORK/backend.log)"
        tail -n 40 "$WORK/backend.log"
    fi
    rm -rf "$WORK"
}

check_jar() {
    [[ -f $GUICHET_JAR ]] && return 0
    fail "restore drill: the backend jar exists" "$GUICHET_JAR is missing: build it first (make build) or set GUICHET_JAR"
    return 1
}


json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" 2>/dev/null; }

api() {
    local method=$1 path=$2
    shift 2
    curl -s -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" "$@" "$BASE$path"
}

log_in() {
    local response
    response=$(curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/login")
    TOKEN=$(json_field access_token <<< "$response")
    if [[ -n $TOKEN ]]; then pass "restore drill: the first administrator logs in"; return 0; fi
    fail "restore drill: the first administrator logs in" "$response"
    return 1
}

create_tickets() {
    local i response status created=0
    for i in 1 2 3; do
        response=$(api POST /api/v1/tickets -H 'Content-Type: application/json' \
            -d "{\"title\":\"$TICKET_TITLE #$i\",\"description\":\"Ticket créé par l'exercice de restauration : « l'imprimante affiche E-05 ». Essai n°$i.\"}")
        status=${response##*$'\n'}
        if [[ $status == 201 ]]; then
            created=$((created + 1))
            TICKET_ID=$(json_field id <<< "${response%$'\n'*}")
        else
            fail "restore drill: tickets are created through the API" "HTTP $status: ${response%$'\n'*}"
            return 1
        fi
    done
    pass "restore drill: $created tickets created through the API"
}

attach_file() {
    python3 -c 'import base64,sys; sys.stdout.buffer.write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="))' > "$WORK/capture.png"
    local response status
    response=$(api POST "/api/v1/tickets/$TICKET_ID/attachments" -F "file=@$WORK/capture.png;type=image/png")
    status=${response##*$'\n'}
    if [[ $status == 201 || $status == 200 ]]; then
        pass "restore drill: an attachment is uploaded through the API"
    elif [[ $status == 404 && $DRILL_REQUIRE_ATTACHMENTS != 1 ]]; then
        echo "WARNING: POST /api/v1/tickets/$TICKET_ID/attachments answered 404: the attachments endpoint is not there yet,"
        echo "WARNING: so this drill does not cover attachments. Set DRILL_REQUIRE_ATTACHMENTS=1 once it lands."
        skip "restore drill: an attachment is uploaded through the API" "attachments endpoint absent (404)"
    else
        fail "restore drill: an attachment is uploaded through the API" "HTTP $status: ${response%$'\n'*}"
        return 1
    fi
}

back_up_drop_and_restore() {
    local out dump
    if ! out=$(BACKUP_DIR=$WORK/backups PGDATABASE=$DRILL_DB "$DEPLOYMENT_DIR/backup.sh" 2>&1); then
        fail "restore drill: backup.sh backs up the database" "$out"; return 1
    fi
    dump=$(tail -n 1 <<< "$out")
    pass "restore drill: backup.sh wrote $(basename "$dump") ($(du -h "$dump" | cut -f1))"
    recreate_database "$DRILL_DB" >/dev/null 2>&1 \
        || { fail "restore drill: the database is dropped and recreated"; return 1; }
    if ! out=$(PGDATABASE=$DRILL_DB "$DEPLOYMENT_DIR/restore.sh" "$dump" 2>&1); then
        fail "restore drill: restore.sh restores the dump into the empty database" "$out"; return 1
    fi
    pass "restore drill: restore.sh restored the dump into the recreated database"
}

# db_fingerprint, but mail_outbox compared without status and lease: the restore holds the mails
# that were waiting in the dump (PENDING/SENDING → HELD, lease cleared; docs/notifications.md).
drill_fingerprint() {
    db_fingerprint "$1" | grep -v '^mail_outbox|'
    psql -X -At -d "$1" -c "SELECT 'mail_outbox', count(*), md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), ''))
        FROM (SELECT (to_jsonb(t) - 'status' - 'lease_until')
                     || jsonb_build_object('waiting', t.status IN ('PENDING', 'SENDING', 'HELD')) AS r
                FROM public.mail_outbox t) s"
}

compare_fingerprints() {
    drill_fingerprint "$DRILL_DB" > "$WORK/after.txt"
    local held
    held=$(psql -X -At -d "$DRILL_DB" -c "SELECT count(*) FROM mail_outbox WHERE status = 'HELD'")
    [[ $held == "$WAITING_BEFORE" && $(psql -X -At -d "$DRILL_DB" -c "SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')") == 0 ]]
    verdict "restore drill: the $WAITING_BEFORE mail(s) waiting in the dump are HELD after the restore, none PENDING" "held=$held"
    local tables rows
    tables=$(wc -l < "$WORK/before.txt")
    rows=$(awk -F'|' '{ n += $2 } END { print n + 0 }' "$WORK/before.txt")
    if [[ $tables -gt 0 ]] && diff -u "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
        pass "restore drill: all $tables tables identical after the restore ($rows rows, md5 per table)"
    else
        fail "restore drill: all tables identical after the restore" "$(cat "$WORK/diff.txt")"
    fi
    grep -q '^flyway_schema_history|' "$WORK/after.txt"
    verdict "restore drill: flyway_schema_history is part of the comparison" "$(cut -d'|' -f1 "$WORK/after.txt" | tr '\n' ' ')"
}

# GET /api/v1/tickets/{id} of the drill's last ticket into FILE.
read_drill_ticket() {
    local file=$1 when=$2 response status
    response=$(api GET "/api/v1/tickets/$TICKET_ID")
    status=${response##*$'\n'}
    if [[ $status == 200 && $response == *"Exercice de restauration"* ]]; then
        # What the backup holds, without what the API derives from the clock (the business time
        # left on each SLA target shrinks by the second during opening hours).
        printf '%s\n' "${response%$'\n'*}" | python3 -c '
import json, sys
ticket = json.load(sys.stdin)
for target in (ticket.get("sla") or {}).values():
    target.pop("business_seconds_left", None)
print(json.dumps(ticket, sort_keys=True))' > "$file"
        pass "restore drill: GET /api/v1/tickets/$TICKET_ID answers ($when)"
        return 0
    fi
    fail "restore drill: GET /api/v1/tickets/$TICKET_ID answers ($when)" "HTTP $status: ${response:0:500}"
    return 1
}

main
