#!/usr/bin/env bash
# Guichet — one screen on the state of an installation (make status).
#
# Shows: the services (docker compose ps when Docker answers, else systemctl status
# guichet-backend when that unit exists), GET $BASE_URL/health, the mail outbox backlog
# (PENDING rows of mail_outbox, when the database answers and the table exists) and the age
# of the newest dump under $BACKUP_DIR.
# With a running Compose stack, /health is asked through the public nginx (the backend's
# port is not published) and the database through `docker compose exec postgres`.
#
# Settings (environment): BASE_URL (default: the Compose frontend's published port, else
# http://localhost:8080), BACKUP_DIR (./backups), BACKUP_MAX_AGE_HOURS (26: one missed night
# is a problem), the database settings of deployment/lib/common.sh (GUICHET_ENV_FILE on a
# systemd host).
# Point-in-time recovery: age of the newest pgBackRest base backup (pgbackrest info, inside the
# postgres container with Compose, as postgres on a VPS) and of the last archived WAL
# (pg_stat_archiver); PITR_MAX_BACKUP_AGE_HOURS (26) and ARCHIVE_MAX_LAG_MINUTES (10) mark problems,
# only where archive_mode is on.
# Exit status: 0 healthy; 1 /health is not UP, or no backup younger than BACKUP_MAX_AGE_HOURS.
# The outbox backlog and an unreachable database are reported, not counted as failures.
set -uo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$DEPLOYMENT_DIR/lib/common.sh"

BASE_URL=${BASE_URL:-}
COMPOSE=()
BACKUP_DIR=${BACKUP_DIR:-./backups}
BACKUP_MAX_AGE_HOURS=${BACKUP_MAX_AGE_HOURS:-26}
PROBLEMS=0

main() {
    find_compose_stack
    : "${BASE_URL:=http://localhost:8080}"
    show_services
    show_health
    show_outbox_backlog
    show_newest_backup
    show_pitr_archive
    echo
    if [[ $PROBLEMS -eq 0 ]]; then echo "status: OK"; else echo "status: $PROBLEMS problem(s)"; exit 1; fi
}

section() { printf '\n== %s\n' "$1"; }

# Sets COMPOSE (the command) when a Docker engine answers and this checkout's stack runs.
find_compose_stack() {
    command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || return 0
    if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
    elif command -v docker-compose >/dev/null 2>&1; then COMPOSE=(docker-compose)
    else return 0
    fi
    local published
    published=$(compose port frontend 80 2>/dev/null | tail -n 1)
    if [[ -n $published && -z $BASE_URL ]]; then BASE_URL="http://localhost:${published##*:}"; fi
}

compose() { (cd "$DEPLOYMENT_DIR/.." && "${COMPOSE[@]}" "$@"); }

# Runs one query, inside the postgres container with Compose, else with the local psql.
query() {
    if [[ ${#COMPOSE[@]} -gt 0 ]] && compose ps --services --filter status=running 2>/dev/null | grep -qx postgres; then
        # shellcheck disable=SC2016 # expanded by the container's shell
        compose exec -T postgres sh -c 'psql -X -At -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "$1"' sh "$1"
    else
        psql -X -At -c "$1"
    fi
}

show_services() {
    section "services"
    if [[ ${#COMPOSE[@]} -gt 0 ]]; then
        compose ps
    elif command -v systemctl >/dev/null 2>&1 && systemctl cat guichet-backend.service >/dev/null 2>&1; then
        systemctl status --no-pager --lines=5 guichet-backend.service guichet-backup.timer
    else
        echo "neither a reachable Docker engine nor a guichet-backend systemd unit here"
    fi
}

show_health() {
    section "health ($BASE_URL/health)"
    local body
    # -L -k: with HTTPS on, the public nginx redirects to itself under its real name.
    if body=$(curl -fsSLk --max-time 5 "$BASE_URL/health" 2>&1); then
        echo "$body"
        grep -q '"status" *: *"UP"' <<< "$body" || PROBLEMS=$((PROBLEMS + 1))
    else
        echo "DOWN: $body"
        PROBLEMS=$((PROBLEMS + 1))
    fi
}

show_outbox_backlog() {
    section "mail outbox"
    if [[ ${#COMPOSE[@]} -eq 0 ]] && ! command -v psql >/dev/null 2>&1; then echo "psql not installed: backlog unknown"; return; fi
    load_pg_settings
    local exists pending
    if ! exists=$(query "SELECT to_regclass('public.mail_outbox') IS NOT NULL" 2>&1); then
        echo "cannot reach $(describe_target): ${exists##*FATAL:  }"
        return
    fi
    if [[ $exists != t ]]; then echo "no mail_outbox table in $(describe_target)"; return; fi
    pending=$(query "SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'")
    echo "$pending message(s) waiting to be sent"
    local held
    held=$(query "SELECT count(*) FROM mail_outbox WHERE status = 'HELD'" 2>/dev/null) || held=0
    [[ $held == 0 ]] || echo "$held message(s) held since a restore: release or discard them (Administration → Outbox)"
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

show_pitr_archive() {
    section "point-in-time recovery (pgBackRest, WAL archiving)"
    local archiver mode last_age failed_after info
    if [[ ${#COMPOSE[@]} -eq 0 ]] && ! command -v psql >/dev/null 2>&1; then echo "psql not installed: archiving unknown"; return; fi
    load_pg_settings
    archiver=$(query "SELECT current_setting('archive_mode'), coalesce(extract(epoch FROM now() - last_archived_time)::bigint::text, 'never'),
                             coalesce(last_failed_time > coalesce(last_archived_time, '-infinity'), false), coalesce(last_archived_wal, '')
                        FROM pg_stat_archiver" 2>/dev/null) || { echo "cannot read pg_stat_archiver"; return; }
    IFS='|' read -r mode last_age failed_after last_wal <<< "$archiver"
    if [[ $mode == off ]]; then echo "WAL archiving is off: only the nightly dump protects the data (see GUIDE_HEBERGEMENT.md)"; return; fi
    if [[ $last_age == never ]]; then
        echo "last archived WAL: never"
    else
        echo "last archived WAL: $last_wal, $((last_age / 60)) min ago"
    fi
    if [[ $failed_after == t && ( $last_age == never || $last_age -gt $(( ${ARCHIVE_MAX_LAG_MINUTES:-10} * 60 )) ) ]]; then
        echo "WAL archiving has been FAILING for more than ${ARCHIVE_MAX_LAG_MINUTES:-10} min: check archive_command and the repository"
        PROBLEMS=$((PROBLEMS + 1))
    fi
    if [[ ${#COMPOSE[@]} -gt 0 ]]; then
        info=$(compose exec -T -u postgres postgres pgbackrest --stanza=guichet info --output=json 2>/dev/null)
    elif command -v pgbackrest >/dev/null 2>&1; then
        if [[ $(id -u) -eq 0 ]]; then
            # shellcheck disable=SC1091 # the operator's file, if any
            info=$( (set -a; [[ -r /etc/pgbackrest/pgbackrest.env ]] && . /etc/pgbackrest/pgbackrest.env; runuser -u postgres -- pgbackrest --stanza=guichet info --output=json) 2>/dev/null)
        else
            info=$(pgbackrest --stanza=guichet info --output=json 2>/dev/null)
        fi
    fi
    local newest
    newest=$(python3 -c '
import json, sys, time
backups = [b for s in json.load(sys.stdin) for b in s.get("backup", [])]
if backups:
    b = max(backups, key=lambda b: b["timestamp"]["stop"])
    print(b["type"], int(time.time()) - b["timestamp"]["stop"])
' <<< "${info:-[]}" 2>/dev/null)
    if [[ -z $newest ]]; then
        echo "newest base backup: none readable (pgbackrest info failed or the repository is empty)"
        PROBLEMS=$((PROBLEMS + 1))
        return
    fi
    local type age
    read -r type age <<< "$newest"
    echo "newest base backup: $type, $((age / 3600)) h old"
    if (( age / 3600 >= ${PITR_MAX_BACKUP_AGE_HOURS:-26} )); then
        echo "older than ${PITR_MAX_BACKUP_AGE_HOURS:-26} h: is the pgbackrest timer/service running?"
        PROBLEMS=$((PROBLEMS + 1))
    fi
}

main "$@"
