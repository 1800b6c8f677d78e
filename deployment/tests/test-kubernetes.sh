#!/usr/bin/env bash
# Validates deployment/kubernetes offline with k8s/validate.mjs: every manifest against the
# Kubernetes API schemas shipped by the npm package kubernetes-models (installed from the
# npm registry into deployment/tests/k8s/node_modules when missing; nothing is downloaded at
# run time), plus the references between manifests. Then proves the validator catches a
# broken manifest, and runs the backup CronJob's script against PostgreSQL (PGHOST, default
# 127.0.0.1; PGUSER, default postgres). Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

K8S_TOOL="$TESTS_DIR/k8s"
WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    test_termination_grace_exceeds_the_shutdown_grace
    test_images_are_pinned_to_a_release
    if ! command -v node >/dev/null 2>&1; then skip "Kubernetes manifest checks" "node is not installed"; return; fi
    if ! install_validator; then return; fi
    test_manifests_are_valid
    test_validator_catches_a_broken_manifest
    test_backup_cronjob_script
}

cleanup() { rm -rf "$WORK"; }

# The pod must outlive the application's SHUTDOWN_GRACE_PERIOD (20s), or it is killed mid-shutdown.
test_termination_grace_exceeds_the_shutdown_grace() {
    local grace
    grace=$(sed -n 's/^ *terminationGracePeriodSeconds: *\([0-9]*\)$/\1/p' "$DEPLOYMENT_DIR/kubernetes/backend-deployment.yaml")
    [[ -n $grace ]] && (( grace > 20 ))
    verdict "the backend's terminationGracePeriodSeconds (${grace:-unset}) exceeds SHUTDOWN_GRACE_PERIOD (20s)"
}

install_validator() {
    [[ -d $K8S_TOOL/node_modules/kubernetes-models ]] && return 0
    local out
    if out=$(cd "$K8S_TOOL" && npm ci --no-audit --no-fund 2>&1); then return 0; fi
    fail "npm ci installs the manifest validator (kubernetes-models)" "$out"
    return 1
}

test_manifests_are_valid() {
    local out
    if out=$(node "$K8S_TOOL/validate.mjs" "$DEPLOYMENT_DIR/kubernetes" 2>&1); then
        pass "deployment/kubernetes: $(grep -c '^ok' <<< "$out") schema and wiring checks"
    else
        fail "deployment/kubernetes schema and wiring checks" "$(grep -v '^ok' <<< "$out")"
    fi
}

test_validator_catches_a_broken_manifest() {
    cp -r "$DEPLOYMENT_DIR/kubernetes" "$WORK/broken"
    sed -i 's/^  replicas: 2$/  replicas: two/' "$WORK/broken/backend-deployment.yaml"
    sed -i 's/^      port: 8080$/      port: "eighty"/' "$WORK/broken/backend-service.yaml"
    local out
    if out=$(node "$K8S_TOOL/validate.mjs" "$WORK/broken" 2>&1); then
        fail "the validator rejects a wrong type (replicas: two, port: eighty)" "$out"
    elif grep -q 'replicas must be integer' <<< "$out" && grep -q 'port must be integer' <<< "$out"; then
        pass "the validator rejects a wrong type (replicas: two, port: eighty)"
    else
        fail "the validator rejects a wrong type (replicas: two, port: eighty)" "$(grep FAIL <<< "$out")"
    fi
}

# The CronJob's inline script, run here against a scratch database with /backups pointed at
# a temporary directory: a dump that reads back, the weekly link, and the rotation.
test_backup_cronjob_script() {
    local script out db="guichet_k8s_$$"
    script=$(cd "$K8S_TOOL" && node --input-type=module -e '
        import { readFileSync } from "node:fs";
        import { parse } from "yaml";
        const job = parse(readFileSync(process.argv[1], "utf8"));
        process.stdout.write(job.spec.jobTemplate.spec.template.spec.containers[0].args[0]);
    ' "$DEPLOYMENT_DIR/kubernetes/backup-cronjob.yaml") || { fail "the backup CronJob's script can be read"; return; }
    printf '%s\n' "$script" | sed "s|/backups|$WORK/backups|g" > "$WORK/cronjob.sh"
    if command -v shellcheck >/dev/null 2>&1; then
        check "shellcheck on the backup CronJob's script" shellcheck -s bash "$WORK/cronjob.sh"
    fi
    local host=${PGHOST:-127.0.0.1} user=${PGUSER:-postgres}
    if ! PGOPTIONS='-c client_min_messages=warning' psql -X -q -h "$host" -U "$user" -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null 2>&1; then
        skip "the backup CronJob's script against PostgreSQL" "no PostgreSQL at $host as $user"; return
    fi
    psql -X -q -h "$host" -U "$user" -d "$db" -c "CREATE TABLE t AS SELECT generate_series(1, 10) AS n" >/dev/null
    mkdir -p "$WORK/backups/daily" "$WORK/backups/weekly"
    local i
    for i in 01 02 03 04 05 06 07 08; do echo old > "$WORK/backups/daily/guichet-202001$i-023000.dump"; done
    for i in 01 08 15 22 29; do echo old > "$WORK/backups/weekly/guichet-202001$i-023000.dump"; touch -d 2020-01-29 "$WORK/backups/weekly/guichet-202001$i-023000.dump"; done
    out=$(DATABASE_URL="postgresql://$user@$host:${PGPORT:-5432}/$db${PGPASSWORD:+?password=$PGPASSWORD}" KEEP_DAILY=7 KEEP_WEEKLY=4 bash -ceu "$(cat "$WORK/cronjob.sh")" 2>&1)
    local rc=$? newest
    newest=$(find "$WORK/backups/daily" -name '*.dump' -printf '%f\n' | sort | tail -n 1)
    [[ $rc -eq 0 && $(find "$WORK/backups/daily" -name '*.dump' | wc -l) -eq 7 && $(find "$WORK/backups/weekly" -name '*.dump' | wc -l) -eq 4 \
        && -f $WORK/backups/weekly/$newest ]] && pg_restore --list "$WORK/backups/daily/$newest" >/dev/null 2>&1
    verdict "the backup CronJob's script dumps, links the weekly copy and keeps 7 daily / 4 weekly" "rc=$rc $out"
    psql -X -q -h "$host" -U "$user" -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1
}

# Images are pinned to a release so a rollback knows what to return to; latest moves under you.
test_images_are_pinned_to_a_release() {
    local tags
    tags=$(grep -E '^\s*newTag:' "$DEPLOYMENT_DIR/kubernetes/kustomization.yaml")
    [[ -n $tags ]] && ! grep -qiE 'newTag:\s*"?latest' <<< "$tags"
    verdict "kustomization.yaml pins the images to a release, not latest" "$tags"
}

main
