"""The store's link hook: each new report joins an existing event or starts one.

    store = open_store(db, link=link_hook())

For every event of a newly analysed article, the linker looks up candidate
reports already in the store (the store's own report index, so linking carries
over between ingest runs), places the report, and the store writes the merged
event under the id it already had. A report that matches two stored events makes them
one (single-link clustering, so the order of arrival does not matter): the smaller id is
kept, the other is retired and its article links move over.
"""
from __future__ import annotations

from typing import Callable

from dateline.link.linker import Embedder, Linker
from dateline.link.place import may_meet
from dateline.link.score import params


def link_hook() -> Callable:
    embedder = Embedder()  # one per ingest: evidence embeddings are computed once

    def link(store, article, events) -> list[dict]:
        # The store blocks by date window in SQL, then by place with the linker's own rule
        # (a country- or region-level place is not judged by its centre point).
        max_km = float(params()["candidate_km"])
        index = store.report_index(candidate_days=int(params()["candidate_days"]), candidate_km=max_km,
                                   near=lambda a, b: may_meet(a, b, max_km))
        linker = Linker(index=index, embedder=embedder)
        touched: list[str] = []
        for ev in events:
            touched.append(linker.link(ev.to_json()))
        # A report that bridged two stored events made them one: the other id goes (its
        # article links move to the event kept), and the kept event is rewritten below.
        for old, into in linker.retired.items():
            store.retire_event(old, _final(into, linker.retired))
        keep = dict.fromkeys(_final(e, linker.retired) for e in touched)
        return [linker.merged(eid) for eid in keep]

    return link


def _final(event_id: str, retired: dict[str, str]) -> str:
    while event_id in retired:
        event_id = retired[event_id]
    return event_id
