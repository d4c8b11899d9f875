"""The event filters, one dataclass shared by the CLI and the web API.

Semantics (all optional, combined with AND):
  since / until  the event's date range overlaps [since, until]
  country, admin1, modality  case-insensitive equality
  event_type     equals the event type OR the sub-event type (case-insensitive)
  actor          substring of actor1 or actor2
  source         substring of one of the event's sources
  bbox           (min_lon, min_lat, max_lon, max_lat): events with coordinates inside
  text           substring of the evidence spans or of the text of the event's articles
  article_id     events reported by this article
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Optional


@dataclass(frozen=True)
class EventFilters:
    since: Optional[date] = None
    until: Optional[date] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    event_type: Optional[str] = None
    actor: Optional[str] = None
    source: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    text: Optional[str] = None
    modality: Optional[str] = None
    article_id: Optional[str] = None

    def __post_init__(self):  # accept the strings a caller may hold ('2022-01-05', '35,30,45,40')
        for name in ("since", "until"):
            v = getattr(self, name)
            if isinstance(v, str):
                object.__setattr__(self, name, parse_day(v))
            elif isinstance(v, datetime):
                object.__setattr__(self, name, v.date())
        if isinstance(self.bbox, str):
            object.__setattr__(self, "bbox", parse_bbox(self.bbox))
        elif self.bbox is not None:
            object.__setattr__(self, "bbox", tuple(float(x) for x in self.bbox))

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))


def parse_bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    """'minlon,minlat,maxlon,maxlat' → a tuple; raises ValueError with a readable message."""
    if value in (None, ""):
        return None
    parts = [p.strip() for p in str(value).split(",")]
    if len(parts) != 4:
        raise ValueError("bbox must be minlon,minlat,maxlon,maxlat")
    try:
        a, b, c, d = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not (-180 <= a <= 180 and -180 <= c <= 180 and -90 <= b <= 90 and -90 <= d <= 90):
        raise ValueError("bbox out of range (lon -180..180, lat -90..90)")
    if a > c or b > d:
        raise ValueError("bbox min must not exceed max")
    return a, b, c, d


def parse_day(value: Optional[str]) -> Optional[date]:
    """'2022-01-05' (or '2022-01', '2022') → a date; raises ValueError."""
    if value in (None, ""):
        return None
    v = str(value).strip()
    try:
        if len(v) == 4:
            return date(int(v), 1, 1)
        if len(v) == 7:
            return date(int(v[:4]), int(v[5:7]), 1)
        return date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from None
