#!/usr/bin/env bash
# Tests deployment/backup.sh and deployment/restore.sh against a real PostgreSQL, on scratch
# databases named guichet_bt_<pid>_* that it drops at the end.
#
# Inputs: PGHOST (default 127.0.0.1), PGPORT, PGUSER (default postgres), PGPASSWORD — a role
# that may create databases. Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
unset DATABASE_URL DATASOURCES_DEFAULT_URL
PREFIX="guichet_bt_$$"
SRC="${PREFIX}_src" DST="${PREFIX}_dst" NEW="${PREFIX}_new" OWNED="${PREFIX}_owned" OWNER="${PREFIX}_owner"
MAIL_SRC="${PREFIX}_mailsrc" MAIL_DST="${PREFIX}_maildst"
SESSION_PID=
WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1 \
        || { fail "PostgreSQL reachable at $PGHOST as $PGUSER"; return; }
    create_source_database
    test_backup_produces_a_readable_dump
    test_rotation_keeps_7_daily_and_4_weekly
    test_failed_backup_leaves_nothing_behind
    test_settings_from_the_backend_environment_file
    test_backup_loop_runs_and_stops_on_sigterm
    test_restore_refuses_a_non_empty_database_without_yes
    test_restore_into_a_missing_database
    test_restore_replaces_an_existing_database
    test_restore_as_the_database_owner_without_superuser_rights
    test_corrupt_dump_is_refused_and_target_untouched
    test_truncated_dump_is_rolled_back
    test_restore_holds_the_mails_waiting_in_the_dump
    test_restore_refuses_while_a_backend_is_connected
}

cleanup() {
    local db
    [[ -n $SESSION_PID ]] && kill "$SESSION_PID" 2>/dev/null
    for db in "$SRC" "$DST" "$NEW" "$OWNED" "$MAIL_SRC" "$MAIL_DST"; do
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1
    done
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS \"$OWNER\"" >/dev/null 2>&1
    rm -rf "$WORK"
}

sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# Looks like Guichet's schema in the ways that matter to a dump: an extension, accents,
# binary attachments, sequences, a foreign key, a flyway history table.
create_source_database() {
    sql -d postgres -c "CREATE DATABASE \"$SRC\""
    sql -d "$SRC" <<'SQL'
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text, success boolean);
INSERT INTO flyway_schema_history VALUES (1, '1', true), (2, '2', true);
CREATE TABLE ticket (id bigserial PRIMARY KEY, title text NOT NULL, title_search text);
INSERT INTO ticket (title, title_search)
SELECT 'Écran noir n°' || i, unaccent('Écran noir n°' || i) FROM generate_series(1, 200) i;
CREATE TABLE attachment (id bigserial PRIMARY KEY, ticket_id bigint REFERENCES ticket(id), content bytea);
INSERT INTO attachment (ticket_id, content)
SELECT i, decode(md5(i::text) || md5((i * 7)::text), 'hex') FROM generate_series(1, 50) i;
SQL
}

backup_into() { BACKUP_DIR=$1 PGDATABASE=$SRC "$DEPLOYMENT_DIR/backup.sh"; }

test_backup_produces_a_readable_dump() {
    local out dump
    if ! out=$(backup_into "$WORK/b1" 2>&1); then fail "backup.sh succeeds" "$out"; return; fi
    dump=$(tail -n 1 <<< "$out")
    DUMP=$dump
    if [[ -f $dump && $dump == "$WORK/b1/daily/"*.dump ]] && pg_restore --list "$dump" | grep -q 'TABLE DATA public attachment'; then
        pass "backup.sh writes a dump into daily/ that pg_restore --list reads"
    else
        fail "backup.sh writes a dump into daily/ that pg_restore --list reads" "$out"
    fi
    if [[ $(find "$WORK/b1/weekly" -name '*.dump' | wc -l) -eq 1 ]]; then
        pass "the first backup also lands in weekly/ (none there yet)"
    else
        fail "the first backup also lands in weekly/ (none there yet)" "$(ls -lR "$WORK/b1")"
    fi
    if [[ -z $(find "$WORK/b1" -name '.in-progress-*') ]]; then pass "no temporary file left after a backup"; else fail "no temporary file left after a backup"; fi
}

test_rotation_keeps_7_daily_and_4_weekly() {
    local dir=$WORK/rot i out
    mkdir -p "$dir/daily" "$dir/weekly"
    for i in 01 02 03 04 05 06 07 08 09 10; do
        echo fake > "$dir/daily/$SRC-202001$i-023000.dump"
    done
    for i in 01 08 15 22 29; do
        echo fake > "$dir/weekly/$SRC-202001$i-023000.dump"
        touch -d '2020-01-29' "$dir/weekly/$SRC-202001$i-023000.dump"
    done
    echo keep > "$dir/daily/notes.txt"
    if ! out=$(backup_into "$dir" 2>&1); then fail "backup with old dumps present" "$out"; return; fi
    local new daily weekly
    new=$(basename "$(tail -n 1 <<< "$out")")
    daily=$(find "$dir/daily" -name '*.dump' -printf '%f\n' | sort)
    weekly=$(find "$dir/weekly" -name '*.dump' -printf '%f\n' | sort)
    if [[ $(wc -l <<< "$daily") -eq 7 && $(head -n 1 <<< "$daily") == "$SRC-20200105-023000.dump" && $daily == *"$new"* ]]; then
        pass "rotation keeps exactly the 7 newest daily dumps"
    else
        fail "rotation keeps exactly the 7 newest daily dumps" "$daily"
    fi
    # weekly/ held nothing newer than 7 days, so today's dump joins it: 6 files, keep 4.
    if [[ $(wc -l <<< "$weekly") -eq 4 && $(head -n 1 <<< "$weekly") == "$SRC-20200115-023000.dump" && $weekly == *"$new"* ]]; then
        pass "rotation keeps exactly the 4 newest weekly dumps"
    else
        fail "rotation keeps exactly the 4 newest weekly dumps" "$weekly"
    fi
    if [[ -f $dir/daily/notes.txt ]]; then pass "rotation touches only *.dump files"; else fail "rotation touches only *.dump files"; fi
}

test_failed_backup_leaves_nothing_behind() {
    local dir=$WORK/bad out rc=0
    out=$(BACKUP_DIR=$dir PGDATABASE="${PREFIX}_absent" "$DEPLOYMENT_DIR/backup.sh" 2>&1) || rc=$?
    if [[ $rc -eq 2 && $out == *"pg_dump of database ${PREFIX}_absent"*failed* && -z $(find "$dir" -type f -name '*dump*') ]]; then
        pass "a failing pg_dump exits 2 with a clear message and stores nothing"
    else
        fail "a failing pg_dump exits 2 with a clear message and stores nothing" "rc=$rc $out"
    fi
}

# The systemd host's way: the backend's guichet.env (JDBC URL) names the database.
test_settings_from_the_backend_environment_file() {
    local out
    printf '%s\n' "# as in /etc/guichet/guichet.env" "DATASOURCES_DEFAULT_URL=jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$SRC" \
        "SMTP_FROM=Guichet <guichet@example.org>" > "$WORK/guichet.env"
    out=$(env -u PGDATABASE GUICHET_ENV_FILE="$WORK/guichet.env" BACKUP_DIR="$WORK/envfile" "$DEPLOYMENT_DIR/backup.sh" 2>&1)
    [[ $? -eq 0 && $(tail -n 1 <<< "$out") == "$WORK/envfile/daily/$SRC-"*.dump ]]
    verdict "backup.sh finds the database in the backend's environment file (GUICHET_ENV_FILE)" "$out"
}

# The backup container's scheduler: a backup at start, then asleep until BACKUP_TIME;
# SIGTERM (docker compose stop) ends it at once with status 0.
test_backup_loop_runs_and_stops_on_sigterm() {
    local pid rc=0 waited=0
    BACKUP_DIR=$WORK/loop PGDATABASE=$SRC BACKUP_ON_START=true BACKUP_TIME=$(date -d '+2 hours' +%H:%M) \
        "$DEPLOYMENT_DIR/backup-loop.sh" > "$WORK/loop.log" 2>&1 &
    pid=$!
    while ! grep -qs 'next backup at' "$WORK/loop.log" && (( waited < 100 )); do sleep 0.2; waited=$((waited + 1)); done
    kill -TERM "$pid"
    wait "$pid" || rc=$?
    [[ $rc -eq 0 && -n $(find "$WORK/loop/daily" -name "$SRC-*.dump" 2>/dev/null) ]] && grep -q 'backup succeeded' "$WORK/loop.log"
    verdict "backup-loop.sh backs up at start, then stops cleanly on SIGTERM" "rc=$rc $(cat "$WORK/loop.log")"
    rc=0
    BACKUP_TIME=25:00 "$DEPLOYMENT_DIR/backup-loop.sh" > "$WORK/loop-bad.log" 2>&1 || rc=$?
    [[ $rc -eq 1 ]] && grep -q 'BACKUP_TIME must be HH:MM' "$WORK/loop-bad.log"
    verdict "backup-loop.sh refuses an invalid BACKUP_TIME" "rc=$rc $(cat "$WORK/loop-bad.log")"
}

restore() { PGDATABASE=$1 "$DEPLOYMENT_DIR/restore.sh" "${@:2}"; }

test_restore_refuses_a_non_empty_database_without_yes() {
    sql -d postgres -c "CREATE DATABASE \"$DST\""
    sql -d "$DST" -c "CREATE TABLE precious (v text); INSERT INTO precious VALUES ('à garder')"
    local out rc=0
    out=$(restore "$DST" "$DUMP" 2>&1) || rc=$?
    if [[ $rc -eq 2 && $out == *"not empty"*"--yes"* && $(sql -d "$DST" -c 'SELECT v FROM precious') == 'à garder' ]]; then
        pass "restore.sh refuses a non-empty database without --yes and leaves it untouched"
    else
        fail "restore.sh refuses a non-empty database without --yes and leaves it untouched" "rc=$rc $out"
    fi
}

test_restore_into_a_missing_database() {
    local out
    if out=$(restore "$NEW" "$DUMP" 2>&1) && [[ "$(db_fingerprint "$NEW")" == "$(db_fingerprint "$SRC")" ]]; then
        pass "restore.sh creates a missing database and restores it identical to the source"
    else
        fail "restore.sh creates a missing database and restores it identical to the source" "$out"
    fi
    if [[ $out == *attachment*50* && $out == *ticket*200* ]]; then pass "restore.sh prints the row counts"; else fail "restore.sh prints the row counts" "$out"; fi
    if [[ $(sql -d "$NEW" -c "SELECT unaccent('Élève')") == Eleve ]]; then pass "the unaccent extension comes back with the restore"; else fail "the unaccent extension comes back with the restore"; fi
}

test_restore_replaces_an_existing_database() {
    local out
    sql -d "$DST" -c "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE TABLE ticket (id int); INSERT INTO ticket VALUES (999)"
    if out=$(restore "$DST" --yes "$DUMP" 2>&1) && [[ "$(db_fingerprint "$DST")" == "$(db_fingerprint "$SRC")" ]]; then
        pass "restore.sh --yes replaces an existing database, leftover tables included"
    else
        fail "restore.sh --yes replaces an existing database, leftover tables included" "$out
$(db_fingerprint "$DST")"
    fi
    # A second restore over the restored database: nothing in the dump may clash with what
    # the first restore created (schema public, the extension).
    if out=$(restore "$DST" --yes "$DUMP" 2>&1) && [[ "$(db_fingerprint "$DST")" == "$(db_fingerprint "$SRC")" ]]; then
        pass "restoring twice in a row gives the same database"
    else
        fail "restoring twice in a row gives the same database" "$out"
    fi
    local dump2
    if dump2=$(BACKUP_DIR=$WORK/b2 PGDATABASE=$DST "$DEPLOYMENT_DIR/backup.sh" 2>/dev/null | tail -n 1) \
        && out=$(restore "$DST" --yes "$dump2" 2>&1) && [[ "$(db_fingerprint "$DST")" == "$(db_fingerprint "$SRC")" ]]; then
        pass "a dump of a restored database restores again"
    else
        fail "a dump of a restored database restores again" "$out"
    fi
}

# The systemd install restores as `guichet`, owner of its database but no superuser: dropping
# and recreating schema public and the (trusted) unaccent extension must work for it.
test_restore_as_the_database_owner_without_superuser_rights() {
    local out
    sql -d postgres -c "CREATE ROLE \"$OWNER\" LOGIN NOSUPERUSER NOCREATEDB" -c "CREATE DATABASE \"$OWNED\" OWNER \"$OWNER\""
    sql -d "$OWNED" -c "SET ROLE \"$OWNER\"; CREATE TABLE old_data (v int); INSERT INTO old_data VALUES (1)"
    if out=$(PGUSER=$OWNER restore "$OWNED" --yes "$DUMP" 2>&1) && [[ "$(db_fingerprint "$OWNED")" == "$(db_fingerprint "$SRC")" ]]; then
        pass "the database owner (no superuser) restores over its own database"
    else
        fail "the database owner (no superuser) restores over its own database" "$out"
    fi
    [[ $(sql -d "$OWNED" -c "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'public'") == pg_database_owner ]]
    verdict "after a restore, schema public belongs to pg_database_owner again (PostgreSQL's default)"
}

test_corrupt_dump_is_refused_and_target_untouched() {
    local corrupt=$WORK/corrupt.dump before out rc=0
    head -c 20000 /dev/urandom > "$corrupt"
    before=$(db_fingerprint "$DST")
    out=$(restore "$DST" --yes "$corrupt" 2>&1) || rc=$?
    if [[ $rc -eq 3 && $out == *"not a usable pg_dump"* && "$(db_fingerprint "$DST")" == "$before" ]]; then
        pass "a corrupt dump is refused (exit 3, clear message) and the target is untouched"
    else
        fail "a corrupt dump is refused (exit 3, clear message) and the target is untouched" "rc=$rc $out"
    fi
    rc=0
    out=$(restore "$DST" --yes "$WORK/does-not-exist.dump" 2>&1) || rc=$?
    if [[ $rc -eq 3 && $out == *"no such readable file"* ]]; then pass "a missing dump file is refused"; else fail "a missing dump file is refused" "rc=$rc $out"; fi
}

# The table of contents survives but the data stops half way: pg_restore --list accepts it,
# the replay breaks, and the single transaction must undo the schema drop.
test_truncated_dump_is_rolled_back() {
    local truncated=$WORK/truncated.dump before out rc=0 size
    size=$(stat -c %s "$DUMP")
    head -c $((size * 2 / 3)) "$DUMP" > "$truncated"
    sql -d "$DST" -c "INSERT INTO ticket (title) VALUES ('after the backup')"
    before=$(db_fingerprint "$DST")
    out=$(restore "$DST" --yes "$truncated" 2>&1) || rc=$?
    if [[ ($rc -eq 3 || $rc -eq 4) && "$(db_fingerprint "$DST")" == "$before" ]]; then
        pass "a truncated dump fails (exit $rc) and the target is exactly as before"
    else
        fail "a truncated dump fails and the target is exactly as before" "rc=$rc $out"
    fi
}

# An outbox as migration V2 made it (no HELD yet), with mails in every state (docs/notifications.md,
# "Watching it": HELD after a restore).
test_restore_holds_the_mails_waiting_in_the_dump() {
    sql -d postgres -c "CREATE DATABASE \"$MAIL_SRC\""
    sql -d "$MAIL_SRC" <<'SQL'
CREATE TABLE mail_outbox (
    id bigserial PRIMARY KEY,
    status varchar(8) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    lease_until timestamptz,
    CHECK (status <> 'SENDING' OR lease_until IS NOT NULL));
INSERT INTO mail_outbox (status, lease_until) VALUES ('PENDING', NULL), ('SENDING', now()), ('SENT', NULL), ('FAILED', NULL);
SQL
    local out statuses
    MAIL_DUMP=$(BACKUP_DIR=$WORK/mail PGDATABASE=$MAIL_SRC "$DEPLOYMENT_DIR/backup.sh" 2>/dev/null | tail -n 1)
    out=$(restore "$MAIL_DST" "$MAIL_DUMP" 2>&1)
    statuses=$(sql -d "$MAIL_DST" -c "SELECT string_agg(status || ':' || (lease_until IS NULL), ',' ORDER BY id) FROM mail_outbox")
    [[ $statuses == "HELD:true,HELD:true,SENT:true,FAILED:true" && $out == *"2 mail(s)"*HELD* ]]
    verdict "restore.sh holds the mails that were waiting in the dump (PENDING, SENDING → HELD), keeps the others" "$statuses $out"
}

test_restore_refuses_while_a_backend_is_connected() {
    psql -X -q -d "$MAIL_DST" -c "SET application_name = 'guichet-backend-stand-in'; SELECT pg_sleep(120)" >/dev/null 2>&1 &
    SESSION_PID=$!
    for _ in $(seq 50); do
        [[ $(sql -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$MAIL_DST' AND application_name = 'guichet-backend-stand-in'") == 1 ]] && break
        sleep 0.1
    done
    sql -d "$MAIL_DST" -c "UPDATE mail_outbox SET status = 'SENT' WHERE id = 1"
    local out rc=0
    out=$(restore "$MAIL_DST" --yes "$MAIL_DUMP" 2>&1) || rc=$?
    [[ $rc -eq 5 && $out == *"other sessions are connected"*guichet-backend-stand-in*"Stop the backend"* \
        && $(sql -d "$MAIL_DST" -c "SELECT status FROM mail_outbox WHERE id = 1") == SENT ]]
    verdict "restore.sh refuses while another session (the backend) is connected, and touches nothing" "rc=$rc $out"
    rc=0
    out=$(restore "$MAIL_DST" --yes --terminate-sessions "$MAIL_DUMP" 2>&1) || rc=$?
    local ended=false
    for _ in $(seq 50); do kill -0 "$SESSION_PID" 2>/dev/null || { ended=true; break; }; sleep 0.1; done
    [[ $rc -eq 0 && $ended == true && $(sql -d "$MAIL_DST" -c "SELECT status FROM mail_outbox WHERE id = 1") == HELD ]]
    verdict "restore.sh --terminate-sessions ends the other sessions, then restores" "rc=$rc $out"
    wait "$SESSION_PID" 2>/dev/null
    SESSION_PID=
}

main
