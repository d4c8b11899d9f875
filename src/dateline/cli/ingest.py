"""`dateline ingest`: files, folders and URL lists in; articles and events into the store."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from dateline.cli import app

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3

INGEST_HELP = """Read articles and store their events (again on the same input: nothing is added twice).

PATHS are files or folders (read recursively) of: plain text (.txt; an optional
first token 'date YYYY-MM[-DD]' gives the publication date), JSONL and CSV
(fields id, text, optional published/url/outlet/title/language), HTML pages,
RSS/Atom feeds (.rss/.atom/.xml), WARC/ARC archives, and URL lists (.urls, one
URL per line; only file:// URLs are read: there is no network fetch). Any of
them may be gzipped (.gz).

Bad records (empty, binary, undecodable, malformed, absurd dates, texts over
1,000,000 characters…) are reported on stderr, one line each
('quarantined: FILE [RECORD]: REASON'), kept in the store's quarantine table
(and, for SQLite, as raw bytes in quarantine/ beside the database), and the rest
goes on. Exact duplicates are stored once (the other id is kept as an alias);
near duplicates (MinHash, Jaccard >= 0.8) are stored, linked to the original
and not analysed again.

Exit status: 0 everything went in; 3 some records were quarantined; 2 usage
error; 1 unexpected failure (details with --debug).
"""


class _StderrLines(logging.Handler):
    def __init__(self, echo):
        super().__init__(logging.WARNING)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        self.echo(record.getMessage())


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    console = Console(stderr=True)
    if not enabled:
        return None, console
    prog = Progress(SpinnerColumn(), TextColumn("ingest: {task.completed} records"), TimeElapsedColumn(),
                    console=console, transient=True)
    return prog, console


def _check_paths(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if "://" in p and not p.startswith("file://"):
            out.append(p)  # reported as a rejected record by the URL reader
        elif p.startswith("file://"):
            out.append(p[len("file://"):])
        elif not Path(p).exists():
            print(f"dateline ingest: no such file or folder: {p}", file=sys.stderr)
            raise typer.Exit(EXIT_USAGE)
        else:
            out.append(p)
    return out


@app.command(help=INGEST_HELP)
def ingest(
    paths: list[str] = typer.Argument(..., help="files, folders or URL lists to read"),
    db: Optional[str] = typer.Option(None, "--db", envvar="DATELINE_DB",
                                     help="SQLite file or postgresql:// URL (default: dateline.db here)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="analysis processes"),
    batch_size: int = typer.Option(0, "--batch-size", min=0, help="articles per transaction (0: automatic)"),
    no_link: bool = typer.Option(False, "--no-link", help="store each article's events as they are (no cross-article linking)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler (tcp://HOST:PORT, or 'local' for a LocalCluster)"),
    debug: bool = typer.Option(False, "--debug", help="show tracebacks and debug logging"),
) -> None:
    try:
        code = _run(_check_paths(paths), db, workers, batch_size, debug, no_link, scheduler)
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        print("dateline ingest: interrupted (committed batches are kept; run again to resume)", file=sys.stderr)
        raise typer.Exit(130)
    except Exception as e:
        if debug:
            raise
        print(f"dateline ingest: failed: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
              " (run with --debug for details)", file=sys.stderr)
        raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(code)


def _split_urls(paths: list[str]) -> tuple[list[str], list[str]]:
    urls = [p for p in paths if "://" in p]
    return [p for p in paths if "://" not in p], urls


def _run(paths: list[str], db: Optional[str], workers: int, batch_size: int, debug: bool,
         no_link: bool = False, scheduler: Optional[str] = None) -> int:
    from dateline.distributed import DaskAnalyser
    from dateline.pipeline import PoolAnalyser
    from dateline.ingest.readers import Rejected
    from dateline.link.hook import link_hook
    from dateline.ingest.run import Ingest, default_analyse
    from dateline.store import open_store

    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR, format="%(name)s: %(message)s")
    prog, console = _progress(sys.stderr.isatty() and not debug)
    echo = (lambda m: console.print(m, markup=False, highlight=False, soft_wrap=True)) if prog else \
        (lambda m: print(m, file=sys.stderr, flush=True))
    log = logging.getLogger("dateline.ingest")
    log.addHandler(_StderrLines(echo))
    log.propagate = debug
    try:
        analyse = default_analyse()
    except ImportError as e:
        echo(f"dateline ingest: the analysis pipeline is not available ({e})")
        return EXIT_FAILED
    files, urls = _split_urls(paths)
    store = open_store(db, link=None if no_link else link_hook())
    if scheduler:
        analyse = DaskAnalyser(scheduler)
    elif workers > 1:
        analyse = PoolAnalyser(workers)  # one pool for the whole run, not one per batch
    size = batch_size or (16 if workers <= 1 else 32 * workers)
    job = Ingest(store, analyse=analyse, workers=workers, batch_size=size,
                 on_reject=lambda r: echo(f"quarantined: {r.message()}"))
    for u in urls:
        job._reject(Rejected("<command line>", u, f"network fetch disabled: {u}"))
    try:
        if prog:
            with prog:
                task = prog.add_task("ingest", total=None)
                job.on_progress = lambda n: prog.advance(task, n)
                report = job.run(files)
        else:
            report = job.run(files)
    finally:
        if hasattr(analyse, "close"):  # the process pool or the Dask client
            analyse.close()
        store.close()
    echo(f"ingest: {report.read} records read; {report.new} articles analysed ({report.events} events); "
         f"{report.already_stored} already stored, {report.aliases} exact duplicates, "
         f"{report.near_duplicates} near duplicates, {report.quarantined} quarantined")
    return EXIT_QUARANTINED if report.quarantined else EXIT_OK
