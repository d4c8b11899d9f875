"""The API's response cache: repeats are answered from memory while the store is unchanged,
a write from another process (another store object) is seen on the next request, and ETags
let clients revalidate for free."""
from __future__ import annotations

import shutil

from dateline.records import Article, Event
from dateline.store import open_store
from dateline.web.app import create_app
from fastapi.testclient import TestClient


def cache_of(app):
    """The ResponseCache instance in the built middleware stack."""
    app.middleware_stack = app.middleware_stack or app.build_middleware_stack()
    layer = app.middleware_stack
    while layer is not None and type(layer).__name__ != "ResponseCache":
        layer = getattr(layer, "app", None)
    return layer


def test_repeat_is_served_from_cache_until_a_write(curated_db, tmp_path):
    db = tmp_path / "cache.db"
    shutil.copy(curated_db, db)
    store, other = open_store(str(db)), open_store(str(db))
    app = create_app(store=store)
    client = TestClient(app)
    first = client.get("/api/events?limit=10")
    assert first.status_code == 200 and first.headers["etag"]
    cache = cache_of(app)
    hits = cache.hits
    again = client.get("/api/events?limit=10")
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert cache.hits == hits + 1
    # Revalidation: same data → 304 without a body.
    nm = client.get("/api/events?limit=10", headers={"If-None-Match": first.headers["etag"]})
    assert nm.status_code == 304 and nm.content == b""
    # Another writer (as `dateline ingest` in another process) adds an event: the next request
    # sees it, and the old ETag no longer matches.
    art = Article(id="cache-new", text="Des affrontements ont eu lieu mardi près de Kidal.", language="fr")
    other.add_article(art)
    other.save_article_events(art, [Event(event_id="cache-new-e1", event_type="Battles",
                                          sub_event_type="Armed clash", article_ids=[art.id])])
    after = client.get("/api/events?limit=10", headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
    assert after.json()["total"] == first.json()["total"] + 1
    assert "cache-new-e1" in {e["event_id"] for e in after.json()["events"]}
    store.close()
    other.close()


def test_errors_and_writes_are_not_cached(curated_db, tmp_path):
    db = tmp_path / "cache.db"
    shutil.copy(curated_db, db)
    store = open_store(str(db))
    app = create_app(store=store)
    client = TestClient(app)
    assert client.get("/api/events/no-such-event").status_code == 404
    assert client.get("/api/events/no-such-event").status_code == 404
    cache = cache_of(app)
    assert not any("no-such-event" in k for k in cache._entries)
    assert client.post("/api/events/seed-e1/split", json={"article_ids": ["x"]}).status_code in (401, 403, 405, 422)
    store.close()


def test_no_cache_option(curated_db):
    store = open_store(str(curated_db))
    app = create_app(store=store, cache=False)
    client = TestClient(app)
    assert client.get("/api/events?limit=1").status_code == 200
    assert cache_of(app) is None
    store.close()
