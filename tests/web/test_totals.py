"""List totals: exact up to the cap, then cap + 1 with total_exact false; the raw-JSON page
validates against the published EventPage schema."""
from __future__ import annotations

from dateline.store import open_store
from dateline.web import api, models as m
from dateline.web.app import create_app
from fastapi.testclient import TestClient


def test_total_exact_and_capped(curated_db, monkeypatch):
    store = open_store(str(curated_db))
    client = TestClient(create_app(store=store, cache=False))  # the cap changes, not the data
    body = client.get("/api/events?limit=1").json()
    assert body["total"] == 4 and body["total_exact"] is True and len(body["events"]) == 1
    m.EventPage.model_validate(body)
    monkeypatch.setattr(api, "TOTAL_CAP", 2)
    body = client.get("/api/events?limit=1").json()
    assert body["total"] == 3 and body["total_exact"] is False
    body = client.get("/api/events?limit=1&offset=3").json()  # paging past the cap still counts on
    assert body["total"] == 4 and body["total_exact"] is True
    fc = client.get("/api/events.geojson?limit=1").json()
    assert fc["total"] == 3 and fc["total_exact"] is False
    store.close()
