"""Response models of the JSON API: what /openapi.json promises.

The keys follow `Event.to_json()` (records.py), the stable event shape shared
with the CLI and exports. Every field has a default so that list rows, which a
store may return without the heavier parts (claims, evidence), still validate;
extra keys a store adds are passed through (`extra="allow"`).
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SpanOut(_Open):
    """A stretch of article text (character offsets into `Article.text`)."""
    article_id: Optional[str] = None
    start: int
    end: int
    text: str = ""
    label: Optional[str] = None


class ClaimOut(_Open):
    """What one source says about the event."""
    source: Optional[str] = None
    via: Optional[str] = None
    says: dict[str, Any] = Field(default_factory=dict)
    evidence: list[SpanOut] = Field(default_factory=list)


class ContradictionOut(_Open):
    field: str
    values: dict[str, Any] = Field(default_factory=dict, description="source → what it says")


class EventOut(_Open):
    """One event (keys of `Event.to_json()`)."""
    event_id: str
    article_ids: list[str] = Field(default_factory=list)
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    location: Optional[str] = None
    location_text: Optional[str] = None
    geonameid: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    geo_precision: Optional[int] = Field(None, description="ACLED: 1 town, 2 nearby/district, 3 region")
    date_earliest: Optional[str] = None
    date_latest: Optional[str] = None
    time_precision: Optional[int] = Field(None, description="ACLED: 1 day, 2 week, 3 month")
    date_expression: Optional[str] = None
    fatalities: Optional[int] = None
    fatalities_low: Optional[int] = None
    fatalities_high: Optional[int] = None
    injured: Optional[int] = None
    injured_low: Optional[int] = None
    injured_high: Optional[int] = None
    weapons: list[str] = Field(default_factory=list)
    modality: Optional[str] = None
    sources: list[str] = Field(default_factory=list)
    attribution: list[Any] = Field(default_factory=list, description="per mention: outlet → cited source → its source")
    claims: list[ClaimOut] = Field(default_factory=list)
    contradictions: list[ContradictionOut] = Field(default_factory=list)
    agreement: dict[str, str] = Field(default_factory=dict, description="field → agree | contradict | single")
    confidence: Optional[float] = None
    evidence: list[SpanOut] = Field(default_factory=list)
    framing: list[SpanOut] = Field(default_factory=list, description="loaded-language terms")


class EventDetail(EventOut):
    """One event with its mentions (one per article passage that tells it)."""
    mentions: list[dict[str, Any]] = Field(default_factory=list)


class EventPage(BaseModel):
    events: list[EventOut]
    total: int = Field(description="events matching the filters, all pages; counted up to 10000: "
                                   "10001 means more than 10000 (then total_exact is false)")
    total_exact: bool = Field(True, description="false when total is the 10001 cap (more than 10000 match)")
    limit: int
    offset: int


class ArticleOut(_Open):
    """An article's text and the spans to highlight in it."""
    article_id: str
    text: str = ""
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    language: Optional[str] = None
    published: Optional[str] = None
    spans: list[SpanOut] = Field(default_factory=list)


class Stats(_Open):
    total: int = 0
    by_type: dict[str, int] = Field(default_factory=dict)
    by_week: dict[str, int] = Field(default_factory=dict, description="ISO week (YYYY-Www) → events")
    by_country: dict[str, int] = Field(default_factory=dict)


class GeoPoint(BaseModel):
    type: str = "Point"
    coordinates: list[float]


class Feature(BaseModel):
    type: str = "Feature"
    id: str
    geometry: GeoPoint
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    type: str = "FeatureCollection"
    features: list[Feature]
    total: int = Field(description="matching events, including those without coordinates or beyond the limit; "
                                   "counted up to 10000: 10001 means more than 10000 (total_exact false)")
    total_exact: bool = Field(True, description="false when total is the 10001 cap")


class SplitRequest(BaseModel):
    article_ids: list[str] = Field(min_length=1, max_length=500,
                                   description="the mentions from these articles become a new event")


class MergeRequest(BaseModel):
    event_ids: list[str] = Field(min_length=2, max_length=100, description="events to merge into one")


class Problem(BaseModel):
    detail: Any
