"""Scoring event typing on labelled snippets: CASE 2021 (TSV) and ACLED notes (CSV).

Each snippet or note is one article; its predicted label is the sub-event type
of its most confident event, or NONE. Prints per-class precision/recall/F1 and
the weighted F1 over the ACLED classes, like the shared checks do.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from dateline.records import Article

NON_CONFLICT = {"DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"}
NONE = "NONE"


def case_labels() -> dict[str, str]:
    """CASE label → ACLED sub-event type, from data/taxonomy.yaml."""
    from dateline import langdata
    tax = langdata.load("taxonomy")
    return {s["case_label"]: s["name"] for t in tax["event_types"] for s in t["sub_event_types"] if s.get("case_label")}


def best_events(articles: Iterable[Article], workers: int) -> dict[str, dict]:
    """Article id → the JSON of its most confident event (first on ties)."""
    from dateline.pipeline import analyse_articles
    best: dict[str, dict] = {}
    for art, events in analyse_articles(articles, workers=workers):
        for e in events:
            j = e.to_json()
            if art.id not in best or (j["confidence"] or 0) > (best[art.id]["confidence"] or 0):
                best[art.id] = j
    return best


@dataclass
class ClassReport:
    per_class: dict[str, tuple[float, float, float, int]]  # label → (P, R, F1, support)
    weighted_f1: float
    macro_f1: float
    accuracy: float
    none_rate_non_conflict: float
    n: int

    def render(self) -> str:
        lines = [f"{'class':40s} {'P':>5s} {'R':>5s} {'F1':>5s} {'n':>4s}"]
        for label, (p, r, f, n) in sorted(self.per_class.items(), key=lambda kv: -kv[1][3]):
            lines.append(f"{label:40s} {p:5.2f} {r:5.2f} {f:5.2f} {n:4d}")
        lines.append(f"weighted F1 {self.weighted_f1:.3f}  macro F1 {self.macro_f1:.3f}  accuracy {self.accuracy:.3f}  "
                     f"(over {self.n} conflict snippets)")
        lines.append(f"non-conflict snippets with no event: {self.none_rate_non_conflict:.0%}")
        return "\n".join(lines)


def class_report(gold: dict[str, str], pred: dict[str, str], unseen: set[str]) -> ClassReport:
    seen = [a for a in gold if gold[a] not in unseen]
    support = Counter(gold[a] for a in seen)
    per = {}
    for label in sorted(support):
        tp = sum(1 for a in seen if gold[a] == label and pred[a] == label)
        fp = sum(1 for a in seen if gold[a] != label and pred[a] == label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / support[label]
        per[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, support[label])
    weighted = sum(per[l][2] * support[l] for l in per) / max(1, len(seen))
    macro = sum(v[2] for v in per.values()) / max(1, len(per))
    acc = sum(pred[a] == gold[a] for a in seen) / max(1, len(seen))
    others = [a for a in gold if gold[a] in unseen]
    none_rate = sum(pred[a] == NONE for a in others) / max(1, len(others))
    return ClassReport(per, weighted, macro, acc, none_rate, len(seen))


def evaluate_case(path: Path, workers: int = -2, lang: Optional[str] = None) -> ClassReport:
    rows = list(csv.reader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    mapping = case_labels()
    arts = [Article(id=f"case-{r[0]}", text=r[1], language=lang) for r in rows if len(r) >= 3]
    best = best_events(arts, workers)
    gold = {f"case-{r[0]}": (mapping.get(r[2], r[2])) for r in rows if len(r) >= 3}
    pred = {a: best[a]["sub_event_type"] if a in best else NONE for a in gold}
    return class_report(gold, pred, NON_CONFLICT)


def evaluate_acled(path: Path, workers: int = -2, lang: str = "en") -> tuple[ClassReport, dict[str, float]]:
    """Run on `notes`; compare sub-event type, date, place (50 km), admin1, fatalities, actor1."""
    from dateline.evaluate.seed import fold, km
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    arts = [Article(id=r["event_id_cnty"], text=r["notes"], language=lang) for r in rows]
    best = best_events(arts, workers)
    fields = Counter()
    for r in rows:
        e = best.get(r["event_id_cnty"])
        if not e:
            continue
        fields["found"] += 1
        fields["subtype"] += fold(e["sub_event_type"]) == fold(r["sub_event_type"])
        try:
            d = date.fromisoformat(r["event_date"][:10])
            fields["date"] += date.fromisoformat(str(e["date_earliest"])[:10]) <= d <= date.fromisoformat(str(e["date_latest"])[:10])
        except ValueError:
            pass
        if e.get("latitude") is not None:
            fields["place50"] += km(e["latitude"], e["longitude"], float(r["latitude"]), float(r["longitude"])) <= 50
        fields["admin1"] += bool(r["admin1"]) and fold(r["admin1"]) in fold(e.get("admin1"))
        fields["fatalities"] += int(e.get("fatalities") or 0) == int(float(r["fatalities"] or 0))
        fields["actor1"] += _actor_overlap(r["actor1"], e.get("actor1"))
    n = max(1, len(rows))
    gold = {r["event_id_cnty"]: r["sub_event_type"] for r in rows}
    pred = {a: best[a]["sub_event_type"] if a in best else NONE for a in gold}
    return class_report(gold, pred, set()), {k: v / n for k, v in fields.items()}


_STOP = {"forces", "force", "of", "the", "group", "armed", "and", "de", "des", "military"}


def _actor_overlap(gold: str, pred: Optional[str]) -> bool:
    import re
    from dateline.evaluate.seed import fold
    g = {w for w in re.findall(r"[a-z]+", fold(gold)) if w not in _STOP and len(w) > 2}
    p = {w for w in re.findall(r"[a-z]+", fold(pred)) if w not in _STOP and len(w) > 2}
    return bool(g & p)
