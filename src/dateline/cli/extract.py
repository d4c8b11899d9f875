"""`dateline extract PATH... --format jsonl|csv|geojson`: events to stdout, no database.

Logs, progress and rejected records go to stderr; stdout carries only events,
one JSON object per line (keys: see `Event.to_json`), so it can be piped.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from dateline.cli import app
from dateline.records import Article

EXIT_OK, EXIT_REJECTED = 0, 3


def setup_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(message)s")


def good_articles(paths: List[Path], rejected: list) -> Iterator[Article]:
    """Articles from the readers; rejected records are reported on stderr and counted."""
    from dateline.ingest.readers import Rejected, read_articles
    for item in read_articles(paths):
        if isinstance(item, Rejected):
            rejected.append(item)
            print(f"rejected: {item.message()}", file=sys.stderr)
            continue
        yield item


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files or folders: .txt (optional leading 'date YYYY-MM[-DD]'), .jsonl"),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | geojson"),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes (default: all cores for > 8 articles)"),
    include_unlikely: bool = typer.Option(False, "--all-modalities", help="Also output planned/hypothetical/negated mentions as events"),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs"),
) -> None:
    """Analyse articles and print their events (no database involved).

    Exit status: 0 when every record was read, 3 when some were rejected (named on stderr)."""
    setup_logging(debug)
    from dateline.pipeline import analyse_articles
    from dateline.store.export import WRITERS
    if format not in WRITERS:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of {', '.join(WRITERS)}")
    rejected: list = []
    try:
        events = (ev.to_json() for _, evs in analyse_articles(good_articles(paths, rejected), workers=_workers(workers))
                  for ev in evs)
        WRITERS[format](events, sys.stdout)
    except Exception as e:
        if debug:
            raise
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        raise typer.Exit(1)
    sys.stdout.flush()
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def _workers(requested: Optional[int]) -> int:
    from dateline.pipeline import default_workers
    return requested if requested else -default_workers()  # negative: decide by input size
