"""Event dicts (the shape of `Event.to_json()`) → JSONL, CSV (ACLED columns), GeoJSON.

CSV: ACLED's column names and order where ACLED has the column, then dateline's
own columns. GeoJSON: a FeatureCollection of Points (geometry null when the
event has no coordinates), properties flattened to scalars so that QGIS and
geopandas read them (lists joined with '; ', nested values as JSON text).
"""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities"]
DATELINE_COLUMNS = ["event_id", "date_earliest", "date_latest", "fatalities_low", "fatalities_high", "injured",
                    "weapons", "modality", "attribution", "evidence", "agreement", "article_ids", "confidence"]
CSV_COLUMNS = ACLED_COLUMNS + DATELINE_COLUMNS
FORMATS = ("jsonl", "csv", "geojson")


def _join(values) -> str:
    return "; ".join(str(v) for v in values or [] if v not in (None, ""))


def _chain(chain: list) -> str:
    return " > ".join(str(s.get("name")) for s in chain if isinstance(s, dict) and s.get("name"))


def notes(ev: dict) -> str:
    """ACLED-style notes: the evidence sentences, in order, without repeats."""
    texts = list(dict.fromkeys(" ".join(str(s.get("text", "")).split()) for s in ev.get("evidence") or []))
    return " | ".join(t for t in texts if t)


def csv_row(ev: dict) -> dict:
    day = ev.get("date_earliest") or ev.get("date_latest")
    return {
        "event_id_cnty": ev.get("event_id"), "event_date": day, "year": day[:4] if day else None,
        "time_precision": ev.get("time_precision"), "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"), "actor1": ev.get("actor1"), "actor2": ev.get("actor2"),
        "country": ev.get("country"), "admin1": ev.get("admin1"), "location": ev.get("location"),
        "latitude": ev.get("latitude"), "longitude": ev.get("longitude"), "geo_precision": ev.get("geo_precision"),
        "source": _join(ev.get("sources")), "notes": notes(ev), "fatalities": ev.get("fatalities"),
        "event_id": ev.get("event_id"), "date_earliest": ev.get("date_earliest"),
        "date_latest": ev.get("date_latest"), "fatalities_low": ev.get("fatalities_low"),
        "fatalities_high": ev.get("fatalities_high"), "injured": ev.get("injured"),
        "weapons": _join(ev.get("weapons")), "modality": ev.get("modality"),
        "attribution": _join(_chain(c) for c in ev.get("attribution") or []),
        "evidence": _join(f"{s.get('article_id')}:{s.get('start')}-{s.get('end')}" for s in ev.get("evidence") or []),
        "agreement": _join(f"{k}={v}" for k, v in (ev.get("agreement") or {}).items()),
        "article_ids": _join(ev.get("article_ids")), "confidence": ev.get("confidence"),
    }


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(csv_row(ev))
        n += 1
    return n


def write_jsonl(events: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_properties(ev: dict) -> dict:
    props = {}
    for k, v in ev.items():
        if isinstance(v, list) and all(isinstance(x, (str, int, float)) for x in v):
            props[k] = _join(v)
        elif isinstance(v, (list, dict)):
            props[k] = json.dumps(v, ensure_ascii=False) if v else None
        else:
            props[k] = v
    props["notes"] = notes(ev)
    props["source"] = _join(ev.get("sources"))
    return props


def feature(ev: dict) -> dict:
    lat, lon = ev.get("latitude"), ev.get("longitude")
    geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": ev.get("event_id"), "geometry": geom, "properties": flat_properties(ev)}


def write_geojson(events: Iterable[dict], out: IO[str]) -> int:
    """Streams the FeatureCollection (one feature per line) so large exports stay small in memory."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        out.write((",\n" if n else "") + json.dumps(feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
