"""Weapons and munition counts named in a text.

``find_weapons`` maps words ("roquettes", "drones piégés", "air strike",
"gunmen opened fire") to the language-independent ids of ``data/weapons.yaml``
(rocket, drone, airstrike, small arms…). Each language's ``weapons.yaml`` lists
the words as regular expressions; at every place of the text the longest match
wins, so "voiture piégée" is a car bomb, not an explosive, and "grenades
lacrymogènes" is tear gas, not a grenade. The id ``none`` swallows look-alikes
(stun grenades, gold mines) and yields nothing.

``find_munitions`` reads counts of munitions, explosions, vehicles and attackers
("3 roquettes", "dix explosions", "4 drones américains") as short English
strings ("3 rockets", "10 explosions", "4 drones"). They are never tolls.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from dateline.analyse.numbers import Quantity, alternation, find_quantities, language_key, load_data
from dateline.records import Span

_VAGUE_OF = {"tens", "dozens", "scores", "hundreds", "thousands"}


class WeaponLexicon:
    """The compiled weapon and munition words of one language."""

    def __init__(self, lang: str):
        data = load_data(lang, "weapons")
        shared = _shared()
        self.plural = {str(k): str(v) for k, v in (shared.get("munition_nouns") or {}).items()}
        self.weapons = [(wid, self._rx(pats)) for wid, pats in (data.get("weapons") or {}).items()]
        munitions = data.get("munitions") or {}
        self.munition_ids = [(noun, re.compile(alternation(pats) + r"$", re.I)) for noun, pats in munitions.items()]
        every = alternation([p for pats in munitions.values() for p in pats])
        self.munition_after = re.compile(
            rf"^\s*(?:(?:de|of)\s+(?:the\s+)?|d['’]\s*)?(?:[\w-]+\s+)?(?<![\w-])({every})(?!\w)", re.I)
        self.munition_direct = re.compile(rf"^\s*(?:(?:de|of)\s+(?:the\s+)?|d['’]\s*)?({every})(?!\w)", re.I)

    @staticmethod
    def _rx(patterns) -> re.Pattern:
        return re.compile(rf"(?<![\w-]){alternation(patterns)}(?!\w)", re.I)

    def noun_of(self, text: str) -> Optional[str]:
        """The English singular of a munition noun as written ("roquettes" → "rocket")."""
        best = None
        for noun, rx in self.munition_ids:
            if rx.match(text) and (best is None or len(noun) > len(best)):
                best = noun
        return best


@lru_cache(maxsize=1)
def _shared() -> dict:
    return load_data("", "weapons")


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Optional[WeaponLexicon]:
    key = language_key(lang)
    return WeaponLexicon(key) if key and load_data(key, "weapons") else None


def _longest_leftmost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches: leftmost first, the longest where several start together."""
    out, last_end = [], -1
    for s, e, wid in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if s >= last_end:
            out.append((s, e, wid))
            last_end = e
    return out


def weapon_mentions(text: str, lang: str, offset: int = 0) -> list[tuple[str, Span]]:
    """Every weapon mention, in text order (ids repeat when the text repeats them)."""
    lex = lexicon(lang)
    if lex is None or not text:
        return []
    hits = [(m.start(), m.end(), wid) for wid, rx in lex.weapons for m in rx.finditer(text)]
    return [(wid, Span(s + offset, e + offset, text[s:e], label="weapon"))
            for s, e, wid in _longest_leftmost(hits) if wid != "none"]


def find_weapons(text: str, lang: str, offset: int = 0) -> list[tuple[str, Span]]:
    """Normalised weapon ids with the span of their first mention, in text order.

    >>> [w for w, _ in find_weapons("l'artillerie et les drones de combat américains ont pilonné", "fr")]
    ['artillery', 'drone']
    """
    seen: dict[str, Span] = {}
    for wid, span in weapon_mentions(text, lang, offset):
        seen.setdefault(wid, span)
    return list(seen.items())


def munition_label(q: Quantity, noun: str, plural: str) -> str:
    """'3 rockets', '1 drone', 'about 20 shells', 'several rockets', 'dozens of rockets'."""
    c = q.count
    if q.label in _VAGUE_OF:
        return f"{q.label} of {plural}"
    single = c.best == 1 and c.low == 1 and c.high == 1
    return f"{q.label} {noun if single else plural}"


def find_munitions(text: str, lang: str, offset: int = 0) -> list[tuple[str, Span]]:
    """Counts of munitions, explosions, vehicles or attackers: ("3 rockets", span of "3 roquettes")."""
    lex = lexicon(lang)
    out: list[tuple[str, Span]] = []
    if lex is None or not text:
        return out
    for q in find_quantities(text, lang):
        if q.count.best == 0:
            continue
        rest = text[q.end:q.end + 80]
        m = lex.munition_direct.match(rest) or lex.munition_after.match(rest)
        noun = lex.noun_of(m.group(1)) if m else None
        if noun is None:
            continue
        end = q.end + m.end()
        label = munition_label(q, noun, lex.plural.get(noun, noun + "s"))
        out.append((label, Span(q.start + offset, end + offset, text[q.start:end], label="munitions")))
    return out
