#!/usr/bin/env bash
# Shared helpers of the scripts: where PostgreSQL is, and how to reach it. Sourced, not run.
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

# Fails in one clear line when PostgreSQL does not answer.
require_postgres() {
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 5; then
    echo "PostgreSQL is not reachable at $PGHOST:$PGPORT — start it (on Debian: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start) or set PGHOST/PGPORT." >&2
    exit 1
  fi
}

# Creates database $1 if it does not exist.
ensure_database() {
  psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -X -q -d postgres -c "CREATE DATABASE \"$1\""
}

# Drops (disconnecting sessions) and creates database $1.
recreate_database() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}
