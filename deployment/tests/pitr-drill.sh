#!/usr/bin/env bash
# Point-in-time recovery drill: proves that WAL archiving with pgBackRest brings Guichet back
# to any second after the oldest base backup, from an encrypted copy in S3-compatible storage.
#
# 1. starts s3proxy (a real S3 server, filesystem backend, HTTPS with a self-signed
#    certificate) and a scratch PostgreSQL cluster (own data directory and port, run as user
#    postgres) archiving to two encrypted pgBackRest repositories: repo1 a local directory,
#    repo2 a bucket of s3proxy;
# 2. runs the backend jar on it; creates tickets with an attachment through the API; takes a
#    full base backup into both repositories; creates more tickets, notes the time T and the
#    fingerprint (md5 of every row) of the ticket tables, creates more tickets again;
# 3. runs deployment/restore-pitr.sh with a target before the oldest backup and one after the
#    last archived WAL: both refused (exit 2), the target cluster left untouched;
# 4. runs deployment/restore-pitr.sh to T from the S3 repository into a second scratch
#    cluster: the ticket tables match the fingerprint taken at T byte for byte (attachment
#    bytes included), no ticket created after T is there;
# 5. encryption: a word only the tickets contain is found in the cluster's WAL but in no file
#    of either repository, and `pgbackrest info` without the passphrase fails.
# Needs: pgbackrest and PostgreSQL server binaries (pg_ctl, initdb), root (to run them as
# postgres), Java, Maven (fetches org.gaul:s3proxy once), openssl/keytool, the backend jar.
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GUICHET_JAR=${GUICHET_JAR:-$REPO_DIR/backend/target/guichet-backend.jar}
S3PROXY_VERSION=2.6.0
S3PROXY_JAR=${S3PROXY_JAR:-$HOME/.m2/repository/org/gaul/s3proxy/$S3PROXY_VERSION/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar}
PG_BINDIR=${PG_BINDIR:-$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")")}
WORK="$(mktemp -d /tmp/guichet-pitr.XXXXXX)"
WORD="Zorglub$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADMIN_EMAIL=admin@guichet.test
ADMIN_PASSWORD="Pitr-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"
JWT_SECRET=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 64)
CIPHER_PASS=$(head -c 32 /dev/urandom | base64)
S3_KEY=guichet S3_SECRET=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
BACKEND_PID='' S3_PID=''
export JWT_SECRET BACKEND_PID
TICKET_TABLES="tickets ticket_history comments attachments attachment_contents"
unset DATABASE_URL DATASOURCES_DEFAULT_URL

main() {
    at_exit cleanup
    if [[ $(id -u) -ne 0 ]]; then skip "PITR drill" "needs root to run the scratch clusters as postgres"; return; fi
    ensure_apt pgbackrest pgbackrest || { fail "pgbackrest is installed" "apt-get install pgbackrest failed"; return; }
    [[ -x $PG_BINDIR/initdb ]] || { fail "PostgreSQL server binaries" "no initdb in $PG_BINDIR"; return; }
    find_java || return
    [[ -f $GUICHET_JAR ]] || { fail "PITR drill: the backend jar exists" "$GUICHET_JAR is missing: make build"; return; }
    chown postgres "$WORK" && chmod 0700 "$WORK"
    start_s3proxy || return
    write_pgbackrest_conf
    start_primary || return
    stanza_create || return
    export PGHOST=127.0.0.1 PGPORT=$PRIMARY_PORT PGUSER=postgres BACKEND_DB=guichet
    as_pg "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" guichet
    start_backend "PITR drill, primary" || return
    log_in || return
    create_tickets "before the backup" 1 2 || return
    base_backup || return
    create_tickets "after the backup" 3 4 || return
    note_target_time || return
    create_tickets "after the target" 5 6 || return
    archive_now || return
    stop_backend
    refusals
    restore_to_target
    encryption
}

cleanup() {
    stop_backend
    local dir
    for dir in "$WORK"/restored "$WORK"/primary; do
        [[ -f $dir/postmaster.pid ]] && as_pg "$PG_BINDIR/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1
    done
    [[ -n $S3_PID ]] && kill "$S3_PID" 2>/dev/null && wait "$S3_PID" 2>/dev/null
    if [[ $FAILED -gt 0 && -f $WORK/backend.log ]]; then
        echo "---- last lines of the backend log"; tail -n 30 "$WORK/backend.log"
    fi
    rm -rf "$WORK"
}

# Runs a command as postgres, in $WORK, with the pgBackRest settings of the drill.
as_pg() {
    (cd "$WORK" && runuser -u postgres -- env PGBACKREST_CONFIG="$WORK/pgbackrest.conf" \
        PGBACKREST_REPO1_CIPHER_PASS="$CIPHER_PASS" PGBACKREST_REPO2_CIPHER_PASS="$CIPHER_PASS" \
        PGBACKREST_REPO2_S3_KEY="$S3_KEY" PGBACKREST_REPO2_S3_KEY_SECRET="$S3_SECRET" "$@")
}

psql_primary() { psql -X -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d guichet -c "$1"; }

fetch_s3proxy() {
    [[ -f $S3PROXY_JAR ]] && return 0
    mvn -B -ntp -q dependency:get -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -Dtransitive=false >/dev/null 2>&1
    [[ -f $S3PROXY_JAR ]]
}

start_s3proxy() {
    fetch_s3proxy || { fail "s3proxy $S3PROXY_VERSION is fetched from Maven Central" "mvn dependency:get failed"; return 1; }
    S3_PORT=$(free_port)
    mkdir -p "$WORK/s3data/guichet-backups"
    "$(dirname "$JAVA")/keytool" -genkeypair -alias s3proxy -keyalg RSA -keysize 2048 -validity 2 -dname CN=127.0.0.1 \
        -ext SAN=ip:127.0.0.1 -keystore "$WORK/s3.p12" -storetype PKCS12 -storepass drillpass -keypass drillpass >/dev/null 2>&1 \
        || { fail "a self-signed certificate for s3proxy" "keytool failed"; return 1; }
    cat > "$WORK/s3proxy.conf" <<EOF
s3proxy.secure-endpoint=https://127.0.0.1:$S3_PORT
s3proxy.keystore-path=$WORK/s3.p12
s3proxy.keystore-password=drillpass
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3data
EOF
    "$JAVA" -Xmx256m -jar "$S3PROXY_JAR" --properties "$WORK/s3proxy.conf" > "$WORK/s3proxy.log" 2>&1 &
    S3_PID=$!
    for _ in $(seq 1 60); do
        curl -sk -o /dev/null "https://127.0.0.1:$S3_PORT/" && { pass "s3proxy answers over HTTPS on port $S3_PORT"; return 0; }
        sleep 1
    done
    fail "s3proxy answers over HTTPS" "$(tail -n 20 "$WORK/s3proxy.log")"
    return 1
}

write_pgbackrest_conf() {
    # The same settings as deployment/pgbackrest/pgbackrest.conf.example, pointed at the drill.
    cat > "$WORK/pgbackrest.conf" <<EOF
[global]
repo1-path=$WORK/repo
repo1-cipher-type=aes-256-cbc
repo1-retention-full=2
repo2-type=s3
repo2-s3-bucket=guichet-backups
repo2-s3-endpoint=127.0.0.1
repo2-storage-port=$S3_PORT
repo2-s3-region=us-east-1
repo2-s3-uri-style=path
repo2-storage-verify-tls=n
repo2-path=/pgbackrest
repo2-cipher-type=aes-256-cbc
repo2-retention-full=2
compress-type=lz4
process-max=2
start-fast=y
archive-async=n
log-level-console=warn
log-level-file=off

[guichet]
pg1-path=$WORK/primary
pg1-port=0
pg1-socket-path=$WORK
EOF
}

start_primary() {
    PRIMARY_PORT=$(free_port)
    sed -i "s/^pg1-port=.*/pg1-port=$PRIMARY_PORT/" "$WORK/pgbackrest.conf"
    chown postgres "$WORK/pgbackrest.conf"
    as_pg "$PG_BINDIR/initdb" -D "$WORK/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
        || { fail "initdb of the scratch primary" ""; return 1; }
    cat >> "$WORK/primary/postgresql.conf" <<EOF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --stanza=guichet archive-push %p'
max_wal_senders = 3
fsync = off
EOF
    if as_pg "$PG_BINDIR/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null; then
        pass "scratch primary with archive_command = pgbackrest archive-push on port $PRIMARY_PORT"
    else
        fail "scratch primary starts" "$(tail -n 20 "$WORK/primary.log")"; return 1
    fi
}

stanza_create() {
    local out
    out=$(as_pg pgbackrest --stanza=guichet stanza-create 2>&1) && out=$(as_pg pgbackrest --stanza=guichet check 2>&1)
    verdict "pgbackrest stanza-create and check (local repository and S3 bucket, both encrypted)" "$out"
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" 2>/dev/null; }

log_in() {
    local response
    response=$(curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/login")
    TOKEN=$(json_field access_token <<< "$response")
    [[ -n $TOKEN ]] || { fail "PITR drill: the administrator logs in" "$response"; return 1; }
}

# create_tickets WHEN N...: one ticket per N, titled "PITR $WORD #N", each with an attachment.
create_tickets() {
    local when=$1 n response status id
    shift
    for n in "$@"; do
        response=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"title\":\"PITR $WORD #$n\",\"description\":\"Ticket $n de l'exercice PITR : $WORD.\"}" "$BASE/api/v1/tickets")
        status=${response##*$'\n'}
        [[ $status == 201 ]] || { fail "PITR drill: ticket #$n is created ($when)" "HTTP $status: ${response%$'\n'*}"; return 1; }
        id=$(json_field id <<< "${response%$'\n'*}")
        { head -c 1500 /dev/urandom | od -An -tx1; printf 'Journal de la panne n°%s : %s\n' "$n" "$WORD"; } > "$WORK/attachment-$n.txt"
        response=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
            -F "file=@$WORK/attachment-$n.txt;type=text/plain;filename=journal-$n.txt" "$BASE/api/v1/tickets/$id/attachments")
        status=${response##*$'\n'}
        [[ $status == 201 || $status == 200 ]] || { fail "PITR drill: attachment of ticket #$n ($when)" "HTTP $status: ${response%$'\n'*}"; return 1; }
    done
    pass "PITR drill: tickets #$* with an attachment created through the API ($when)"
}

base_backup() {
    local out
    if out=$(as_pg pgbackrest --stanza=guichet --type=full --repo=1 backup 2>&1) \
        && out=$(as_pg pgbackrest --stanza=guichet --type=full --repo=2 backup 2>&1); then
        pass "full base backup into both repositories"
    else
        fail "full base backup into both repositories" "$out"; return 1
    fi
}

# Fingerprint of the ticket tables: one line per table, row count and md5 of every row.
ticket_fingerprint() {
    local port=$1 host=$2 table
    for table in $TICKET_TABLES; do
        psql -X -At -h "$host" -p "$port" -U postgres -d guichet \
            -c "SELECT '$table', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM public.$table t"
    done
}

note_target_time() {
    sleep 1.5
    ticket_fingerprint "$PRIMARY_PORT" 127.0.0.1 > "$WORK/at-target.txt"
    TARGET=$(psql_primary "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.MSTZH')")
    sleep 1.5
    [[ $(grep -c '^attachment_contents|4|' "$WORK/at-target.txt") -eq 1 ]]
    verdict "target time noted ($TARGET) with 4 tickets and 4 attachments" "$(cat "$WORK/at-target.txt")"
}

archive_now() {
    local out
    out=$(as_pg pgbackrest --stanza=guichet check 2>&1)
    verdict "the WAL after the target is archived (pgbackrest check switches and waits)" "$out"
}

restore_pitr() {
    as_pg env PGDATA="$WORK/restored" PGPORT="$PRIMARY_PORT" PGHOST="$WORK" PG_BINDIR="$PG_BINDIR" \
        PGBACKREST_STANZA=guichet PITR_CHECK_PORT="$(free_port)" PGBACKREST_REPO=2 \
        PITR_START="$PG_BINDIR/pg_ctl -D $WORK/restored -l $WORK/restored.log -o '-p $RESTORED_PORT -c unix_socket_directories=$WORK -c archive_mode=off' -w start" \
        "$DEPLOYMENT_DIR/restore-pitr.sh" --yes "$@"
}

refusals() {
    RESTORED_PORT=$(free_port)
    as_pg "$PG_BINDIR/initdb" -D "$WORK/restored" -A trust -U postgres >/dev/null 2>&1
    touch "$WORK/restored/untouched-marker"
    local out rc
    out=$(restore_pitr "2001-01-01 00:00:00" 2>&1); rc=$?
    [[ $rc -eq 2 && $out == *"before the oldest base backup"* && -f $WORK/restored/untouched-marker ]]
    verdict "restore-pitr.sh refuses a target before the oldest backup (exit 2, cluster untouched)" "rc=$rc $out"
    out=$(restore_pitr "$(date -d '+1 hour' '+%F %T')" 2>&1); rc=$?
    [[ $rc -eq 2 && $out == *"after the last archived WAL"* && -f $WORK/restored/untouched-marker ]]
    verdict "restore-pitr.sh refuses a target after the last archived WAL (exit 2, cluster untouched)" "rc=$rc $out"
    [[ $(find "$WORK" -maxdepth 1 -name 'restored.*' | wc -l) -eq 0 ]]
    verdict "a refused restore leaves no half-restored directory"
}

restore_to_target() {
    local out started=$SECONDS
    if ! out=$(restore_pitr "$TARGET" 2>&1); then
        fail "restore-pitr.sh restores to $TARGET from the S3 repository" "$out"; return
    fi
    pass "restore-pitr.sh restored to $TARGET from the S3 repository in $((SECONDS - started)) s"
    [[ ! -f $WORK/restored/untouched-marker && -n $(find "$WORK" -maxdepth 1 -name 'restored.before-pitr-*') ]]
    verdict "the previous cluster was moved aside, the restored one put in its place"
    ticket_fingerprint "$RESTORED_PORT" "$WORK" > "$WORK/restored.txt"
    diff -u "$WORK/at-target.txt" "$WORK/restored.txt" > "$WORK/diff.txt"
    verdict "ticket tables at the target time identical byte for byte (attachments included)" "$(cat "$WORK/diff.txt")"
    local titles
    titles=$(psql -X -At -h "$WORK" -p "$RESTORED_PORT" -U postgres -d guichet -c "SELECT string_agg(title, ',' ORDER BY title) FROM tickets WHERE title LIKE 'PITR %'")
    [[ $titles == "PITR $WORD #1,PITR $WORD #2,PITR $WORD #3,PITR $WORD #4" ]]
    verdict "tickets #1-#4 are back and #5-#6 (created after the target) are not" "$titles"
    local n sums=0
    for n in 1 2 3 4; do
        [[ $(psql -X -At -h "$WORK" -p "$RESTORED_PORT" -U postgres -d guichet -c \
            "SELECT encode(sha256(c.data), 'hex') FROM attachment_contents c JOIN attachments a ON a.id = c.attachment_id WHERE a.file_name = 'journal-$n.txt'") \
            == "$(sha256sum < "$WORK/attachment-$n.txt" | cut -d' ' -f1)" ]] && sums=$((sums + 1))
    done
    [[ $sums -eq 4 ]]
    verdict "the 4 restored attachments have the uploaded files' sha256" "$sums of 4 match"
}

encryption() {
    grep -rqa "$WORD" "$WORK/primary/pg_wal"
    verdict "control: the tickets' word is readable in the cluster's own WAL"
    ! grep -rqa "$WORD" "$WORK/repo" "$WORK/s3data"
    verdict "encryption: the word is in no file of the local repository nor of the S3 bucket"
    ! grep -qa '^\[backrest\]' "$WORK/repo/backup/guichet/backup.info"
    verdict "encryption: the repository's backup.info is not plain text"
    local out
    out=$(cd "$WORK" && runuser -u postgres -- env PGBACKREST_CONFIG="$WORK/pgbackrest.conf" pgbackrest --stanza=guichet --repo=1 info 2>&1)
    [[ $out == *"cipher"* || $out == *"ERROR"* || $out == *"error"* ]] && [[ $out != *"full backup"* ]]
    verdict "encryption: pgbackrest info without the passphrase cannot read the repository" "$out"
}

main
