"""`dateline places PATH...`: the toponyms of each article, resolved to coordinates."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from dateline.cli import app

LANGUAGES = ("fr", "en")


def guess_language(text: str, declared: Optional[str] = None) -> str:
    """The article's language among those we have pipelines for (declared first, else py3langid)."""
    if declared and declared[:2].lower() in LANGUAGES:
        return declared[:2].lower()
    import py3langid
    py3langid.set_languages(list(LANGUAGES))
    lang, _ = py3langid.classify(text[:5000])
    return lang if lang in LANGUAGES else "en"


def place_json(ref) -> dict:
    p = ref.place
    return {
        "text": ref.text, "start": ref.start, "end": ref.end, "name": p.name, "geonameid": p.geonameid,
        "latitude": p.latitude, "longitude": p.longitude, "country": p.country, "country_code": p.country_code,
        "admin1": p.admin1, "feature_class": p.feature_class, "feature_code": p.feature_code,
        "geo_precision": ref.geo_precision, "role": getattr(ref, "role", "toponym"), "score": ref.score,
    }


@app.command()
def places(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (txt, JSONL, CSV, HTML…)."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl or text."),
    demonyms: bool = typer.Option(True, "--demonyms/--no-demonyms",
                                  help="Also list demonyms (\"Syrian\" → Syria), marked role=demonym."),
) -> None:
    """Print the places each article mentions, resolved to coordinates (one JSON line per article)."""
    from dateline.geo import geoparse
    from dateline.ingest.readers import Rejected, read_articles
    from dateline.nlp import load_nlp, normalise_for_nlp

    for item in read_articles(paths):
        if isinstance(item, Rejected):
            print(item.message() if hasattr(item, "message") else str(item), file=sys.stderr)
            continue
        try:
            lang = guess_language(item.text, item.language)
            doc = load_nlp(lang)(normalise_for_nlp(item.text))
            refs = geoparse(item.text, doc, lang, include_demonyms=demonyms)
        except Exception as e:  # one bad article must not stop the batch
            print(f"{item.source_file or ''}:{item.record or ''}: places failed ({type(e).__name__}: {e})",
                  file=sys.stderr)
            continue
        if format == "jsonl":
            print(json.dumps({"article_id": item.id, "language": lang, "places": [place_json(r) for r in refs]},
                             ensure_ascii=False), flush=True)
        else:
            for r in refs:
                print(f"{item.id}\t{r.start}-{r.end}\t{r.text}\t{r.place.name}\t{r.place.country or ''}\t"
                      f"{r.place.latitude:.4f},{r.place.longitude:.4f}\t{getattr(r, 'role', '')}")
