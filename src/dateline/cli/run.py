"""`dateline run`: the whole job at scale — read, analyse on every core or a Dask cluster, link, store.

Same as `dateline ingest`, with the analysis spread by default over all local
cores, or over a Dask cluster with `--scheduler tcp://HOST:PORT` (`local` starts
a LocalCluster here). One writer (this process) stores the results, so nothing
is lost or written twice; use a PostgreSQL `--db` when the cluster is shared.
"""
from __future__ import annotations

from typing import Optional

import typer

from dateline.cli import app
from dateline.cli.ingest import EXIT_FAILED, _check_paths, _run


@app.command("run")
def run(
    paths: list[str] = typer.Argument(..., help="files, folders or URL lists to read"),
    db: Optional[str] = typer.Option(None, "--db", envvar="DATELINE_DB", help="SQLite file or postgresql:// URL"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, or 'local'"),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="local processes (0: all cores)"),
    no_link: bool = typer.Option(False, "--no-link", help="no cross-article linking"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks"),
) -> None:
    """Analyse and store articles on all cores or a Dask cluster (exit codes as `ingest`)."""
    from dateline.pipeline import default_workers
    try:
        code = _run(_check_paths(paths), db, workers or default_workers(), 0, debug, no_link, scheduler)
    except typer.Exit:
        raise
    except Exception as e:
        if debug:
            raise
        print(f"dateline run: failed: {type(e).__name__}: {e}", flush=True)
        raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(code)
