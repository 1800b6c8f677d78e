#!/usr/bin/env bash
# Loads the demo helpdesk (demo accounts, the real Endava categories and tickets) into the
# database given by DATASOURCES_DEFAULT_URL (default jdbc:postgresql://localhost:5432/guichet)
# through the service's own code path. Idempotent: a second run creates nothing.
# DEMO_TICKET_LIMIT=N loads only the first N tickets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
JAR=backend/target/guichet-backend.jar
[[ -f $JAR ]] || make --no-print-directory build
export DATASOURCES_DEFAULT_URL="${DATASOURCES_DEFAULT_URL:-jdbc:postgresql://localhost:5432/guichet}"
export DATASOURCES_DEFAULT_USERNAME="${DATASOURCES_DEFAULT_USERNAME:-postgres}"
java -jar "$JAR" seed-demo
