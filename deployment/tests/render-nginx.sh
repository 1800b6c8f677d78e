#!/usr/bin/env bash
# Renders deployment/nginx.conf — the frontend image's template — into a complete nginx
# configuration that Debian's nginx runs unprivileged-style inside one directory:
#
#   render-nginx.sh OUT.conf BACKEND_HOST:PORT SPA_ROOT LISTEN_PORT PREFIX_DIR
#   nginx -p PREFIX_DIR -c OUT.conf            (add -t to only check it)
#   nginx -p PREFIX_DIR -c OUT.conf -s quit    (stops it)
#
# The template is rendered exactly as the nginx image does it: nginx-entrypoint.envsh derives
# the body-size limit and the TLS snippet, then only ${GUICHET_*} variables are substituted.
# The result serves plain HTTP on LISTEN_PORT (workers run as the calling user, root included); pid, logs, temp files and the snippet
# directory live under PREFIX_DIR; mime types come from /etc/nginx/mime.types.
# Environment: MAX_UPLOAD_SIZE (default 10MB); GUICHET_CERTS_DIR, when it holds
# fullchain.pem and privkey.pem, also turns TLS on (used by the `nginx -t` check);
# GUICHET_HTTPS_PORT (default 443); GUICHET_TRUSTED_PROXY (default 127.0.0.1/32); GUICHET_NGINX_DAEMON=off keeps nginx in the foreground
# (default on: nginx forks and the command returns once it listens).
# Exit status: 0 rendered; 1 bad arguments or a variable left unsubstituted.
set -euo pipefail

usage() { echo "usage: $0 OUT.conf BACKEND_HOST:PORT SPA_ROOT LISTEN_PORT PREFIX_DIR" >&2; exit 1; }

main() {
    [[ $# -eq 5 ]] || usage
    local out=$1 backend=$2 spa_root=$3 port=$4 prefix=$5
    local deployment_dir
    deployment_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    [[ $port =~ ^[0-9]+$ ]] || { echo "LISTEN_PORT must be a number: $port" >&2; exit 1; }

    mkdir -p "$prefix"/{logs,tmp,snippets}
    prefix="$(cd "$prefix" && pwd)"
    spa_root="$(cd "$spa_root" 2>/dev/null && pwd || echo "$spa_root")"

    export GUICHET_BACKEND=$backend GUICHET_SPA_ROOT=$spa_root GUICHET_HTTP_PORT=$port
    export GUICHET_NGINX_SNIPPETS=$prefix/snippets
    export GUICHET_TRUSTED_PROXY=${GUICHET_TRUSTED_PROXY:-127.0.0.1/32}
    export GUICHET_CERTS_DIR=${GUICHET_CERTS_DIR:-$prefix/no-certs}
    # shellcheck source=../nginx-entrypoint.envsh
    source "$deployment_dir/nginx-entrypoint.envsh" >/dev/null

    write_main_conf "$prefix" "$(render_template "$deployment_dir/nginx.conf")" > "$out"
}

# Substitutes only ${GUICHET_*}, like the image's envsubst with NGINX_ENVSUBST_FILTER=^GUICHET_,
# so nginx's own $variables are left alone (plain bash: no dependency on gettext's envsubst).
render_template() {
    local rendered name
    rendered=$(< "$1")
    for name in $(compgen -e | grep '^GUICHET_'); do
        rendered=${rendered//"\${$name}"/"${!name}"}
    done
    # shellcheck disable=SC2016 # a literal ${GUICHET_ left in the output
    if grep -q '\${GUICHET_' <<< "$rendered"; then
        # shellcheck disable=SC2016
        echo "unsubstituted variable in $1: $(grep -o '\${GUICHET_[A-Z_]*}' <<< "$rendered" | sort -u | tr '\n' ' ')" >&2
        exit 1
    fi
    printf '%s\n' "$rendered"
}

# Started as root, nginx would run its workers as nobody, who may not read a SPA root or a
# prefix under a private temporary directory: a test harness runs them as root instead.
worker_user() {
    if [[ $(id -u) -eq 0 ]]; then echo "user root;"; fi
}

write_main_conf() {
    local prefix=$1 server_conf=$2
    cat <<EOF
# Rendered by deployment/tests/render-nginx.sh from deployment/nginx.conf — do not edit.
$(worker_user)
daemon ${GUICHET_NGINX_DAEMON:-on};
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;

events {
    worker_connections 256;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    types {
        application/manifest+json webmanifest;
    }
    access_log $prefix/logs/access.log;
    sendfile on;
    keepalive_timeout 65;

    client_body_temp_path $prefix/tmp/client_body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;

$server_conf
}
EOF
}

main "$@"
