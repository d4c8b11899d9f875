"""`dateline gazetteer build | import`: the place index behind `places` and `extract`."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from dateline.cli import app

gazetteer_app = typer.Typer(help="Build the gazetteer index or import a full GeoNames dump into it.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build(index: Optional[Path] = typer.Option(None, "--index", help="Index file (default: the cache).")) -> None:
    """(Re)build the index from the shipped sources: cities500, regions, countries, the supplement."""
    from dateline.geo.gazetteer import Gazetteer
    t = time.time()
    gaz = Gazetteer.open(index, rebuild=True)
    typer.echo(f"{gaz.count():,} places in {gaz.path} ({time.time() - t:.1f} s)")


@gazetteer_app.command("import")
def import_dump(
    dump: Path = typer.Argument(..., help="allCountries.txt (or a country file) in GeoNames format."),
    alternate_names: Optional[Path] = typer.Option(None, "--alternate-names",
                                                   help="alternateNamesV2.txt in GeoNames format."),
    index: Optional[Path] = typer.Option(None, "--index", help="Index file (default: the cache)."),
    bare: bool = typer.Option(False, "--bare", help="Into an index holding only the dump (no shipped sources)."),
) -> None:
    """Add (or update) every place of a GeoNames dump in the index."""
    from dateline.geo.gazetteer import Gazetteer
    from dateline.geo.sources import read_geonames_dump
    if not dump.is_file():
        raise typer.BadParameter(f"{dump}: no such file")
    t = time.time()
    gaz = Gazetteer.bare(index) if bare else Gazetteer.open(index)
    n = gaz.add_rows(read_geonames_dump(dump, alternate_names))
    gaz.country_names = gaz._country_names()
    typer.echo(f"imported {n:,} places from {dump} into {gaz.path} ({time.time() - t:.1f} s)")
