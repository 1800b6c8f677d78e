#!/usr/bin/env bash
# Runs shellcheck (installed from Debian if missing) on every deployment script, and checks
# that each one starts with a comment saying what it does and can be executed. Exit status: 0 passed, 1 otherwise.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
    local scripts=() script
    mapfile -t scripts < <(cd "$DEPLOYMENT_DIR" && find . -type f \( -name '*.sh' -o -name '*.envsh' \) -not -path '*/node_modules/*' | sort)
    for script in "${scripts[@]}"; do
        [[ $(sed -n 2p "$DEPLOYMENT_DIR/$script") == '# '* || $(sed -n 1p "$DEPLOYMENT_DIR/$script") == '# '* ]] \
            || fail "$script starts with a comment saying what it does"
    done
    pass "every deployment script starts with a comment saying what it does"
    local not_executable=()
    for script in "${scripts[@]}"; do
        [[ $script == */lib* || -x $DEPLOYMENT_DIR/$script ]] || not_executable+=("$script")
    done
    [[ ${#not_executable[@]} -eq 0 ]]
    verdict "every deployment script is executable (sourced libraries aside)" "${not_executable[*]}"
    if ! ensure_apt shellcheck shellcheck; then skip "shellcheck" "shellcheck is not installed and cannot be"; return; fi
    for script in "${scripts[@]}"; do
        check "shellcheck ${script#./}" shellcheck -x -P SCRIPTDIR "$DEPLOYMENT_DIR/$script"
    done
}

main
