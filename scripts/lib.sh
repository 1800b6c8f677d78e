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

# Database names go through psql variables (:'name' quotes a literal, :"name" an identifier), so a
# name with quotes or spaces cannot change the statements.

# Creates database $1 if it does not exist.
ensure_database() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# Drops database $1 if it exists, disconnecting its sessions.
drop_database() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" <<'SQL'
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
SQL
}

# Drops (disconnecting sessions) and creates database $1.
recreate_database() {
  drop_database "$1" && psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" <<'SQL'
CREATE DATABASE :"db";
SQL
}
