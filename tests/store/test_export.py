"""Exports: CSV with ACLED's columns (pandas), GeoJSON (geopandas), JSONL (the Event.to_json keys)."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from dateline.records import Event
from dateline.store.export import ACLED_COLUMNS, CSV_COLUMNS, write_csv, write_geojson, write_jsonl

from helpers_store import make_article, make_event


@pytest.fixture
def filled(store):
    a1 = make_article("a1")
    store.add_article(a1)
    store.save_article_events(a1, [make_event("e1", "a1", fatalities=3),
                                   make_event("e2", "a1", lat=None, lon=None, day=None, country=None)])
    return store


def test_csv_has_acled_columns(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    buf = io.StringIO()
    assert write_csv(filled.iter_events(), buf) == 2
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert list(df.columns) == CSV_COLUMNS and list(df.columns[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    row = df[df.event_id == "e1"].iloc[0]
    assert row.event_date == "2022-01-05" and row.year == 2022 and row.fatalities == 3
    assert row.latitude == 35.0 and row.source == "SOHR" and "rockets hit a base" in row.notes
    assert row.article_ids == "a1" and row.evidence == "a1:10-30"


def test_geojson_opens_in_geopandas(filled, tmp_path):
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    with open(path, "w", encoding="utf-8") as f:
        assert write_geojson(filled.iter_events(), f) == 2
    doc = json.loads(path.read_text())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    gdf = gpd.read_file(path)
    assert len(gdf) == 2
    e1 = gdf[gdf.event_id == "e1"].iloc[0]
    assert (e1.geometry.x, e1.geometry.y) == (40.5, 35.0)
    assert e1.event_type == "Explosions/Remote violence" and e1.sources == "SOHR"


def test_jsonl_keys_are_event_to_json(filled):
    buf = io.StringIO()
    write_jsonl(filled.iter_events(), buf)
    keys = set(Event("x", "t", "s").to_json())
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2 and all(set(json.loads(l)) == keys for l in lines)
