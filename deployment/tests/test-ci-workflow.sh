#!/usr/bin/env bash
# Checks .github/workflows/ci.yml without GitHub: it parses as YAML (the yaml package of
# deployment/tests/k8s), runs `make test` next to a PostgreSQL service, builds both
# Dockerfiles, and pushes to GHCR only from main. Exit status: 0 passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKFLOW="$REPO_DIR/.github/workflows/ci.yml"

main() {
    if [[ ! -d $TESTS_DIR/k8s/node_modules/yaml ]]; then
        (cd "$TESTS_DIR/k8s" && npm ci --no-audit --no-fund >/dev/null 2>&1) || { skip "CI workflow checks" "cannot install the yaml package"; return; }
    fi
    local summary
    if ! summary=$(cd "$TESTS_DIR/k8s" && node --input-type=module -e '
        import { readFileSync } from "node:fs";
        import { parse } from "yaml";
        const wf = parse(readFileSync(process.argv[1], "utf8"));
        const test = wf.jobs.test, images = wf.jobs.images;
        const run = test.steps.map((s) => s.run ?? "").join("\n");
        const build = images.steps.find((s) => String(s.uses).startsWith("docker/build-push-action"));
        console.log([
          "make-test=" + /(^|\n)\s*make test\b/.test(run),
          "postgres=" + String(test.services?.postgres?.image).startsWith("postgres:"),
          "needs-test=" + [].concat(images.needs).includes("test"),
          "matrix=" + images.strategy.matrix.component.join(","),
          "dockerfile=" + build.with.file,
          "push=" + build.with.push,
          "packages=" + images.permissions.packages,
        ].join(" "));
    ' "$WORKFLOW" 2>&1); then
        fail "ci.yml parses as YAML" "$summary"; return
    fi
    pass "ci.yml parses as YAML"
    [[ $summary == *"make-test=true"* && $summary == *"postgres=true"* ]]
    verdict "ci.yml runs make test with a PostgreSQL service" "$summary"
    [[ $summary == *"needs-test=true"* && $summary == *"matrix=backend,frontend"* && $summary == *"dockerfile=\${{ matrix.component }}/Dockerfile"* ]]
    verdict "ci.yml builds both images once the tests pass" "$summary"
    [[ $summary == *"push=\${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}"* && $summary == *"packages=write"* ]]
    verdict "ci.yml pushes to GHCR only from main" "$summary"
}

main
