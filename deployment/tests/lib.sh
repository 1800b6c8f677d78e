# Guichet deployment tests — the few helpers every test-*.sh shares (sourced).
#
# check NAME COMMAND...   runs COMMAND, prints "PASS NAME" or "FAIL NAME" with its output
# CONDITION; verdict NAME [DETAIL]   PASS when the previous command succeeded, else FAIL with DETAIL
# expect_fail NAME CODE COMMAND...   passes when COMMAND exits with exactly CODE
# skip NAME REASON        prints "SKIP NAME (REASON)"
# at_exit COMMAND          runs COMMAND when the test script ends (clean-up)
# Results are appended to $RESULTS_FILE (one PASS/FAIL/SKIP word per line), which
# run-all.sh adds up; a test script run alone prints its own tally at exit. Either way the
# script exits 1 if any of its checks failed.
# shellcheck shell=bash

TESTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPLOYMENT_DIR="$(cd "$TESTS_DIR/.." && pwd)"
REPO_DIR="$(cd "$DEPLOYMENT_DIR/.." && pwd)"
export TESTS_DIR DEPLOYMENT_DIR REPO_DIR
# The PostgreSQL and Java settings and database helpers the scripts share (one library).
# shellcheck source=../../scripts/lib.sh
source "$REPO_DIR/scripts/lib.sh"
STANDALONE=false
if [[ -z ${RESULTS_FILE:-} ]]; then
    RESULTS_FILE="$(mktemp)"
    STANDALONE=true
fi
FAILED=0
EXIT_COMMANDS=()

at_exit() { EXIT_COMMANDS+=("$1"); }

finish() {
    local command
    for command in "${EXIT_COMMANDS[@]}"; do "$command" || true; done
    if $STANDALONE; then
        echo "$(grep -c '^PASS' "$RESULTS_FILE") passed, $(grep -c '^FAIL' "$RESULTS_FILE") failed"
        rm -f "$RESULTS_FILE"
    fi
    [[ $FAILED -eq 0 ]] || exit 1
}
trap finish EXIT

record() { echo "$1" >> "$RESULTS_FILE"; }

pass() { echo "PASS $1"; record PASS; }

fail() {
    echo "FAIL $1"
    FAILED=$((FAILED + 1))
    [[ -z ${2:-} ]] || while IFS= read -r line; do echo "    | $line"; done <<< "$2" | tail -n 40
    record FAIL
}

skip() { echo "SKIP $1 ($2)"; record SKIP; }

verdict() {
    local rc=$?
    if [[ $rc -eq 0 ]]; then pass "$1"; else fail "$1" "${2:-}"; fi
}

check() {
    local name=$1 output
    shift
    if output=$("$@" 2>&1); then pass "$name"; else fail "$name" "$output"; fi
}

expect_fail() {
    local name=$1 code=$2 output rc=0
    shift 2
    output=$("$@" 2>&1) || rc=$?
    if [[ $rc -eq $code ]]; then pass "$name"; else fail "$name" "expected exit $code, got $rc: $output"; fi
}

# Installs Debian packages only when the command they provide is missing.
ensure_apt() {
    local command=$1
    shift
    command -v "$command" >/dev/null 2>&1 && return 0
    [[ $(id -u) -eq 0 ]] || return 1
    echo "installing $* (for $command)"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; }; } >/dev/null 2>&1
    command -v "$command" >/dev/null 2>&1
}

# A TCP port nobody listens on.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# One line per table of schema public: name, row count and an md5 of all its rows, so two
# databases compare equal only if they hold the same data.
db_fingerprint() {
    local db=$1 table
    for table in $(psql -X -At -d "$db" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
        psql -X -At -d "$db" -c "SELECT '$table', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM public.\"$table\" t"
    done
}

# ---- the real backend jar, for the suites that need it (restore drill, nginx in front of it)

# Sets JAVA: $JAVA_HOME/bin/java, else the Temurin 25 JDK of these machines, else java.
find_java() {
    JAVA=java
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java
    elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    fi
    command -v "$JAVA" >/dev/null 2>&1 || { fail "a Java runtime is available" "no java (set JAVA_HOME)"; return 1; }
}

# start_backend WHAT: runs $GUICHET_JAR on database $BACKEND_DB (PG* settings) with
# JWT_SECRET, ADMIN_EMAIL, ADMIN_PASSWORD and DEMO_DATA from the caller, logs to
# $WORK/backend.log, sets PORT, BASE and BACKEND_PID, and waits for /health/readiness.
start_backend() {
    local what=$1
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$BACKEND_DB" \
    DATASOURCES_DEFAULT_USERNAME=$PGUSER DATASOURCES_DEFAULT_PASSWORD=${PGPASSWORD:-} \
    JWT_SECRET=$JWT_SECRET ADMIN_EMAIL=$ADMIN_EMAIL ADMIN_PASSWORD=$ADMIN_PASSWORD \
    DEMO_DATA=${DEMO_DATA:-false} DEMO_TICKET_LIMIT=${DEMO_TICKET_LIMIT:-500} MICRONAUT_SERVER_PORT=$PORT LOG_FORMAT=text \
        "$JAVA" -XX:+ExitOnOutOfMemoryError -jar "$GUICHET_JAR" >> "$WORK/backend.log" 2>&1 &
    BACKEND_PID=$!
    local started=$SECONDS
    while (( SECONDS - started < 180 )); do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/readiness") == 200 ]]; then
            pass "backend ready ($what, $((SECONDS - started)) s)"
            return 0
        fi
        kill -0 "$BACKEND_PID" 2>/dev/null || { fail "backend ready ($what)" "the jar exited"; BACKEND_PID=; return 1; }
        sleep 1
    done
    fail "backend ready ($what)" "no 200 from /health/readiness within 180 s"
    return 1
}

stop_backend() {
    [[ -n ${BACKEND_PID:-} ]] || return 0
    kill -TERM "$BACKEND_PID" 2>/dev/null
    local waited=0
    while kill -0 "$BACKEND_PID" 2>/dev/null && (( waited < 60 )); do sleep 0.5; waited=$((waited + 1)); done
    kill -KILL "$BACKEND_PID" 2>/dev/null
    wait "$BACKEND_PID" 2>/dev/null
    BACKEND_PID=
}

