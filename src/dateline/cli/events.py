"""`dateline events` (list/filter stored events) and `dateline export` (write them to a file)."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Optional

import typer

from dateline.cli import app

DB = typer.Option(None, "--db", envvar="DATELINE_DB", help="SQLite file or postgresql:// URL (default: dateline.db here)")
SINCE = typer.Option(None, "--since", help="events on or after this date (YYYY-MM-DD)")
UNTIL = typer.Option(None, "--until", help="events on or before this date (YYYY-MM-DD)")
COUNTRY = typer.Option(None, "--country", help="country name (case-insensitive)")
ADMIN1 = typer.Option(None, "--admin1", help="first-level region (case-insensitive)")
TYPE = typer.Option(None, "--type", help="event type or sub-event type (ACLED names)")
ACTOR = typer.Option(None, "--actor", help="text in actor1 or actor2")
SOURCE = typer.Option(None, "--source", help="text in one of the event's sources")
BBOX = typer.Option(None, "--bbox", help="minlon,minlat,maxlon,maxlat")
TEXT = typer.Option(None, "--text", help="text in the evidence or in the articles")
MODALITY = typer.Option(None, "--modality", help="asserted, claimed, alleged, denied, foiled…")
ARTICLE = typer.Option(None, "--article", help="events reported by this article id")


def _filters(since, until, country, admin1, type_, actor, source, bbox, text, modality, article):
    from dateline.store import EventFilters, parse_bbox, parse_day
    try:
        return EventFilters(since=parse_day(since), until=parse_day(until), country=country, admin1=admin1,
                            event_type=type_, actor=actor, source=source, bbox=parse_bbox(bbox), text=text,
                            modality=modality, article_id=article)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _open(db: Optional[str]):
    from dateline.store import open_store
    try:
        return open_store(db, create=False)
    except FileNotFoundError as e:
        print(f"dateline: {e}", file=sys.stderr)
        raise typer.Exit(1)
    except Exception as e:
        print(f"dateline: cannot open store {db or 'dateline.db'}: {type(e).__name__}: "
              f"{str(e).splitlines()[0] if str(e) else ''}", file=sys.stderr)
        raise typer.Exit(1)


def _friendly(fn):
    """No traceback for the user: one line and exit 1 (set DATELINE_DEBUG=1 to see it)."""
    import functools
    import os

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        try:
            return fn(*a, **kw)
        except (typer.Exit, typer.BadParameter, BrokenPipeError):
            raise
        except Exception as e:
            if os.environ.get("DATELINE_DEBUG"):
                raise
            print(f"dateline {fn.__name__}: failed: {type(e).__name__}: {' '.join(str(e).split())[:300]}",
                  file=sys.stderr)
            raise typer.Exit(1)
    return wrapper


def _when(e: dict) -> str:
    """'2022-01-05', or '2021-12-20 +41d' for a range."""
    a, b = e.get("date_earliest"), e.get("date_latest")
    if not a or not b or a == b:
        return a or b or ""
    from datetime import date
    return f"{a} +{(date.fromisoformat(b) - date.fromisoformat(a)).days}d"


def _table(rows: list[dict], total: int, offset: int) -> None:
    from rich.console import Console
    from rich.table import Table
    t = Table(title=f"events {offset + 1 if rows else 0}–{offset + len(rows)} of {total}")
    t.add_column("date", no_wrap=True)
    for col in ("sub-event type", "actor1", "actor2", "location", "fatal.", "modality", "sources", "event_id"):
        t.add_column(col, overflow="fold")
    for e in rows:
        t.add_row(_when(e), e.get("sub_event_type") or "", e.get("actor1") or "", e.get("actor2") or "",
                  ", ".join(x for x in (e.get("location"), e.get("country")) if x),
                  "" if e.get("fatalities") is None else str(e["fatalities"]), e.get("modality") or "",
                  "; ".join(e.get("sources") or []), e.get("event_id") or "")
    # Piped or in a narrow window, rich would fold every cell to a few letters: keep rows readable.
    console = Console()
    if not console.is_terminal or console.width < 160:
        console = Console(width=180)
    console.print(t)


@app.command()
@_friendly
def events(
    db: Optional[str] = DB, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    country: Optional[str] = COUNTRY, admin1: Optional[str] = ADMIN1, type_: Optional[str] = TYPE,
    actor: Optional[str] = ACTOR, source: Optional[str] = SOURCE, bbox: Optional[str] = BBOX,
    text: Optional[str] = TEXT, modality: Optional[str] = MODALITY, article: Optional[str] = ARTICLE,
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="at most this many (table: 50 by default)"),
    offset: int = typer.Option(0, "--offset", min=0),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv or geojson"),
) -> None:
    """List the stored events that match the filters (JSONL: one Event.to_json() per line)."""
    from dateline.store.export import WRITERS
    if fmt not in ("table", *WRITERS):
        raise typer.BadParameter("--format must be table, jsonl, csv or geojson")
    f = _filters(since, until, country, admin1, type_, actor, source, bbox, text, modality, article)
    store = _open(db)
    if fmt == "table":
        rows, total = store.query_events(f, limit=50 if limit is None else limit, offset=offset)
        _table(rows, total, offset)
        return
    rows, _ = store.query_events(f, limit=limit, offset=offset)
    WRITERS[fmt](rows, sys.stdout)


@app.command()
@_friendly
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="csv (ACLED columns + dateline's), geojson or jsonl"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="file to write (default: stdout)"),
    db: Optional[str] = DB, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    country: Optional[str] = COUNTRY, admin1: Optional[str] = ADMIN1, type_: Optional[str] = TYPE,
    actor: Optional[str] = ACTOR, source: Optional[str] = SOURCE, bbox: Optional[str] = BBOX,
    text: Optional[str] = TEXT, modality: Optional[str] = MODALITY, article: Optional[str] = ARTICLE,
) -> None:
    """Write every matching event as CSV, GeoJSON or JSONL."""
    from dateline.store.export import WRITERS
    if fmt not in WRITERS:
        raise typer.BadParameter("--format must be csv, geojson or jsonl")
    f = _filters(since, until, country, admin1, type_, actor, source, bbox, text, modality, article)
    store = _open(db)
    try:
        ctx = open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
    except OSError as e:
        print(f"dateline export: cannot write {output}: {e.strerror}", file=sys.stderr)
        raise typer.Exit(1)
    with ctx as out:
        n = WRITERS[fmt](store.iter_events(f), out)
    if output:
        print(f"export: {n} events → {output}", file=sys.stderr)
