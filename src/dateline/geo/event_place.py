"""The place of one event mention: which of the article's places the event happened at.

Inside the mention's sentence, the place closest to the trigger wins, with a
preference for specific places (a town, a base, an oil field) over the region
or the country that only qualifies them ("al-Omar dans la province de Deir
Ezzor"), for places introduced by a location cue ("à", "près de", "in", "near"),
and for places after the trigger. Demonyms and metonyms are never event places.
Without a place in the sentence, the place of the closest sentence before it that
names one is used (its paragraph first, then the ones before), else the article's
main place.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Optional

from dateline.geo.lexicon import DIRECTION_WORDS, ORIGIN_WORDS
from dateline.geo.recognise import in_dateline
from dateline.paragraphs import Paragraphs
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


DIRECTION_PENALTY = 1.5


def can_be_event_place(text: str, ref: PlaceRef) -> bool:
    """A location named as such: not a demonym or metonym, not the dateline ("BAMAKO —", where the
    report was filed), not where a shot came from ("fired from the direction of the Golan Heights")."""
    return _is_location(ref) and not in_dateline(text, ref.start) and not _after(text, ref, _ORIGIN_RX)


def _words_before_rx(words: dict[str, list[str]]) -> re.Pattern:
    """One of these words (any language) at the end of a text, with up to two words after it:
    "from the direction of the occupied Golan Heights"."""
    alt = "|".join(re.escape(w) for w in sorted({w for ws in words.values() for w in ws}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?:\s+[\w'-]+){{0,2}}\s*$")


_ORIGIN_RX = _words_before_rx(ORIGIN_WORDS)
_DIRECTION_RX = _words_before_rx(DIRECTION_WORDS)


def _after(text: str, ref: PlaceRef, rx: re.Pattern) -> bool:
    """Is the place right after one of the words of `rx`?"""
    return bool(rx.search(" ".join(text[max(0, ref.start - 60):ref.start].lower().replace("’", "'").split())))


def _destination(text: str, ref: PlaceRef) -> bool:
    """'the main road to Busia', 'la route de Gao': the place is where a road leads."""
    return _after(text, ref, _DIRECTION_RX)


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


def place_in_force(places: list[PlaceRef], paragraphs: Paragraphs, sentence: Span) -> Optional[PlaceRef]:
    """For a sentence with no place of its own: the most specific place of the closest sentence
    before it that names one, in its paragraph ("…affrontements autour de Mushaki, à l'ouest de
    Goma. La société civile fait état de trois civils tués par des obus" → Goma), else in the
    paragraphs before (a wire story tells its lead's place once: "Le convoi … a d'abord été visé
    par un engin explosif" is still between Boni and Hombori, not in the dateline's Bamako)."""
    text = paragraphs.text
    before = [p for p in places if p.end <= sentence.start and can_be_event_place(text, p)]
    if not before:
        return None
    floor = paragraphs.start_of(before[-1].start)  # the paragraph of the closest place
    last_stop = max([floor - 1] + [text.rfind(c, floor, before[-1].start) for c in ".!?"])
    closest = [p for p in before if p.start > last_stop]
    return min(closest, key=lambda p: (p.geo_precision or 3, p.start))


def event_place(places: list[PlaceRef], text: str, trigger: Span, sentence: Span) -> Optional[PlaceRef]:
    """The place of the event whose trigger and sentence are given (None when the article has none)."""
    in_sentence = [p for p in places if sentence.start <= p.start and p.end <= sentence.end
                   and can_be_event_place(text, p)]
    if in_sentence:
        best = max(in_sentence, key=lambda p: _score(p, trigger) - (DIRECTION_PENALTY if _destination(text, p) else 0))
        precision = best.geo_precision or 3
        if getattr(best, "cue", None) == 2 and precision == 1:
            precision = 2
        return replace(best, geo_precision=precision)
    fallback = main_place(places)
    if fallback is None:
        return None
    return replace(fallback, geo_precision=max(fallback.geo_precision or 3, 2))
