"""Read side of the store: filtered event lists, one event, one article, stats.

Everything returns plain dicts (JSON-ready): events in the shape of
`Event.to_json()` with `article_ids` taken from the store (so articles that are
exact or near duplicates of an analysed one are credited too).
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import Iterator, Optional

import sqlalchemy as sa

from dateline.store import schema as S
from dateline.store.filters import EventFilters

E = S.events


TOTAL_CAP = 10_000  # query_events counts matches up to this many (+1: "more than TOTAL_CAP")


def _ci_eq(col, value: str):
    """Case-insensitive equality on one of the stored lowercase `*_lc` columns (indexed)."""
    return col == value.strip().lower()


def _like(value: str) -> str:
    v = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{v}%"


def _names(kind: str, pattern: str):
    """Names of this kind in filter_names containing the pattern (case-insensitive)."""
    n = S.filter_names
    return sa.select(n.c.name).where(n.c.kind == kind, n.c.name.ilike(pattern, escape="\\"))


def _in_set(ids, cap: Optional[int]):
    """events.event_id IN (ids): for counting, at most cap+1 distinct ids are needed."""
    if cap is not None:
        ids = ids.distinct().limit(cap + 1)
    return E.c.event_id.in_(ids)


def filter_conditions(f: EventFilters, postgis: bool = False, dialect: str = "",
                      max_span: Optional[int] = None, mode: str = "in", cap: Optional[int] = None,
                      text_hits: Optional[tuple[str, str]] = None) -> list:
    """SQL conditions on `events` for the filters (ANDed by the caller).

    Dates: the range [day_from, day_to] overlaps [since, until]; with `max_span` (the longest
    range stored, in days) an extra lower bound on day_from lets an index range apply.
    Filters on other tables (source, text) are `event_id IN (set)` (mode "in"; with `cap` the set
    stops at cap+1 ids, for a capped count) or correlated EXISTS (mode "exists": for a page
    read in index order, which stops after `limit` matches)."""
    exists = mode == "exists"
    cond = []
    if f.since:
        cond.append(E.c.day_to >= f.since)
        if max_span is not None:
            cond.append(E.c.day_from >= f.since - timedelta(days=max(0, max_span)))
    if f.until:
        cond.append(E.c.day_from <= f.until)
    if f.country:
        cond.append(_ci_eq(E.c.country_lc, f.country))
    if f.admin1:
        cond.append(_ci_eq(E.c.admin1_lc, f.admin1))
    if f.modality:
        cond.append(_ci_eq(E.c.modality_lc, f.modality))
    if f.event_type:
        cond.append(sa.or_(_ci_eq(E.c.event_type_lc, f.event_type), _ci_eq(E.c.sub_event_type_lc, f.event_type)))
    if f.actor:
        names = _names("actor", _like(f.actor))
        if exists or cap is None:
            cond.append(sa.or_(E.c.actor1.in_(names), E.c.actor2.in_(names)))
        else:  # a capped count: start from the two name indexes
            e2 = E.alias("e2")
            cond.append(sa.or_(E.c.event_id.in_(sa.select(e2.c.event_id).where(e2.c.actor1.in_(names))),
                               E.c.event_id.in_(sa.select(e2.c.event_id).where(e2.c.actor2.in_(names)))))
    if f.source:
        es = S.event_sources
        names = _names("source", _like(f.source).lower())
        if exists:
            cond.append(sa.exists().where(es.c.event_id == E.c.event_id, es.c.source_lc.in_(names)))
        else:
            cond.append(E.c.event_id.in_(sa.select(es.c.event_id).where(es.c.source_lc.in_(names))))
    if f.bbox:
        cond.append(_bbox_condition(f.bbox, postgis))
    if f.text:
        cond.append(_text_condition(f.text, dialect, mode, cap, text_hits))
    if f.article_id:
        ea = S.event_articles
        cond.append(E.c.event_id.in_(sa.select(ea.c.event_id).where(ea.c.article_id == f.article_id)))
    return cond


def _bbox_condition(bbox, postgis: bool):
    a, b, c, d = bbox
    if postgis:
        return sa.text("events.geom && ST_MakeEnvelope(:bx0, :by0, :bx1, :by1, 4326)").bindparams(
            bx0=a, by0=b, bx1=c, by1=d)
    return sa.and_(E.c.latitude.between(b, d), E.c.longitude.between(a, c))


def _fts_phrase(text: str) -> str:
    """An FTS5 trigram query for the substring `text`: one quoted phrase."""
    return '"' + text.replace('"', '""') + '"'


def _json_ids(name: str, value: str):
    """SELECT value FROM json_each(:name): a list of ids passed as one JSON parameter (SQLite)."""
    return sa.text(f"select value from json_each(:{name})").bindparams(
        sa.bindparam(name, value)).columns(sa.column("value"))


def text_hits_sqlite(c, text: str) -> Optional[tuple[str, str]]:
    """SQLite, 3+ characters: (evidence ids, article ids) whose text contains `text`, as JSON
    lists, from the FTS5 trigram tables, to be looked up once per page (see _text_condition)."""
    text = text.strip()
    if len(text) < 3:
        return None
    q = _fts_phrase(text)
    ev = c.execute(sa.text("select rowid from evidence_fts where evidence_fts match :q"), {"q": q}).scalars()
    ar = c.execute(sa.text("select a.id from articles a where a.rowid in "
                           "(select rowid from articles_fts where articles_fts match :q)"), {"q": q}).scalars()
    return json.dumps(list(ev)), json.dumps(list(ar), ensure_ascii=False)


def _text_condition(text: str, dialect: str = "", mode: str = "in", cap: Optional[int] = None,
                    hits: Optional[tuple[str, str]] = None):
    """Substring of an evidence span or of an article's text, case-insensitive.

    SQLite: through the FTS5 trigram tables (migration 0003) for 3+ characters (`hits`, from
    text_hits_sqlite, or looked up here); PostgreSQL: ILIKE, which the pg_trgm GIN indexes
    serve when the extension is there."""
    text = text.strip()
    ea, ar, ev = S.event_articles, S.articles, S.evidence
    if hits is not None:
        ev_hit = ev.c.id.in_(_json_ids("text_ev_ids", hits[0]))
        ar_hit = ea.c.article_id.in_(_json_ids("text_ar_ids", hits[1]))
    elif dialect == "sqlite" and len(text) >= 3:
        q = _fts_phrase(text)
        rowid = sa.column("rowid", sa.Integer)
        ev_hit = ev.c.id.in_(sa.text("select rowid from evidence_fts where evidence_fts match :fts_q")
                             .bindparams(fts_q=q).columns(rowid))
        ar_ids = sa.select(ar.c.id).where(sa.literal_column("articles.rowid").in_(
            sa.text("select rowid from articles_fts where articles_fts match :fts_q").bindparams(fts_q=q)
            .columns(rowid)))
        ar_hit = ea.c.article_id.in_(ar_ids)
    else:
        pat = _like(text)
        ev_hit = ev.c.text.ilike(pat, escape="\\")
        ar_hit = ea.c.article_id.in_(sa.select(ar.c.id).where(ar.c.text.ilike(pat, escape="\\")))
    ev_ids, ar_ids = sa.select(ev.c.event_id).where(ev_hit), sa.select(ea.c.event_id).where(ar_hit)
    if mode == "exists":
        if dialect == "sqlite":
            # Walk the page's index and test membership in each set, built once: `|| ''` keeps
            # SQLite from driving the query from the set (then sorting all of it) instead.
            key = E.c.event_id.op("||")(sa.literal(""))
            return sa.or_(key.in_(ev_ids), key.in_(ar_ids))
        return sa.or_(sa.exists().where(ev.c.event_id == E.c.event_id, ev_hit),
                      sa.exists().where(ea.c.event_id == E.c.event_id, ar_hit))
    return sa.or_(_in_set(ev_ids, cap), _in_set(ar_ids, cap))


_AIDS_KEY = '"article_ids": '


def with_article_ids(raw: str, article_ids: list[str]) -> str:
    """The stored event JSON text with its `article_ids` replaced, without parsing the document
    (Event.to_json() puts article_ids second; any other layout is parsed and re-serialised)."""
    if not article_ids:
        return raw
    i = raw.find(_AIDS_KEY, 0, 400)
    new = json.dumps(article_ids, ensure_ascii=False)
    if i > 0 and raw.startswith('{"event_id": '):
        j = i + len(_AIDS_KEY)
        try:
            _, end = _DECODER.raw_decode(raw, j)
            return raw[:j] + new + raw[end:]
        except ValueError:
            pass
    doc = json.loads(raw)
    doc["article_ids"] = article_ids or doc.get("article_ids") or []
    return json.dumps(doc, ensure_ascii=False, default=str)


_DECODER = json.JSONDecoder()


class QueryMixin:
    """Read methods of `Store` (needs `self._read()` and `self.has_postgis`)."""

    def _where(self, filters: Optional[EventFilters], c=None, mode: str = "in", cap: Optional[int] = None,
               max_span: Optional[int] = None, text_hits: Optional[tuple[str, str]] = None):
        f = filters or EventFilters()
        if f.since and c is not None and max_span is None:  # the longest stored range bounds day_from
            max_span = c.execute(sa.select(sa.func.max(E.c.day_span))).scalar() or 0
        return filter_conditions(f, getattr(self, "has_postgis", False), self.dialect, max_span, mode, cap,
                                 text_hits)

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

    def _page(self, c, filters: Optional[EventFilters], limit: Optional[int], offset: int,
              total_cap: Optional[int]) -> tuple[list, int]:
        """(rows of event_id, json in list order, total). The page's ids come from an index
        scan in (sort_day, event_id) order; only then are their JSON documents read."""
        f = filters or EventFilters()
        max_span = (c.execute(sa.select(sa.func.max(E.c.day_span))).scalar() or 0) if f.since else None
        hits = text_hits_sqlite(c, f.text) if f.text and self.dialect == "sqlite" else None
        cond = self._where(f, c, "exists", max_span=max_span, text_hits=hits)
        q = sa.select(E.c.event_id).where(*cond).order_by(E.c.sort_day, E.c.event_id).offset(offset or 0)
        if limit is not None:
            q = q.limit(limit)
        ids = list(c.execute(q).scalars())
        if not (offset or 0) and (limit is None or len(ids) < limit):
            total = len(ids)  # the whole result is on this page
        else:
            cond = self._where(f, c, "in", total_cap, max_span, hits)
            inner = sa.select(sa.literal(1).label("one")).select_from(E).where(*cond)
            if total_cap is not None:
                inner = inner.limit(total_cap + 1)
            total = c.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one()
        rows: dict = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows.update((r.event_id, r) for r in c.execute(
                sa.select(E.c.event_id, E.c.json).where(E.c.event_id.in_(chunk))))
        return [rows[e] for e in ids if e in rows], total

    def query_events(self, filters: Optional[EventFilters] = None, limit: Optional[int] = 100,
                     offset: int = 0, total_cap: Optional[int] = None) -> tuple[list[dict], int]:
        """Events matching the filters (by date_earliest, undated last, then id) and how many
        match in all. The count stops at `total_cap` + 1 (None: exact): a total over `total_cap`
        means "more than total_cap"."""
        with self._read() as c:
            rows, total = self._page(c, filters, limit, offset, total_cap)
            return self._docs(c, rows), total

    def query_events_json(self, filters: Optional[EventFilters] = None, limit: Optional[int] = 100,
                          offset: int = 0, total_cap: Optional[int] = TOTAL_CAP) -> tuple[list[str], int]:
        """As query_events, with each event as its JSON text (not parsed): for the web API."""
        with self._read() as c:
            rows, total = self._page(c, filters, limit, offset, total_cap)
            ids = self._article_ids(c, [r.event_id for r in rows])
            return [with_article_ids(r.json, ids.get(r.event_id)) for r in rows], total

    def iter_events(self, filters: Optional[EventFilters] = None, page: int = 1000) -> Iterator[dict]:
        """Every matching event, a page at a time (for exports)."""
        offset = 0
        while True:
            rows, _ = self.query_events(filters, limit=page, offset=offset, total_cap=0)
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
        with self._read() as c:
            cond = self._where(filters, c)

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
