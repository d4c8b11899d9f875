"""Resolution rules: what each kind of date expression means, in calendar arithmetic.

Every YAML pattern names one rule here. A *relative* rule turns the captured
words and ONE publication day into `(earliest, latest, granularity)`;
`dates.py` calls it for every possible publication day and takes the union.
An *absolute* rule needs the publication only to guess a missing year.
Rules return None when the words do not make a real date (31 February,
month 99); they never raise on bad input.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable, Optional

from dateline.analyse.dates_lexicon import DateLexicon, Pattern

Resolved = Optional[tuple[date, date, int]]
DAY = timedelta(days=1)
# How far after the publication an absolute date without a year may lie before
# we read it as last year's ("le 28 décembre" in a January article).
YEAR_GUESS_LOOKAHEAD = timedelta(days=31)
UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30, "year": 365}


# --- calendar helpers ----------------------------------------------------------

def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)


def weekday_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def part_of(first: date, last: date, part: str) -> tuple[date, date]:
    """The early / mid / late third of a period (weeks: Mon–Wed, Wed–Fri, Fri–Sun)."""
    if part == "all":
        return first, last
    length = (last - first).days + 1
    if length <= 7:
        offsets = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
    else:  # a month: 1–10, 11–20, 21–end
        offsets = {"early": (0, 9), "mid": (10, 19), "late": (20, length - 1)}[part]
    return first + timedelta(days=offsets[0]), first + timedelta(days=offsets[1])


def granularity_of(first: date, last: date) -> int:
    """ACLED time precision of a range: 1 one day, 2 up to a week, 3 wider."""
    width = (last - first).days + 1
    return 1 if width <= 1 else 2 if width <= 7 else 3


def clip_to(first: date, last: date, published: date) -> tuple[date, date]:
    """A past-tense period that contains the publication day ends on that day."""
    if first <= published < last:
        return first, published
    return first, last


def leading_int(text: str) -> int:
    return int(re.match(r"\d+", text).group())


# --- relative rules: (lexicon, pattern, groups, publication day) → range --------

def rule_offset(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    to = int(pat.params.get("days", 0))
    first = int(pat.params.get("from", to))
    return pub + timedelta(days=first), pub + timedelta(days=to), int(pat.params.get("granularity", 1))


def _count(lex: DateLexicon, g: dict) -> Optional[tuple[int, str]]:
    n, unit = lex.number(g.get("number", "")), lex.unit(g.get("unit", ""))
    if n is None or unit is None or n > 400:
        return None
    if unit == "hour":  # "il y a 5 heures", "in the past 48 hours": whole days, rounded up
        return -(-n // 24), "hour"
    return n, unit


def rule_ago(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    counted = _count(lex, g)
    if counted is None:
        return None
    n, unit = counted
    if unit in ("month", "year"):
        # "two months ago" is that calendar month, "two years ago" that calendar year: a
        # single day would claim a precision the text does not have.
        day = add_months(pub, -n * (12 if unit == "year" else 1))
        if unit == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31), 3
        return day.replace(day=1), add_months(day.replace(day=1), 1) - timedelta(days=1), 3
    if unit == "hour":  # a few hours ago may still be the day before
        return pub - timedelta(days=n), pub, 1
    day = pub - timedelta(days=n * UNIT_DAYS[unit])
    return day, day, 1 if unit == "day" else 2


def rule_past_n(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    counted = _count(lex, g)
    if counted is None:
        return None
    n, unit = counted
    first = pub - timedelta(days=n * UNIT_DAYS[unit])
    return first, pub, granularity_of(first, pub)


def rule_weekday(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    weekday = lex.weekday(g.get("weekday", ""))
    if weekday is None:
        return None
    if g.get("strict"):
        day = weekday_before(pub, weekday)
    elif g.get("next"):
        day = weekday_after(pub, weekday)
    else:
        day = weekday_on_or_before(pub, weekday)
    return day, day, 1


def rule_night_pair(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    """"la nuit de samedi à dimanche": the most recent such night, both days."""
    weekday = lex.weekday(g.get("weekday2", ""))
    if weekday is None:
        return None
    morning = weekday_on_or_before(pub, weekday)
    return morning - DAY, morning, 1


def rule_since_weekday(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    weekday = lex.weekday(g.get("weekday", ""))
    if weekday is None:
        return None
    return weekday_on_or_before(pub, weekday), pub, int(pat.params.get("granularity", 2))


def rule_week(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    """Monday-to-Sunday weeks: `weeks: -1` is the previous one, 0 the current one."""
    weeks = int(pat.params.get("weeks", 0))
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=weeks)
    first, last = part_of(monday, monday + timedelta(days=6), lex.part(g.get("part")))
    first, last = clip_to(first, last, pub)
    return first, last, 2


def rule_weekend(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    """The weekend of the publication (so far) or, on a weekday, the one just past."""
    if pat.params.get("strict"):
        sunday = weekday_before(pub, 6)
    elif pub.weekday() == 5:
        return pub, pub, 2
    else:
        sunday = weekday_on_or_before(pub, 6)
    return sunday - DAY, sunday, 2


def rule_month_rel(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    month = add_months(pub.replace(day=1), int(pat.params.get("months", 0)))
    first, last = part_of(*month_bounds(month.year, month.month), lex.part(g.get("part")))
    first, last = clip_to(first, last, pub)
    return first, last, 3


def rule_year_rel(lex: DateLexicon, pat: Pattern, g: dict, pub: date) -> Resolved:
    year = pub.year + int(pat.params.get("years", 0))
    first, last = clip_to(date(year, 1, 1), date(year, 12, 31), pub)
    return first, last, 3


RELATIVE_RULES: dict[str, Callable[..., Resolved]] = {
    "offset": rule_offset, "ago": rule_ago, "past_n": rule_past_n,
    "weekday": rule_weekday, "night_pair": rule_night_pair, "since_weekday": rule_since_weekday,
    "week": rule_week, "weekend": rule_weekend, "month_rel": rule_month_rel, "year_rel": rule_year_rel,
}


# --- absolute rules: (lexicon, pattern, groups, reference day or None) → range ---

def guess_year(month: int, day: int, reference: Optional[date]) -> Optional[int]:
    """The year of a date written without one: the latest not far after the publication."""
    if reference is None:
        return None
    try:
        candidate = date(reference.year, month, day)
    except ValueError:  # 29 February in a common year: compare with the 28th
        candidate = date(reference.year, month, min(day, calendar.monthrange(reference.year, month)[1]))
    return reference.year - 1 if candidate > reference + YEAR_GUESS_LOOKAHEAD else reference.year


def _year_of(g: dict, month: int, day: int, ref: Optional[date]) -> Optional[int]:
    if g.get("year"):
        return int(g["year"])
    if g.get("year2"):
        return 2000 + int(g["year2"])
    return guess_year(month, day, ref)


def _make(year: Optional[int], month: int, first_day: int, last_day: int) -> Resolved:
    if year is None:
        return None
    try:
        first, last = date(year, month, first_day), date(year, month, last_day)
    except ValueError:
        return None
    if last < first:
        return None
    return first, last, granularity_of(first, last)


def rule_day_month(lex: DateLexicon, pat: Pattern, g: dict, ref: Optional[date]) -> Resolved:
    month = lex.month(g.get("month", ""))
    if month is None:
        return None
    day = leading_int(g["day"])
    last_day = leading_int(g["day2"]) if g.get("day2") else day
    year = _year_of(g, month, day, ref)
    weekday = lex.weekday(g["weekday"]) if g.get("weekday") else None
    if year is not None and weekday is not None and not (g.get("year") or g.get("year2")):
        year = _year_matching_weekday(year, month, day, weekday)
    return _make(year, month, day, last_day)


def _year_matching_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """"jeudi 13 janvier" with no year: prefer the guessed year or the one before where it is a Thursday."""
    for candidate in (year, year - 1):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def rule_numeric_date(lex: DateLexicon, pat: Pattern, g: dict, ref: Optional[date]) -> Resolved:
    """2022-01-03 always; 3/1/2022 by the language's order, swapped when that cannot be a date."""
    if g.get("month_num"):
        orders = [(leading_int(g["day"]), int(g["month_num"]))]
    else:
        a, b = leading_int(g["day"]), leading_int(g["day2"])
        orders = [(b, a), (a, b)] if lex.numeric_order == "mdy" else [(a, b), (b, a)]
    for day, month in orders:
        if 1 <= month <= 12:
            resolved = _make(_year_of(g, month, day, ref), month, day, day)
            if resolved:
                return resolved
    return None


def rule_month_name(lex: DateLexicon, pat: Pattern, g: dict, ref: Optional[date]) -> Resolved:
    month = lex.month(g.get("month", ""))
    if month is None:
        return None
    year = _year_of(g, month, 1, ref)
    if g.get("next") and ref is not None:  # "en mai prochain": the first May after publication
        year = ref.year if month > ref.month else ref.year + 1
    if year is None or not 1 <= year <= 9998:
        return None
    first, last = part_of(*month_bounds(year, month), lex.part(g.get("part")))
    return _since(g, first, last, ref)


def rule_year(lex: DateLexicon, pat: Pattern, g: dict, ref: Optional[date]) -> Resolved:
    year = int(g.get("year", 0))
    if not 1 <= year <= 9998:
        return None
    return _since(g, date(year, 1, 1), date(year, 12, 31), ref)


def _since(g: dict, first: date, last: date, ref: Optional[date]) -> Resolved:
    """"depuis janvier" / "since 2011": from the start of the period up to publication."""
    if g.get("since") and ref is not None and ref >= first:
        last = ref
    return first, last, 3


ABSOLUTE_RULES: dict[str, Callable[..., Resolved]] = {
    "day_month": rule_day_month, "numeric_date": rule_numeric_date,
    "month_name": rule_month_name, "year": rule_year,
}
