"""Scale-out gives the same database as one process: `ingest --workers 2`, `run --scheduler local`.

The issue's contract: the per-article analysis may be spread over a process pool
or a Dask cluster, but one writer stores the results, so the events are the same
(same ids, same fields, same linked reports) as a single-process run on the same
input, and re-running adds nothing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared/eval/seed/syria-al-omar-2022-01.txt"
DATELINE = [sys.executable, "-c", "from dateline.cli import main; main()"]


def dateline(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    r = subprocess.run(DATELINE + list(args), cwd=cwd, capture_output=True, text=True, timeout=900,
                       env={**os.environ, "DATELINE_DB": ""})
    assert r.returncode == 0, f"dateline {' '.join(args)}: {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    return r


def events_of(cwd: Path, db: str) -> list[dict]:
    out = dateline(cwd, "events", "--db", db, "--format", "jsonl", "--limit", "10000").stdout
    return sorted((json.loads(line) for line in out.splitlines() if line.strip()), key=lambda e: e["event_id"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("scale")
    inp = work / "in"
    inp.mkdir()
    for p in sorted((ROOT / "samples").glob("*.txt")):
        (inp / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    if SEED.exists():
        (inp / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return work


@pytest.fixture(scope="module")
def single(corpus) -> list[dict]:
    dateline(corpus, "ingest", "in", "--db", "one.db", "--workers", "1")
    events = events_of(corpus, "one.db")
    assert len(events) >= 5, "the sample articles must give events, or the comparison proves nothing"
    return events


def test_process_pool_gives_the_same_events(corpus, single):
    dateline(corpus, "ingest", "in", "--db", "pool.db", "--workers", "2")
    assert events_of(corpus, "pool.db") == single


def test_dask_local_cluster_gives_the_same_events(corpus, single):
    dateline(corpus, "run", "in", "--db", "dask.db", "--scheduler", "local", "--workers", "2")
    assert events_of(corpus, "dask.db") == single
    # Re-running the same input over the cluster adds nothing.
    dateline(corpus, "run", "in", "--db", "dask.db", "--scheduler", "local", "--workers", "2")
    assert events_of(corpus, "dask.db") == single


def test_dask_results_come_back_in_input_order():
    """The reorder buffer yields in input order even when later partitions finish first."""
    from dateline.distributed import DaskAnalyser
    from dateline.records import Article
    texts = ["Des hommes armés ont tué trois civils près de Mopti mardi, selon des sources locales."] * 3 + [
        "On 5 January 2022, military forces clashed with PDF fighters in Kale township, Sagaing region."]
    arts = [Article(id=f"a{i}", text=texts[i % 4], language="fr" if i % 4 < 3 else "en") for i in range(9)]
    with DaskAnalyser("local", n_workers=2, partition_size=2) as analyse:
        ids = [a.id for a, _ in analyse(arts)]
    assert ids == [a.id for a in arts]


def test_dask_workers_keep_the_environment_of_a_single_run(monkeypatch):
    """The nanny's default malloc-trim and one-BLAS-thread settings cost ~20% of a worker's
    speed on this work: a LocalCluster's workers run with the environment this process has.

    The variables are unset here first: the nanny also writes its settings into the starting
    process's own environment, so comparing with that environment afterwards would pass
    whatever the workers got."""
    import os

    from dateline.distributed import NANNY_ENVIRON_UNSET, DaskAnalyser
    for name in NANNY_ENVIRON_UNSET:
        monkeypatch.delenv(name, raising=False)
    with DaskAnalyser("local", n_workers=1) as analyse:
        envs = analyse.client.run(lambda names: {n: os.environ.get(n) for n in names}, NANNY_ENVIRON_UNSET)
    assert list(envs.values()) == [dict.fromkeys(NANNY_ENVIRON_UNSET)]


def test_worker_config_for_a_cluster_unsets_the_same_variables():
    """deploy/dask/dateline.yaml (DASK_CONFIG for `dask worker`) says what the LocalCluster does."""
    from pathlib import Path

    import yaml

    from dateline.distributed import NANNY_ENVIRON_UNSET
    cfg = yaml.safe_load((Path(__file__).parents[2] / "deploy/dask/dateline.yaml").read_text(encoding="utf-8"))
    assert cfg["distributed"]["nanny"]["pre-spawn-environ"] == dict.fromkeys(NANNY_ENVIRON_UNSET)
