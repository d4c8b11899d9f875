#!/usr/bin/env bash
# The whole test suite, with the real components it needs: installs and starts
# PostgreSQL (+PostGIS) and Chromium, then runs pytest. Fails when no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --system
if [ -z "${DATELINE_TEST_PG:-}" ] && [ -f scripts/postgres.sh ]; then
  if pg_env=$(bash scripts/postgres.sh); then
    eval "$pg_env"   # export DATELINE_TEST_PG=postgresql://…
    export DATELINE_TEST_PG
  else
    echo "[test] PostgreSQL could not be started: its tests will be skipped (see above)" >&2
  fi
fi
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "[test] pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit $rc
