"""The `dateline` command: one verb per job, each in its own module.

This package only parses arguments and prints; the work is done by the library
(`dateline.pipeline`, `dateline.store`, `dateline.geo`…), so everything the CLI
does can be done from Python too.
"""
from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="dateline: news articles in, source-attributed, mapped conflict events out.",
    pretty_exceptions_enable=False,
)

# Each module registers its command(s) on `app`. Listed here so the verbs are
# visible in one place; a module that is missing is skipped (partial installs).
COMMAND_MODULES = ["extract", "places", "evaluate", "ingest", "events", "serve", "run", "gazetteer"]


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            importlib.import_module(f"dateline.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"dateline.cli.{name}":
                raise


def main() -> None:
    _register()
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
