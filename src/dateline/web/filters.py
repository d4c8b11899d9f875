"""Query-string filters → the store's filter object.

The web layer validates every parameter (types, lengths, ranges) and hands the
store plain values; the store builds parameterised SQL from them. The filter
dataclass is the one the CLI uses too (`dateline events --country …`), found in
`dateline.store`; its field names are mapped here in one place.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError

MAX_TEXT = 200           # longest free-text / name filter accepted
MAX_PAGE = 500           # most events per /api/events page
MAX_GEOJSON = 5000       # most features per /api/events.geojson
MAX_OFFSET = 1_000_000   # deeper paging costs the database a scan; use filters instead


@dataclass
class WebFilters:
    """The filters the API accepts, validated, with their API names."""
    since: Optional[date] = None
    until: Optional[date] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    type: Optional[str] = None
    actor: Optional[str] = None
    source: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    q: Optional[str] = None
    modality: Optional[str] = None

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v not in (None, "")}


# API name → names the store's filter dataclass may use for it, in order.
_ALIASES = {
    "since": ("since", "date_from", "start"),
    "until": ("until", "date_to", "end"),
    "country": ("country",),
    "admin1": ("admin1",),
    "type": ("event_type", "type"),
    "actor": ("actor",),
    "source": ("source",),
    "bbox": ("bbox",),
    "q": ("text", "q", "query"),
    "modality": ("modality",),
}
_CANDIDATE_CLASSES = ("EventFilters", "EventFilter", "Filters", "EventQuery", "QueryFilters")


def invalid(param: str, msg: str, value: Any = None) -> RequestValidationError:
    """A 422 in FastAPI's own shape ({"detail": [{"loc", "msg", "type"}]}), as the schema declares."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", param), "msg": msg, "input": value}])


def parse_bbox(raw: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if raw is None or raw.strip() == "":
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise invalid("bbox", "bbox must be minlon,minlat,maxlon,maxlat (four numbers)", raw)
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise invalid("bbox", "bbox must be minlon,minlat,maxlon,maxlat (four numbers)", raw) from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise invalid("bbox", "bbox values must be finite numbers", raw)
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180 and -90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise invalid("bbox", "bbox out of range: longitudes in [-180, 180], latitudes in [-90, 90]", raw)
    if minlon > maxlon or minlat > maxlat:
        raise invalid("bbox", "bbox must have minlon <= maxlon and minlat <= maxlat", raw)
    return (minlon, minlat, maxlon, maxlat)


def clean_text(name: str, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise invalid(name, f"{name} is longer than {MAX_TEXT} characters", value)
    if any(ord(c) < 32 for c in value) or "\x00" in value:
        raise invalid(name, f"{name} contains control characters", value)
    return value


def store_filter_class(store: Any) -> Optional[type]:
    """The filter dataclass the store expects (shared with the CLI), if it exposes one."""
    cls = getattr(store, "filters_class", None) or getattr(type(store), "filters_class", None)
    if cls is not None:
        return cls
    try:
        from dateline.store.filters import EventFilters
        return EventFilters
    except ImportError:  # pragma: no cover - an older store layout
        pass
    try:
        import dateline.store as store_pkg
    except Exception:  # pragma: no cover - store package missing
        return None
    for name in _CANDIDATE_CLASSES:
        cls = getattr(store_pkg, name, None)
        if cls is not None and dataclasses.is_dataclass(cls):
            return cls
    return None


def to_store_filters(store: Any, wf: WebFilters) -> Any:
    """Build the store's filter object; a filter the store cannot apply is a 400, never silently dropped."""
    cls = store_filter_class(store)
    if cls is None:
        return wf
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for api_name, value in wf.active().items():
        target = next((n for n in _ALIASES[api_name] if n in names), None)
        if target is None:
            raise HTTPException(400, f"filter {api_name!r} is not supported by this store")
        kwargs[target] = value
    return cls(**kwargs)
