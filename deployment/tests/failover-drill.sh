#!/usr/bin/env bash
# Failover drill (make failover-drill, and part of make test-deployment): proves that Guichet
# survives the loss of its PostgreSQL primary without losing an acknowledged ticket and without
# a restart of the backend.
#
# 1. a scratch primary and a streaming replica (pg_basebackup -R), each with its own data
#    directory and port, run as postgres; replication is synchronous (synchronous_standby_names
#    = '*'), as CloudNativePG's `synchronous` or Patroni's synchronous_mode set it, so a commit is
#    acknowledged only once the replica has it;
# 2. the backend jar with the JDBC multi-host URL
#    jdbc:postgresql://primary,replica/guichet?targetServerType=primary;
# 3. a write load creates tickets through the API; midway the primary is killed (immediate stop)
#    and the replica promoted (pg_ctl promote), as an operator or Patroni would;
# 4. afterwards every ticket answered 201 is on the new primary, tickets were created again after
#    the promotion (the backend recovered on its own), and the backend process is the same.
# Needs root (runs the clusters as postgres), PostgreSQL server binaries, Java and the backend jar.
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GUICHET_JAR=${GUICHET_JAR:-$REPO_DIR/backend/target/guichet-backend.jar}
PG_BINDIR=${PG_BINDIR:-$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")")}
WORK="$(mktemp -d /tmp/guichet-failover.XXXXXX)"
ADMIN_EMAIL=admin@guichet.test
ADMIN_PASSWORD="Failover-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"
JWT_SECRET=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 64)
BACKEND_PID=''
LOAD_SECONDS_BEFORE=${LOAD_SECONDS_BEFORE:-6}
LOAD_SECONDS_AFTER=${LOAD_SECONDS_AFTER:-12}
export JWT_SECRET BACKEND_PID
unset DATABASE_URL DATASOURCES_DEFAULT_URL

main() {
    at_exit cleanup
    if [[ $(id -u) -ne 0 ]]; then skip "failover drill" "needs root to run the scratch clusters as postgres"; return; fi
    [[ -x $PG_BINDIR/pg_basebackup ]] || { fail "PostgreSQL server binaries" "no pg_basebackup in $PG_BINDIR"; return; }
    find_java || return
    [[ -f $GUICHET_JAR ]] || { fail "failover drill: the backend jar exists" "$GUICHET_JAR is missing: make build"; return; }
    chown postgres "$WORK"
    start_primary_and_replica || return
    # start_backend builds jdbc:postgresql://$PGHOST:$PGPORT/$BACKEND_DB: here a multi-host URL.
    PGHOST="127.0.0.1:$PRIMARY_PORT,127.0.0.1" PGPORT=$REPLICA_PORT PGUSER=postgres \
        BACKEND_DB="guichet?targetServerType=primary&connectTimeout=3&socketTimeout=30" start_backend "failover drill, multi-host URL" || return
    local pid_before=$BACKEND_PID
    log_in || return
    write_load &
    local load=$!
    sleep "$LOAD_SECONDS_BEFORE"
    fail_over
    wait "$load"
    check_acknowledged_writes "$pid_before"
    stop_backend
}

cleanup() {
    stop_backend
    local dir
    for dir in "$WORK/primary" "$WORK/replica"; do
        [[ -f $dir/postmaster.pid ]] && as_pg "$PG_BINDIR/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1
    done
    if [[ $FAILED -gt 0 && -f $WORK/backend.log ]]; then echo "---- last lines of the backend log"; tail -n 30 "$WORK/backend.log"; fi
    rm -rf "$WORK"
}

as_pg() { (cd "$WORK" && runuser -u postgres -- "$@"); }

start_primary_and_replica() {
    PRIMARY_PORT=$(free_port)
    REPLICA_PORT=$(free_port)
    as_pg "$PG_BINDIR/initdb" -D "$WORK/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
        || { fail "initdb of the scratch primary"; return 1; }
    cat >> "$WORK/primary/postgresql.conf" <<EOF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 5
hot_standby = on
synchronous_commit = on
fsync = off
EOF
    echo "host replication all 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
    as_pg "$PG_BINDIR/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null \
        || { fail "the scratch primary starts" "$(tail "$WORK/primary.log")"; return 1; }
    as_pg "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" guichet
    as_pg "$PG_BINDIR/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/replica" -R -X stream -c fast >/dev/null 2>&1 \
        || { fail "pg_basebackup clones the primary"; return 1; }
    # Once promoted, the replica has no standby of its own: it must not wait for one.
    printf "port = %s\nsynchronous_standby_names = ''\n" "$REPLICA_PORT" >> "$WORK/replica/postgresql.conf"
    as_pg "$PG_BINDIR/pg_ctl" -D "$WORK/replica" -l "$WORK/replica.log" -w start >/dev/null \
        || { fail "the streaming replica starts" "$(tail "$WORK/replica.log")"; return 1; }
    psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres \
        -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
    local state=''
    for _ in $(seq 1 30); do
        state=$(psql -X -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "SELECT sync_state FROM pg_stat_replication" 2>/dev/null)
        [[ $state == sync ]] && break
        sleep 0.5
    done
    [[ $state == sync ]]
    verdict "primary on $PRIMARY_PORT, synchronous streaming replica on $REPLICA_PORT" "sync_state=$state"
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" 2>/dev/null; }

log_in() {
    local response
    response=$(curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/login")
    TOKEN=$(json_field access_token <<< "$response")
    [[ -n $TOKEN ]] || { fail "failover drill: the administrator logs in" "$response"; return 1; }
}

# Creates tickets one after the other until $WORK/stop exists; one line per request in
# $WORK/load.txt: "<HTTP status> <title> <epoch ms>".
write_load() {
    local n=0 status
    while [[ ! -f $WORK/stop ]]; do
        n=$((n + 1))
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -X POST -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: application/json' -d "{\"title\":\"Bascule #$n\",\"description\":\"Charge d'écriture pendant la bascule.\"}" \
            "$BASE/api/v1/tickets")
        echo "$status Bascule #$n $(date +%s%3N)" >> "$WORK/load.txt"
    done
}

fail_over() {
    as_pg "$PG_BINDIR/pg_ctl" -D "$WORK/primary" -m immediate -w stop >/dev/null
    date +%s%3N > "$WORK/promoted-at"
    if as_pg "$PG_BINDIR/pg_ctl" -D "$WORK/replica" -w promote >/dev/null; then
        pass "primary killed, replica promoted while tickets were being written"
    else
        fail "the replica is promoted" "$(tail "$WORK/replica.log")"
    fi
    sleep "$LOAD_SECONDS_AFTER"
    touch "$WORK/stop"
}

check_acknowledged_writes() {
    local pid_before=$1 acked before after missing promoted
    promoted=$(cat "$WORK/promoted-at")
    acked=$(awk '$1 == 201 { print $2 " " $3 }' "$WORK/load.txt" | sort)
    before=$(awk -v t="$promoted" '$1 == 201 && $4 < t' "$WORK/load.txt" | wc -l)
    after=$(awk -v t="$promoted" '$1 == 201 && $4 > t' "$WORK/load.txt" | wc -l)
    psql -X -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d guichet -c "SELECT title FROM tickets WHERE title LIKE 'Bascule #%'" \
        | sort > "$WORK/present.txt"
    missing=$(comm -23 <(printf '%s\n' "$acked") "$WORK/present.txt")
    [[ $before -gt 0 && -z $missing ]]
    verdict "every acknowledged ticket (201) is on the new primary ($before before, $after after the promotion)" \
        "missing: $missing; statuses: $(cut -d' ' -f1 "$WORK/load.txt" | sort | uniq -c | tr '\n' ' ')"
    [[ $after -gt 0 ]]
    verdict "the backend writes again after the promotion, without a restart" "$(tail -n 5 "$WORK/load.txt")"
    [[ $BACKEND_PID == "$pid_before" ]] && kill -0 "$BACKEND_PID" 2>/dev/null \
        && [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/readiness") == 200 ]]
    verdict "the same backend process is ready on the new primary"
}

main
