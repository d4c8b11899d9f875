"""The store's link hook: each new report joins an existing event or starts one.

    store = open_store(db, link=link_hook())

For every event of a newly analysed article, the linker looks up candidate
reports already in the store (the store's own report index, so linking carries
over between ingest runs), places the report, and the store writes the merged
event under the id it already had — a new report never renames an event.
"""
from __future__ import annotations

import math
from typing import Callable

from dateline.link.linker import Embedder, Linker
from dateline.link.score import params


def link_hook() -> Callable:
    embedder = Embedder()  # one per ingest: evidence embeddings are computed once

    def link(store, article, events) -> list[dict]:
        # No distance filter in the store: its filter trusts the centre point of a country-level
        # place; the linker applies its own (place.may_meet) to what the date window returns.
        index = store.report_index(candidate_days=int(params()["candidate_days"]), candidate_km=math.inf)
        linker = Linker(index=index, embedder=embedder)
        out: dict[str, dict] = {}
        for ev in events:
            eid = linker.link(ev.to_json())
            out[eid] = linker.merged(eid)
        return list(out.values())

    return link
