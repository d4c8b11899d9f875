"""The store: one interface over SQLite (default) and PostgreSQL (+PostGIS).

`open_store(url)` picks the database (argument, else env DATELINE_DB, else
`dateline.db` in the working folder), runs the Alembic migrations, and returns
a `Store`. Writes made inside `with store.transaction():` commit together or
not at all (the ingest uses one transaction per batch); outside it each write
method commits on its own.

Cross-article linking plugs in through `Store(link=…)`: a function
`link(store, article, events) -> events` called by `save_article_events` before
events are written. The default stores each event as it is.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import threading
import warnings
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import sqlalchemy as sa

from dateline.records import Article, Event
from dateline.store import schema as S
from dateline.store.curation import CurationMixin
from dateline.store.queries import QueryMixin

MIGRATIONS = Path(__file__).with_name("migrations")
LinkHook = Callable[["Store", Article, list[Event]], list[Event]]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def resolve_url(url: Optional[str]) -> str:
    """A SQLAlchemy URL from what the user gave: None → $DATELINE_DB → sqlite:///dateline.db."""
    url = url or os.environ.get("DATELINE_DB") or "dateline.db"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def open_store(url: Optional[str] = None, link: Optional[LinkHook] = None, create: bool = True) -> "Store":
    """The store at `url`; with create=False a missing SQLite file raises FileNotFoundError."""
    resolved = resolve_url(url)
    if not create and resolved.startswith("sqlite:///"):
        path = resolved[len("sqlite:///"):].split("?", 1)[0]
        if path and path != ":memory:" and not Path(path).exists():
            raise FileNotFoundError(f"no database at {path} (run 'dateline ingest' first, or give --db)")
    return Store(resolved, link=link)


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def _parse_date(value) -> Optional[date]:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


NO_DAY = date(9999, 12, 31)  # sort_day of undated events (they sort last)


def _lc(value) -> Optional[str]:
    return value.lower()[:200] if isinstance(value, str) else None


def query_keys(row: dict) -> dict:
    """The derived query columns of an events row (see migration 0003 and store/queries.py)."""
    de, dl = row["date_earliest"], row["date_latest"]
    lo, hi = de or dl, dl or de
    keys = {"sort_day": de or NO_DAY, "day_from": lo, "day_to": hi,
            "day_span": (dl - de).days if de and dl else 0}
    for col in ("country", "admin1", "modality", "event_type", "sub_event_type"):
        keys[f"{col}_lc"] = _lc(row[col])
    return keys


def event_row(doc: dict, mentions: Optional[list]) -> dict:
    """The columns of `events` for one event (doc in the shape of Event.to_json())."""
    row = _event_row(doc, mentions)
    row.update(query_keys(row))
    return row


def _event_row(doc: dict, mentions: Optional[list]) -> dict:
    g = doc.get
    return {
        "event_id": doc["event_id"], "event_type": g("event_type"), "sub_event_type": g("sub_event_type"),
        "actor1": g("actor1"), "actor2": g("actor2"), "country": g("country"), "admin1": g("admin1"),
        "location": g("location"), "latitude": g("latitude"), "longitude": g("longitude"),
        "geo_precision": g("geo_precision"), "date_earliest": _parse_date(g("date_earliest")),
        "date_latest": _parse_date(g("date_latest")), "time_precision": g("time_precision"),
        "fatalities": g("fatalities"), "fatalities_low": g("fatalities_low"),
        "fatalities_high": g("fatalities_high"), "injured": g("injured"),
        "weapons": "; ".join(str(w) for w in g("weapons") or []), "modality": g("modality"),
        "confidence": g("confidence"), "json": _json(doc),
        "mentions": _json(mentions) if mentions is not None else None, "stored_at": _now(),
    }


def _as_doc(ev) -> tuple[dict, Optional[list]]:
    """An Event, or an event dict from a link hook → (JSON doc, mentions as JSON-ready dicts)."""
    if isinstance(ev, Event):
        return ev.to_json(), [dataclasses.asdict(m) for m in ev.mentions]
    return ev, ev.get("mentions")


class Store(QueryMixin, CurationMixin):
    def __init__(self, url: str, link: Optional[LinkHook] = None):
        self.url = url
        self.link = link
        kw = {}
        if url.startswith("sqlite"):
            kw["connect_args"] = {"timeout": 60}
            # Connections are cheap to keep and dear to open (pragmas, a cold page cache): keep
            # one per concurrent web request instead of the default 5 (+ overflow opened and
            # closed on every request under load).
            if ":memory:" not in url and url.rstrip("/") != "sqlite:":
                kw.update(pool_size=20, max_overflow=20)
        self.engine = sa.create_engine(url, **kw)
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._local = threading.local()  # the open write transaction, per thread (web threads read meanwhile)
        self._names: set = set()  # (kind, name) known to be in filter_names
        self.migrate()
        with warnings.catch_warnings():  # SQLAlchemy does not know PostGIS' geometry type
            warnings.simplefilter("ignore", sa.exc.SAWarning)
            cols = {c["name"] for c in sa.inspect(self.engine).get_columns("events")}
        self.has_postgis = "geom" in cols

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def quarantine_dir(self) -> Optional[Path]:
        """For a SQLite file: the `quarantine/` folder next to it (raw bytes of rejected records)."""
        db = self.engine.url.database
        if self.dialect != "sqlite" or not db or db == ":memory:":
            return None
        return Path(db).resolve().parent / "quarantine"

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":  # one migrator at a time
                conn.execute(sa.text("select pg_advisory_xact_lock(4242001)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- transactions ----------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """All writes inside commit together, or none does (nested calls join the outer one)."""
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.begin() as conn:
            self._conn = conn
            try:
                yield conn
                # Readers compare this to know that something changed (see generation()).
                m = S.store_meta
                conn.execute(sa.update(m).where(m.c.name == "generation").values(value=m.c.value + 1))
            finally:
                self._conn = None

    @property
    def _conn(self) -> Optional[sa.Connection]:
        return getattr(self._local, "conn", None)

    @_conn.setter
    def _conn(self, conn: Optional[sa.Connection]) -> None:
        self._local.conn = conn

    def generation(self) -> int:
        """A number that grows with every committed write (by any process): equal numbers mean
        the same data, so a response made at one generation can be reused at the same one."""
        m = S.store_meta
        with self._read() as c:
            return int(c.execute(sa.select(m.c.value).where(m.c.name == "generation")).scalar() or 0)

    @contextlib.contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        if self._conn is not None:
            yield self._conn
        else:
            with self.engine.connect() as conn:
                yield conn

    # --- articles -------------------------------------------------------------

    def article_id_for_hash(self, content_hash: str) -> Optional[str]:
        with self._read() as c:
            return c.execute(sa.select(S.articles.c.id).where(S.articles.c.content_hash == content_hash)).scalar()

    def hash_for_article_id(self, article_id: str) -> Optional[str]:
        with self._read() as c:
            return c.execute(sa.select(S.articles.c.content_hash).where(S.articles.c.id == article_id)).scalar()

    def add_article(self, article: Article, near_duplicate_of: Optional[str] = None,
                    similarity: Optional[float] = None, lsh: Iterable[int] = ()) -> None:
        row = {f: getattr(article, f) for f in ("id", "url", "outlet", "title", "language", "published",
                                                 "published_precision", "text", "source_file", "record")}
        row.update(content_hash=article.content_hash, ingested_at=article.ingested_at or _now(),
                   near_duplicate_of=near_duplicate_of, similarity=similarity)
        with self.transaction() as c:
            c.execute(sa.insert(S.articles), [row])
            bands = [{"article_id": article.id, "band": i, "hash": h} for i, h in enumerate(lsh)]
            if bands:
                c.execute(sa.insert(S.article_lsh), bands)

    def delete_article(self, article_id: str) -> None:
        """Remove an article that could not be analysed (so that a later run tries it again)."""
        with self.transaction() as c:
            for t, col in ((S.article_lsh, "article_id"), (S.event_articles, "article_id"), (S.articles, "id")):
                c.execute(sa.delete(t).where(t.c[col] == article_id))

    def add_alias(self, alias_id: str, article_id: str, source_file: Optional[str] = None,
                  record: Optional[str] = None) -> bool:
        """Note that `alias_id` names the same text as `article_id`; False when already noted."""
        t = S.article_aliases
        with self.transaction() as c:
            if alias_id == article_id or c.execute(sa.select(t.c.alias_id).where(
                    t.c.alias_id == alias_id, t.c.article_id == article_id)).first():
                return False
            c.execute(sa.insert(t), [{"alias_id": alias_id, "article_id": article_id,
                                      "source_file": source_file, "record": record}])
        self.attach_article(alias_id, article_id, "alias")
        return True

    def lsh_candidates(self, lsh: list[int], limit: int = 50) -> list[tuple[str, str, Optional[str]]]:
        """Stored articles sharing a MinHash band with `lsh`: (id, text, near_duplicate_of)."""
        if not lsh:
            return []
        t, a = S.article_lsh, S.articles
        cond = sa.or_(*[sa.and_(t.c.band == i, t.c.hash == h) for i, h in enumerate(lsh)])
        ids = sa.select(t.c.article_id).where(cond).distinct().limit(limit).scalar_subquery()
        with self._read() as c:
            rows = c.execute(sa.select(a.c.id, a.c.text, a.c.near_duplicate_of).where(a.c.id.in_(ids)))
            return [tuple(r) for r in rows]

    # --- events ---------------------------------------------------------------

    def save_article_events(self, article: Article, events: list[Event]) -> list[str]:
        """Store the events of one analysed article (after the link hook); returns their ids.

        The hook may return Events or event dicts (e.g. merged clusters from dateline.link);
        an event id already stored is replaced, and its article links are kept and extended."""
        if self.link is not None:
            events = self.link(self, article, events)
        with self.transaction() as c:
            if article.language:  # the pipeline may have detected it
                a = S.articles
                c.execute(sa.update(a).where(a.c.id == article.id, a.c.language.is_(None))
                          .values(language=article.language[:16]))
            ids = []
            for ev in events:
                doc, mentions = _as_doc(ev)
                self._write_event(c, doc, mentions)
                arts = list(dict.fromkeys([*(doc.get("article_ids") or []), article.id]))
                self._link_articles(c, doc["event_id"], arts, "analysed")
                ids.append(doc["event_id"])
        return ids

    def _write_event(self, c: sa.Connection, doc: dict, mentions: Optional[list]) -> None:
        eid = doc["event_id"]
        for t in (S.evidence, S.event_sources, S.claims):
            c.execute(sa.delete(t).where(t.c.event_id == eid))
        c.execute(sa.delete(S.events).where(S.events.c.event_id == eid))
        c.execute(sa.insert(S.events), [event_row(doc, mentions)])
        spans = [{"event_id": eid, "article_id": s.get("article_id"), "start_char": s.get("start"),
                  "end_char": s.get("end"), "text": s.get("text"), "label": s.get("label")}
                 for s in doc.get("evidence") or []]
        if spans:
            c.execute(sa.insert(S.evidence), spans)
        sources = list(dict.fromkeys(str(s)[:300] for s in doc.get("sources") or [] if s))
        if sources:
            c.execute(sa.insert(S.event_sources), [{"event_id": eid, "source": s, "source_lc": s.lower()}
                                                   for s in sources])
        names = {("source", s.lower()) for s in sources}
        names.update(("actor", a) for a in (doc.get("actor1"), doc.get("actor2")) if isinstance(a, str) and a)
        self._add_names(c, names)
        if doc.get("claims"):
            c.execute(sa.insert(S.claims), [{"event_id": eid, "source": cl.get("source"), "via": cl.get("via"),
                                            "json": _json(cl)} for cl in doc["claims"]])
        if self.has_postgis and doc.get("latitude") is not None and doc.get("longitude") is not None:
            c.execute(sa.text("update events set geom = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) "
                              "where event_id = :id"),
                      {"lon": doc["longitude"], "lat": doc["latitude"], "id": eid})

    def _add_names(self, c: sa.Connection, names: set) -> None:
        """Record actor/source names in filter_names (insert-or-ignore; cached per process)."""
        new = [{"kind": k, "name": n} for k, n in names if (k, n) not in self._names and len(n) <= 300]
        if not new:
            return
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        c.execute(insert(S.filter_names).on_conflict_do_nothing(), new)
        self._names.update((r["kind"], r["name"]) for r in new)

    def report_index(self, candidate_days: int = 3, candidate_km: float = 50.0, near=None):
        """The linker's ReportIndex kept in this store (see store/reports.py)."""
        from dateline.store.reports import StoreIndex
        return StoreIndex(self, candidate_days, candidate_km, near)

    def _link_articles(self, c: sa.Connection, event_id: str, article_ids: list[str], relation: str) -> None:
        t = S.event_articles
        have = set(c.execute(sa.select(t.c.article_id).where(t.c.event_id == event_id)).scalars())
        seq = len(have)
        rows = []
        for aid in article_ids:
            if aid not in have:
                rows.append({"event_id": event_id, "article_id": aid, "relation": relation, "seq": seq})
                have.add(aid)
                seq += 1
        if rows:
            c.execute(sa.insert(t), rows)

    def attach_article(self, article_id: str, to_article_id: str, relation: str) -> int:
        """Credit `article_id` (a duplicate) with every event of `to_article_id`; returns how many."""
        t = S.event_articles
        with self.transaction() as c:
            event_ids = list(c.execute(sa.select(t.c.event_id).where(t.c.article_id == to_article_id)).scalars())
            for eid in event_ids:
                self._link_articles(c, eid, [article_id], relation)
        return len(event_ids)

    # --- quarantine -------------------------------------------------------------

    def quarantine(self, file: str, record: Optional[str], reason: str, raw: Optional[bytes] = None) -> bool:
        """Keep a rejected record (and, for SQLite, its bytes under quarantine/); False if already kept."""
        key = hashlib.sha256("\0".join([file, record or "", reason]).encode("utf-8", "replace")
                             + b"\0" + (raw or b"")).hexdigest()[:40]
        t = S.quarantine
        with self.transaction() as c:
            if c.execute(sa.select(t.c.id).where(t.c.key == key)).first():
                return False
            c.execute(sa.insert(t), [{"key": key, "file": file, "record": record, "reason": reason,
                                      "raw": raw, "at": _now()}])
        qdir = self.quarantine_dir
        if qdir is not None:
            qdir.mkdir(parents=True, exist_ok=True)
            (qdir / f"{key}.bin").write_bytes(raw or b"")
            (qdir / f"{key}.txt").write_text(f"{file}\t{record or ''}\t{reason}\n", encoding="utf-8")
        return True


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=60000")
    # Reads: map the file (no copy through the page cache) and keep more pages per connection.
    cur.execute("PRAGMA mmap_size=1073741824")
    cur.execute("PRAGMA cache_size=-32768")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()
