#!/usr/bin/env bash
# The main job on the bundled sample articles: set up, ingest into the SQLite
# default store (dateline.db here), and show the events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/dateline ingest samples/*.txt || [ $? -eq 3 ]   # 3 = some records quarantined (named above)
.venv/bin/dateline events --format table
