"""Loaded language: terms that carry one side's framing ("occupation américaine",
"terroristes"). They never change the coding; they are marked so a reader sees them."""
from __future__ import annotations

import re
from functools import lru_cache

from dateline import langdata
from dateline.records import Span


@lru_cache(maxsize=None)
def _pattern(lang: str) -> re.Pattern:
    terms = sorted({str(t).lower() for t in langdata.load("framing", lang).get("loaded", [])}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE)


def find_loaded_terms(text: str, lang: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(), "framing") for m in _pattern(lang).finditer(text)]
