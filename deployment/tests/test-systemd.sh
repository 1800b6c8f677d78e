#!/usr/bin/env bash
# Checks the systemd units of deployment/systemd with `systemd-analyze verify`.
#
# Honest limits: verify resolves the unit's ExecStart binary and would reject
# /opt/guichet/deployment/backup.sh (or /usr/bin/java on a machine without Java) simply
# because this is not an installed server. So it verifies temporary copies in which only
# those executable paths point at this checkout's script and at an existing binary
# (/bin/true when java is absent); everything else, User=guichet included, is verified as
# written. Any warning counts as a failure (unknown keys are only warnings for systemd).
# Also asserts the hardening settings the guide promises. Exit status: 0 passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UNITS="$DEPLOYMENT_DIR/systemd"
WORK="$(mktemp -d)"

main() {
    at_exit cleanup
    test_hardening_is_declared
    if ! command -v systemd-analyze >/dev/null 2>&1; then skip "systemd-analyze verify" "systemd-analyze is not installed"; return; fi
    prepare_copies
    test_units_verify
}

cleanup() { rm -rf "$WORK"; }

prepare_copies() {
    local java=/usr/bin/java
    [[ -x $java ]] || java=/bin/true
    cp "$UNITS"/guichet-backend.service "$UNITS"/guichet-backup.service "$UNITS"/guichet-backup.timer "$WORK/"
    sed -i "s|^ExecStart=/usr/bin/java|ExecStart=$java|" "$WORK/guichet-backend.service"
    sed -i "s|^ExecStart=/opt/guichet/deployment/backup.sh|ExecStart=$DEPLOYMENT_DIR/backup.sh|" "$WORK/guichet-backup.service"
}

test_units_verify() {
    local unit out
    for unit in guichet-backend.service guichet-backup.service guichet-backup.timer; do
        if out=$(cd "$WORK" && systemd-analyze verify --man=no "./$unit" 2>&1) && [[ -z $out ]]; then
            pass "systemd-analyze verify $unit (no warning)"
        else
            fail "systemd-analyze verify $unit (no warning)" "$out"
        fi
    done
}

test_hardening_is_declared() {
    local unit=$UNITS/guichet-backend.service setting missing=()
    # shellcheck disable=SC2016 # $JAVA_OPTS is expanded by systemd, not here
    for setting in User=guichet EnvironmentFile=/etc/guichet/guichet.env \
        'ExecStart=/usr/bin/java -XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /opt/guichet/guichet-backend.jar' \
        Restart=on-failure NoNewPrivileges=true ProtectSystem=strict ProtectHome=true PrivateTmp=true \
        SuccessExitStatus=143 TimeoutStopSec=; do
        grep -qF -- "$setting" "$unit" || missing+=("$setting")
    done
    [[ ${#missing[@]} -eq 0 ]]
    verdict "guichet-backend.service declares its user, environment file and hardening" "missing: ${missing[*]}"
    grep -q '^Persistent=true' "$UNITS/guichet-backup.timer" && grep -q '^OnCalendar=' "$UNITS/guichet-backup.timer"
    verdict "guichet-backup.timer is nightly and catches up missed runs"
    grep -q '^ReadWritePaths=/var/backups/guichet$' "$UNITS/guichet-backup.service" && grep -q '^ProtectSystem=strict' "$UNITS/guichet-backup.service"
    verdict "guichet-backup.service may write only its backup directory"
}

main
