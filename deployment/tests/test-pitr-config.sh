#!/usr/bin/env bash
# Static checks of the point-in-time recovery setup in every deployment mode (no Docker engine,
# no Kubernetes cluster needed):
#   - pgbackrest.conf.example: pgBackRest itself accepts every option (a real `info` on a scratch
#     repository), the repository is encrypted (aes-256-cbc) and has a retention;
#   - systemd: the full/diff backup units and timers pass `systemd-analyze verify`;
#   - Docker Compose: the resolved postgres service archives WAL through pgbackrest, the
#     pgbackrest service shares its data and socket volumes, the image's base is pinned;
#   - Kubernetes: the CloudNativePG manifests through k8s/validate-cnpg.mjs, which must also
#     reject a broken copy.
# Exit status: 0 all checks passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    test_pgbackrest_template
    test_systemd_units
    test_compose_archiving
    test_cloudnative_pg
}

cleanup() { rm -rf "$WORK"; }

test_pgbackrest_template() {
    local template=$DEPLOYMENT_DIR/pgbackrest/pgbackrest.conf.example out
    grep -q '^repo1-cipher-type=aes-256-cbc$' "$template" && grep -q '^repo1-retention-full=' "$template" && ! grep -q 'cipher-pass=' "$template"
    verdict "pgbackrest.conf.example encrypts the repository, keeps a retention and holds no passphrase"
    if ! ensure_apt pgbackrest pgbackrest; then skip "pgBackRest accepts pgbackrest.conf.example" "pgbackrest not installed"; return; fi
    sed -e "s|^repo1-path=/var/lib/pgbackrest|repo1-path=$WORK/repo|" -e "s|^spool-path=.*|spool-path=$WORK|" \
        -e "s|^log-path=.*|log-path=$WORK|" "$template" > "$WORK/pgbackrest.conf"
    out=$(PGBACKREST_REPO1_CIPHER_PASS=x pgbackrest --config="$WORK/pgbackrest.conf" --stanza=guichet info 2>&1)
    [[ $out != *"invalid option"* && $out != *"ERROR: [031]"* && $out != *"ERROR: [032]"* && $out == *"stanza: guichet"* ]]
    verdict "pgBackRest accepts every option of pgbackrest.conf.example" "$out"
}

test_systemd_units() {
    local unit out
    for unit in guichet-pgbackrest-full.service guichet-pgbackrest-diff.service; do
        grep -q '^User=postgres$' "$DEPLOYMENT_DIR/systemd/$unit" && grep -q '^EnvironmentFile=/etc/pgbackrest/pgbackrest.env$' "$DEPLOYMENT_DIR/systemd/$unit"
        verdict "$unit runs as postgres with the passphrase from /etc/pgbackrest/pgbackrest.env"
    done
    grep -q -- '--type=full backup' "$DEPLOYMENT_DIR/systemd/guichet-pgbackrest-full.service" \
        && grep -q -- '--type=diff backup' "$DEPLOYMENT_DIR/systemd/guichet-pgbackrest-diff.service"
    verdict "one unit takes full base backups, the other differential ones"
    if ! command -v systemd-analyze >/dev/null 2>&1; then skip "systemd-analyze verify (pgBackRest units)" "not installed"; return; fi
    local bin
    bin=$(command -v pgbackrest || echo /bin/true)
    for unit in guichet-pgbackrest-full guichet-pgbackrest-diff; do
        sed "s|^ExecStart=/usr/bin/pgbackrest|ExecStart=$bin|" "$DEPLOYMENT_DIR/systemd/$unit.service" > "$WORK/$unit.service"
        cp "$DEPLOYMENT_DIR/systemd/$unit.timer" "$WORK/"
        for file in "$unit.service" "$unit.timer"; do
            if out=$(cd "$WORK" && systemd-analyze verify --man=no "./$file" 2>&1) && [[ -z $out ]]; then
                pass "systemd-analyze verify $file (no warning)"
            else
                fail "systemd-analyze verify $file (no warning)" "$out"
            fi
        done
    done
}

test_compose_archiving() {
    grep -Eq '^FROM postgres:[0-9]+\.[0-9]+-[a-z]+$' "$DEPLOYMENT_DIR/pgbackrest/Dockerfile"
    verdict "the PostgreSQL + pgBackRest image starts from a pinned postgres tag"
    if ! ensure_apt docker-compose docker-compose; then skip "Compose PITR checks" "docker-compose not installed"; return; fi
    sed -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=p/' -e 's/^JWT_SECRET=$/JWT_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef/' \
        -e 's/^ADMIN_EMAIL=$/ADMIN_EMAIL=a@b.test/' -e 's/^ADMIN_PASSWORD=$/ADMIN_PASSWORD=Correct-Horse-42/' \
        -e 's/^PGBACKREST_CIPHER_PASS=$/PGBACKREST_CIPHER_PASS=drill-passphrase/' "$REPO_DIR/.env.example" > "$WORK/.env"
    local resolved
    if ! resolved=$(env -i PATH="$PATH" HOME="${HOME:-/root}" docker-compose --project-directory "$REPO_DIR" -f "$REPO_DIR/docker-compose.yml" --env-file "$WORK/.env" config 2>&1); then
        fail "docker-compose config with the PITR settings" "$resolved"; return
    fi
    printf '%s\n' "$resolved" > "$WORK/resolved.yml"
    python3 - "$WORK/resolved.yml" <<'PY'
import sys, yaml
services = yaml.safe_load(open(sys.argv[1]))["services"]
pg, br = services["postgres"], services["pgbackrest"]
command = " ".join(pg["command"])
assert "archive_mode=on" in command and "archive-push %p" in command and "archive_timeout=60" in command, command
for service in (pg, br):
    env = service["environment"]
    assert env["PGBACKREST_REPO1_CIPHER_PASS"] == "drill-passphrase", env
    assert env["PGBACKREST_STANZA"] == "guichet"
vols = lambda s: {v["target"] if isinstance(v, dict) else v.split(":")[1] for v in s["volumes"]}
assert {"/var/lib/postgresql/data", "/var/run/postgresql", "/var/lib/pgbackrest"} <= vols(br), vols(br)
assert {"/var/lib/postgresql/data", "/var/run/postgresql", "/var/lib/pgbackrest"} <= vols(pg), vols(pg)
assert br["image"] == pg["image"] and br["user"] == "postgres"
PY
    verdict "Compose: postgres archives WAL with pgbackrest (encrypted), the pgbackrest service shares its data, socket and repository"
    local out rc=0
    out=$(grep -v '^PGBACKREST_CIPHER_PASS=' "$WORK/.env" > "$WORK/.env.nopass"; env -i PATH="$PATH" HOME="${HOME:-/root}" docker-compose --project-directory "$REPO_DIR" -f "$REPO_DIR/docker-compose.yml" --env-file "$WORK/.env.nopass" config -q 2>&1) || rc=$?
    [[ $rc -ne 0 && $out == *"set PGBACKREST_CIPHER_PASS"* ]]
    verdict "Compose refuses to start without the repository passphrase" "$out"
}

test_cloudnative_pg() {
    if ! command -v node >/dev/null 2>&1; then skip "CloudNativePG manifest checks" "node is not installed"; return; fi
    if [[ ! -d $TESTS_DIR/k8s/node_modules/yaml ]] && ! (cd "$TESTS_DIR/k8s" && npm ci --no-audit --no-fund >/dev/null 2>&1); then
        fail "npm ci installs the manifest validator"; return
    fi
    local out
    if out=$(node "$TESTS_DIR/k8s/validate-cnpg.mjs" "$DEPLOYMENT_DIR/kubernetes/cloudnative-pg" 2>&1); then
        pass "kubernetes/cloudnative-pg: $(grep -c '^ok' <<< "$out") checks (Cluster with backup, ScheduledBackup, Pooler, PITR example)"
    else
        fail "kubernetes/cloudnative-pg checks" "$(grep -v '^ok' <<< "$out")"
    fi
    cp -r "$DEPLOYMENT_DIR/kubernetes/cloudnative-pg" "$WORK/cnpg-broken"
    sed -i 's/schedule: "0 30 1 \* \* \*"/schedule: "30 1 * * *"/; s/retentionPolicy: "14d"/retentionPolicy: "two weeks"/' "$WORK/cnpg-broken/"*.yaml
    out=$(node "$TESTS_DIR/k8s/validate-cnpg.mjs" "$WORK/cnpg-broken" 2>&1)
    grep -q 'FAIL scheduled-backup.yaml: schedule is a six-field cron' <<< "$out" && grep -q 'FAIL cluster.yaml: retentionPolicy' <<< "$out"
    verdict "the CloudNativePG validator rejects a five-field cron and a bad retention" "$(grep FAIL <<< "$out")"
}

main
