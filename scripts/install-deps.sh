#!/usr/bin/env bash
# Installs what building, running and testing Guichet need on a fresh Debian machine of this
# project's kind, and only what is missing: Debian packages (PostgreSQL when no server answers,
# nginx, Chromium, docker-compose, shellcheck), the frontend's npm packages (npm ci), and starts
# the local PostgreSQL cluster if it is installed but stopped. Java 25 (Temurin) and Maven are
# expected on the machine. Needs root for apt-get. Exit code: non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_packages=()
command -v nginx >/dev/null || apt_packages+=(nginx)
[[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
command -v docker-compose >/dev/null || apt_packages+=(docker-compose)
command -v shellcheck >/dev/null || apt_packages+=(shellcheck)
command -v pg_dump >/dev/null || apt_packages+=(postgresql-client)
for tool in python3 curl openssl; do command -v "$tool" >/dev/null || apt_packages+=("$tool"); done
command -v systemd-analyze >/dev/null || apt_packages+=(systemd)
# pgBackRest: WAL archiving and point-in-time restore (the PITR drill of make test-deployment).
command -v pgbackrest >/dev/null || apt_packages+=(pgbackrest)
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 2>/dev/null && ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  apt_packages+=(postgresql postgresql-contrib)
elif ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # The server binaries: DatabaseOutageTest stops and starts a scratch cluster of its own.
  apt_packages+=(postgresql)
fi
if ((${#apt_packages[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${apt_packages[*]} — install them (sudo apt-get install ${apt_packages[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${apt_packages[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# A local cluster that is installed but stopped is started (machines of this kind run it as postgres).
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 && ls /etc/postgresql/*/main >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  for _ in $(seq 1 20); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done
fi

if [[ ! -x "$JAVA_HOME/bin/java" ]]; then
  echo "Java 25 is required: install Temurin 25 and set JAVA_HOME (looked in $JAVA_HOME)." >&2
  exit 1
fi
command -v mvn >/dev/null || { echo "Maven is required: apt-get install maven" >&2; exit 1; }

# npm ci only when the lock file changed since the last install.
if [[ ! -f frontend/node_modules/.package-lock.json || frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
