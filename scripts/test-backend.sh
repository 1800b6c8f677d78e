#!/usr/bin/env bash
# Runs the backend's integration tests against a real PostgreSQL.
# DATASOURCES_DEFAULT_URL, when set, names the database; otherwise a scratch database
# `guichet_test` is (re)created on the local server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres).
# Exit code: Maven's (non-zero when a test fails).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if [[ -z "${DATASOURCES_DEFAULT_URL:-}" ]]; then
  require_postgres
  recreate_database guichet_test
  export DATASOURCES_DEFAULT_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/guichet_test"
  export DATASOURCES_DEFAULT_USERNAME="${PGUSER}"
fi
cd backend
mvn -B -ntp verify ${MAVEN_ARGS_EXTRA:-}
