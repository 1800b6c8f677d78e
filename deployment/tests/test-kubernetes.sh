#!/usr/bin/env bash
# Validates deployment/kubernetes offline with k8s/validate.mjs: every manifest against the
# Kubernetes API schemas shipped by the npm package kubernetes-models (installed from the
# npm registry into deployment/tests/k8s/node_modules when missing; nothing is downloaded at
# run time), plus the references between manifests. Then proves the validator catches a
# broken manifest. Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

K8S_TOOL="$TESTS_DIR/k8s"
WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    if ! command -v node >/dev/null 2>&1; then skip "Kubernetes manifest checks" "node is not installed"; return; fi
    if ! install_validator; then return; fi
    test_manifests_are_valid
    test_validator_catches_a_broken_manifest
}

cleanup() { rm -rf "$WORK"; }

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

main
