# Guichet — helpers shared by backup.sh, restore.sh and status.sh (sourced, not executed).
#
# Connection settings, in this order of precedence:
#   DATABASE_URL      postgres://user:password@host:port/database (overrides everything)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE   libpq's own variables
#   DATASOURCES_DEFAULT_URL (jdbc:postgresql://host:port/db), DATASOURCES_DEFAULT_USERNAME,
#   DATASOURCES_DEFAULT_PASSWORD — the backend's variables, so the systemd units and the
#   containers can share the backend's environment file; they only fill what PG* leaves unset.
# PGDATABASE defaults to guichet.
# GUICHET_ENV_FILE=/etc/guichet/guichet.env reads those variables from the backend's
# environment file first (KEY=VALUE lines, read as data, never executed; variables already
# set in the environment win).
# shellcheck shell=bash

log()  { printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }
warn() { printf '%s WARNING: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die()  { local code=$1; shift; printf '%s ERROR: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; exit "$code"; }

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 \
            || die 1 "'$tool' is not installed (Debian: apt-get install postgresql-client)"
    done
}

# Decodes %XX escapes of a URL component.
url_decode() { local s=${1//+/ }; printf '%b' "${s//%/\\x}"; }

# Exports the KEY=VALUE lines of $GUICHET_ENV_FILE that the environment does not set yet.
# Like systemd's EnvironmentFile: comments and blank lines skipped, one pair of surrounding
# quotes removed, nothing expanded.
load_env_file() {
    [[ -n ${GUICHET_ENV_FILE:-} ]] || return 0
    [[ -r $GUICHET_ENV_FILE ]] || die 1 "GUICHET_ENV_FILE=$GUICHET_ENV_FILE is not readable"
    local line key value
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
        key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
        if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
        [[ -n ${!key+set} ]] || export "$key=$value"
    done < "$GUICHET_ENV_FILE"
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE from the settings described above.
load_pg_settings() {
    load_env_file
    local re_url='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:/?]*)(:([0-9]+))?(/([^?]*))?(\?.*)?$'
    local re_jdbc='^jdbc:postgresql://([^:/?]+)(:([0-9]+))?/([^?]+)'
    if [[ -n ${DATABASE_URL:-} ]]; then
        [[ $DATABASE_URL =~ $re_url ]] || die 1 "DATABASE_URL is not a postgres://user:password@host:port/database URL"
        [[ -n ${BASH_REMATCH[3]} ]] && PGUSER=$(url_decode "${BASH_REMATCH[3]}")
        [[ -n ${BASH_REMATCH[5]} ]] && PGPASSWORD=$(url_decode "${BASH_REMATCH[5]}")
        [[ -n ${BASH_REMATCH[6]} ]] && PGHOST=${BASH_REMATCH[6]}
        [[ -n ${BASH_REMATCH[8]} ]] && PGPORT=${BASH_REMATCH[8]}
        [[ -n ${BASH_REMATCH[10]} ]] && PGDATABASE=$(url_decode "${BASH_REMATCH[10]}")
        if [[ ${BASH_REMATCH[11]} =~ sslmode=([a-z-]+) ]]; then PGSSLMODE=${BASH_REMATCH[1]}; export PGSSLMODE; fi
    elif [[ -n ${DATASOURCES_DEFAULT_URL:-} ]]; then
        if [[ $DATASOURCES_DEFAULT_URL =~ $re_jdbc ]]; then
            : "${PGHOST:=${BASH_REMATCH[1]}}"
            [[ -n ${BASH_REMATCH[3]} ]] && : "${PGPORT:=${BASH_REMATCH[3]}}"
            : "${PGDATABASE:=${BASH_REMATCH[4]}}"
        else
            warn "DATASOURCES_DEFAULT_URL is not a jdbc:postgresql:// URL; ignoring it"
        fi
        [[ -n ${DATASOURCES_DEFAULT_USERNAME:-} ]] && : "${PGUSER:=$DATASOURCES_DEFAULT_USERNAME}"
        [[ -n ${DATASOURCES_DEFAULT_PASSWORD:-} ]] && : "${PGPASSWORD:=$DATASOURCES_DEFAULT_PASSWORD}"
    fi
    : "${PGDATABASE:=guichet}"
    export PGDATABASE
    [[ -n ${PGHOST:-} ]] && export PGHOST
    [[ -n ${PGPORT:-} ]] && export PGPORT
    [[ -n ${PGUSER:-} ]] && export PGUSER
    [[ -n ${PGPASSWORD:-} ]] && export PGPASSWORD
    return 0
}

# "database guichet on 127.0.0.1:5432" — for messages; never shows the password.
describe_target() {
    printf 'database %s on %s:%s' "$PGDATABASE" "${PGHOST:-local socket}" "${PGPORT:-5432}"
}

# Newest *.dump under the given directory (daily/ and weekly/), or nothing.
newest_dump() {
    find "$1" -type f -name '*.dump' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-
}
