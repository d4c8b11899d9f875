"""Analyst curation: merge events into one, split articles out of an event.

Both keep the store consistent (event rows, article links, evidence, sources,
claims, and the linker's reports) in one transaction. A split also records
cannot-link constraints between the reports on either side, so a later
linking run does not join them again. An event merged away (by hand, or by
the linker when a new report bridges two events) leaves a redirect from its
id to the event that absorbed it, so links to it keep working.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Optional

import sqlalchemy as sa

from dateline.store import schema as S

E, EA = S.events, S.event_articles


def _dates(docs: list[dict]) -> tuple:
    lows = [d["date_earliest"] for d in docs if d.get("date_earliest")]
    highs = [d["date_latest"] for d in docs if d.get("date_latest")]
    return (min(lows) if lows else None), (max(highs) if highs else None)


def _union(docs: list[dict], key: str) -> list:
    out = []
    for d in docs:
        for x in d.get(key) or []:
            if x not in out:
                out.append(x)
    return out


class CurationMixin:
    """Write methods used by the web API's curation endpoints (needs Store's transaction/_write_event)."""

    def _doc_rows(self, c, event_ids: Iterable[str]) -> dict[str, tuple[dict, list]]:
        rows = c.execute(sa.select(E.c.event_id, E.c.json, E.c.mentions).where(E.c.event_id.in_(list(event_ids))))
        return {r.event_id: (json.loads(r.json), json.loads(r.mentions) if r.mentions else []) for r in rows}

    def merge_events(self, event_ids: list[str]) -> str:
        """Merge events into the first one given; returns its id. Raises KeyError for an unknown id."""
        ids = list(dict.fromkeys(event_ids))
        if len(ids) < 2:
            raise ValueError("give at least two different event ids")
        with self.transaction() as c:
            found = self._doc_rows(c, ids)
            missing = [i for i in ids if i not in found]
            if missing:
                raise KeyError(f"no event {missing[0]!r}")
            keep = ids[0]
            docs = [found[i][0] for i in ids]
            merged = dict(docs[0])
            merged["date_earliest"], merged["date_latest"] = _dates(docs)
            for key in ("sources", "attribution", "claims", "contradictions", "evidence", "framing", "weapons"):
                merged[key] = _union(docs, key)
            links = list(c.execute(sa.select(EA.c.article_id, EA.c.relation).where(EA.c.event_id.in_(ids))
                                   .order_by(EA.c.seq)))
            mentions = [m for i in ids for m in found[i][1]]
            for other in ids[1:]:
                self._drop_event(c, other)
                self._redirect(c, other, keep, "merged")
            merged["article_ids"] = list(dict.fromkeys(a for a, _ in links))
            self._write_event(c, merged, mentions)
            for aid, rel in links:
                self._link_articles(c, keep, [aid], rel)
            c.execute(sa.update(S.reports).where(S.reports.c.event_id.in_(ids[1:])).values(event_id=keep))
        return keep

    def retire_event(self, event_id: str, into: str) -> None:
        """The linker found that event `event_id` and event `into` are one (a new report bridged
        them): move its article links to `into` and drop its rows. The caller writes `into`'s
        merged document; the reports table already points at `into`."""
        with self.transaction() as c:
            links = list(c.execute(sa.select(EA.c.article_id, EA.c.relation).where(EA.c.event_id == event_id)
                                   .order_by(EA.c.seq)))
            self._drop_event(c, event_id)
            self._redirect(c, event_id, into, "linked")
            for aid, rel in links:
                self._link_articles(c, into, [aid], rel)

    def split_event(self, event_id: str, article_ids: list[str]) -> str:
        """Move the given articles' part of an event into a new event; returns the new event's id."""
        with self.transaction() as c:
            found = self._doc_rows(c, [event_id])
            if event_id not in found:
                raise KeyError(f"no event {event_id!r}")
            doc, mentions = found[event_id]
            linked = list(c.execute(sa.select(EA.c.article_id).where(EA.c.event_id == event_id)
                                    .order_by(EA.c.seq)).scalars())
            move = [a for a in linked if a in set(article_ids)]
            stay = [a for a in linked if a not in set(move)]
            if not move or not stay:
                raise ValueError("the articles to split out must be some, not all, of the event's articles")
            new_id = f"{event_id}-split-{hashlib.sha256(' '.join(sorted(move)).encode()).hexdigest()[:8]}"
            parts = {event_id: stay, new_id: move}
            self._drop_event(c, event_id)
            for eid, arts in parts.items():
                part = dict(doc, event_id=eid, article_ids=arts)
                for key in ("evidence", "framing"):
                    part[key] = [s for s in doc.get(key) or [] if s.get("article_id") in set(arts)]
                self._write_event(c, part, [m for m in mentions if m.get("article_id") in set(arts)])
                self._link_articles(c, eid, arts, "analysed")
            self._split_reports(c, event_id, new_id, set(move))
        return new_id

    def _redirect(self, c, old_id: str, new_id: str, reason: str) -> None:
        """`old_id` now lives in `new_id`; earlier redirects to `old_id` follow it (no chains)."""
        R = S.event_redirects
        c.execute(sa.update(R).where(R.c.new_id == old_id).values(new_id=new_id))
        c.execute(sa.delete(R).where(R.c.old_id.in_([old_id, new_id])))
        c.execute(sa.insert(R), [{"old_id": old_id, "new_id": new_id, "reason": reason}])

    def redirect_of(self, event_id: str) -> Optional[dict]:
        """{"event_id": where an event merged away now lives, "reason": "linked" | "merged"}, or None."""
        R = S.event_redirects
        with self._read() as c:
            row = c.execute(sa.select(R.c.new_id, R.c.reason).where(R.c.old_id == event_id)).first()
        return {"event_id": row.new_id, "reason": row.reason} if row else None

    def _drop_event(self, c, event_id: str) -> None:
        for t in (S.evidence, S.event_sources, S.claims, EA):
            c.execute(sa.delete(t).where(t.c.event_id == event_id))
        c.execute(sa.delete(E).where(E.c.event_id == event_id))

    def _split_reports(self, c, old_id: str, new_id: str, moved_articles: set[str]) -> None:
        R = S.reports
        reports = [(rid, json.loads(j)) for rid, j in
                   c.execute(sa.select(R.c.report_id, R.c.json).where(R.c.event_id == old_id))]
        side = {rid: bool(set(r.get("article_ids") or []) & moved_articles) for rid, r in reports}
        for rid, moved in side.items():
            if moved:
                c.execute(sa.update(R).where(R.c.report_id == rid).values(event_id=new_id))
        for a, ma in side.items():
            for b, mb in side.items():
                if a < b and ma != mb:
                    c.execute(sa.insert(S.link_splits), [{"a": a, "b": b}])
