"""The place of one event mention: which of the article's places the event happened at.

Inside the mention's sentence, the place closest to the trigger wins, with a
preference for specific places (a town, a base, an oil field) over the region
or the country that only qualifies them ("al-Omar dans la province de Deir
Ezzor"), for places introduced by a location cue ("à", "près de", "in", "near"),
and for places after the trigger. Demonyms and metonyms are never event places.
Without a place in the sentence, the article's main place is used.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from dateline.records import PlaceRef, Span

SPECIFICITY = {1: 2.0, 2: 2.0, 3: 0.8}
CUE_BONUS = 0.5
CHARS_PER_POINT_AFTER = 140.0   # a place after the trigger loses a point every 140 characters
CHARS_PER_POINT_BEFORE = 100.0  # one before it, every 100


def _is_location(ref: PlaceRef) -> bool:
    return ref.place is not None and getattr(ref, "role", "toponym") == "toponym"


def _score(ref: PlaceRef, trigger: Span) -> float:
    if ref.start >= trigger.end:
        distance = (ref.start - trigger.end) / CHARS_PER_POINT_AFTER
    elif ref.end <= trigger.start:
        distance = (trigger.start - ref.end) / CHARS_PER_POINT_BEFORE
    else:
        distance = 0.0
    cue = CUE_BONUS if getattr(ref, "cue", None) else 0.0
    return SPECIFICITY.get(ref.geo_precision or 3, 0.8) + cue - distance


def main_place(places: list[PlaceRef]) -> Optional[PlaceRef]:
    """The article's most-mentioned specific place, else its most-mentioned region or country."""
    locations = [p for p in places if _is_location(p)]
    if not locations:
        return None
    counts = Counter(p.place.geonameid for p in locations)
    specific = [p for p in locations if (p.geo_precision or 3) < 3]
    pool = specific or locations
    best = max(pool, key=lambda p: (counts[p.place.geonameid], -p.start))
    return best


def event_place(places: list[PlaceRef], text: str, trigger: Span, sentence: Span) -> Optional[PlaceRef]:
    """The place of the event whose trigger and sentence are given (None when the article has none)."""
    in_sentence = [p for p in places if _is_location(p) and sentence.start <= p.start and p.end <= sentence.end]
    if in_sentence:
        best = max(in_sentence, key=lambda p: _score(p, trigger))
        precision = best.geo_precision or 3
        if getattr(best, "cue", None) == 2 and precision == 1:
            precision = 2
        return replace(best, geo_precision=precision)
    fallback = main_place(places)
    if fallback is None:
        return None
    return replace(fallback, geo_precision=max(fallback.geo_precision or 3, 2))
