"""The linker's report index in the store, and link hooks that return merged event dicts."""
from __future__ import annotations

from datetime import date

from dateline.store import EventFilters, open_store

from helpers_store import make_article, make_event


def _report(rid, day, lat=35.0, lon=40.5, article="a1"):
    d = make_event(rid, article, day=day, lat=lat, lon=lon).to_json()
    return d


def test_store_index(store):
    idx = store.report_index(candidate_days=3, candidate_km=50)
    r1 = _report("r1", date(2022, 1, 5))
    r2 = _report("r2", date(2022, 1, 7), article="a2")
    far_day = _report("r3", date(2022, 3, 1), article="a3")
    far_away = _report("r4", date(2022, 1, 5), lat=34.5, lon=69.2, article="a4")
    undated = _report("r5", None, article="a5")
    for r in (r1, far_day, far_away, undated):
        idx.assign(r, r["event_id"])
    assert [c["event_id"] for c in idx.candidates(r2)] == ["r1", "r5"]
    idx.assign(r2, "r1")
    assert idx.cluster_of("r2") == "r1" and idx.cluster_of("nope") is None
    assert [m["event_id"] for m in idx.members("r1")] == ["r1", "r2"]
    idx.assign(r2, "r2")  # moved: re-assigning replaces
    assert [m["event_id"] for m in idx.members("r1")] == ["r1"]
    assert not idx.cannot_link("r1", "r2")
    idx.add_split("r2", "r1")
    idx.add_split("r1", "r2")
    assert idx.cannot_link("r1", "r2") and idx.cannot_link("r2", "r1")


def test_hook_returning_merged_dicts(store_url):
    def link(store, article, events):
        docs = [e.to_json() for e in events]
        for d in docs:
            d["event_id"] = "merged-1"
            d["sources"] = ["SOHR", "AFP"]
        return docs

    s = open_store(store_url, link=link)
    for aid in ("a1", "a2"):
        a = make_article(aid, text=f"Report {aid} of rockets near Deir ez-Zor.")
        s.add_article(a)
        s.save_article_events(a, [make_event(f"ev-{aid}", aid)])
    rows, total = s.query_events()
    assert total == 1 and rows[0]["event_id"] == "merged-1" and rows[0]["article_ids"] == ["a1", "a2"]
    assert s.get_event("merged-1")["mentions"] == []  # dicts without mentions
    assert s.query_events(EventFilters(source="AFP"))[1] == 1
    s.close()
