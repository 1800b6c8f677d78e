#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose 1.29 (installed if missing, else
# the docker compose plugin; neither needs a Docker engine for `config`): with a filled-in copy of .env.example the file is
# valid, every variable it reads is documented in .env.example, a missing secret stops it
# with its message, and the services keep their production settings.
# Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="$(mktemp -d)"
COMPOSE_FILE_PATH="$REPO_DIR/docker-compose.yml"

main() {
    at_exit cleanup
    if ensure_apt docker-compose docker-compose; then
        COMPOSE=(docker-compose)
    elif docker compose version >/dev/null 2>&1; then
        COMPOSE=(docker compose)
    else
        skip "docker-compose checks" "neither docker-compose nor the docker compose plugin is available"; return
    fi
    fill_env_file
    test_config_is_valid
    test_missing_secret_is_refused
    test_every_variable_is_documented
    test_production_settings
}

cleanup() { rm -rf "$WORK"; }

# A clean environment: variables exported by the caller must not fill in the .env under test.
compose() { env -i PATH="$PATH" HOME="${HOME:-/root}" "${COMPOSE[@]}" --project-directory "$REPO_DIR" -f "$COMPOSE_FILE_PATH" --env-file "$1" "${@:2}"; }

# .env.example with its REQUIRED secrets filled in, as an operator would.
fill_env_file() {
    sed -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=test-db-password/' \
        -e 's/^JWT_SECRET=$/JWT_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef/' \
        -e 's/^ADMIN_EMAIL=$/ADMIN_EMAIL=admin@guichet.test/' \
        -e 's/^ADMIN_PASSWORD=$/ADMIN_PASSWORD=Correct-Horse-42/' \
        -e 's/^PGBACKREST_CIPHER_PASS=$/PGBACKREST_CIPHER_PASS=test-cipher-passphrase/' \
        "$REPO_DIR/.env.example" > "$WORK/.env"
}

test_config_is_valid() {
    check "docker-compose config -q accepts docker-compose.yml with a filled .env" compose "$WORK/.env" config -q
    check "the dev profile (mailpit) is valid too" compose "$WORK/.env" --profile dev config -q
}

test_missing_secret_is_refused() {
    local out rc=0
    out=$(compose "$REPO_DIR/.env.example" config -q 2>&1) || rc=$?
    [[ $rc -ne 0 && $out == *"set POSTGRES_PASSWORD in .env"* ]]
    verdict "the unfilled .env.example is refused with a message naming the secret" "$out"
    rc=0
    out=$(grep -v '^JWT_SECRET=' "$WORK/.env" > "$WORK/.env.nojwt"; compose "$WORK/.env.nojwt" config -q 2>&1) || rc=$?
    [[ $rc -ne 0 && $out == *JWT_SECRET* ]]
    verdict "a missing JWT_SECRET is refused" "$out"
}

test_every_variable_is_documented() {
    local variable missing=()
    # shellcheck disable=SC2016 # literal ${VAR references in the compose file
    for variable in $(grep -o '\${[A-Z0-9_]*' "$COMPOSE_FILE_PATH" | tr -d '${' | sort -u); do
        grep -Eq "^#?$variable=" "$REPO_DIR/.env.example" || missing+=("$variable")
    done
    [[ ${#missing[@]} -eq 0 ]]
    verdict "every variable of docker-compose.yml is in .env.example" "missing: ${missing[*]}"
    local backend_vars=(DATASOURCES_DEFAULT_URL DATASOURCES_DEFAULT_USERNAME DATASOURCES_DEFAULT_PASSWORD JWT_SECRET
        MICRONAUT_ENVIRONMENTS ADMIN_EMAIL ADMIN_PASSWORD PUBLIC_URL ALLOWED_ORIGINS TRUSTED_PROXIES MAX_UPLOAD_SIZE
        SMTP_HOST SMTP_PORT SMTP_USER SMTP_PASSWORD SMTP_SECURITY SMTP_FROM DEMO_DATA LOG_FORMAT ACCESS_TOKEN_TTL JAVA_OPTS)
    missing=()
    for variable in "${backend_vars[@]}"; do
        grep -Eq "^#?$variable=" "$REPO_DIR/.env.example" || missing+=("$variable")
    done
    [[ ${#missing[@]} -eq 0 ]]
    verdict "every variable the backend reads is in .env.example" "missing: ${missing[*]}"
    local secret unsafe=()
    for secret in POSTGRES_PASSWORD JWT_SECRET ADMIN_PASSWORD DATASOURCES_DEFAULT_PASSWORD SMTP_PASSWORD; do
        grep -Eq "^$secret=.+" "$REPO_DIR/.env.example" && unsafe+=("$secret")
    done
    [[ ${#unsafe[@]} -eq 0 ]]
    verdict ".env.example gives no secret a value" "${unsafe[*]}"
}

test_production_settings() {
    local config
    config=$(compose "$WORK/.env" config 2>&1)
    # docker-compose 1.29 prints the resolved file; compare a few lines that must hold.
    local expectations=(
        "condition: service_healthy"
        "image: postgres:16.10"
        "restart: unless-stopped"
        "driver: json-file"
        "max-size: 10m"
        "/etc/nginx/certs:ro"
        "pg_isready"
        "MICRONAUT_ENVIRONMENTS: prod"
        "JWT_SECRET: 0123456789abcdef"
    ) expected missing=()
    for expected in "${expectations[@]}"; do
        grep -qF -- "$expected" <<< "$config" || missing+=("$expected")
    done
    [[ ${#missing[@]} -eq 0 ]]
    verdict "the resolved stack keeps healthchecks, restart policy, log rotation, read-only certs" "missing: ${missing[*]}"
    # Docker's default 10 s would kill the backend in the middle of its 20 s graceful shutdown.
    local grace
    grace=$(python3 -c 'import sys, yaml; print(yaml.safe_load(sys.stdin)["services"]["backend"].get("stop_grace_period", ""))' \
        <<< "$config" 2>/dev/null)
    [[ $grace =~ ^([0-9]+)s$ ]] && (( BASH_REMATCH[1] > 20 ))
    verdict "the backend's stop_grace_period ($grace) exceeds SHUTDOWN_GRACE_PERIOD (20s)"
    if grep -Eq 'image: [^ ]*:latest$' <<< "$config" || grep -Eq 'image: (postgres|nginx|axllent/mailpit)$' <<< "$config"; then
        fail "third-party images are pinned to a version" "$(grep 'image:' <<< "$config")"
    else
        pass "third-party images are pinned to a version"
    fi
}

main
