"""Date vocabulary of one language, loaded from `data/<lang>/dates.yaml`.

The YAML file holds the words (weekdays, months, number words, units) and an
ordered list of patterns. This module turns them into one compiled regular
expression per language: every pattern becomes an alternative wrapped in a
named group `p<N>`, so a single scan of an article finds every expression and
`match.lastgroup` says which pattern (and thus which rule) matched. The named
groups inside a pattern ({weekday}, {day}, ...) are suffixed with `__<N>` to
keep their names unique across alternatives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from dateline.langdata import read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# A placeholder starts with a letter, so regex quantifiers like {4} or {1,2} are left alone.
_PLACEHOLDER = re.compile(r"\{([a-z_]+[0-9]?)\}")
_GROUP_SUFFIX = "__"


@dataclass
class Pattern:
    """One entry of `patterns:` in the YAML file."""
    index: int
    source: str
    rule: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class DateLexicon:
    lang: str
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    parts: dict[str, str]
    numeric_order: str
    patterns: list[Pattern]
    regex: re.Pattern
    # Words one of which every expression contains: a cheap first pass (see find_date_expressions).
    keywords: re.Pattern

    def pattern_of(self, match: re.Match) -> Pattern:
        return self.patterns[int(match.lastgroup[1:])]

    def groups_of(self, match: re.Match) -> dict[str, str]:
        """The placeholder groups of the pattern that matched, without their suffix."""
        suffix = _GROUP_SUFFIX + match.lastgroup[1:]
        return {name[: -len(suffix)]: value for name, value in match.groupdict().items()
                if value is not None and name.endswith(suffix)}

    def weekday(self, word: str) -> Optional[int]:
        return self.weekdays.get(word.lower())

    def month(self, word: str) -> Optional[int]:
        return self.months.get(word.lower().rstrip("."))

    def number(self, word: str) -> Optional[int]:
        word = " ".join(word.lower().split())
        if word.isdigit():
            return int(word)
        return self.numbers.get(word)

    def unit(self, word: str) -> Optional[str]:
        return self.units.get(word.lower())

    def part(self, word: Optional[str]) -> str:
        """early / mid / late / all for "début", "mi-", "late"…; the whole period when absent."""
        if not word:
            return "all"
        return self.parts.get(" ".join(word.lower().split()), "all")


def _alternation(words, case_sensitive: bool) -> str:
    """A regex alternative of words, longest first so "janv" never shadows "janvier"."""
    forms = set()
    for w in words:
        if case_sensitive:
            forms.update({w[:1].upper() + w[1:], w.upper()})
        else:
            forms.add(w)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))


def _month_alternation(months: dict, case_sensitive: bool) -> str:
    """Month names; abbreviations ("Jan", "janv", "Sept") may take a full stop, full names never
    do, so "since March." at the end of a sentence stops before the stop."""
    def is_abbreviation(word: str) -> bool:
        return any(len(other) > len(word) and other.lower().startswith(word.lower()) and number == months[word]
                   for other, number in months.items())
    full = _alternation([m for m in months if not is_abbreviation(m)], case_sensitive)
    short = _alternation([m for m in months if is_abbreviation(m)], case_sensitive)
    return f"(?:{full})" + (f"|(?:{short})\\.?" if short else "")


def _slots(data: dict) -> dict[str, str]:
    """The regex behind each placeholder (named-group placeholders get their name later)."""
    weekdays = _alternation(data["weekdays"], data.get("weekdays_case_sensitive", False))
    months = _month_alternation(data["months"], data.get("months_case_sensitive", False))
    if data.get("weekdays_case_sensitive"):
        weekdays = f"(?-i:{weekdays})"
    if data.get("months_case_sensitive"):
        months = f"(?-i:{months})"
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?!\d)"
    suffix = data.get("day_suffix", "")
    return {
        "weekday": weekdays,
        "weekday2": weekdays,
        "month": months,
        "month_num": r"(?:1[0-2]|0?[1-9])(?!\d)",
        "day": day + suffix,
        "day2": day + suffix,
        "year": r"(?:1[89][0-9]{2}|2[01][0-9]{2})(?!\d)",
        "year2": r"(?:[0-9]{2})(?!\d)",
        "number": r"(?:[0-9]{1,3}|" + _alternation(data["numbers"], False) + ")",
        "unit": _alternation(data["units"], False),
    }


def _expand(source: str, index: int, slots: dict[str, str], macros: dict[str, str]) -> str:
    def replace(m: re.Match) -> str:
        name = m.group(1)
        if name in macros:
            return macros[name]
        if name not in slots:
            raise ValueError(f"dates.yaml: unknown placeholder {{{name}}} in pattern {source!r}")
        # Captured values carry the slot name (day, month…) suffixed with the pattern index.
        return f"(?P<{name}{_GROUP_SUFFIX}{index}>{slots[name]})"

    expanded = _PLACEHOLDER.sub(replace, source)
    # Groups written directly in the YAML ((?P<part>…), (?P<strict>…)) get the suffix too;
    # the slot groups above already end in a digit, so they are not matched again.
    expanded = re.sub(r"\(\?P<([a-z_]+)>", lambda m: f"(?P<{m.group(1)}{_GROUP_SUFFIX}{index}>", expanded)
    # Spaces in the YAML stand for any run of whitespace (articles wrap lines).
    return expanded.replace(" ", r"\s+")


def _keyword_regex(data: dict, slots: dict[str, str]) -> re.Pattern:
    """Word beginnings, whole words, weekday and month names, digits: one of them is in every expression.

    A lookahead on the possible first letters lets the engine skip most word
    starts without trying the alternatives one by one."""
    prefixes = [str(k) for k in data.get("keywords") or []]
    words = [str(k) for k in data.get("keyword_words") or []]
    names = list(data["weekdays"]) + list(data["months"])
    initials = {w[0].lower() for w in prefixes + words + names} | {w[0].upper() for w in prefixes + words + names}
    guard = "(?=[0-9" + "".join(sorted(re.escape(c) for c in initials)) + "])"
    alternatives = [re.escape(k) for k in prefixes]
    # Names and whole words must end there: not "mai" in "maintenir", not "an" in "analyse".
    alternatives.append(f"(?:{_alternation(words, False) or '(?!)'}|{slots['weekday']}|{slots['month']})(?!\\w)")
    alternatives.append(r"\d")
    return re.compile(r"\b" + guard + "(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> DateLexicon:
    """The compiled date lexicon of a language; built once per process."""
    lang = (lang or "").lower()[:2]
    path = DATA_DIR / lang / "dates.yaml"
    if not path.exists():
        raise ValueError(f"no date vocabulary for language {lang!r} ({path})")
    data = read_yaml(path.read_text(encoding="utf-8"))
    slots = _slots(data)
    macros = {k: str(v) for k, v in (data.get("macros") or {}).items()}
    patterns, alternatives = [], []
    for index, entry in enumerate(data["patterns"]):
        entry = dict(entry)
        source = entry.pop("pattern")
        patterns.append(Pattern(index, source, entry.pop("rule"), entry.pop("kind", "offset"), entry))
        body = _expand(source, index, slots, macros)
        alternatives.append(f"(?P<p{index}>{body})")
    # Word boundaries on both sides; hyphens count as word characters so "mi-janvier" stays whole.
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
    keywords = _keyword_regex(data, slots)
    return DateLexicon(
        lang=lang,
        weekdays={k.lower(): int(v) for k, v in data["weekdays"].items()},
        months={k.lower(): int(v) for k, v in data["months"].items()},
        numbers={" ".join(k.lower().split()): int(v) for k, v in data["numbers"].items()},
        units={k.lower(): str(v) for k, v in data["units"].items()},
        parts={" ".join(k.lower().split()): str(v) for k, v in (data.get("parts") or {}).items()},
        numeric_order=data.get("numeric_order", "dmy"),
        patterns=patterns,
        regex=regex,
        keywords=keywords,
    )
