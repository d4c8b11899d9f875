"""Through the store: the linking set ingested forwards and backwards gives the same events
(same groups of articles, same merged fields), and ingesting it again adds nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SET = Path(__file__).resolve().parents[1] / "data/linking/articles.jsonl"
DATELINE = [sys.executable, "-c", "from dateline.cli import main; main()"]
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "country", "date_earliest",
          "date_latest", "fatalities", "fatalities_low", "fatalities_high", "modality")


def dateline(cwd: Path, *args: str) -> str:
    r = subprocess.run(DATELINE + list(args), cwd=cwd, capture_output=True, text=True, timeout=900,
                       env={**os.environ, "DATELINE_DB": ""})
    assert r.returncode == 0, f"dateline {' '.join(args)}: {r.returncode}\n{r.stderr[-2000:]}"
    return r.stdout


def events(cwd: Path, db: str) -> list[tuple]:
    out = dateline(cwd, "events", "--db", db, "--format", "jsonl", "--limit", "10000")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return sorted((tuple(sorted(d["article_ids"])), *(str(d.get(k)) for k in FIELDS),
                   tuple(sorted(d.get("sources") or []))) for d in docs)


def test_forwards_and_backwards_give_the_same_events(tmp_path):
    lines = SET.read_text(encoding="utf-8").splitlines()
    (tmp_path / "fwd.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "rev.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    dateline(tmp_path, "ingest", "fwd.jsonl", "--db", "fwd.db")
    dateline(tmp_path, "ingest", "rev.jsonl", "--db", "rev.db")
    forwards = events(tmp_path, "fwd.db")
    assert sum(len(e[0]) > 1 for e in forwards) >= 15, "the set must link, or the comparison proves nothing"
    assert forwards == events(tmp_path, "rev.db")
    dateline(tmp_path, "ingest", "rev.jsonl", "--db", "fwd.db")  # again, other order: nothing new
    assert events(tmp_path, "fwd.db") == forwards
