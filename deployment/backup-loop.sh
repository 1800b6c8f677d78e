#!/usr/bin/env bash
# Guichet — the backup container's scheduler: runs backup.sh every night at BACKUP_TIME.
#
# A plain sleep loop rather than crond: nothing to install in the postgres image, logs go to
# the container's stdout, and `docker compose stop` ends it at once (SIGTERM is trapped).
# Settings (environment): BACKUP_TIME (HH:MM, container time zone TZ; default 02:30),
# BACKUP_ON_START (true: also back up when the container starts; default false), plus
# everything backup.sh reads. A failed backup is logged and retried the next night; the loop
# itself only stops on a signal.
# Exit status: 0 when stopped by SIGTERM/SIGINT; 1 for an invalid BACKUP_TIME.
set -uo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BACKUP_TIME=${BACKUP_TIME:-02:30}
BACKUP_ON_START=${BACKUP_ON_START:-false}

main() {
    [[ $BACKUP_TIME =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "BACKUP_TIME must be HH:MM, not '$BACKUP_TIME'" >&2; exit 1; }
    trap stop TERM INT
    [[ $BACKUP_ON_START != true ]] || run_backup
    while true; do
        sleep_until_next_run
        run_backup
    done
}

SLEEP_PID=

stop() {
    [[ -z $SLEEP_PID ]] || kill "$SLEEP_PID" 2>/dev/null
    echo "backup loop stopped"
    exit 0
}

sleep_until_next_run() {
    local now next
    now=$(date +%s)
    next=$(date -d "today $BACKUP_TIME" +%s)
    [[ $next -gt $now ]] || next=$(date -d "tomorrow $BACKUP_TIME" +%s)
    # In the background so the TERM trap runs without waiting for sleep to end.
    sleep $((next - now)) &
    SLEEP_PID=$!
    echo "next backup at $(date -d "@$next" '+%Y-%m-%d %H:%M %Z')"
    wait "$SLEEP_PID"
    SLEEP_PID=
}

run_backup() {
    if "$DEPLOYMENT_DIR/backup.sh"; then
        echo "backup succeeded"
    else
        echo "BACKUP FAILED (exit $?); next try at the next scheduled time" >&2
    fi
}

main "$@"
