#!/usr/bin/env bash
# Guichet — restores a dump made by backup.sh (pg_dump -Fc) into the configured database.
#
# Usage: deployment/restore.sh [--yes] [--terminate-sessions] FILE
#        make restore FILE=backups/daily/guichet-20260101-023000.dump CONFIRM=yes
#
# Steps: check FILE with pg_restore --list → create the database if it does not exist →
# refuse a database that already holds tables unless --yes → refuse while another session
# (the backend) is connected to it, unless --terminate-sessions → in ONE transaction, drop the
# schema `public` (tables, sequences, the unaccent extension: everything Guichet owns),
# recreate it, replay the dump (pg_restore --no-owner piped into psql with ON_ERROR_STOP) and
# mark the mails that were waiting in the dump HELD (lib/hold-outbox.sql: they were most likely
# delivered since; an admin releases or discards them on the outbox page) → print the row
# count of every table.
# Why one psql transaction rather than `pg_restore --clean`: --clean only drops what the dump
# contains, so a table added by a later migration would survive the restore; here either
# the whole restore commits or nothing in the database changes.
# Stop the backend first (systemctl stop guichet-backend / docker compose stop backend /
# kubectl scale deployment guichet-backend --replicas=0): a connected backend makes the restore
# refuse (exit 5). --terminate-sessions ends those sessions instead (pg_terminate_backend), for a
# backend that is already gone but left sessions behind; a running backend would reconnect and
# wait on the restore's locks, or make it give up after LOCK_TIMEOUT (30s).
#
# Settings: DATABASE_URL, or PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE, or the backend's
# DATASOURCES_DEFAULT_*, possibly from GUICHET_ENV_FILE (see deployment/lib/common.sh);
# LOCK_TIMEOUT (default 30s).
# The pg_restore used must be at least as new as the pg_dump that wrote FILE; with Docker
# Compose, run it inside the backup container (PostgreSQL 16 tools, settings already there):
#   docker compose run --rm --entrypoint /opt/guichet/deployment/restore.sh backup --yes /backups/daily/FILE
# Exit status: 0 restored; 1 usage, settings or missing tool; 2 refused: the database is not
# empty and --yes was not given; 3 FILE is not a readable dump (nothing touched);
# 4 the restore failed and was rolled back (nothing changed); 5 refused: other sessions (the
# backend?) are connected to the database and --terminate-sessions was not given.
set -Eeuo pipefail

DEPLOYMENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$DEPLOYMENT_DIR/lib/common.sh"

LOCK_TIMEOUT=${LOCK_TIMEOUT:-30s}
ASSUME_YES=false
TERMINATE_SESSIONS=false
DUMP_FILE=

main() {
    parse_arguments "$@"
    require_tools psql pg_restore
    load_pg_settings
    check_dump
    ensure_database_exists
    refuse_non_empty_database_without_yes
    refuse_while_other_sessions_are_connected
    replace_schema_from_dump
    print_row_counts
    log "restore complete: $(describe_target) now holds $DUMP_FILE"
    report_held_mails
}

usage() {
    echo "usage: $0 [--yes] [--terminate-sessions] FILE    (FILE: a dump made by deployment/backup.sh)" >&2
    exit 1
}

parse_arguments() {
    while [[ $# -gt 0 ]]; do
        case $1 in
            -y|--yes) ASSUME_YES=true ;;
            --terminate-sessions) TERMINATE_SESSIONS=true ;;
            -h|--help) usage ;;
            -*) echo "unknown option: $1" >&2; usage ;;
            *) [[ -z $DUMP_FILE ]] || usage; DUMP_FILE=$1 ;;
        esac
        shift
    done
    [[ -n $DUMP_FILE ]] || usage
}

check_dump() {
    [[ -f $DUMP_FILE && -r $DUMP_FILE ]] || die 3 "$DUMP_FILE: no such readable file; nothing was touched"
    local listing
    listing=$(pg_restore --list "$DUMP_FILE" 2>&1) \
        || die 3 "$DUMP_FILE is not a usable pg_dump -Fc archive (${listing##*pg_restore: }); nothing was touched"
    log "dump $DUMP_FILE: $(grep -c ' TABLE DATA ' <<< "$listing" || true) tables"
}

# Runs SQL on the target database; -X ignores ~/.psqlrc so output stays machine-readable.
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

ensure_database_exists() {
    local exists
    exists=$(sql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '${PGDATABASE//\'/\'\'}'" 2>&1) \
        || die 1 "cannot connect to PostgreSQL to look for $(describe_target): $exists"
    if [[ $exists != 1 ]]; then
        log "creating the empty $(describe_target)"
        sql -d postgres -c "CREATE DATABASE \"${PGDATABASE//\"/\"\"}\"" \
            || die 1 "cannot create $(describe_target) (the user needs CREATEDB, or create it first)"
    fi
}

refuse_non_empty_database_without_yes() {
    local tables
    tables=$(sql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND n.nspname NOT LIKE 'pg\_toast%'") \
        || die 1 "cannot connect to $(describe_target)"
    if [[ $tables -gt 0 ]]; then
        if ! $ASSUME_YES; then
            die 2 "$(describe_target) is not empty ($tables tables). Restoring REPLACES all its data with $DUMP_FILE. Stop the backend, then run again with --yes (make restore FILE=... CONFIRM=yes)."
        fi
        log "$(describe_target) holds $tables tables: replacing them (--yes given)"
    fi
}

# Client sessions on the target database other than this script's own: a running backend.
other_sessions() {
    sql -c "SELECT coalesce(string_agg(format('pid %s (%s, from %s)', pid, coalesce(nullif(application_name, ''), 'unnamed'),
                                              coalesce(client_addr::text, 'local socket')), '; '), '')
              FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
}

refuse_while_other_sessions_are_connected() {
    local sessions
    sessions=$(other_sessions) || die 1 "cannot list the sessions of $(describe_target)"
    [[ -n $sessions ]] || return 0
    if ! $TERMINATE_SESSIONS; then
        die 5 "other sessions are connected to $(describe_target): $sessions. Stop the backend first (systemctl stop guichet-backend / docker compose stop backend / kubectl scale deployment guichet-backend --replicas=0), then run again; --terminate-sessions ends them instead. Nothing was touched."
    fi
    warn "ending the other sessions of $(describe_target) (--terminate-sessions): $sessions"
    sql -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'" >/dev/null \
        || die 1 "cannot end the other sessions of $(describe_target) (the user needs pg_signal_backend or to own them)"
}

replace_schema_from_dump() {
    log "restoring $DUMP_FILE into $(describe_target) in one transaction"
    local output
    if ! output=$(dump_as_one_transaction | psql -X -q -v ON_ERROR_STOP=1 2>&1 >/dev/null); then
        die 4 "the restore failed and was rolled back; $(describe_target) is unchanged. ${output:0:2000}"
    fi
    [[ -z $output ]] || grep -v '^NOTICE' <<< "$output" >&2 || true
}

# The SQL stream: the COMMIT is written only if pg_restore read the whole dump, so a dump
# that breaks half way ends the session without COMMIT and PostgreSQL rolls everything back.
dump_as_one_transaction() {
    cat <<SQL
BEGIN;
SET lock_timeout = '$LOCK_TIMEOUT';
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS public CASCADE;
CREATE SCHEMA public;
ALTER SCHEMA public OWNER TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
SQL
    pg_restore --no-owner --no-privileges --file=- "$DUMP_FILE" || return 1
    # Mails waiting in the dump are held for an admin's decision rather than sent a second time.
    cat "$DEPLOYMENT_DIR/lib/hold-outbox.sql" || return 1
    echo "COMMIT;"
}

report_held_mails() {
    local held
    held=$(sql -c "SELECT count(*) FROM public.mail_outbox WHERE status = 'HELD'" 2>/dev/null) || return 0
    [[ $held == 0 ]] || log "$held mail(s) that were waiting in the dump are HELD: release or discard them on the outbox page (Administration → Outbox) once the backend is back"
}

print_row_counts() {
    local query
    query=$(sql -c "SELECT string_agg(format('SELECT %L AS table_name, count(*) AS rows FROM public.%I', tablename, tablename),
                                      ' UNION ALL ' ORDER BY tablename)
                    FROM pg_tables WHERE schemaname = 'public'")
    if [[ -z $query ]]; then
        log "the restored database holds no table"
        return
    fi
    log "rows per table after the restore:"
    psql -X -q -v ON_ERROR_STOP=1 -c "$query ORDER BY 1"
}

main "$@"
