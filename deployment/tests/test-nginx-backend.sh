#!/usr/bin/env bash
# The production nginx configuration in front of the real backend jar: render
# deployment/nginx.conf with render-nginx.sh (SPA from frontend/dist), start the jar on a
# scratch database, and use Guichet only through nginx: the SPA and its deep links, login,
# an authenticated API call, health, the OpenAPI document — while /prometheus, which the
# backend serves to the scraper's PROMETHEUS_TOKEN only, stays hidden. Then the systemd hosts'
# deployment/nginx-backend.conf (self-signed certificate) in front of the same jar: it passes on
# the SPA, the API, the probes and the docs, and nothing else (no management endpoint).
# Inputs: GUICHET_JAR (default backend/target/guichet-backend.jar), frontend/dist, PGHOST
# (127.0.0.1) and PGUSER (postgres) able to create databases.
# Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GUICHET_JAR=${GUICHET_JAR:-$REPO_DIR/backend/target/guichet-backend.jar}
SPA_DIR=${SPA_DIR:-$REPO_DIR/frontend/dist}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
unset DATABASE_URL DATASOURCES_DEFAULT_URL
BACKEND_DB="guichet_nginx_$$"
ADMIN_EMAIL=admin@guichet.test
ADMIN_PASSWORD="Nginx-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1!"
JWT_SECRET=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 64)
PROMETHEUS_TOKEN="scrape-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export PROMETHEUS_TOKEN
WORK="$(mktemp -d)"
BACKEND_PID=

main() {
    at_exit cleanup
    ensure_apt nginx nginx || { skip "nginx in front of the backend" "nginx is not installed and cannot be"; return; }
    find_java || return
    if [[ ! -f $GUICHET_JAR ]]; then fail "the backend jar exists" "$GUICHET_JAR is missing: make build first"; return; fi
    if [[ ! -f $SPA_DIR/index.html ]]; then fail "the SPA is built" "$SPA_DIR/index.html is missing: make build first"; return; fi
    recreate_database "$BACKEND_DB" >/dev/null 2>&1 || { fail "scratch database"; return; }
    start_backend "behind nginx" || return
    start_nginx || return
    test_spa_through_nginx
    test_api_through_nginx
    test_operations_endpoints_through_nginx
    test_backend_image_healthcheck_command
    start_vps_nginx && test_vps_nginx_passes_only_what_the_spa_and_api_need
}

cleanup() {
    [[ -f $WORK/nginx/nginx.pid ]] && nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" -s quit 2>/dev/null
    [[ -f $WORK/vps/nginx.pid ]] && nginx -p "$WORK/vps" -c "$WORK/vps.conf" -s quit 2>/dev/null
    stop_backend
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$BACKEND_DB\"" >/dev/null 2>&1
    if [[ $FAILED -gt 0 && -f $WORK/backend.log ]]; then echo "---- backend log"; tail -n 20 "$WORK/backend.log"; fi
    rm -rf "$WORK"
}

start_nginx() {
    NGINX_PORT=$(free_port)
    NGINX="http://127.0.0.1:$NGINX_PORT"
    local out
    if ! out=$("$TESTS_DIR/render-nginx.sh" "$WORK/nginx.conf" "127.0.0.1:$PORT" "$SPA_DIR" "$NGINX_PORT" "$WORK/nginx" 2>&1) \
        || ! out=$(nginx -p "$WORK/nginx" -c "$WORK/nginx.conf" 2>&1); then
        fail "production nginx starts in front of the backend" "$out"; return 1
    fi
    for _ in $(seq 50); do curl -fs -o /dev/null "$NGINX/nginx-health" && return 0; sleep 0.1; done
    fail "production nginx starts in front of the backend" "no answer on $NGINX"; return 1
}

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

test_spa_through_nginx() {
    local out asset
    out=$(curl -s -D - "$NGINX/tickets/1")
    [[ $out == *" 200 "* && $out == *'<div id="root"'* && $out == *"Content-Security-Policy:"* ]]
    verdict "a deep link of the SPA gets index.html with the security headers" "${out:0:800}"
    asset=$(grep -o '/assets/[^"]*\.js' "$SPA_DIR/index.html" | head -n 1)
    out=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$NGINX$asset")
    [[ -n $asset && $out == *" 200 "* && $out == *immutable* ]]
    verdict "the SPA's hashed bundle ($asset) is served immutable" "$out"
}

test_api_through_nginx() {
    local response token
    response=$(curl -s -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$NGINX/api/v1/auth/login")
    token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<< "$response" 2>/dev/null)
    [[ -n $token ]]
    verdict "login through nginx returns an access token" "$response"
    response=$(curl -s -H "Authorization: Bearer $token" "$NGINX/api/v1/me")
    [[ $response == *"$ADMIN_EMAIL"* ]]
    verdict "an authenticated API call through nginx (GET /api/v1/me)" "$response"
    response=$(curl -sN --max-time 3 -H "Authorization: Bearer $token" "$NGINX/api/v1/events")
    [[ $response == *heartbeat* ]]
    verdict "the live event stream (GET /api/v1/events) answers through nginx at once" "${response:0:300}"
    response=$(curl -s -D - "$NGINX/api/v1/me")
    [[ $response == *" 401 "* && $response == *"application/problem+json"* ]]
    verdict "the backend's own errors pass through nginx untouched (401 problem+json)" "${response:0:500}"
}

test_operations_endpoints_through_nginx() {
    [[ $(code "$NGINX/health/readiness") == 200 && $(code "$NGINX/health") == 200 ]]
    verdict "/health and /health/readiness answer through nginx"
    [[ $(code "$NGINX/api/openapi.yml") == 200 ]]
    verdict "the OpenAPI document (/api/openapi.yml) answers through nginx"
    # nginx's CSP (script-src 'self') applies to the docs page: it must load scripts from files only.
    local page
    page=$(curl -sL "$NGINX/api/docs")
    [[ $page == *"<script"* ]] && ! grep -o '<script[^>]*>' <<< "$page" | grep -qv 'src='
    verdict "the API docs viewer (/api/docs) answers through nginx with no inline script (CSP-safe)" "${page:0:400}"
    local direct public
    direct=$(code "$BASE/prometheus"); public=$(code "$NGINX/prometheus")
    [[ $direct == 401 && $public == 404 ]]
    verdict "/prometheus: refused by the backend without a token ($direct), hidden by nginx ($public)"
    [[ $(code -H "Authorization: Bearer $PROMETHEUS_TOKEN" "$BASE/prometheus") == 200 ]]
    verdict "/prometheus: served by the backend to the scraper's PROMETHEUS_TOKEN"
    local path status
    for path in /routes /threaddump /metrics /flyway /beans /env /loggers; do
        status=$(code "$BASE$path")
        [[ $status == 401 || $status == 404 ]]
        verdict "the backend refuses $path without a token ($status)"
    done
}

# deployment/nginx-backend.conf as a VPS runs it: TLS with a self-signed certificate, on free ports.
start_vps_nginx() {
    ensure_apt openssl openssl || { skip "nginx-backend.conf in front of the jar" "no openssl"; return 1; }
    mkdir -p "$WORK/certs" "$WORK/vps/logs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=helpdesk.example.org' \
        -keyout "$WORK/certs/privkey.pem" -out "$WORK/certs/fullchain.pem" 2>/dev/null
    VPS_PORT=$(free_port)
    local plain_port out
    plain_port=$(free_port)
    sed -e "s|/etc/letsencrypt/live/helpdesk.example.org|$WORK/certs|" -e "s|127.0.0.1:8080|127.0.0.1:$PORT|" \
        -e "s|listen 443 ssl http2;|listen 127.0.0.1:$VPS_PORT ssl http2;|" -e "s|listen 80;|listen 127.0.0.1:$plain_port;|" \
        -e '/listen \[::\]/d' "$DEPLOYMENT_DIR/nginx-backend.conf" > "$WORK/vps-site.conf"
    cat > "$WORK/vps.conf" <<CONF
pid $WORK/vps/nginx.pid;
error_log $WORK/vps/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $WORK/vps/logs/access.log;
    client_body_temp_path $WORK/vps/body;
    proxy_temp_path $WORK/vps/proxy;
    fastcgi_temp_path $WORK/vps/fastcgi;
    uwsgi_temp_path $WORK/vps/uwsgi;
    scgi_temp_path $WORK/vps/scgi;
    include $WORK/vps-site.conf;
}
CONF
    if ! out=$(nginx -p "$WORK/vps" -c "$WORK/vps.conf" 2>&1); then
        fail "deployment/nginx-backend.conf starts in front of the jar" "$out"; return 1
    fi
    VPS="https://helpdesk.example.org:$VPS_PORT"
    for _ in $(seq 50); do [[ $(vps_code /health/readiness) == 200 ]] && return 0; sleep 0.1; done
    fail "deployment/nginx-backend.conf starts in front of the jar" "no answer on $VPS"; return 1
}

vps() { curl -sk --resolve "helpdesk.example.org:$VPS_PORT:127.0.0.1" "$@"; }
vps_code() { vps -o /dev/null -w '%{http_code}' "$VPS$1"; }

test_vps_nginx_passes_only_what_the_spa_and_api_need() {
    local out asset path token
    out=$(vps -H 'Accept: text/html' "$VPS/tickets/1")
    [[ $out == *'<div id="root"'* ]]
    verdict "nginx-backend.conf: a deep link of the SPA gets index.html" "${out:0:300}"
    asset=$(grep -o '/assets/[^"]*\.js' "$SPA_DIR/index.html" | head -n 1)
    [[ -n $asset && $(vps_code "$asset") == 200 ]]
    verdict "nginx-backend.conf: the SPA's bundle ($asset) is served"
    out=$(vps -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$VPS/api/v1/auth/login")
    token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<< "$out" 2>/dev/null)
    [[ -n $token && $(vps -H "Authorization: Bearer $token" "$VPS/api/v1/me") == *"$ADMIN_EMAIL"* ]]
    verdict "nginx-backend.conf: login and an authenticated API call" "${out:0:300}"
    out=$(vps -N --max-time 3 -H "Authorization: Bearer $token" "$VPS/api/v1/events")
    [[ $out == *heartbeat* ]]
    verdict "nginx-backend.conf: the live event stream answers at once" "${out:0:300}"
    [[ $(vps_code /health/liveness) == 200 && $(vps_code /health/readiness) == 200 && $(vps_code /api/openapi.yml) == 200 ]]
    verdict "nginx-backend.conf: the probes and the OpenAPI document answer"
    for path in /health /prometheus /routes /threaddump /metrics /flyway /beans /env /loggers /info /caches; do
        out=$(vps -H "Authorization: Bearer $PROMETHEUS_TOKEN" "$VPS$path")
        [[ $out != *'"status"'* && $out != *jvm_* && $out != *'"routes"'* && $out != *flyway* ]]
        verdict "nginx-backend.conf: $path does not reach the backend" "${out:0:300}"
    done
}

# The HEALTHCHECK of backend/Dockerfile, run as Docker would run it, against this jar.
test_backend_image_healthcheck_command() {
    local command
    command=$(grep -A1 '^HEALTHCHECK' "$REPO_DIR/backend/Dockerfile" | sed -n 's/^ *CMD //p')
    if [[ -z $command ]]; then fail "backend/Dockerfile HEALTHCHECK found"; return; fi
    # exec form: a JSON array; run it with the image's environment variable.
    MICRONAUT_SERVER_PORT=$PORT python3 -c 'import json, os, sys; os.execvp(*(lambda a: (a[0], a))(json.loads(sys.argv[1])))' "$command"
    verdict "the backend image's HEALTHCHECK command succeeds against a ready backend"
    ! MICRONAUT_SERVER_PORT=$(free_port) python3 -c 'import json, os, sys; os.execvp(*(lambda a: (a[0], a))(json.loads(sys.argv[1])))' "$command" 2>/dev/null
    verdict "the backend image's HEALTHCHECK command fails when nothing answers"
}

main
