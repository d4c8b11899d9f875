"""Read side of the store: filtered event lists, one event, one article, stats.

Everything returns plain dicts (JSON-ready): events in the shape of
`Event.to_json()` with `article_ids` taken from the store (so articles that are
exact or near duplicates of an analysed one are credited too).
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Iterator, Optional

import sqlalchemy as sa

from dateline.store import schema as S
from dateline.store.filters import EventFilters

E = S.events


def _ci_eq(col, value: str):
    return sa.func.lower(col) == value.strip().lower()


def _like(value: str) -> str:
    v = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{v}%"


def filter_conditions(f: EventFilters, postgis: bool = False) -> list:
    """SQL conditions on `events` for the filters (ANDed by the caller)."""
    cond = []
    if f.since:
        cond.append(sa.func.coalesce(E.c.date_latest, E.c.date_earliest) >= f.since)
    if f.until:
        cond.append(sa.func.coalesce(E.c.date_earliest, E.c.date_latest) <= f.until)
    if f.country:
        cond.append(_ci_eq(E.c.country, f.country))
    if f.admin1:
        cond.append(_ci_eq(E.c.admin1, f.admin1))
    if f.modality:
        cond.append(_ci_eq(E.c.modality, f.modality))
    if f.event_type:
        cond.append(sa.or_(_ci_eq(E.c.event_type, f.event_type), _ci_eq(E.c.sub_event_type, f.event_type)))
    if f.actor:
        pat = _like(f.actor)
        cond.append(sa.or_(E.c.actor1.ilike(pat, escape="\\"), E.c.actor2.ilike(pat, escape="\\")))
    if f.source:
        src = sa.select(S.event_sources.c.event_id).where(S.event_sources.c.source.ilike(_like(f.source), escape="\\"))
        cond.append(E.c.event_id.in_(src))
    if f.bbox:
        cond.append(_bbox_condition(f.bbox, postgis))
    if f.text:
        cond.append(_text_condition(f.text))
    if f.article_id:
        ea = S.event_articles
        cond.append(E.c.event_id.in_(sa.select(ea.c.event_id).where(ea.c.article_id == f.article_id)))
    return cond


def _bbox_condition(bbox, postgis: bool):
    a, b, c, d = bbox
    if postgis:
        return sa.text("events.geom && ST_MakeEnvelope(:bx0, :by0, :bx1, :by1, 4326)").bindparams(
            bx0=a, by0=b, bx1=c, by1=d)
    return sa.and_(E.c.longitude.between(a, c), E.c.latitude.between(b, d))


def _text_condition(text: str):
    pat = _like(text)
    ev = sa.select(S.evidence.c.event_id).where(S.evidence.c.text.ilike(pat, escape="\\"))
    ea, ar = S.event_articles, S.articles
    art = sa.select(ea.c.event_id).join(ar, ar.c.id == ea.c.article_id).where(ar.c.text.ilike(pat, escape="\\"))
    return sa.or_(E.c.event_id.in_(ev), E.c.event_id.in_(art))


class QueryMixin:
    """Read methods of `Store` (needs `self._read()` and `self.has_postgis`)."""

    def _where(self, filters: Optional[EventFilters]):
        return filter_conditions(filters or EventFilters(), getattr(self, "has_postgis", False))

    def _article_ids(self, c, event_ids: list[str]) -> dict[str, list[str]]:
        ea = S.event_articles
        out: dict[str, list[str]] = {e: [] for e in event_ids}
        for i in range(0, len(event_ids), 500):
            q = (sa.select(ea.c.event_id, ea.c.article_id).where(ea.c.event_id.in_(event_ids[i:i + 500]))
                 .order_by(ea.c.event_id, ea.c.seq, ea.c.article_id))
            for eid, aid in c.execute(q):
                out[eid].append(aid)
        return out

    def _docs(self, c, rows) -> list[dict]:
        rows = list(rows)
        ids = self._article_ids(c, [r.event_id for r in rows])
        docs = []
        for r in rows:
            d = json.loads(r.json)
            d["article_ids"] = ids.get(r.event_id) or d.get("article_ids") or []
            docs.append(d)
        return docs

    def query_events(self, filters: Optional[EventFilters] = None, limit: Optional[int] = 100,
                     offset: int = 0) -> tuple[list[dict], int]:
        """Events matching the filters (by date, then id) and how many match in all."""
        cond = self._where(filters)
        with self._read() as c:
            total = c.execute(sa.select(sa.func.count()).select_from(E).where(*cond)).scalar_one()
            q = (sa.select(E.c.event_id, E.c.json).where(*cond)
                 .order_by(E.c.date_earliest.is_(None), E.c.date_earliest, E.c.event_id).offset(offset or 0))
            if limit is not None:
                q = q.limit(limit)
            return self._docs(c, c.execute(q)), total

    def iter_events(self, filters: Optional[EventFilters] = None, page: int = 1000) -> Iterator[dict]:
        """Every matching event, a page at a time (for exports)."""
        offset = 0
        while True:
            rows, _ = self.query_events(filters, limit=page, offset=offset)
            yield from rows
            if len(rows) < page:
                return
            offset += page

    def get_event(self, event_id: str) -> Optional[dict]:
        """One event with its mentions, evidence, claims and the articles behind it."""
        with self._read() as c:
            r = c.execute(sa.select(E.c.event_id, E.c.json, E.c.mentions).where(E.c.event_id == event_id)).first()
            if r is None:
                return None
            doc = self._docs(c, [r])[0]
            doc["mentions"] = json.loads(r.mentions) if r.mentions else []
            ar = S.articles
            arts = c.execute(sa.select(ar.c.id, ar.c.title, ar.c.url, ar.c.outlet, ar.c.published,
                                       ar.c.near_duplicate_of).where(ar.c.id.in_(doc["article_ids"])))
            doc["articles"] = [{**r._asdict(), "published": _iso(r.published)} for r in arts]
            return doc

    def get_article(self, article_id: str) -> Optional[dict]:
        """One article (an alias id resolves to the stored one): text, metadata, events, evidence spans."""
        ar, al = S.articles, S.article_aliases
        with self._read() as c:
            r = c.execute(sa.select(ar).where(ar.c.id == article_id)).first()
            if r is None:
                real = c.execute(sa.select(al.c.article_id).where(al.c.alias_id == article_id)).scalar()
                r = c.execute(sa.select(ar).where(ar.c.id == real)).first() if real else None
            if r is None:
                return None
            doc = {k: v for k, v in r._asdict().items()}
            doc["published"] = _iso(r.published)
            doc["ingested_at"] = r.ingested_at.isoformat() if r.ingested_at else None
            doc["aliases"] = list(c.execute(sa.select(al.c.alias_id).where(al.c.article_id == r.id)).scalars())
            ea, ev = S.event_articles, S.evidence
            doc["event_ids"] = list(c.execute(sa.select(ea.c.event_id).where(ea.c.article_id == r.id)
                                              .order_by(ea.c.event_id)).scalars())
            spans = c.execute(sa.select(ev.c.event_id, ev.c.start_char, ev.c.end_char, ev.c.text, ev.c.label)
                              .where(ev.c.article_id == r.id).order_by(ev.c.start_char, ev.c.id))
            doc["spans"] = [{"event_id": s.event_id, "start": s.start_char, "end": s.end_char,
                             "text": s.text, "label": s.label} for s in spans]
            return doc

    def stats(self, filters: Optional[EventFilters] = None) -> dict:
        """Counts: events by type, by ISO week (of date_earliest), by country; articles; quarantine."""
        cond = self._where(filters)
        with self._read() as c:
            def grouped(col):
                q = sa.select(col, sa.func.count()).select_from(E).where(*cond).group_by(col)
                return {(k if k is not None else "unknown"): n for k, n in c.execute(q)}
            weeks: Counter = Counter()
            for d, n in grouped(E.c.date_earliest).items():
                if isinstance(d, date):
                    y, w, _ = d.isocalendar()
                    weeks[f"{y}-W{w:02d}"] += n
                else:
                    weeks["unknown"] += n
            count = lambda t: c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()  # noqa: E731
            return {
                "events": sum(grouped(E.c.event_type).values()),
                "by_type": grouped(E.c.event_type), "by_country": grouped(E.c.country),
                "by_week": dict(sorted(weeks.items())),
                "articles": count(S.articles), "quarantined": count(S.quarantine),
            }

    def quarantined(self, limit: int = 100, offset: int = 0) -> list[dict]:
        t = S.quarantine
        with self._read() as c:
            q = sa.select(t.c.file, t.c.record, t.c.reason, t.c.at).order_by(t.c.id).limit(limit).offset(offset)
            return [{**r._asdict(), "at": r.at.isoformat() if r.at else None} for r in c.execute(q)]


def _iso(d) -> Optional[str]:
    return d.isoformat() if d else None
