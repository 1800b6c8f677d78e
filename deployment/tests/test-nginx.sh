#!/usr/bin/env bash
# Checks both nginx configurations with Debian's nginx (installed if missing):
# - deployment/nginx.conf rendered by render-nginx.sh, over plain HTTP and with TLS on
#   (a self-signed certificate in a temporary directory), passes `nginx -t`;
# - the rendered configuration, started for real in front of a stub backend, serves the SPA,
#   caches as intended, proxies /api and /health with X-Forwarded-*, hides /prometheus and
#   answers 413 beyond MAX_UPLOAD_SIZE;
# - deployment/nginx-backend.conf, with the Certbot paths pointed at that certificate,
#   passes `nginx -t`;
# - the live event stream (/api/v1/events) passes as it comes (a first event reaches the client
#   while the stub backend holds the response open), and both configurations give it its own
#   unbuffered, uncached location with a long read timeout.
# Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    if ! ensure_apt nginx nginx; then skip "nginx checks" "nginx is not installed and cannot be"; return; fi
    ensure_apt openssl openssl || { skip "nginx TLS checks" "no openssl"; return; }
    make_certificate
    make_spa
    test_template_renders_and_passes_nginx_t
    test_template_with_tls_passes_nginx_t
    test_rendered_nginx_in_front_of_a_stub_backend
    test_tls_listener_serves_and_redirects
    test_vps_config_passes_nginx_t
    test_both_configs_keep_the_event_stream_open_and_unbuffered
    test_both_configs_send_the_backends_content_security_policy
}

cleanup() {
    [[ -f $WORK/run/nginx.pid ]] && nginx -p "$WORK/run" -c "$WORK/run.conf" -s quit 2>/dev/null
    [[ -f $WORK/tlsrun/nginx.pid ]] && nginx -p "$WORK/tlsrun" -c "$WORK/tlsrun.conf" -s quit 2>/dev/null
    [[ -n ${STUB_PID:-} ]] && kill "$STUB_PID" 2>/dev/null
    rm -rf "$WORK"
}

make_certificate() {
    mkdir -p "$WORK/certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=helpdesk.example.org' \
        -keyout "$WORK/certs/privkey.pem" -out "$WORK/certs/fullchain.pem" 2>/dev/null
}

make_spa() {
    mkdir -p "$WORK/spa/assets"
    echo '<!doctype html><title>Guichet</title><div id="root"></div>' > "$WORK/spa/index.html"
    head -c 4096 /dev/zero | tr '\0' 'a' > "$WORK/spa/assets/index-abc123.js"
}

test_template_renders_and_passes_nginx_t() {
    local out
    if ! out=$("$TESTS_DIR/render-nginx.sh" "$WORK/http.conf" 127.0.0.1:8080 "$WORK/spa" 18080 "$WORK/http" 2>&1); then
        fail "render-nginx.sh renders deployment/nginx.conf" "$out"; return
    fi
    check "nginx -t accepts deployment/nginx.conf rendered for HTTP" nginx -t -q -p "$WORK/http" -c "$WORK/http.conf"
}

test_template_with_tls_passes_nginx_t() {
    local out
    if ! out=$(GUICHET_CERTS_DIR=$WORK/certs "$TESTS_DIR/render-nginx.sh" "$WORK/tls.conf" 127.0.0.1:8080 "$WORK/spa" 18080 "$WORK/tls" 2>&1); then
        fail "render-nginx.sh renders deployment/nginx.conf with certificates" "$out"; return
    fi
    if grep -q 'listen 443 ssl' "$WORK/tls/snippets/tls.conf" 2>/dev/null; then pass "mounted certificates turn on the 443 listener"; else fail "mounted certificates turn on the 443 listener"; fi
    check "nginx -t accepts deployment/nginx.conf rendered with TLS" nginx -t -q -p "$WORK/tls" -c "$WORK/tls.conf"
    local bad_size
    bad_size=$(MAX_UPLOAD_SIZE=lots "$TESTS_DIR/render-nginx.sh" "$WORK/bad.conf" 127.0.0.1:8080 "$WORK/spa" 18080 "$WORK/bad" 2>&1)
    if [[ $? -ne 0 && $bad_size == *MAX_UPLOAD_SIZE* ]]; then pass "an unreadable MAX_UPLOAD_SIZE stops nginx from starting"; else fail "an unreadable MAX_UPLOAD_SIZE stops nginx from starting" "$bad_size"; fi
}

# A backend stand-in that echoes the forwarding headers it received.
start_stub_backend() {
    local port=$1
    python3 - "$port" <<'PY' &
import http.server, sys
class Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path == "/api/v1/events":
            # A server-sent event stream without X-Accel-Buffering: only nginx's settings decide.
            self.send_response(200); self.send_header("Content-Type", "text/event-stream"); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
            first = b"event: ticket\ndata: first\n\n"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(first), first)); self.wfile.flush()
            import time; time.sleep(4)
            self.wfile.write(b"0\r\n\r\n"); self.wfile.flush()
            return
        body = "|".join(str(self.headers.get(h)) for h in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host")).encode()
        self.send_response(200); self.send_header("Content-Type", "text/plain"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.do_GET()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
PY
    STUB_PID=$!
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.1; done
}

test_rendered_nginx_in_front_of_a_stub_backend() {
    local backend_port port base out
    backend_port=$(free_port); port=$(free_port); base="http://127.0.0.1:$port"
    start_stub_backend "$backend_port"
    MAX_UPLOAD_SIZE=1MB "$TESTS_DIR/render-nginx.sh" "$WORK/run.conf" "127.0.0.1:$backend_port" "$WORK/spa" "$port" "$WORK/run" >/dev/null
    if ! out=$(nginx -p "$WORK/run" -c "$WORK/run.conf" 2>&1); then fail "the rendered configuration starts" "$out"; return; fi
    for _ in $(seq 50); do curl -fs -o /dev/null "$base/nginx-health" && break; sleep 0.1; done

    headers() { curl -s -D - -o /dev/null "$@"; }
    out=$(headers "$base/tickets/42")
    [[ $out == *" 200 "* && $out == *"Cache-Control: no-cache"* && $out == *"Content-Security-Policy: default-src 'self'; script-src 'self'"* && $out == *"X-Frame-Options: DENY"* && $out == *"X-Content-Type-Options: nosniff"* && $out == *"Referrer-Policy:"* ]]
    verdict "SPA routes get index.html, no-cache and the security headers" "$out"
    out=$(headers -H 'Accept-Encoding: gzip' "$base/assets/index-abc123.js")
    [[ $out == *"max-age=31536000, immutable"* && $out == *"Content-Encoding: gzip"* ]]
    verdict "hashed assets are immutable for a year and gzipped" "$out"
    out=$(headers "$base/assets/missing.js")
    [[ $out == *" 404 "* ]]
    verdict "a missing asset is a 404, not the SPA shell" "$out"
    out=$(curl -s "$base/api/v1/me")
    [[ $out == "127.0.0.1|http|127.0.0.1:$port" || $out == "127.0.0.1|http|127.0.0.1" ]]
    verdict "/api is proxied with X-Forwarded-For, -Proto and -Host" "$out"
    out=$(curl -s -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 203.0.113.9' "$base/api/v1/me")
    [[ $out == "203.0.113.9, 127.0.0.1|https|"* ]]
    verdict "from the trusted proxy address, X-Forwarded-Proto is kept and X-Forwarded-For extended" "$out"
    out=$(curl -s --interface 127.0.0.2 -H 'X-Forwarded-Proto: https' "http://127.0.0.2:$port/api/v1/me")
    [[ $out == "127.0.0.2|http|"* ]]
    verdict "from any other address, a forged X-Forwarded-Proto is replaced by the real scheme" "$out"
    out=$(curl -sN --max-time 2 "$base/api/v1/events")
    [[ $out == *"data: first"* ]]
    verdict "/api/v1/events passes through as it comes: the first event arrives while the stream is open" "$out"
    out=$(curl -s -o /dev/null -w '%{http_code}' "$base/health/readiness")
    [[ $out == 200 ]]
    verdict "/health/readiness is proxied" "$out"
    out=$(curl -s -o /dev/null -w '%{http_code}' "$base/prometheus")
    [[ $out == 404 ]]
    verdict "/prometheus is not exposed (404)" "$out"
    head -c $((3 * 1024 * 1024)) /dev/zero > "$WORK/big.bin"
    out=$(curl -s -D - -F "file=@$WORK/big.bin" "$base/api/v1/tickets/1/attachments")
    [[ $out == *" 413 "* && $out == *"application/problem+json"* ]]
    verdict "a body over MAX_UPLOAD_SIZE gets 413 as problem+json" "${out:0:600}"
    head -c $((1024 * 1024)) /dev/zero > "$WORK/limit.bin"
    out=$(curl -s -o /dev/null -w '%{http_code}' -F "file=@$WORK/limit.bin" "$base/api/v1/tickets/1/attachments")
    [[ $out == 200 ]]
    verdict "a file of exactly MAX_UPLOAD_SIZE reaches the backend" "$out"
    kill "$STUB_PID" 2>/dev/null; wait "$STUB_PID" 2>/dev/null; STUB_PID=
    out=$(curl -s -D - "$base/api/v1/me")
    [[ $out == *" 503 "* && $out == *"application/problem+json"* ]]
    verdict "a stopped backend gives 503 problem+json, not an HTML error page" "$out"
}

test_tls_listener_serves_and_redirects() {
    local http_port https_port out
    http_port=$(free_port); https_port=$(free_port)
    GUICHET_CERTS_DIR=$WORK/certs GUICHET_HTTPS_PORT=$https_port \
        "$TESTS_DIR/render-nginx.sh" "$WORK/tlsrun.conf" 127.0.0.1:9 "$WORK/spa" "$http_port" "$WORK/tlsrun" >/dev/null
    if ! out=$(nginx -p "$WORK/tlsrun" -c "$WORK/tlsrun.conf" 2>&1); then fail "nginx starts with TLS on" "$out"; return; fi
    for _ in $(seq 50); do curl -fsk -o /dev/null "https://127.0.0.1:$https_port/nginx-health" && break; sleep 0.1; done
    out=$(curl -sk -D - -o /dev/null "https://127.0.0.1:$https_port/tickets/42")
    [[ $out == *"HTTP/2 200"* && ${out,,} == *"strict-transport-security: max-age=31536000"* ]]
    verdict "with certificates mounted, HTTPS (HTTP/2) serves the SPA with HSTS" "$out"
    out=$(curl -s -D - -o /dev/null -H 'Host: helpdesk.example.org' "http://127.0.0.1:$http_port/tickets/42")
    [[ $out == *" 301 "* && $out == *"Location: https://helpdesk.example.org/tickets/42"* && $out != *Strict-Transport-Security* ]]
    verdict "with certificates mounted, plain HTTP redirects to HTTPS (and sends no HSTS)" "$out"
    out=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/nginx-health")
    [[ $out == 200 ]]
    verdict "the container health probe still answers over plain HTTP" "$out"
}

test_vps_config_passes_nginx_t() {
    local conf=$WORK/vps.conf prefix=$WORK/vps
    mkdir -p "$prefix/logs"
    sed -e "s|/etc/letsencrypt/live/helpdesk.example.org|$WORK/certs|" "$DEPLOYMENT_DIR/nginx-backend.conf" > "$WORK/vps-site.conf"
    cat > "$conf" <<CONF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $prefix/logs/access.log;
    include $WORK/vps-site.conf;
}
CONF
    check "nginx -t accepts deployment/nginx-backend.conf (self-signed certificate for Certbot's)" nginx -t -q -p "$prefix" -c "$conf"
}

# Both shipped configurations give the event stream its own location: no buffering, no cache,
# HTTP/1.1 to the backend, and a read timeout far above the backend's 15 s heartbeat.
test_both_configs_keep_the_event_stream_open_and_unbuffered() {
    local conf block
    for conf in nginx.conf nginx-backend.conf; do
        block=$(sed -n '/location = \/api\/v1\/events {/,/}/p' "$DEPLOYMENT_DIR/$conf")
        [[ $block == *"proxy_buffering off;"* && $block == *"proxy_cache off;"* && $block == *"proxy_read_timeout 1h;"* \
            && $block == *"proxy_http_version 1.1;"* && $block != *proxy_set_header* ]] \
            && grep -q 'proxy_set_header Connection "";' "$DEPLOYMENT_DIR/$conf"
        verdict "$conf: /api/v1/events unbuffered, uncached, HTTP/1.1 without Connection, 1 h read timeout" "$block"
    done
}

# One Content-Security-Policy: the backend's SecurityHeaders.CONTENT_SECURITY_POLICY, which both
# nginx configurations send on what they serve themselves (the SPA's files).
test_both_configs_send_the_backends_content_security_policy() {
    local java_csp conf
    java_csp=$(sed -n '/CONTENT_SECURITY_POLICY =/,/;$/p' "$DEPLOYMENT_DIR/../backend/src/main/java/dev/guichet/web/SecurityHeaders.java" \
        | grep -o '"[^"]*"' | tr -d '"\n')
    for conf in nginx.conf nginx-backend.conf; do
        [[ -n $java_csp ]] && grep -qF "\"\"      \"$java_csp\"" "$DEPLOYMENT_DIR/$conf"
        verdict "$conf: the Content-Security-Policy is the backend's ($java_csp)"
    done
}

main
