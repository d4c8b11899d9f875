"""The records of dateline, defined once.

Everything that flows between stages is one of these plain dataclasses. Stages
read and fill them; `store/` persists them; `web/` and the CLI serialise them.
Offsets (`start`, `end`) are always character offsets into `Article.text`.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Optional

# --- vocabularies -----------------------------------------------------------

MODALITIES = ("asserted", "claimed", "alleged", "denied", "foiled", "planned", "hypothetical", "negated")
# Modalities that do not become events unless the user asks for them.
NON_EVENT_MODALITIES = frozenset({"planned", "hypothetical", "negated"})
DATE_PRECISIONS = ("day", "month", "year")
# ACLED time_precision: 1 the day, 2 within a week, 3 within a month (we use 4 for wider ranges).
TIME_PRECISION_DAY, TIME_PRECISION_WEEK, TIME_PRECISION_MONTH = 1, 2, 3
ACTOR_KINDS = (
    "state forces", "rebel group", "political militia", "identity militia",
    "external/other forces", "civilians", "protesters", "rioters", "unidentified",
)
SOURCE_KINDS = ("news outlet", "monitor/NGO", "government", "armed group", "anonymous", "person", "other")


def normalise_text(text: str) -> str:
    """The form an article is identified by: NFC, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- articles ----------------------------------------------------------------

@dataclass
class Article:
    id: str
    text: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    language: Optional[str] = None
    published: Optional[date] = None
    published_precision: Optional[str] = None  # "day" | "month" | "year"
    source_file: Optional[str] = None
    record: Optional[str] = None  # where in the source file (line, row, entry)
    ingested_at: Optional[datetime] = None

    @property
    def content_hash(self) -> str:
        """Hash of the normalised text (and URL when present): the article's identity in the store."""
        h = hashlib.sha256(normalise_text(self.text).encode("utf-8"))
        if self.url:
            h.update(b"\0" + self.url.strip().encode("utf-8"))
        return h.hexdigest()[:32]


# --- pieces of evidence -------------------------------------------------------

@dataclass
class Span:
    """A stretch of an article's text that supports some field."""
    start: int
    end: int
    text: str
    label: Optional[str] = None  # what it supports: trigger, actor1, place, date, toll, source…

    def to_json(self, article_id: Optional[str] = None) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        if article_id is not None:
            d = {"article_id": article_id, **d}
        if self.label:
            d["label"] = self.label
        return d


@dataclass
class Place:
    """A gazetteer entry."""
    geonameid: str
    name: str
    latitude: float
    longitude: float
    country: Optional[str] = None        # country name in English
    country_code: Optional[str] = None   # ISO 3166-1 alpha-2
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    feature_class: Optional[str] = None  # GeoNames: P populated place, A admin, L area, S spot, T terrain, H water
    feature_code: Optional[str] = None
    population: int = 0


@dataclass
class PlaceRef:
    """A toponym as written in the article, and what it resolved to."""
    text: str
    start: int
    end: int
    place: Optional[Place] = None
    geo_precision: Optional[int] = None  # ACLED: 1 town, 2 near a town / site / district, 3 region or country
    score: float = 0.0


@dataclass
class GeoRef(PlaceRef):
    """A PlaceRef that also says how the name is used: "toponym", "demonym" ("Syrian",
    "les Américains") or "metonym" ("Washington n'envisage pas"). Only toponyms can be event places."""
    role: str = "toponym"
    cue: Optional[int] = None  # precision implied by a preceding cue: 1 "à/in", 2 "près de/near"


@dataclass
class DateRange:
    earliest: Optional[date] = None
    latest: Optional[date] = None
    time_precision: Optional[int] = None  # ACLED 1 day, 2 week, 3 month
    expression: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None

    def overlaps(self, other: "DateRange") -> bool:
        if None in (self.earliest, self.latest, other.earliest, other.latest):
            return True
        return self.earliest <= other.latest and other.earliest <= self.latest


@dataclass
class Count:
    """A number as a text gives it: 'une vingtaine' → best 20, low 15, high 25.

    `best is None` means the text says nothing usable (unknown, not zero)."""
    best: Optional[int] = None
    low: Optional[int] = None
    high: Optional[int] = None
    expression: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass
class Toll:
    fatalities: Optional[Count] = None
    injured: Optional[Count] = None
    victims: Optional[str] = None  # civilians, soldiers, militants, police… when stated


@dataclass
class Actor:
    """A canonical actor from the actor dictionary (data/actors.yaml)."""
    id: str
    name: str
    kind: str = "unidentified"
    country: Optional[str] = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class ActorRef:
    text: str
    start: int
    end: int
    actor_id: Optional[str] = None
    name: Optional[str] = None  # canonical name when known, else the text


@dataclass
class SourceRef:
    """One link in an attribution chain: a named (or anonymous) source as cited."""
    name: str                      # canonical name (al-Mayadeen, OSDH, Reuters, local residents…)
    kind: str = "other"
    text: Optional[str] = None     # as written
    start: Optional[int] = None
    end: Optional[int] = None
    source_id: Optional[str] = None


@dataclass
class Claim:
    """What one source says about one event: its numbers, its perpetrator."""
    source: str
    via: Optional[str] = None
    says: dict[str, Any] = field(default_factory=dict)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Mention:
    """One event as told in one place of one article."""
    article_id: str
    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    evidence: list[Span] = field(default_factory=list)
    actor1: Optional[ActorRef] = None
    actor2: Optional[ActorRef] = None
    place: Optional[PlaceRef] = None
    date: DateRange = field(default_factory=DateRange)
    toll: Toll = field(default_factory=Toll)
    weapons: list[str] = field(default_factory=list)
    munitions: Optional[str] = None  # "3 roquettes", "dix explosions": counts of munitions, never a toll
    modality: str = "asserted"
    attribution: list[SourceRef] = field(default_factory=list)  # outlet → cited source → its source
    anaphoric: bool = False  # "cette attaque", "the attack": refers back rather than telling a new event
    confidence: float = 0.5


@dataclass
class Contradiction:
    field: str
    values: dict[str, Any]  # source → what it says


@dataclass
class Event:
    """What happened in the world: one or more mentions merged."""
    event_id: str
    event_type: str
    sub_event_type: str
    mentions: list[Mention] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    place: Optional[PlaceRef] = None
    date: DateRange = field(default_factory=DateRange)
    fatalities: Optional[int] = None
    fatalities_low: Optional[int] = None
    fatalities_high: Optional[int] = None
    injured: Optional[int] = None
    injured_low: Optional[int] = None
    injured_high: Optional[int] = None
    weapons: list[str] = field(default_factory=list)
    modality: str = "asserted"
    sources: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    agreement: dict[str, str] = field(default_factory=dict)  # field → "agree" | "contradict" | "single"
    evidence: list[tuple[str, Span]] = field(default_factory=list)  # (article_id, span)
    framing: list[tuple[str, Span]] = field(default_factory=list)   # loaded terms near the evidence
    confidence: float = 0.5

    def to_json(self) -> dict:
        """The stable JSON shape of `dateline extract` / `events` (other tools read these keys)."""
        p = self.place.place if self.place else None
        return {
            "event_id": self.event_id,
            "article_ids": list(self.article_ids),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "location": (p.name if p else (self.place.text if self.place else None)),
            "location_text": self.place.text if self.place else None,
            "geonameid": p.geonameid if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "geo_precision": self.place.geo_precision if self.place else None,
            "date_earliest": _iso(self.date.earliest),
            "date_latest": _iso(self.date.latest),
            "time_precision": self.date.time_precision,
            "date_expression": self.date.expression,
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "injured": self.injured,
            "injured_low": self.injured_low,
            "injured_high": self.injured_high,
            "weapons": list(self.weapons),
            "modality": self.modality,
            "sources": list(self.sources),
            "attribution": [[_source_json(s) for s in m.attribution] for m in self.mentions],
            "claims": [
                {"source": c.source, "via": c.via, "says": c.says,
                 "evidence": [s.to_json() for s in c.evidence]} for c in self.claims
            ],
            "contradictions": [{"field": c.field, "values": c.values} for c in self.contradictions],
            "agreement": dict(self.agreement),
            "confidence": round(self.confidence, 3),
            "evidence": [s.to_json(aid) for aid, s in self.evidence],
            "framing": [s.to_json(aid) for aid, s in self.framing],
        }


def _iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def _source_json(s: SourceRef) -> dict:
    return {k: v for k, v in asdict(s).items() if v is not None}
