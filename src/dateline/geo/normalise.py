"""Transliteration-tolerant keys for place names.

Arabic, Persian and Pashto names reach French and English news in many
spellings: al-Chahil / Al-Shuhayl, al-Mayadine / Al Mayadin, al-Boukamal /
Abu Kamal / Albu Kamal, Deir Ezzor / Deir ez-Zor. `name_key` folds the usual
differences (article, French digraphs, doubled letters, final mute e) so that
most variants share one exact key; `skeleton_key` is a coarser consonant
skeleton used only to pick candidates for fuzzy matching (blocking), never as
a match by itself.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

# Arabic definite article and its assimilated forms, written as a separate word.
ARTICLES = frozenset({"al", "el", "ad", "ash", "an", "ar", "as", "at", "az", "ed", "en", "er", "es", "et", "ez",
                      "ul", "ud", "ush", "us", "uz"})
# Glued assimilated article: "Ezzor" (ez-Zor), "Assafira" … only inside a name.
_GLUED_ARTICLE = re.compile(r"^[aeu]([dnrstz])\1")
# Ordered rewrites applied to the joined name.
_REWRITES = (
    ("tch", "ch"), ("dj", "j"), ("sch", "sh"), ("ch", "sh"), ("kh", "k"), ("gh", "g"), ("ph", "f"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ai", "i"), ("ay", "i"), ("ey", "i"),
    ("w", "u"), ("y", "i"), ("q", "k"), ("c", "k"), ("dh", "d"), ("th", "t"), ("aa", "a"),
)
_PREFIX_REWRITES = (("albu", "bu"), ("abu", "bu"), ("bu", "bu"))
_SKELETON_DROP = re.compile(r"[aeiouhy]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=200_000)  # called for every token of every candidate: the same words come back
def fold(text: str) -> str:
    """Lower case, diacritics stripped, apostrophes dropped, ASCII only (other scripts vanish)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("\u2019", "").replace("\u02bc", "").replace("ʿ", "").replace("ʾ", "")
    plain = plain.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    return plain.encode("ascii", "ignore").decode("ascii")


def _tokens(text: str) -> list[str]:
    words = [w for w in _NON_WORD.split(fold(text)) if w]
    if len(words) > 1:
        kept = [w for i, w in enumerate(words) if w not in ARTICLES or i == len(words) - 1]
        words = kept or words
    return [(_GLUED_ARTICLE.sub(r"\1", w) if i > 0 and len(w) > 4 else w) for i, w in enumerate(words)]


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The exact-lookup key of a place name ('' when nothing Latin is left)."""
    joined = "".join(_tokens(text))
    if not joined:
        return ""
    for old, new in _REWRITES:
        joined = joined.replace(old, new)
    for old, new in _PREFIX_REWRITES:
        if joined.startswith(old) and len(joined) > len(old) + 2:
            joined = new + joined[len(old):]
            break
    collapsed = re.sub(r"(.)\1+", r"\1", joined)
    if len(collapsed) > 4 and collapsed.endswith("e"):
        collapsed = collapsed[:-1]
    return collapsed


def skeleton_key(key: str) -> str:
    """Blocking key: first letter + consonants (vowels, h, y dropped), at most 4 of them."""
    if not key:
        return ""
    return (key[0] + _SKELETON_DROP.sub("", key[1:]))[:5]


def similarity(a: str, b: str) -> float:
    """Normalised similarity (0–1) of two name keys."""
    if not a or not b:
        return 0.0
    return Levenshtein.normalized_similarity(a, b)


def names_match(a: str, b: str, threshold: float = 0.8) -> bool:
    """True when two written names are plausibly the same place name."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return skeleton_key(ka) == skeleton_key(kb) and similarity(ka, kb) >= threshold
