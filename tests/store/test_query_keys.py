"""Migration 0003's query keys: capped totals, the raw-JSON page, substring text search,
date overlap with long ranges, name filters; on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from datetime import date, timedelta

from dateline.store import EventFilters

from helpers_store import make_article, make_event
from test_store import _fill, ids


def test_total_cap(store):
    _fill(store)
    rows, total = store.query_events(limit=1, total_cap=2)
    assert len(rows) == 1 and total == 3  # cap + 1: "more than 2"
    rows, total = store.query_events(limit=1, total_cap=10)
    assert total == 5
    rows, total = store.query_events(EventFilters(country="syria"), limit=10, total_cap=1)
    assert total == 3  # the whole result fits the page: counted exactly
    rows, total = store.query_events(EventFilters(source="o"), limit=1, total_cap=1)
    assert total == 2


def test_raw_json_page_matches_query_events(store):
    _fill(store)
    a4 = make_article("a4", text="Another report of the same shelling.")
    store.add_article(a4)
    store.attach_article("a4", "a1", "duplicate")
    for f in (EventFilters(), EventFilters(country="Syria"), EventFilters(text="rockets")):
        docs, total = store.query_events(f, limit=3, offset=1)
        raw, total_raw = store.query_events_json(f, limit=3, offset=1, total_cap=None)
        assert [json.loads(r) for r in raw] == docs and total_raw == total
    raw, _ = store.query_events_json(EventFilters(article_id="a4"))
    assert all(json.loads(r)["article_ids"] == ["a1", "a4"] for r in raw) and len(raw) == 2


def test_text_is_a_substring_search(store):
    _fill(store)
    assert ids(store, text="ockets hi") == ["e1", "e2", "e3", "e4", "e5"]  # evidence span, mid-word
    assert ids(store, text="ALEPPO") == ["e3"]  # article text, any case
    assert ids(store, text="taliban and resist") == ["e4", "e5"]
    assert ids(store, text="ab") == ["e4", "e5"]  # shorter than a trigram: still found (Kabul)
    assert ids(store, text='say "x"') == []


def test_long_date_range_overlaps(store):
    a1 = make_article("a1")
    store.add_article(a1)
    long = make_event("long", "a1", day=date(2022, 1, 1))
    long.date = type(long.date)(date(2022, 1, 1), date(2022, 3, 31), 3, "early 2022")
    store.save_article_events(a1, [long, make_event("short", "a1", day=date(2022, 2, 15))])
    assert ids(store, since=date(2022, 2, 10), until=date(2022, 2, 11)) == ["long"]
    assert ids(store, since=date(2022, 2, 15)) == ["long", "short"]
    assert ids(store, since=date(2022, 4, 1)) == []
    assert ids(store, until=date(2021, 12, 31)) == []
    day = date(2022, 3, 31)
    assert ids(store, since=day, until=day + timedelta(days=1)) == ["long"]


def test_names_and_case(store):
    _fill(store)
    a5 = make_article("a5")
    store.add_article(a5)
    store.save_article_events(a5, [make_event("e6", "a5", country="CÔTE D'IVOIRE", actor1="Forces Républicaines",
                                              sources=("Radio Côte",))])
    assert ids(store, country="côte d'ivoire") == ["e6"]
    assert ids(store, actor="républicaines") == ["e6"]
    assert ids(store, actor="REPUBLIC") == []
    assert ids(store, source="radio c") == ["e6"]
    assert ids(store, actor="50%") == [] and ids(store, source="_") == []
