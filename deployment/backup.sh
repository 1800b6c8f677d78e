#!/usr/bin/env bash
# Guichet — backs up the whole helpdesk (everything, attachments included, is in PostgreSQL).
#
# Usage: deployment/backup.sh            (make backup; the backup container; guichet-backup.service)
#
# Steps: dump with pg_dump -Fc into a temporary file → check it with pg_restore --list →
# move it atomically into daily/ → link it into weekly/ on Sundays, or when weekly/ holds
# nothing newer than 7 days → keep the newest KEEP_DAILY daily and KEEP_WEEKLY weekly dumps.
# A failed run leaves no partial file and removes nothing.
#
# Settings (environment):
#   BACKUP_DIR    where daily/ and weekly/ live (default ./backups)
#   KEEP_DAILY    daily dumps kept (default 7)
#   KEEP_WEEKLY   weekly dumps kept (default 4)
#   DATABASE_URL, or PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE, or the backend's
#   DATASOURCES_DEFAULT_URL/USERNAME/PASSWORD, possibly read from GUICHET_ENV_FILE
#   (e.g. /etc/guichet/guichet.env) — see deployment/lib/common.sh
# Output: the path of the new dump on the last line of stdout; progress on stdout, errors on stderr.
# Exit status: 0 done; 1 bad settings or missing tool; 2 pg_dump failed; 3 the dump does not
# read back; 4 the dump could not be stored or rotated.
set -Eeuo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$DEPLOYMENT_DIR/lib/common.sh"

BACKUP_DIR=${BACKUP_DIR:-./backups}
KEEP_DAILY=${KEEP_DAILY:-7}
KEEP_WEEKLY=${KEEP_WEEKLY:-4}

main() {
    check_settings
    prepare_directories
    take_lock
    dump_database
    verify_dump
    store_daily
    store_weekly_if_due
    rotate "$BACKUP_DIR/daily" "$KEEP_DAILY"
    rotate "$BACKUP_DIR/weekly" "$KEEP_WEEKLY"
    log "backup complete: $DAILY_FILE ($(du -h "$DAILY_FILE" | cut -f1))"
    echo "$DAILY_FILE"
}

check_settings() {
    require_tools pg_dump pg_restore
    load_pg_settings
    [[ $KEEP_DAILY =~ ^[1-9][0-9]*$ ]] || die 1 "KEEP_DAILY must be a positive number, not '$KEEP_DAILY'"
    [[ $KEEP_WEEKLY =~ ^[0-9]+$ ]] || die 1 "KEEP_WEEKLY must be a number, not '$KEEP_WEEKLY'"
    STAMP=$(date -u +%Y%m%d-%H%M%S)
    NAME="$PGDATABASE-$STAMP.dump"
}

prepare_directories() {
    mkdir -p "$BACKUP_DIR/daily" "$BACKUP_DIR/weekly" \
        || die 4 "cannot create $BACKUP_DIR/daily and $BACKUP_DIR/weekly"
    BACKUP_DIR="$(cd "$BACKUP_DIR" && pwd)"
    # Same file system as daily/, so the final mv is an atomic rename.
    TMP_FILE="$(mktemp "$BACKUP_DIR/.in-progress-XXXXXX")" || die 4 "cannot write into $BACKUP_DIR"
    trap 'rm -f "$TMP_FILE"' EXIT
}

# Two backups at once (a manual one during the nightly one) would race on rotation.
take_lock() {
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$BACKUP_DIR/.lock"
        flock -n 9 || die 4 "another backup is running (lock $BACKUP_DIR/.lock)"
    fi
}

dump_database() {
    log "dumping $(describe_target)"
    pg_dump --format=custom --file="$TMP_FILE" \
        || die 2 "pg_dump of $(describe_target) failed (see the message above); nothing was stored"
}

verify_dump() {
    local entries
    entries=$(pg_restore --list "$TMP_FILE" 2>&1) \
        || die 3 "the new dump does not read back with pg_restore --list: $entries"
    grep -q ' TABLE ' <<< "$entries" || warn "the dump holds no table: is $(describe_target) the right database?"
}

store_daily() {
    DAILY_FILE="$BACKUP_DIR/daily/$NAME"
    sync "$TMP_FILE" 2>/dev/null || true
    chmod 600 "$TMP_FILE"
    mv -f "$TMP_FILE" "$DAILY_FILE" || die 4 "cannot move the dump to $DAILY_FILE"
}

store_weekly_if_due() {
    local recent
    recent=$(find "$BACKUP_DIR/weekly" -maxdepth 1 -type f -name '*.dump' -mtime -7 | head -n 1)
    if [[ $(date -u +%u) == 7 || -z $recent ]]; then
        ln -f "$DAILY_FILE" "$BACKUP_DIR/weekly/$NAME" 2>/dev/null \
            || cp -p "$DAILY_FILE" "$BACKUP_DIR/weekly/$NAME" \
            || die 4 "cannot copy the dump into $BACKUP_DIR/weekly"
        log "weekly copy: $BACKUP_DIR/weekly/$NAME"
    fi
}

# Keeps the newest $2 dumps of directory $1; names sort by date (DB-YYYYMMDD-HHMMSS.dump).
rotate() {
    local dir=$1 keep=$2 old
    while IFS= read -r old; do
        [[ -n $old ]] || continue
        rm -f -- "$old" || die 4 "cannot remove $old during rotation"
        log "rotated out: $old"
    done < <(find "$dir" -maxdepth 1 -type f -name '*.dump' -printf '%f\n' | sort -r \
                 | tail -n +"$((keep + 1))" | sed "s|^|$dir/|")
}

main "$@"
