"""Scoring a whole-pipeline gold file (the seed's format: `*.gold.json`).

Matching rules follow the gold file's `notes`: a predicted event matches a
gold event when their evidence overlaps (the gold evidence quotes are verbatim
substrings of the article); then each field is checked — type and sub-type
(with the gold's accepted alternatives), actors (canonical or accepted names),
place (within `within_km` of the gold point, same country, admin1 when given),
date (the predicted range inside the gold range), fatalities, modality and
sources (F1 of the named sources).
"""
from __future__ import annotations

from dateline.geodesy import haversine_km as km

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

FIELDS = ("type", "subtype", "actor1", "actor2", "place", "date", "toll", "modality", "sources")


def fold(s) -> str:
    return unicodedata.normalize("NFKD", str(s or "")).encode("ascii", "ignore").decode().lower().strip()


def _name_key(s) -> str:
    return re.sub(r"\s*\(.*?\)\s*$", "", fold(s)).replace("-", " ")


@dataclass
class SeedScore:
    matched: dict[str, int] = field(default_factory=dict)
    n_pred: int = 0
    n_gold: int = 0
    non_event_hits: int = 0
    fields: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in FIELDS})

    @property
    def precision(self) -> float:
        return len(self.matched) / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return len(self.matched) / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> dict[str, float]:
        return {k: (sum(v) / len(v) if v else 0.0) for k, v in self.fields.items()}


def _spans(texts, article: str) -> list[tuple[int, int]]:
    out = []
    for t in texts:
        t = (t.get("text") if isinstance(t, dict) else t) or ""
        i = article.find(t.strip()) if t.strip() else -1
        if i >= 0:
            out.append((i, i + len(t.strip())))
    return out


def _overlap(a, b) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def type_ok(p: dict, g: dict) -> tuple[bool, bool]:
    pairs = [(g["event_type"], g["sub_event_type"])]
    for alt in g.get("event_type_accept", []):
        head, _, sub = alt.rpartition("/")
        pairs.append((head, sub))
    pairs += [(g["event_type"], s) for s in g.get("sub_event_type_accept", [])]
    pt, ps = fold(p.get("event_type")), fold(p.get("sub_event_type"))
    return any(fold(t) == pt for t, _ in pairs), any(fold(t) == pt and fold(s) == ps for t, s in pairs)


def actor_ok(pred: Optional[str], gold: dict) -> bool:
    accept = gold.get("accept", [gold.get("canonical")])
    if not pred:
        return None in accept
    return any(a is not None and _name_key(a) == _name_key(pred) for a in accept)


def place_ok(p: dict, loc: dict) -> bool:
    try:
        lat, lon = float(p["latitude"]), float(p["longitude"])
    except (TypeError, ValueError, KeyError):
        return False
    if fold(loc["country"]) != fold(p.get("country")):
        return False
    if loc.get("admin1") and p.get("admin1") and _name_key(loc["admin1"]) not in _name_key(p["admin1"]).replace("governorate", "").strip():
        return False
    return km(lat, lon, loc["lat"], loc["lon"]) <= loc["within_km"]


def date_ok(p: dict, g: dict) -> bool:
    try:
        e, l = date.fromisoformat(str(p.get("date_earliest"))[:10]), date.fromisoformat(str(p.get("date_latest"))[:10])
    except ValueError:
        return False
    return date.fromisoformat(g["earliest"]) <= e <= l <= date.fromisoformat(g["latest"])


def sources_f1(p: dict, g: dict) -> float:
    got = {_name_key(s) for s in p.get("sources") or []}
    want = {_name_key(s) for s in g.get("sources") or []}
    if not want:
        return 1.0 if not got else 0.0
    tp = len(got & want)
    if not tp:
        return 0.0
    pr, rc = tp / len(got), tp / len(want)
    return 2 * pr * rc / (pr + rc)


def score_events(gold: dict, article: str, preds: list[dict]) -> SeedScore:
    score = SeedScore(n_pred=len(preds), n_gold=len(gold["events"]))
    gspans = {g["id"]: _spans(g["evidence"], article) for g in gold["events"]}
    pspans = [_spans(p.get("evidence") or [], article) for p in preds]
    used: set[int] = set()
    for g in gold["events"]:
        cands = [i for i, _ in enumerate(preds) if i not in used and _overlap(pspans[i], gspans[g["id"]])]
        if cands:
            best = max(cands, key=lambda i: (type_ok(preds[i], g)[1], place_ok(preds[i], g["location"])))
            score.matched[g["id"]] = best
            used.add(best)
    nspans = _spans([n["text"] for n in gold.get("non_events", [])], article)
    score.non_event_hits = sum(1 for i in range(len(preds)) if i not in used and _overlap(pspans[i], nspans))
    for g in gold["events"]:
        i = score.matched.get(g["id"])
        if i is None:
            for v in score.fields.values():
                v.append(0.0)
            continue
        p = preds[i]
        t, s = type_ok(p, g)
        checks = {
            "type": t, "subtype": s, "actor1": actor_ok(p.get("actor1"), g["actor1"]),
            "actor2": actor_ok(p.get("actor2"), g["actor2"]), "place": place_ok(p, g["location"]),
            "date": date_ok(p, g["date"]), "toll": (p.get("fatalities") or 0) == (g.get("fatalities") or 0),
            "modality": fold(p.get("modality")) == fold(g.get("modality")),
        }
        for k, v in checks.items():
            score.fields[k].append(float(v))
        score.fields["sources"].append(sources_f1(p, g))
    return score


def evaluate_gold_file(path: Path) -> tuple[SeedScore, list[dict]]:
    """Run the pipeline on the gold's article (found beside the gold file) and score it."""
    from dateline.ingest.readers import read_articles
    from dateline.pipeline import Pipeline
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    art_path = Path(path).parent / gold["article"]
    article = next(a for a in read_articles([art_path]) if hasattr(a, "text"))
    preds = [e.to_json() for e in Pipeline().analyse(article)]
    return score_events(gold, article.text, preds), preds


def report(score: SeedScore) -> str:
    acc = score.accuracy()
    lines = [f"{gid}: matched" for gid in score.matched]
    lines.append(f"events: predicted {score.n_pred}, gold {score.n_gold}, matched {len(score.matched)}, "
                 f"on non-events {score.non_event_hits}")
    lines.append("field accuracy (over all gold events): " + ", ".join(f"{k} {v:.2f}" for k, v in acc.items()))
    lines.append(f"event P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}; "
                 f"mean field accuracy {sum(acc.values()) / len(acc):.2f}")
    return "\n".join(lines)
