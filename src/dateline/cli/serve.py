"""`dateline serve`: the JSON API and the map page over a store."""
from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from dateline.cli import app


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: dateline.db here)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind; loopback unless you mean to share it"),
    port: int = typer.Option(8000, "--port", min=0, max=65535),
    write_token: Optional[str] = typer.Option(
        None, "--write-token", envvar="DATELINE_WRITE_TOKEN", show_envvar=True,
        help="allow split/merge with 'Authorization: Bearer TOKEN' (read-only without it)"),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="uvicorn worker processes"),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level"),
    no_cache: bool = typer.Option(False, "--no-cache", help="do not keep API responses between requests"),
) -> None:
    """Serve the JSON API (/api, schema at /openapi.json, docs at /docs) and the map page (/)."""
    import uvicorn

    from dateline.web import create_app

    target = db or os.environ.get("DATELINE_DB") or "dateline.db"
    if "://" not in target and not Path(target).is_file():
        print(f"dateline serve: no database at {target} (build one with `dateline ingest FILES`, "
              "or pass --db PATH_OR_URL)", file=sys.stderr)
        raise typer.Exit(1)
    try:
        web_app = create_app(db, write_token=write_token, cache=not no_cache)
    except Exception as e:  # a missing or unreadable database: say which, in one line
        print(f"dateline serve: cannot open store {db or 'dateline.db'}: {e}", file=sys.stderr)
        raise typer.Exit(1)
    if not _is_loopback(host):
        print(f"dateline serve: listening on {host}, reachable from other machines"
              + ("; edits allowed with the write token" if write_token else "; read-only"), file=sys.stderr)
    print(f"dateline: http://{host}:{port}/  (API: /api/events, schema: /openapi.json)", file=sys.stderr)
    if workers > 1:
        # Each worker process builds its own app (and store connection pool) from the environment.
        if db:
            os.environ["DATELINE_DB"] = db
        os.environ["DATELINE_WRITE_TOKEN"] = write_token or ""
        os.environ["DATELINE_RESPONSE_CACHE"] = "0" if no_cache else "1"
        uvicorn.run("dateline.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level=log_level, access_log=False)
        return
    uvicorn.run(web_app, host=host, port=port, log_level=log_level, access_log=False)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
