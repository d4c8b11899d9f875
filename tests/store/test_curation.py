"""Merging and splitting events (the web API's curation endpoints) on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest

from helpers_store import make_article, make_event


def _two(store):
    for aid in ("a1", "a2", "a3"):
        store.add_article(make_article(aid, text=f"Report {aid}: rockets near Deir ez-Zor."))
    store.save_article_events(make_article("a1"), [make_event("e1", "a1", day=date(2022, 1, 5))])
    store.save_article_events(make_article("a2"), [make_event("e2", "a2", day=date(2022, 1, 6), sources=("AFP",))])
    store.save_article_events(make_article("a3"), [make_event("e2", "a3", day=date(2022, 1, 6))])


def test_merge(store):
    _two(store)
    idx = store.report_index()
    idx.assign({**store.get_event("e2"), "event_id": "r2"}, "e2")
    assert store.merge_events(["e1", "e2"]) == "e1"
    rows, total = store.query_events()
    assert total == 1
    ev = store.get_event("e1")
    assert ev["article_ids"] == ["a1", "a2", "a3"] and ev["date_latest"] == "2022-01-06"
    assert ev["sources"] == ["SOHR"] and len(ev["mentions"]) == 2
    assert idx.cluster_of("r2") == "e1"
    assert store.redirect_of("e2") == {"event_id": "e1", "reason": "merged"}
    assert store.redirect_of("e1") is None and store.redirect_of("nope") is None
    with pytest.raises(KeyError):
        store.merge_events(["e1", "nope"])
    with pytest.raises(ValueError):
        store.merge_events(["e1"])


def test_split(store):
    _two(store)
    idx = store.report_index()
    idx.assign({"event_id": "r2", "article_ids": ["a2"]}, "e2")
    idx.assign({"event_id": "r3", "article_ids": ["a3"]}, "e2")
    new = store.split_event("e2", ["a3"])
    assert store.get_event("e2")["article_ids"] == ["a2"] and store.get_event(new)["article_ids"] == ["a3"]
    assert store.stats()["events"] == 3
    assert idx.cluster_of("r3") == new and idx.cannot_link("r2", "r3")
    with pytest.raises(ValueError):
        store.split_event("e1", ["a1"])
    with pytest.raises(KeyError):
        store.split_event("nope", ["a1"])


def test_retire_event_moves_links_and_drops_rows(store):
    """What the link hook does when a new report bridges two stored events."""
    _two(store)
    store.retire_event("e2", into="e1")
    assert store.get_event("e2") is None
    rows, total = store.query_events()
    assert total == 1
    assert set(store.get_event("e1")["article_ids"]) == {"a1", "a2", "a3"}
    assert store.get_article("a2")["event_ids"] == ["e1"]
    assert store.redirect_of("e2") == {"event_id": "e1", "reason": "linked"}


def test_redirects_follow_later_merges(store):
    """e2 merged into e1, then e1 into e3: both old ids lead straight to e3 (no chains, no loops)."""
    _two(store)
    store.add_article(make_article("a4", text="Report a4: rockets near Deir ez-Zor."))
    store.save_article_events(make_article("a4"), [make_event("e3", "a4", day=date(2022, 1, 6))])
    store.retire_event("e2", into="e1")
    store.merge_events(["e3", "e1"])
    assert store.redirect_of("e2") == {"event_id": "e3", "reason": "linked"}
    assert store.redirect_of("e1") == {"event_id": "e3", "reason": "merged"}
    assert store.redirect_of("e3") is None
