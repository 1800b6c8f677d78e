#!/usr/bin/env bash
# Static checks of backend/Dockerfile and frontend/Dockerfile, since no Docker engine runs
# here (CI builds both images for real): every COPY source exists in the repository, base
# images are pinned to a version, the build follows make build's order, the backend runs as
# a non-root user with the agreed JVM flags and a readiness healthcheck, the frontend ships
# deployment/nginx.conf as its template. Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
    local dockerfile
    for dockerfile in backend/Dockerfile frontend/Dockerfile; do
        test_copy_sources_exist "$dockerfile"
        test_base_images_are_pinned "$dockerfile"
        test_build_order "$dockerfile"
    done
    test_backend_runtime
    test_frontend_runtime
}

test_copy_sources_exist() {
    local dockerfile=$1 source missing=()
    while read -r source; do
        [[ -e $REPO_DIR/$source ]] || missing+=("$source")
    done < <(grep -E '^COPY ' "$REPO_DIR/$dockerfile" | grep -v -- '--from=' \
                 | sed -E 's/^COPY (--[a-z]+=[^ ]+ )*//' | awk '{ $NF = ""; print }' | tr ' ' '\n' | grep .)
    [[ ${#missing[@]} -eq 0 ]]
    verdict "$dockerfile: every COPY source exists (build context: the repository root)" "missing: ${missing[*]}"
}

test_base_images_are_pinned() {
    local dockerfile=$1 image unpinned=()
    while read -r image; do
        [[ $image =~ :[0-9]+\.[0-9]+ || $image =~ -[0-9]+\.[0-9]+ ]] || unpinned+=("$image")
    done < <(sed -n -E 's/^ARG [A-Z_]+_IMAGE=//p' "$REPO_DIR/$dockerfile")
    [[ ${#unpinned[@]} -eq 0 ]]
    verdict "$dockerfile: base images pinned to a version" "${unpinned[*]}"
}

test_build_order() {
    local dockerfile=$REPO_DIR/$1 compile build
    compile=$(grep -n 'mvn .* compile' "$dockerfile" | head -n 1 | cut -d: -f1)
    build=$(grep -n 'npm run build' "$dockerfile" | head -n 1 | cut -d: -f1)
    [[ -n $compile && -n $build && $compile -lt $build ]] && grep -q 'META-INF/swagger' "$dockerfile"
    verdict "$1: backend compiled (OpenAPI document) before the SPA is built"
}

test_backend_runtime() {
    local dockerfile=$REPO_DIR/backend/Dockerfile runtime
    runtime=$(awk '/^FROM /{ stage = "" } { stage = stage $0 "\n" } END { printf "%s", stage }' "$dockerfile")
    grep -q 'mvn .* package' "$dockerfile" && grep -q 'COPY --from=spa /src/frontend/dist' "$dockerfile"
    verdict "backend/Dockerfile: the jar is packaged with the SPA inside"
    grep -Eq '^USER [1-9][0-9]*' <<< "$runtime"
    verdict "backend/Dockerfile: runs as a non-root user"
    grep -q 'HEALTHCHECK' <<< "$runtime" && grep -q '/health/readiness' <<< "$runtime"
    verdict "backend/Dockerfile: HEALTHCHECK on /health/readiness"
    grep -q -- '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' <<< "$runtime"
    verdict "backend/Dockerfile: heap from the container limit, exit on OutOfMemoryError"
    grep -q 'eclipse-temurin:25' "$dockerfile" && grep -q -- '-jre' "$dockerfile"
    verdict "backend/Dockerfile: runs on a Temurin 25 JRE"
}

test_frontend_runtime() {
    local dockerfile=$REPO_DIR/frontend/Dockerfile
    grep -q 'COPY deployment/nginx.conf /etc/nginx/templates/default.conf.template' "$dockerfile" \
        && grep -q 'deployment/nginx-entrypoint.envsh /docker-entrypoint.d/' "$dockerfile" \
        && grep -q 'NGINX_ENVSUBST_FILTER=^GUICHET_' "$dockerfile"
    verdict "frontend/Dockerfile: renders deployment/nginx.conf, only GUICHET_* substituted"
    grep -q 'ARG NGINX_IMAGE=nginx:1\.2[0-9]\.[0-9]*-alpine' "$dockerfile"
    verdict "frontend/Dockerfile: serves from a pinned nginx:1.2x-alpine"
}

main
