#!/usr/bin/env bash
# Guichet — one screen on the state of an installation (make status).
#
# Shows: the services (docker compose ps when Docker answers, else systemctl status
# guichet-backend when that unit exists), GET $BASE_URL/health, the mail outbox backlog
# (PENDING rows of mail_outbox, when psql can reach the database and the table exists) and
# the age of the newest dump under $BACKUP_DIR.
#
# Settings (environment): BASE_URL (default http://localhost:8080), BACKUP_DIR (./backups),
# BACKUP_MAX_AGE_HOURS (26: one missed night is a problem), the database settings of
# deployment/lib/common.sh.
# Exit status: 0 healthy; 1 /health is not UP, or no backup younger than BACKUP_MAX_AGE_HOURS.
# The outbox backlog and an unreachable database are reported, not counted as failures.
set -uo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$DEPLOYMENT_DIR/lib/common.sh"

BASE_URL=${BASE_URL:-http://localhost:8080}
BACKUP_DIR=${BACKUP_DIR:-./backups}
BACKUP_MAX_AGE_HOURS=${BACKUP_MAX_AGE_HOURS:-26}
PROBLEMS=0

main() {
    show_services
    show_health
    show_outbox_backlog
    show_newest_backup
    echo
    if [[ $PROBLEMS -eq 0 ]]; then echo "status: OK"; else echo "status: $PROBLEMS problem(s)"; exit 1; fi
}

section() { printf '\n== %s\n' "$1"; }

show_services() {
    section "services"
    if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
        if docker compose version >/dev/null 2>&1; then
            (cd "$DEPLOYMENT_DIR/.." && docker compose ps)
        elif command -v docker-compose >/dev/null 2>&1; then
            (cd "$DEPLOYMENT_DIR/.." && docker-compose ps)
        else
            docker ps --filter name=guichet
        fi
    elif command -v systemctl >/dev/null 2>&1 && systemctl cat guichet-backend.service >/dev/null 2>&1; then
        systemctl status --no-pager --lines=5 guichet-backend.service guichet-backup.timer
    else
        echo "neither a reachable Docker engine nor a guichet-backend systemd unit here"
    fi
}

show_health() {
    section "health ($BASE_URL/health)"
    local body
    if body=$(curl -fsS --max-time 5 "$BASE_URL/health" 2>&1); then
        echo "$body"
        grep -q '"status" *: *"UP"' <<< "$body" || PROBLEMS=$((PROBLEMS + 1))
    else
        echo "DOWN: $body"
        PROBLEMS=$((PROBLEMS + 1))
    fi
}

show_outbox_backlog() {
    section "mail outbox"
    if ! command -v psql >/dev/null 2>&1; then echo "psql not installed: backlog unknown"; return; fi
    load_pg_settings
    local exists pending
    if ! exists=$(psql -X -At -c "SELECT to_regclass('public.mail_outbox') IS NOT NULL" 2>&1); then
        echo "cannot reach $(describe_target): ${exists##*FATAL:  }"
        return
    fi
    if [[ $exists != t ]]; then echo "no mail_outbox table in $(describe_target)"; return; fi
    pending=$(psql -X -At -c "SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'")
    echo "$pending message(s) waiting to be sent"
}

show_newest_backup() {
    section "backups ($BACKUP_DIR)"
    local newest age_hours
    newest=$(newest_dump "$BACKUP_DIR")
    if [[ -z $newest ]]; then
        echo "no backup found"
        PROBLEMS=$((PROBLEMS + 1))
        return
    fi
    age_hours=$(( ($(date +%s) - $(stat -c %Y "$newest")) / 3600 ))
    echo "newest: $newest ($age_hours h old, $(du -h "$newest" | cut -f1))"
    if [[ $age_hours -ge $BACKUP_MAX_AGE_HOURS ]]; then
        echo "older than $BACKUP_MAX_AGE_HOURS h: is the nightly backup running?"
        PROBLEMS=$((PROBLEMS + 1))
    fi
}

main "$@"
