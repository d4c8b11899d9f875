"""Fixtures for the web tests: real SQLite stores and a real uvicorn server.

- `curated_db`: a small database written through the store API (web_seed.py).
- `seed_db`: the seed article (+ samples/) through `dateline ingest`; when the
  ingest cannot run yet, the curated database stands in (the test output says so).
- `api_base` / `page_base`: those databases served by uvicorn on a free loopback port.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_seed import SEED, build_curated  # noqa: E402
from web_server import WRITE_TOKEN, dateline_cmd, serving  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ARTIFACTS = Path(__file__).parent / "artifacts"


def count_events(db: Path) -> int:
    try:
        with sqlite3.connect(db) as c:
            return c.execute("select count(*) from events").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory) -> Path:
    return build_curated(tmp_path_factory.mktemp("curated") / "dateline.db")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, curated_db) -> tuple[Path, str]:
    """(database, how it was built): 'ingest' when `dateline ingest` worked, else 'curated'."""
    work = tmp_path_factory.mktemp("seeddb")
    inputs = [str(SEED)] + sorted(str(p) for p in SAMPLES.glob("*") if p.is_file() and not p.name.startswith("."))
    try:
        p = subprocess.run(dateline_cmd() + ["ingest", *inputs], cwd=work, capture_output=True,
                           text=True, timeout=600)
        db = work / "dateline.db"
        if p.returncode == 0 and count_events(db) > 0:
            return db, "ingest"
        why = f"exit {p.returncode}: {(p.stderr or p.stdout).strip().splitlines()[-1:]}"
    except (OSError, subprocess.TimeoutExpired) as e:
        why = str(e)
    print(f"\n[web tests] `dateline ingest` did not build a database ({why}); using the curated one", file=sys.stderr)
    db = work / "curated.db"
    shutil.copy(curated_db, db)
    return db, "curated"


@pytest.fixture(scope="session")
def api_base(curated_db):
    from dateline.web import create_app
    with serving(create_app(str(curated_db))) as base:
        yield base


@pytest.fixture(scope="session")
def write_base(tmp_path_factory, curated_db):
    from dateline.web import create_app
    db = tmp_path_factory.mktemp("writable") / "dateline.db"
    shutil.copy(curated_db, db)
    with serving(create_app(str(db), write_token=WRITE_TOKEN)) as base:
        yield base


@pytest.fixture(scope="session")
def page_base(seed_db):
    from dateline.web import create_app
    with serving(create_app(str(seed_db[0]))) as base:
        yield base


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} "
                    "(apt-get update && apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
