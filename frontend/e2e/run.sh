#!/usr/bin/env bash
# End-to-end suite: the built SPA and the backend jar on a scratch PostgreSQL database,
# behind the production nginx configuration when it and nginx are available, driven by
# Debian's Chromium through playwright-core (no browser download).
#
#   frontend/e2e/run.sh            (from anywhere; needs the jar and frontend/dist)
#
# Environment: BACKEND_JAR (default backend/target/guichet-backend.jar), E2E_DB (guichet_e2e),
# PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), CHROMIUM (/usr/bin/chromium),
# E2E_NO_NGINX=1 to talk to the backend directly, E2E_TESTS to pick test files.
# Screenshots and logs land in frontend/e2e/artifacts/. Ends with "N passed, N failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
ARTIFACTS=$ROOT/frontend/e2e/artifacts
JAR=${BACKEND_JAR:-backend/target/guichet-backend.jar}
DIST=$ROOT/frontend/dist
DB=${E2E_DB:-guichet_e2e}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
BACKEND_PID=""
NGINX_CONF=""
NGINX_PREFIX=""

log() { printf 'e2e: %s\n' "$*" >&2; }
fail() { log "$*"; echo "0 passed, 1 failed"; exit 1; }

free_port() {
    node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

cleanup() {
    if [[ -n $NGINX_CONF ]]; then nginx -p "$NGINX_PREFIX" -c "$NGINX_CONF" -s quit 2>/dev/null || true; fi
    if [[ -n $BACKEND_PID ]]; then
        kill "$BACKEND_PID" 2>/dev/null || true
        wait "$BACKEND_PID" 2>/dev/null || true
    fi
    if [[ -n $NGINX_PREFIX ]]; then rm -rf "$NGINX_PREFIX"; fi
}
trap cleanup EXIT

check_inputs() {
    [[ -f $JAR ]] || fail "$JAR is missing: build the backend first (make build)."
    [[ -f $DIST/index.html ]] || fail "frontend/dist is missing: run 'cd frontend && npm run build'."
    [[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || fail "Chromium is missing: apt-get install -y chromium."
    [[ -d $ROOT/frontend/node_modules/playwright-core ]] || fail "frontend/node_modules is missing: run 'npm ci' in frontend/."
    rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS"
}

create_database() {
    psql -v ON_ERROR_STOP=1 -q -d postgres \
        -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" \
        || fail "cannot (re)create database $DB on $PGHOST:$PGPORT as $PGUSER."
}

start_backend() {
    BACKEND_PORT=$(free_port)
    log "starting the backend on port $BACKEND_PORT"
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    DATASOURCES_DEFAULT_USERNAME=$PGUSER \
    JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
    ADMIN_EMAIL=admin@guichet.test ADMIN_PASSWORD=Admin-e2e-password-2026 \
    DEMO_DATA=true DEMO_TICKET_LIMIT=300 \
    MICRONAUT_SERVER_PORT=$BACKEND_PORT \
        "$JAVA" -jar "$JAR" > "$ARTIFACTS/backend.log" 2>&1 &
    BACKEND_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "http://127.0.0.1:$BACKEND_PORT/health/readiness"; then return 0; fi
        kill -0 "$BACKEND_PID" 2>/dev/null || { tail -30 "$ARTIFACTS/backend.log" >&2; fail "the backend exited."; }
        sleep 1
    done
    tail -30 "$ARTIFACTS/backend.log" >&2
    fail "the backend was not ready within 120 s."
}

# The production topology when possible: nginx serves dist/ and proxies /api to the backend.
start_front() {
    BASE_URL="http://127.0.0.1:$BACKEND_PORT"
    if [[ -n ${E2E_NO_NGINX:-} || ! -x deployment/tests/render-nginx.sh ]] || ! command -v nginx > /dev/null; then
        log "no nginx: the browser talks to the backend directly"
        return 0
    fi
    local port
    port=$(free_port)
    NGINX_PREFIX=$(mktemp -d)
    NGINX_CONF=$NGINX_PREFIX/nginx.conf
    deployment/tests/render-nginx.sh "$NGINX_CONF" "127.0.0.1:$BACKEND_PORT" "$DIST" "$port" "$NGINX_PREFIX" \
        || fail "render-nginx.sh failed."
    nginx -p "$NGINX_PREFIX" -c "$NGINX_CONF" || fail "nginx did not start."
    for _ in $(seq 1 30); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/"; then break; fi
        sleep 0.5
    done
    BASE_URL="http://127.0.0.1:$port"
    log "nginx on port $port in front of the backend"
}

run_suite() {
    local tap=$ARTIFACTS/results.tap status=0 tests
    # shellcheck disable=SC2206 # E2E_TESTS is a list of paths or globs, split on purpose
    tests=(${E2E_TESTS:-frontend/e2e/*.test.mjs})
    E2E_DB=$DB E2E_BASE_URL=$BASE_URL node --test --test-concurrency=1 \
        --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$tap" \
        "${tests[@]}" || status=$?
    local passed failed
    passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
    failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
    if [[ $status -ne 0 && ${failed:-0} -eq 0 ]]; then failed=1; fi
    log "screenshots and logs in frontend/e2e/artifacts/"
    echo "${passed:-0} passed, ${failed:-0} failed"
    return "$status"
}

check_inputs
create_database
start_backend
start_front
run_suite
