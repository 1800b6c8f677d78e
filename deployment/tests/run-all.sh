#!/usr/bin/env bash
# Runs every deployment check (make test-deployment), after the jar and frontend/dist are built:
#   test-shellcheck.sh      shellcheck and doc comments of the scripts
#   test-dockerfiles.sh     static checks of both Dockerfiles (no Docker engine needed)
#   test-ci-workflow.sh     .github/workflows/ci.yml: YAML, make test, images, push from main
#   test-nginx.sh           nginx -t on both configurations, and the public one serving for real
#   test-nginx-backend.sh   the rendered public nginx in front of the real jar and frontend/dist
#   test-compose.sh         docker-compose config with a filled .env, variables documented
#   test-kubernetes.sh      manifests against the Kubernetes schemas, references between them
#   test-systemd.sh         systemd-analyze verify on the units
#   test-backup-restore.sh  backup.sh / restore.sh on scratch databases
#   test-status.sh          status.sh: health, outbox backlog, backup age, exit codes
#   restore-drill.sh        the real jar, API traffic, backup, drop, restore, compare
#   test-pitr-config.sh     pgBackRest template, systemd timers, Compose archiving, CloudNativePG manifests
#   pitr-drill.sh           WAL archiving to encrypted local + S3 (s3proxy) repositories, restore-pitr.sh to a time
#   failover-drill.sh       primary + synchronous replica, promotion under API write load, no acknowledged loss
# Installs what it needs from Debian when missing (nginx, docker-compose, shellcheck).
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD for PostgreSQL (default 127.0.0.1, postgres);
# GUICHET_JAR and DRILL_REQUIRE_ATTACHMENTS for the drill; ONLY="nginx compose" runs a subset.
# Prints "N passed, N failed, N skipped" last; exit status 0 only when nothing failed.
set -uo pipefail

TESTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESULTS_FILE="$(mktemp)"
export RESULTS_FILE
trap 'rm -f "$RESULTS_FILE"' EXIT

SUITES=(test-shellcheck test-dockerfiles test-ci-workflow test-nginx test-nginx-backend test-compose test-kubernetes test-systemd
        test-backup-restore test-status restore-drill test-pitr-config pitr-drill failover-drill)

count() { grep -c "^$1" "$RESULTS_FILE"; }

run_suite() {
    local suite=$1 failed_before rc=0
    failed_before=$(count FAIL)
    echo "== $suite"
    "$TESTS_DIR/$suite.sh" || rc=$?
    # A suite that dies without reporting a failure still failed.
    if [[ $rc -ne 0 && $(count FAIL) -eq $failed_before ]]; then
        echo "FAIL $suite exited with status $rc"
        echo FAIL >> "$RESULTS_FILE"
    fi
}

main() {
    local suite
    for suite in "${SUITES[@]}"; do
        if [[ -n ${ONLY:-} && " $ONLY " != *" ${suite#test-} "* && " $ONLY " != *" $suite "* ]]; then continue; fi
        run_suite "$suite"
    done
    echo
    echo "$(count PASS) passed, $(count FAIL) failed, $(count SKIP) skipped"
    [[ $(count FAIL) -eq 0 ]]
}

main "$@"
