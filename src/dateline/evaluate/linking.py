"""Scoring cross-article linking on a folder with `articles.jsonl` and `gold.json`.

Pairwise precision / recall / F1 over article pairs (two articles are linked
when they share an event), the share of near-miss articles kept apart, and a
sweep of the threshold so the one in data/linking.yaml is chosen, not guessed.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from dateline.link.linker import Embedder, Linker, pairwise_prf


@dataclass
class LinkResult:
    precision: float
    recall: float
    f1: float
    near_miss_apart: float
    threshold: float
    sweep: list[tuple[float, float, float, float, float]] = field(default_factory=list)
    shuffled_same: bool = True

    def render(self) -> str:
        lines = [f"threshold {t:.2f}: P {p:.2f} R {r:.2f} F1 {f:.2f} near misses apart {n:.2f}"
                 for t, p, r, f, n in self.sweep]
        lines.append(f"same events when ingested in another order: {'yes' if self.shuffled_same else 'NO'}")
        lines.append(f"linking (threshold {self.threshold:.2f}): pairwise P {self.precision:.2f} R {self.recall:.2f} "
                     f"F1 {self.f1:.2f}; near misses kept apart {self.near_miss_apart:.2f}")
        return "\n".join(lines)


def reports_of(articles_path: Path) -> list[dict]:
    from dateline.ingest.readers import read_articles
    from dateline.pipeline import analyse_articles
    arts = [a for a in read_articles([articles_path]) if hasattr(a, "text")]
    return [e.to_json() for _, evs in analyse_articles(arts, workers=-2) for e in evs]


def groups_of(linker: Linker, reports: list[dict]) -> list[set[str]]:
    clusters: dict[str, set[str]] = {}
    for r in reports:
        eid = linker.index.cluster_of(r["event_id"])
        clusters.setdefault(eid, set()).update(r.get("article_ids") or [])
    return list(clusters.values())


def run_linker(reports: list[dict], threshold: float, embedder: Embedder) -> list[set[str]]:
    linker = Linker(embedder=embedder, threshold=threshold)
    for r in reports:
        linker.link(r)
    return groups_of(linker, reports)


def near_miss_apart(groups: list[set[str]], group: dict[str, str], kind: dict[str, str]) -> float:
    linked = {a for g in groups if len(g) > 1 for a in g}
    near = [a for a, g in group.items() if kind[g] != "anchor"]
    return sum(a not in linked for a in near) / max(1, len(near))


def evaluate_linking(folder: Path) -> LinkResult:
    from dateline.link.score import params
    gold = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))
    group = {a: g["group"] for g in gold["groups"] for a in g["articles"]}
    kind = {g["group"]: g["kind"] for g in gold["groups"]}
    reports = reports_of(Path(folder) / "articles.jsonl")
    embedder = Embedder()
    embedder.vectors(reports)
    sweep = []
    for t in [x / 100 for x in range(50, 81, 2)]:
        groups = run_linker(reports, t, embedder)
        sweep.append((t, *pairwise_prf(groups, group), near_miss_apart(groups, group, kind)))
    threshold = float(params()["threshold"])
    groups = run_linker(reports, threshold, embedder)
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    same = sorted(map(sorted, run_linker(shuffled, threshold, embedder))) == sorted(map(sorted, groups))
    p, r, f = pairwise_prf(groups, group)
    return LinkResult(p, r, f, near_miss_apart(groups, group, kind), threshold, sweep, same)
