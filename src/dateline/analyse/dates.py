"""Date expressions: find them in an article and resolve them to date ranges.

    find_date_expressions(text, lang)            -> [DateRange] (offsets, no dates yet)
    resolve_date(expr, lang, published, precision, anchor=None) -> DateRange | None
    publication_range(published, precision)      -> the default event date
    shift_range(r, days)                          -> r moved by whole days
    is_anchor_expression(text, lang)              -> +1 "au lendemain", -1 "la veille", else None

The words and patterns of each language live in `data/<lang>/dates.yaml`; the
calendar arithmetic is shared (`dates_rules.py`).

Conventions
-----------
* The publication date may be known to the day, the month or the year. A
  relative expression is resolved for *every* possible publication day and the
  result is the union (hull) of the ranges: "mardi" in an article of January
  2022 is [2021-12-28, 2022-01-25].
* A weekday name alone ("mardi", "on Tuesday") is the most recent such day on
  or before publication: "mardi" in an article published on a Tuesday is that
  same day. With "dernier/passé/last" ("dimanche dernier", "last Sunday") it is
  the most recent one strictly before publication. "prochain/next" looks forward.
* Weeks run Monday to Sunday. "la semaine passée" / "last week" is the previous
  calendar week; "cette semaine" / "this week" runs from Monday to publication.
* "ces N derniers jours" / "in the past N days" is [publication - N, publication].
* Absolute dates without a year take the latest year that does not put them
  more than a month after publication ("le 28 décembre" in January → last
  year's). With no publication date, absolute dates that give their year still
  resolve; everything else returns None (an open range).
* Event-to-event anchors ("au lendemain de", "la veille", "the day after") say
  how many days this event lies after another: resolve_date(..., anchor=A)
  returns A shifted by that offset. Without an anchor, "la veille" / "the day
  before" falls back to the day before publication and "le lendemain" to None.

time_precision (ACLED: 1 day, 2 week, 3 month or wider)
-------------------------------------------------------
Every pattern has its own granularity g: a named day or a night 1; a week, a
weekend, "depuis lundi", "ces derniers jours" 2; months, years 3; absolute
ranges by width (1 day → 1, up to 7 days → 2, wider → 3). Then:
* absolute expressions keep g: the publication date adds no uncertainty;
* publication known to the day: g;
* publication known to the month: expressions tied to the week calendar
  (weekday names, weeks, weekends) get max(g, 2), since their place in the
  week is known; expressions counted in days from the publication day ("hier",
  "il y a trois jours", "ces deux derniers jours") inherit the publication's
  precision, max(g, 3);
* publication known to the year: 3;
* anchored expressions keep the anchor's precision.
This reproduces the seed gold: "dans la soirée de mardi" → 2, "la semaine
passée" → 2, "ces deux derniers jours" → 3 (publication 2022-01).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional, Union

from dateline.analyse.dates_lexicon import DateLexicon, Pattern, load_lexicon
from dateline.analyse.dates_rules import ABSOLUTE_RULES, RELATIVE_RULES, month_bounds
from dateline.records import TIME_PRECISION_DAY, TIME_PRECISION_MONTH, TIME_PRECISION_WEEK, DateRange

__all__ = ["find_date_expressions", "resolve_date", "publication_range", "shift_range", "is_anchor_expression"]


def find_date_expressions(text: str, lang: str) -> list[DateRange]:
    """Every date expression in `text`, in order, unresolved (earliest/latest None).

    A cheap scan for keywords (weekday and month names, digits, "hier", "week"…)
    picks the stretches of text worth looking at; the language's compiled
    regex (every YAML pattern in one alternation) runs only there. Matches
    never overlap and the pattern listed first in the YAML wins where several
    start at the same place. Unknown languages find nothing."""
    lex = _lexicon(lang)
    if not text or lex is None:
        return []
    found = []
    for begin, end in _keyword_regions(lex, text):
        found.extend(DateRange(expression=m.group(), start=m.start(), end=m.end())
                     for m in lex.regex.finditer(text, begin, end))
    return found


# How far an expression may reach on either side of its keyword: "au cours des
# vingt derniers jours" starts 28 characters before "jours", "in the early hours
# of Tuesday" 22 before "Tuesday"; "mercredi 13 septembre 2022" ends 18 after "mercredi".
_REGION_MARGIN = 48


def _keyword_regions(lex: DateLexicon, text: str) -> list[tuple[int, int]]:
    """Stretches of text around keywords; the full patterns only run there (≈10× faster)."""
    regions: list[tuple[int, int]] = []
    for m in lex.keywords.finditer(text):
        begin, end = max(0, m.start() - _REGION_MARGIN), min(len(text), m.end() + _REGION_MARGIN)
        if regions and begin <= regions[-1][1]:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((begin, end))
    return regions


def _lexicon(lang: str) -> Optional[DateLexicon]:
    """The language's date lexicon, or None for a language without a dates.yaml (no dates found)."""
    try:
        return load_lexicon(lang)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse(expression: str, lang: str) -> Optional[tuple[Pattern, tuple[tuple[str, str], ...]]]:
    """The pattern an expression belongs to and its captured words (cached: phrases repeat)."""
    lex = _lexicon(lang)
    if lex is None:
        return None
    text = " ".join(expression.split())
    # The whole text must be one expression: "le 3 janvier 9999" is not "le 3 janvier".
    match = lex.regex.fullmatch(text) or lex.regex.fullmatch(text.rstrip(" ,;:."))
    if match is None:
        return None
    return lex.pattern_of(match), tuple(sorted(lex.groups_of(match).items()))


def is_anchor_expression(expr_text: str, lang: str) -> Optional[int]:
    """Days from the anchored event to this one: +1 "au lendemain de", -1 "la veille de", else None."""
    # The text may run on after the expression ("au lendemain d'une attaque").
    found = find_date_expressions((expr_text or "").strip(), lang)
    parsed = _parse(found[0].expression, lang) if found and found[0].start == 0 else None
    if parsed is None or parsed[0].kind != "anchor":
        return None
    return _anchor_offset(load_lexicon(lang), parsed[0], dict(parsed[1]))


def _anchor_offset(lex: DateLexicon, pat: Pattern, groups: dict) -> Optional[int]:
    if "days" in pat.params:
        return int(pat.params["days"])
    n = lex.number(groups.get("number", ""))
    return None if n is None else int(pat.params.get("sign", 1)) * n


def publication_range(published: Optional[date], precision: Optional[str]) -> DateRange:
    """The publication day, month or year as a range; open (None, None) when unknown."""
    if published is None:
        return DateRange()
    if isinstance(published, datetime):  # a timestamp: its day
        published = published.date()
    if precision == "month":
        first, last = month_bounds(published.year, published.month)
        return DateRange(first, last, TIME_PRECISION_MONTH)
    if precision == "year":
        return DateRange(date(published.year, 1, 1), date(published.year, 12, 31), TIME_PRECISION_MONTH)
    return DateRange(published, published, TIME_PRECISION_DAY)


def shift_range(r: DateRange, days: int) -> DateRange:
    """`r` moved by `days` (negative: earlier); precision and evidence offsets kept."""
    def move(d: Optional[date]) -> Optional[date]:
        try:
            return d + timedelta(days=days) if d is not None else None
        except OverflowError:
            return None
    return DateRange(move(r.earliest), move(r.latest), r.time_precision, r.expression, r.start, r.end)


def final_precision(kind: str, granularity: int, publication_precision: Optional[str]) -> int:
    """The rule of the module docstring: never finer than the publication allows."""
    if kind == "absolute":
        return granularity
    if publication_precision == "month":
        floor = TIME_PRECISION_WEEK if kind == "calendar" else TIME_PRECISION_MONTH
        return max(granularity, floor)
    if publication_precision == "year":
        return TIME_PRECISION_MONTH
    return granularity  # known to the day (or precision not given: taken as the day)


def resolve_date(expr: Union[DateRange, str], lang: str, published: Optional[date],
                 precision: Optional[str], anchor: Optional[DateRange] = None) -> Optional[DateRange]:
    """Resolve one expression against the publication date (and an anchor event's range).

    Returns a DateRange with earliest/latest/time_precision set and the
    expression's text and offsets kept, or None when it cannot be resolved."""
    if isinstance(expr, DateRange):
        text, start, end = expr.expression or "", expr.start, expr.end
    else:
        text, start, end = expr or "", None, None
    parsed = _parse(text, lang)
    if parsed is None:
        return None
    pat, groups = parsed[0], dict(parsed[1])
    lex = load_lexicon(lang)
    try:
        resolved = _resolve(lex, pat, groups, published, precision, anchor)
    except (OverflowError, ValueError):  # dates beyond year 1..9999
        return None
    if resolved is None:
        return None
    return DateRange(resolved.earliest, resolved.latest, resolved.time_precision, text, start, end)


def _resolve(lex: DateLexicon, pat: Pattern, groups: dict, published: Optional[date],
             precision: Optional[str], anchor: Optional[DateRange]) -> Optional[DateRange]:
    publication = publication_range(published, precision)
    if pat.kind == "anchor":
        return _resolve_anchor(lex, pat, groups, publication, precision, anchor)
    if pat.rule in ABSOLUTE_RULES:
        result = ABSOLUTE_RULES[pat.rule](lex, pat, groups, publication.latest)
        return None if result is None else DateRange(result[0], result[1], result[2])
    if publication.earliest is None:
        return None
    rule = RELATIVE_RULES[pat.rule]
    earliest = latest = None
    granularity = TIME_PRECISION_DAY
    day = publication.earliest
    while day <= publication.latest:  # the union over every possible publication day
        result = rule(lex, pat, groups, day)
        if result is None:
            return None
        earliest = result[0] if earliest is None else min(earliest, result[0])
        latest = result[1] if latest is None else max(latest, result[1])
        granularity = max(granularity, result[2])
        day += timedelta(days=1)
    return DateRange(earliest, latest, final_precision(pat.kind, granularity, precision))


def _resolve_anchor(lex: DateLexicon, pat: Pattern, groups: dict, publication: DateRange,
                    precision: Optional[str], anchor: Optional[DateRange]) -> Optional[DateRange]:
    offset = _anchor_offset(lex, pat, groups)
    if offset is None:
        return None
    if anchor is not None and anchor.earliest is not None and anchor.latest is not None:
        return shift_range(anchor, offset)
    if offset < 0 and publication.earliest is not None:
        # "la veille" with no event to hang on: the day(s) before publication.
        shifted = shift_range(publication, offset)
        shifted.time_precision = final_precision("offset", TIME_PRECISION_DAY, precision)
        return shifted
    return None
