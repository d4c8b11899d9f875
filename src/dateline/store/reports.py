"""The linker's report index, kept in the store (tables `reports`, `link_splits`).

A *report* is one article's event as the pipeline made it (`Event.to_json()`);
the linker (dateline.link) groups reports into events. `StoreIndex` implements
its `ReportIndex` protocol over SQL so that linking survives across ingest runs:

    index = StoreIndex(store, candidate_days=3, candidate_km=50)
    linker = Linker(index=index)

Candidates are blocked in SQL by date window (plus undated reports), then by
distance in Python, like `MemoryIndex`.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Callable, Optional

import sqlalchemy as sa

from dateline.geodesy import between_km
from dateline.store import schema as S

R = S.reports


def _day(value) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class StoreIndex:
    def __init__(self, store, candidate_days: int = 3, candidate_km: float = 50.0,
                 near: Optional[Callable[[dict, dict], bool]] = None):
        """`near(report, other)`: the spatial blocking after the date window (default: within
        `candidate_km`, or either unplaced); the linker passes its own, which knows place levels."""
        self.store = store
        self.candidate_days = candidate_days
        self.candidate_km = candidate_km
        self.near = near or (lambda a, b: (d := between_km(a, b)) is None or d <= candidate_km)

    def candidates(self, report: dict) -> list[dict]:
        lo, hi = _day(report.get("date_earliest")), _day(report.get("date_latest"))
        q = sa.select(R.c.json)
        if lo and hi:
            w = timedelta(days=self.candidate_days)
            q = q.where(sa.or_(R.c.date_earliest.is_(None), R.c.date_latest.is_(None),
                               sa.and_(R.c.date_earliest <= hi + w, R.c.date_latest >= lo - w)))
        with self.store._read() as c:
            rows = [json.loads(j) for j in c.execute(q).scalars()]
        out = [r for r in rows if self.near(report, r)]
        return sorted(out, key=lambda r: r["event_id"])

    def cluster_of(self, report_id: str) -> Optional[str]:
        with self.store._read() as c:
            return c.execute(sa.select(R.c.event_id).where(R.c.report_id == report_id)).scalar()

    def members(self, event_id: str) -> list[dict]:
        with self.store._read() as c:
            q = sa.select(R.c.json).where(R.c.event_id == event_id).order_by(R.c.seq, R.c.report_id)
            return [json.loads(j) for j in c.execute(q).scalars()]

    def assign(self, report: dict, event_id: str) -> None:
        rid = report["event_id"]
        with self.store.transaction() as c:
            seq = c.execute(sa.select(sa.func.count()).select_from(R)).scalar_one()
            c.execute(sa.delete(R).where(R.c.report_id == rid))
            c.execute(sa.insert(R), [{
                "report_id": rid, "event_id": event_id, "date_earliest": _day(report.get("date_earliest")),
                "date_latest": _day(report.get("date_latest")), "latitude": report.get("latitude"),
                "longitude": report.get("longitude"), "seq": seq,
                "json": json.dumps(report, ensure_ascii=False, default=str)}])

    def cannot_link(self, a: str, b: str) -> bool:
        t = S.link_splits
        x, y = sorted((a, b))
        with self.store._read() as c:
            return c.execute(sa.select(t.c.a).where(t.c.a == x, t.c.b == y)).first() is not None

    def add_split(self, a: str, b: str) -> None:
        """A user's 'these two reports are not the same event' (the linker never joins them)."""
        if self.cannot_link(a, b):
            return
        x, y = sorted((a, b))
        with self.store.transaction() as c:
            c.execute(sa.insert(S.link_splits), [{"a": x, "b": y}])
