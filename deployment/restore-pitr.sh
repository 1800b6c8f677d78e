#!/usr/bin/env bash
# Guichet — restore the PostgreSQL cluster to a point in time from the pgBackRest archive
# (make restore-pitr TARGET="2026-12-03 17:55:00").
#
# Usage: restore-pitr.sh [--yes] "YYYY-MM-DD HH:MM:SS[+TZ]"   (local time of the server when no zone)
#
# Steps, each of which stops the restore with the current cluster untouched:
# 1. reads `pgbackrest info --output=json`: the target must lie after the end of the oldest
#    base backup and not after the last archived WAL (pg_stat_archiver.last_archived_time of the
#    running server when it answers, else "now"), else it refuses with the archive's range;
# 2. `pgbackrest restore --type=time` into a NEW data directory beside $PGDATA;
# 3. starts that copy on a spare port (PITR_CHECK_PORT) and waits until recovery reached the
#    target and promoted; PostgreSQL itself refuses a target past the end of the WAL
#    ("recovery ended before configured recovery target was reached"), which fails here;
# 4. only then: stops the current server (PITR_STOP), moves $PGDATA aside to
#    $PGDATA.before-pitr-<time> (kept: delete it yourself once satisfied), moves the new
#    directory into place and starts it (PITR_START).
# Run it as the owner of the data directory (postgres), with the pgBackRest settings of
# /etc/pgbackrest/pgbackrest.conf or PGBACKREST_* variables (stanza, repository, cipher pass).
#
# Environment:
#   PGDATA            the data directory to replace (required)
#   PGBACKREST_STANZA stanza (default guichet)
#   PGPORT            port of the running server, for pg_stat_archiver (default 5432)
#   PITR_CHECK_PORT   port for the trial start of the restored copy (default 55432)
#   PITR_STOP / PITR_START   commands that stop / start the server (default pg_ctl -D "$PGDATA")
#   PITR_TRIAL_OPTIONS  extra server options of the trial start (Docker: the archive settings the
#                     postgres service passes on its command line, so the new timeline is archived)
#   PITR_CONFIG_FILE  postgresql.conf kept outside the data directory (Debian:
#                     /etc/postgresql/16/main/postgresql.conf): used by the trial start
#   PG_BINDIR         directory of pg_ctl (default: the one on PATH)
#   PITR_IN_VOLUME=1  $PGDATA is a mount point (Docker volume): restore into $PGDATA/.pitr-new and
#                     swap the contents (old ones kept in $PGDATA/.before-pitr-<time>) instead of
#                     renaming the directory
# Run as root, it runs pgBackRest and PostgreSQL as PITR_OS_USER (postgres) and PITR_STOP/START as root.
# Exit status: 0 restored and running; 1 bad usage or tools missing; 2 target outside the
# archive; 3 the restore or the trial start failed (current cluster untouched); 4 the swap failed.
set -euo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$DEPLOYMENT_DIR/lib/common.sh"

export PGBACKREST_STANZA=${PGBACKREST_STANZA:-guichet}
PITR_CHECK_PORT=${PITR_CHECK_PORT:-55432}
PG_CTL=${PG_BINDIR:+$PG_BINDIR/}pg_ctl
AS_PG=()
[[ $(id -u) -ne 0 ]] || AS_PG=(runuser -u "${PITR_OS_USER:-postgres}" --)

main() {
    local yes=false target
    if [[ ${1:-} == --yes ]]; then yes=true; shift; fi
    target=${1:-}
    [[ -n $target ]] || die 1 'usage: restore-pitr.sh [--yes] "YYYY-MM-DD HH:MM:SS"   (make restore-pitr TARGET="...")'
    [[ -n ${PGDATA:-} && -d $PGDATA ]] || die 1 "PGDATA must name the current data directory (got '${PGDATA:-}')"
    command -v pgbackrest >/dev/null 2>&1 || die 1 "pgbackrest is not installed (Debian: apt-get install pgbackrest)"
    command -v "$PG_CTL" >/dev/null 2>&1 || die 1 "$PG_CTL not found (set PG_BINDIR)"
    local target_epoch
    target_epoch=$(date -d "$target" +%s 2>/dev/null) || die 2 "'$target' is not a date and time (expected e.g. 2026-12-03 17:55:00)"
    check_target_in_archive "$target" "$target_epoch"
    if ! $yes; then
        read -r -p "Replace the cluster in $PGDATA by its state at $target? The current one is kept aside. [y/N] " answer
        [[ $answer == [yYoO]* ]] || die 1 "nothing done"
    fi
    local stamp new
    stamp=$(date +%Y%m%d-%H%M%S)
    local aside="$PGDATA.before-pitr-$stamp"
    new="$PGDATA.pitr-$stamp"
    if [[ ${PITR_IN_VOLUME:-0} == 1 ]]; then new="$PGDATA/.pitr-new" aside="$PGDATA/.before-pitr-$stamp"; rm -rf "$new"; fi
    restore_into "$new" "$target"
    trial_start "$new"
    swap "$new" "$aside"
    log "restored to $target; the previous cluster is in $aside (delete it once satisfied)"
}

# Refuses (exit 2) a target before the end of the oldest backup or after the last archived WAL.
check_target_in_archive() {
    local target=$1 target_epoch=$2 info range oldest newest last_wal
    info=$("${AS_PG[@]}" pgbackrest info --output=json 2>&1) || die 2 "cannot read the pgBackRest repository: $info"
    range=$(python3 -c '
import json, sys
stanzas = json.load(sys.stdin)
backups = [b for s in stanzas for b in s.get("backup", [])]
if not backups:
    sys.exit(3)
print(min(b["timestamp"]["stop"] for b in backups), max(b["timestamp"]["stop"] for b in backups))
' <<< "$info") || die 2 "the repository holds no base backup for stanza $PGBACKREST_STANZA: take one first (pgbackrest backup)"
    read -r oldest newest <<< "$range"
    last_wal=$("${AS_PG[@]}" psql -X -At -p "${PGPORT:-5432}" -d postgres -c \
        "SELECT extract(epoch FROM last_archived_time)::bigint FROM pg_stat_archiver" 2>/dev/null || true)
    [[ $last_wal =~ ^[0-9]+$ ]] || last_wal=$(date +%s)
    if (( target_epoch < oldest )); then
        die 2 "target $target is before the oldest base backup (consistent from $(date -d "@$oldest" '+%F %T %z')): the archive cannot go back that far"
    fi
    if (( target_epoch > last_wal )); then
        die 2 "target $target is after the last archived WAL ($(date -d "@$last_wal" '+%F %T %z')): the archive does not reach it yet"
    fi
    log "target $target lies in the archive (from $(date -d "@$oldest" '+%F %T') to $(date -d "@$last_wal" '+%F %T'); newest base backup $(date -d "@$newest" '+%F %T'))"
}

restore_into() {
    local new=$1 target=$2
    "${AS_PG[@]}" mkdir -m 0700 "$new"
    log "restoring into $new"
    if ! "${AS_PG[@]}" pgbackrest restore --pg1-path="$new" --type=time --target="$target" --target-action=promote \
            --target-timeline=current --log-level-console=warn; then
        rm -rf "$new"
        die 3 "pgbackrest restore failed: the current cluster in $PGDATA is untouched"
    fi
}

# Starts the restored copy on a spare port until it has promoted, then stops it.
trial_start() {
    local new=$1 i
    local config=''
    [[ -z ${PITR_CONFIG_FILE:-} ]] || config="-c config_file=$PITR_CONFIG_FILE -c data_directory=$new"
    log "trial start of the restored cluster on port $PITR_CHECK_PORT"
    if ! "${AS_PG[@]}" "$PG_CTL" -D "$new" -l "$new/pitr-trial.log" -w -t 600 \
            -o "-p $PITR_CHECK_PORT -c listen_addresses='' -c unix_socket_directories='$new' $config ${PITR_TRIAL_OPTIONS:-}" start >/dev/null; then
        cat "$new/pitr-trial.log" >&2 || true
        rm -rf "$new"
        die 3 "the restored cluster did not start (is the target after the last archived WAL?): the current cluster in $PGDATA is untouched"
    fi
    for i in $(seq 1 600); do
        [[ $("${AS_PG[@]}" psql -X -At -h "$new" -p "$PITR_CHECK_PORT" -d postgres -c 'SELECT pg_is_in_recovery()' 2>/dev/null) == f ]] && break
        if (( i == 600 )); then
            "${AS_PG[@]}" "$PG_CTL" -D "$new" -m fast stop >/dev/null || true
            rm -rf "$new"
            die 3 "the restored cluster never finished its recovery: the current cluster in $PGDATA is untouched"
        fi
        sleep 1
    done
    "${AS_PG[@]}" "$PG_CTL" -D "$new" -m fast -w stop >/dev/null
    rm -f "$new/pitr-trial.log"
}

swap() {
    local new=$1 aside=$2
    log "stopping the current server"
    if [[ -n ${PITR_STOP:-} ]]; then bash -c "$PITR_STOP"; else "${AS_PG[@]}" "$PG_CTL" -D "$PGDATA" -m fast -w stop >/dev/null || true; fi
    if [[ ${PITR_IN_VOLUME:-0} == 1 ]]; then
        # Renames inside one file system: the old contents aside, the restored ones up one level.
        "${AS_PG[@]}" mkdir -m 0700 "$aside"
        if ! { find "$PGDATA" -mindepth 1 -maxdepth 1 ! -path "$new" ! -path "$aside" ! -name '.before-pitr-*' -exec mv -t "$aside" {} + \
            && find "$new" -mindepth 1 -maxdepth 1 -exec mv -t "$PGDATA" {} + && rmdir "$new"; }; then
            die 4 "the swap inside $PGDATA failed: the old contents are in $aside, the restored ones in $new"
        fi
    else
        mv "$PGDATA" "$aside" || die 4 "could not move $PGDATA aside"
        if ! mv "$new" "$PGDATA"; then mv "$aside" "$PGDATA"; die 4 "could not move the restored cluster into place; the old one is back"; fi
    fi
    log "starting the restored server"
    if [[ -n ${PITR_START:-} ]]; then bash -c "$PITR_START"; else "${AS_PG[@]}" "$PG_CTL" -D "$PGDATA" -l "$PGDATA/postgresql.log" -w start >/dev/null; fi
}

main "$@"
