"""`dateline eval GOLD`: precision / recall / F1 against a gold file, chosen by its format.

- `*.gold.json` (the seed's format): events and every field of the whole pipeline;
- `*.tsv` (CASE 2021): event typing over the 25 ACLED classes, and "no event";
- `*.csv` (ACLED rows with `notes`): typing, date, place, admin1, fatalities, actor1;
- `*.xml` (TR-News / GeoWebNews): toponym recognition and resolution;
- a folder with `articles.jsonl` + `gold.json`: cross-article linking, pairwise.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dateline.cli import app


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., exists=True, help="Gold file or folder (format chosen by extension)"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language of the texts (CASE/ACLED)"),
    workers: int = typer.Option(-2, "--workers", "-w", help="Processes (negative: up to that many)"),
    min_f1: float = typer.Option(0.0, "--min-f1", help="Exit 1 when the key figure is below this"),
) -> None:
    """Score dateline against a gold file and print the figures (key figure last)."""
    key = _dispatch(gold, lang, workers)
    if key < min_f1:
        raise typer.Exit(1)


def _dispatch(gold: Path, lang: Optional[str], workers: int) -> float:
    name = gold.name.lower()
    if gold.is_dir():
        from dateline.evaluate.linking import evaluate_linking
        res = evaluate_linking(gold)
        typer.echo(res.render())
        return res.f1
    if name.endswith(".json"):
        from dateline.evaluate.seed import evaluate_gold_file, report
        score, _ = evaluate_gold_file(gold)
        typer.echo(report(score))
        return score.f1
    if name.endswith(".tsv"):
        from dateline.evaluate.classes import evaluate_case
        rep = evaluate_case(gold, workers=workers, lang=lang)
        typer.echo(rep.render())
        return rep.weighted_f1
    if name.endswith(".csv"):
        from dateline.evaluate.classes import evaluate_acled
        rep, fields = evaluate_acled(gold, workers=workers, lang=lang or "en")
        typer.echo(rep.render())
        typer.echo("fields: " + ", ".join(f"{k} {v:.2f}" for k, v in fields.items()))
        return fields.get("subtype", 0.0)
    if name.endswith(".xml"):
        from dateline.evaluate.geo import score_geo_xml
        res = score_geo_xml(gold)
        typer.echo("  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in res.items()))
        return float(res.get("accuracy_161km", res.get("acc161", 0.0)))
    raise typer.BadParameter(f"unknown gold format: {gold}")
