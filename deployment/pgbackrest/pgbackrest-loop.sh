#!/usr/bin/env bash
# Guichet — the pgbackrest service of docker-compose.yml: creates the stanza when missing, then takes
# a base backup every day at PGBACKREST_TIME (time zone TZ): full on PGBACKREST_FULL_DAY (1 = Monday
# … 7 = Sunday) or when the repository holds no full backup yet, differential otherwise. WAL itself is
# archived continuously by the postgres service's archive_command.
# Environment: PGBACKREST_TIME (01:30), PGBACKREST_FULL_DAY (7), the PGBACKREST_* repository settings.
set -uo pipefail

PGBACKREST_TIME=${PGBACKREST_TIME:-01:30}
PGBACKREST_FULL_DAY=${PGBACKREST_FULL_DAY:-7}
export PGBACKREST_STANZA=guichet

log() { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

until pgbackrest stanza-create >/dev/null 2>&1 || pgbackrest check >/dev/null 2>&1; do
    log "waiting for PostgreSQL and the repository (pgbackrest stanza-create)"; sleep 30
done
log "stanza guichet ready: $(pgbackrest info | tr '\n' ' ')"

while true; do
    now=$(date +%s)
    next=$(date -d "today $PGBACKREST_TIME" +%s)
    (( next > now )) || next=$(date -d "tomorrow $PGBACKREST_TIME" +%s)
    log "next base backup at $(date -d "@$next" '+%F %T %Z')"
    sleep $(( next - now ))
    backup_type="diff"
    if [[ $(date +%u) == "$PGBACKREST_FULL_DAY" ]] || ! pgbackrest info --output=json | grep -q '"type":"full"'; then backup_type=full; fi
    if pgbackrest --type="$backup_type" backup; then log "$backup_type backup done"; else log "ERROR: $backup_type backup failed"; fi
done
