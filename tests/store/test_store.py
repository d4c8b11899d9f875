"""The store on SQLite and PostgreSQL: writes, filters, detail queries, stats, transactions."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.store import EventFilters, open_store

from helpers_store import make_article, make_event


def _fill(store):
    a1, a2, a3 = make_article("a1"), make_article("a2", text="Protesters gathered in Aleppo."), make_article("a3")
    a3.text = "Clashes in Kabul between Taliban and resistance fighters, said Reuters."
    for a in (a1, a2, a3):
        store.add_article(a)
    store.save_article_events(a1, [make_event("e1", "a1", fatalities=3),
                                   make_event("e2", "a1", day=date(2022, 1, 20), modality="claimed")])
    store.save_article_events(a2, [make_event("e3", "a2", etype="Protests", sub="Peaceful protest",
                                              admin1="Aleppo", lat=36.2, lon=37.15, sources=("AFP",), actor1="Protesters")])
    store.save_article_events(a3, [make_event("e4", "a3", country="Afghanistan", admin1="Kabul", lat=34.5, lon=69.2,
                                              etype="Battles", sub="Armed clash", sources=("Reuters",), actor1="Taliban",
                                              day=date(2021, 9, 6)),
                                   make_event("e5", "a3", lat=None, lon=None, day=None, country=None)])
    return a1, a2, a3


def ids(store, **kw):
    rows, total = store.query_events(EventFilters(**kw), limit=None)
    assert total == len(rows)
    return sorted(r["event_id"] for r in rows)


def test_migrations_idempotent(store_url):
    for _ in range(2):
        s = open_store(store_url)
        assert s.stats()["events"] == 0
        s.close()


def test_event_roundtrip(store):
    a1 = make_article("a1")
    store.add_article(a1)
    ev = make_event("e1", "a1", fatalities=3)
    store.save_article_events(a1, [ev])
    rows, total = store.query_events()
    assert total == 1 and rows[0] == ev.to_json()
    detail = store.get_event("e1")
    assert detail["mentions"][0]["event_type"] == ev.event_type
    assert detail["claims"][0]["source"] == "SOHR" and detail["evidence"][0]["text"] == "rockets hit a base"
    assert detail["articles"][0]["id"] == "a1"
    art = store.get_article("a1")
    assert art["text"] == a1.text and art["event_ids"] == ["e1"]
    assert art["spans"][0] == {"event_id": "e1", "start": 10, "end": 30, "text": "rockets hit a base", "label": "trigger"}
    assert store.get_event("nope") is None and store.get_article("nope") is None


def test_filters(store):
    _fill(store)
    assert ids(store) == ["e1", "e2", "e3", "e4", "e5"]
    assert ids(store, country="syria") == ["e1", "e2", "e3"]
    assert ids(store, admin1="ALEPPO") == ["e3"]
    assert ids(store, event_type="Battles") == ["e4"]
    assert ids(store, event_type="peaceful protest") == ["e3"]
    assert ids(store, actor="taliban") == ["e4"]
    assert ids(store, source="reut") == ["e4"]
    assert ids(store, modality="claimed") == ["e2"]
    assert ids(store, since=date(2022, 1, 10)) == ["e2"]
    assert ids(store, until=date(2022, 1, 10)) == ["e1", "e3", "e4"]
    assert ids(store, since=date(2022, 1, 1), until=date(2022, 1, 31)) == ["e1", "e2", "e3"]
    assert ids(store, bbox=(36.0, 35.5, 38.0, 37.0)) == ["e3"]
    assert ids(store, bbox=(60, 30, 75, 40)) == ["e4"]
    assert ids(store, text="kabul") == ["e4", "e5"]  # e5 is from the same article
    assert ids(store, text="100%_") == []
    assert ids(store, article_id="a3") == ["e4", "e5"]
    assert ids(store, country="Syria", modality="asserted", event_type="Protests") == ["e3"]


def test_paging_and_order(store):
    _fill(store)
    rows, total = store.query_events(limit=2, offset=0)
    assert total == 5 and [r["event_id"] for r in rows] == ["e4", "e1"]  # by date, undated last
    rows, _ = store.query_events(limit=2, offset=4)
    assert [r["event_id"] for r in rows] == ["e5"]
    assert [r["event_id"] for r in store.iter_events(page=2)] == ["e4", "e1", "e3", "e2", "e5"]


def test_stats(store):
    _fill(store)
    st = store.stats()
    assert st["events"] == 5 and st["articles"] == 3
    assert st["by_type"]["Explosions/Remote violence"] == 3
    assert st["by_country"] == {"Syria": 3, "Afghanistan": 1, "unknown": 1}
    assert st["by_week"] == {"2021-W36": 1, "2022-W01": 2, "2022-W03": 1, "unknown": 1}
    assert store.stats(EventFilters(country="Afghanistan"))["events"] == 1


def test_same_event_from_two_articles(store):
    a1, a2 = make_article("a1"), make_article("a2", text="Another report of rockets near Deir ez-Zor.")
    store.add_article(a1)
    store.add_article(a2)
    store.save_article_events(a1, [make_event("e1", "a1")])
    store.save_article_events(a2, [make_event("e1", "a2", sources=("AFP",))])
    rows, total = store.query_events()
    assert total == 1 and rows[0]["article_ids"] == ["a1", "a2"] and rows[0]["sources"] == ["AFP"]


def test_transaction_rolls_back(store):
    a1 = make_article("a1")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(a1)
            store.save_article_events(a1, [make_event("e1", "a1")])
            store.quarantine("f.txt", None, "empty file", b"")
            raise RuntimeError("interrupted")
    st = store.stats()
    assert st["events"] == 0 and st["articles"] == 0 and st["quarantined"] == 0
    assert store.article_id_for_hash(a1.content_hash) is None


def test_quarantine_once(store):
    assert store.quarantine("in/bad.csv", "row 3", "unterminated quote", b'1,"x')
    assert not store.quarantine("in/bad.csv", "row 3", "unterminated quote", b'1,"x')
    assert store.quarantine("in/bad.csv", "row 4", "unterminated quote", b'1,"x')
    q = store.quarantined()
    assert [(x["file"], x["record"], x["reason"]) for x in q][0] == ("in/bad.csv", "row 3", "unterminated quote")
    if store.quarantine_dir is not None:
        assert len(list(store.quarantine_dir.glob("*.bin"))) == 2


def test_aliases_and_attachments(store):
    a1 = make_article("a1")
    store.add_article(a1)
    store.save_article_events(a1, [make_event("e1", "a1")])
    assert store.article_id_for_hash(a1.content_hash) == "a1"
    assert store.hash_for_article_id("a1") == a1.content_hash
    assert store.add_alias("copy-of-a1", "a1", "x.jsonl", "line 2")
    assert not store.add_alias("copy-of-a1", "a1")
    assert store.get_article("copy-of-a1")["id"] == "a1"
    assert store.get_article("a1")["aliases"] == ["copy-of-a1"]
    dup = make_article("a1-republished")
    store.add_article(dup, near_duplicate_of="a1", similarity=0.9)
    assert store.attach_article("a1-republished", "a1", "near_duplicate") == 1
    assert store.query_events()[0][0]["article_ids"] == ["a1", "copy-of-a1", "a1-republished"]
    assert store.get_article("a1-republished")["near_duplicate_of"] == "a1"


def test_lsh_candidates(store):
    a1, a2 = make_article("a1"), make_article("a2", text="Different text altogether.")
    store.add_article(a1, lsh=[1, 2, 3])
    store.add_article(a2, lsh=[4, 5, 6])
    assert [c[0] for c in store.lsh_candidates([9, 2, 9])] == ["a1"]
    assert store.lsh_candidates([7, 8, 9]) == [] and store.lsh_candidates([]) == []


def test_link_hook(store_url):
    seen = []

    def link(store, article, events):
        seen.append((article.id, [e.event_id for e in events]))
        return [e for e in events if e.event_id != "drop-me"]

    s = open_store(store_url, link=link)
    a1 = make_article("a1")
    s.add_article(a1)
    assert s.save_article_events(a1, [make_event("e1", "a1"), make_event("drop-me", "a1")]) == ["e1"]
    assert seen == [("a1", ["e1", "drop-me"])] and s.stats()["events"] == 1
    s.close()


def test_postgis_when_postgresql(store):
    if store.dialect != "postgresql":
        assert not store.has_postgis
        return
    if not store.has_postgis:
        pytest.skip("PostGIS extension not available on this server")
    _fill(store)
    import sqlalchemy as sa
    with store.engine.connect() as c:
        n = c.execute(sa.text("select count(*) from events where geom is not null")).scalar()
    assert n == 4
