"""Date expressions: finding them, resolving them against the publication date.

Calendar used below: 2022-01-12 is a Wednesday; January 2022 starts on a
Saturday and its Mondays are the 3rd, 10th, 17th, 24th and 31st.
"""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from dateline.analyse.dates import (
    find_date_expressions, is_anchor_expression, publication_range, resolve_date, shift_range,
)
from dateline.records import DateRange

SEED = Path("/work/shared/eval/seed/syria-al-omar-2022-01.txt")

D = (date(2022, 1, 12), "day")      # a Wednesday
M = (date(2022, 1, 1), "month")     # January 2022
Y = (date(2022, 1, 1), "year")
NONE = (None, None)


def d(text: str) -> date:
    return date.fromisoformat(text)


# (expression, publication, earliest, latest, time_precision); None earliest = unresolved
FR_ROWS = [
    ("hier", D, "2022-01-11", "2022-01-11", 1),
    ("avant-hier", D, "2022-01-10", "2022-01-10", 1),
    ("avant hier", D, "2022-01-10", "2022-01-10", 1),
    ("aujourd'hui", D, "2022-01-12", "2022-01-12", 1),
    ("aujourd’hui", D, "2022-01-12", "2022-01-12", 1),
    ("ce matin", D, "2022-01-12", "2022-01-12", 1),
    ("hier soir", D, "2022-01-11", "2022-01-11", 1),
    ("hier dans la soirée", D, "2022-01-11", "2022-01-11", 1),
    ("cette nuit", D, "2022-01-11", "2022-01-12", 1),
    ("mardi", D, "2022-01-11", "2022-01-11", 1),
    ("Mardi", D, "2022-01-11", "2022-01-11", 1),
    ("mardi soir", D, "2022-01-11", "2022-01-11", 1),
    ("dans la soirée de mardi", D, "2022-01-11", "2022-01-11", 1),
    ("dans la matinée de lundi", D, "2022-01-10", "2022-01-10", 1),
    ("mercredi", D, "2022-01-12", "2022-01-12", 1),  # publication day itself
    ("jeudi", D, "2022-01-06", "2022-01-06", 1),
    ("dimanche dernier", D, "2022-01-09", "2022-01-09", 1),
    ("mercredi dernier", D, "2022-01-05", "2022-01-05", 1),
    ("mardi prochain", D, "2022-01-18", "2022-01-18", 1),
    ("dans la nuit de samedi à dimanche", D, "2022-01-08", "2022-01-09", 1),
    ("la nuit du samedi au dimanche", D, "2022-01-08", "2022-01-09", 1),
    ("la semaine passée", D, "2022-01-03", "2022-01-09", 2),
    ("la semaine dernière", D, "2022-01-03", "2022-01-09", 2),
    ("cette semaine", D, "2022-01-10", "2022-01-12", 2),
    ("en début de semaine", D, "2022-01-10", "2022-01-12", 2),
    ("en fin de semaine dernière", D, "2022-01-07", "2022-01-09", 2),
    ("ce week-end", D, "2022-01-08", "2022-01-09", 2),
    ("le week-end dernier", D, "2022-01-08", "2022-01-09", 2),
    ("ces deux derniers jours", D, "2022-01-10", "2022-01-12", 2),
    ("ces trois derniers jours", D, "2022-01-09", "2022-01-12", 2),
    ("ces derniers jours", D, "2022-01-05", "2022-01-12", 2),
    ("il y a trois jours", D, "2022-01-09", "2022-01-09", 1),
    ("il y a 3 jours", D, "2022-01-09", "2022-01-09", 1),
    ("il y a une semaine", D, "2022-01-05", "2022-01-05", 2),
    ("il y a deux semaines", D, "2021-12-29", "2021-12-29", 2),
    # Months and years ago: the calendar month or year, not a made-up day.
    ("il y a deux mois", D, "2021-11-01", "2021-11-30", 3),
    ("il y a deux ans", D, "2020-01-01", "2020-12-31", 3),
    ("depuis lundi", D, "2022-01-10", "2022-01-12", 2),
    ("le mois dernier", D, "2021-12-01", "2021-12-31", 3),
    ("le mois passé", D, "2021-12-01", "2021-12-31", 3),
    ("ce mois-ci", D, "2022-01-01", "2022-01-12", 3),
    ("l'année dernière", D, "2021-01-01", "2021-12-31", 3),
    ("cette année", D, "2022-01-01", "2022-01-12", 3),
    ("le 3 janvier", D, "2022-01-03", "2022-01-03", 1),
    ("le 3 janvier 2022", D, "2022-01-03", "2022-01-03", 1),
    ("3/1/2022", D, "2022-01-03", "2022-01-03", 1),
    ("03/01/2022", D, "2022-01-03", "2022-01-03", 1),
    ("3.1.22", D, "2022-01-03", "2022-01-03", 1),
    ("le 28 décembre", D, "2021-12-28", "2021-12-28", 1),  # no year: last year's
    ("début janvier", D, "2022-01-01", "2022-01-10", 3),
    ("mi-janvier", D, "2022-01-11", "2022-01-20", 3),
    ("à la mi-janvier", D, "2022-01-11", "2022-01-20", 3),
    ("fin janvier", D, "2022-01-21", "2022-01-31", 3),
    ("fin décembre", D, "2021-12-21", "2021-12-31", 3),
    ("en janvier", D, "2022-01-01", "2022-01-31", 3),
    ("en décembre 2021", D, "2021-12-01", "2021-12-31", 3),
    ("jeudi 13 janvier", D, "2022-01-13", "2022-01-13", 1),
    ("le lundi 10 janvier 2022", D, "2022-01-10", "2022-01-10", 1),
    ("le 1er février", D, "2022-02-01", "2022-02-01", 1),
    ("le 1er février 2021", D, "2021-02-01", "2021-02-01", 1),
    ("du 3 au 5 janvier", D, "2022-01-03", "2022-01-05", 2),
    ("entre le 3 et le 5 janvier", D, "2022-01-03", "2022-01-05", 2),
    ("samedi 1er janvier", D, "2022-01-01", "2022-01-01", 1),
    ("l'an dernier", D, "2021-01-01", "2021-12-31", 3),
    ("lundi dernier", (date(2022, 1, 10), "day"), "2022-01-03", "2022-01-03", 1),  # a Monday publication
    ("lundi", (date(2022, 1, 10), "day"), "2022-01-10", "2022-01-10", 1),
    ("le 3 janvier dernier", D, "2022-01-03", "2022-01-03", 1),
    ("en décembre dernier", D, "2021-12-01", "2021-12-31", 3),
    ("la veille", D, "2022-01-11", "2022-01-11", 1),  # no anchor: the day before publication
    ("le lendemain", D, None, None, None),             # no anchor: cannot be placed
    ("en 2021", D, "2021-01-01", "2021-12-31", 3),
    ("depuis janvier", D, "2022-01-01", "2022-01-12", 3),
    ("depuis 2011", D, "2011-01-01", "2022-01-12", 3),
    ("en mai prochain", D, "2022-05-01", "2022-05-31", 3),
    ("il y a 5 heures", D, "2022-01-11", "2022-01-12", 1),
    ("ces dernières 24 heures", D, "2022-01-11", "2022-01-12", 2),
    ("en 24 heures", D, "2022-01-11", "2022-01-12", 2),
    ("jeudi 13 janvier", (date(2023, 1, 20), "day"), "2022-01-13", "2022-01-13", 1),  # 2022's is a Thursday
    # publication known to the month (January 2022): the seed's cases and more
    ("dans la soirée de mardi", M, "2021-12-28", "2022-01-25", 2),
    ("la semaine passée", M, "2021-12-20", "2022-01-30", 2),
    ("ces deux derniers jours", M, "2021-12-30", "2022-01-31", 3),
    ("mardi", M, "2021-12-28", "2022-01-25", 2),
    ("hier", M, "2021-12-31", "2022-01-30", 3),
    ("il y a trois jours", M, "2021-12-29", "2022-01-28", 3),
    ("dimanche dernier", M, "2021-12-26", "2022-01-30", 2),
    ("ce week-end", M, "2022-01-01", "2022-01-30", 2),
    ("le mois dernier", M, "2021-12-01", "2021-12-31", 3),
    ("le 3 janvier", M, "2022-01-03", "2022-01-03", 1),
    ("fin décembre", M, "2021-12-21", "2021-12-31", 3),
    # publication known to the year
    ("hier", Y, "2021-12-31", "2022-12-30", 3),
    ("le 3 janvier", Y, "2022-01-03", "2022-01-03", 1),
    # no publication date: absolute dates with a year resolve, the rest stay open
    ("le 3 janvier 2022", NONE, "2022-01-03", "2022-01-03", 1),
    ("hier", NONE, None, None, None),
    ("le 3 janvier", NONE, None, None, None),
    # absurd dates
    ("le 31 février 2022", D, None, None, None),
    ("le 3 janvier 9999", D, None, None, None),
    ("99/99/2022", D, None, None, None),
    ("pas une date", D, None, None, None),
]

EN_ROWS = [
    ("yesterday", D, "2022-01-11", "2022-01-11", 1),
    ("Yesterday", D, "2022-01-11", "2022-01-11", 1),
    ("today", D, "2022-01-12", "2022-01-12", 1),
    ("this morning", D, "2022-01-12", "2022-01-12", 1),
    ("yesterday evening", D, "2022-01-11", "2022-01-11", 1),
    ("last night", D, "2022-01-11", "2022-01-12", 1),
    ("overnight", D, "2022-01-11", "2022-01-12", 1),
    ("on Monday", D, "2022-01-10", "2022-01-10", 1),
    ("Monday", D, "2022-01-10", "2022-01-10", 1),
    ("on Wednesday", D, "2022-01-12", "2022-01-12", 1),  # publication day itself
    ("last Tuesday", D, "2022-01-11", "2022-01-11", 1),
    ("last Wednesday", D, "2022-01-05", "2022-01-05", 1),
    ("Tuesday night", D, "2022-01-11", "2022-01-11", 1),
    ("on Sunday night", D, "2022-01-09", "2022-01-09", 1),
    ("early on Friday", D, "2022-01-07", "2022-01-07", 1),
    ("on the night of Saturday to Sunday", D, "2022-01-08", "2022-01-09", 1),
    ("next Friday", D, "2022-01-14", "2022-01-14", 1),
    ("earlier this month", D, "2022-01-01", "2022-01-12", 3),
    ("last week", D, "2022-01-03", "2022-01-09", 2),
    ("this week", D, "2022-01-10", "2022-01-12", 2),
    ("earlier this week", D, "2022-01-10", "2022-01-12", 2),
    ("early last week", D, "2022-01-03", "2022-01-05", 2),
    ("late last week", D, "2022-01-07", "2022-01-09", 2),
    ("the day before", D, "2022-01-11", "2022-01-11", 1),  # no anchor: before publication
    ("the previous day", D, "2022-01-11", "2022-01-11", 1),
    ("the following day", D, None, None, None),
    ("the day before yesterday", D, "2022-01-10", "2022-01-10", 1),
    ("two days ago", D, "2022-01-10", "2022-01-10", 1),
    ("2 days ago", D, "2022-01-10", "2022-01-10", 1),
    ("a week ago", D, "2022-01-05", "2022-01-05", 2),
    ("three weeks ago", D, "2021-12-22", "2021-12-22", 2),
    ("two months ago", D, "2021-11-01", "2021-11-30", 3),
    ("two years ago", D, "2020-01-01", "2020-12-31", 3),
    ("on 3 January", D, "2022-01-03", "2022-01-03", 1),
    ("January 3, 2022", D, "2022-01-03", "2022-01-03", 1),
    ("Jan. 3", D, "2022-01-03", "2022-01-03", 1),
    ("3 Jan 2022", D, "2022-01-03", "2022-01-03", 1),
    ("2022-01-03", D, "2022-01-03", "2022-01-03", 1),
    ("1/3/2022", D, "2022-01-03", "2022-01-03", 1),     # month first in English
    ("25/12/2021", D, "2021-12-25", "2021-12-25", 1),   # cannot be month first
    ("the 3rd of January", D, "2022-01-03", "2022-01-03", 1),
    ("on Thursday, January 13", D, "2022-01-13", "2022-01-13", 1),
    ("December 28", D, "2021-12-28", "2021-12-28", 1),
    ("January 3-5", D, "2022-01-03", "2022-01-05", 2),
    ("between 3 and 5 January", D, "2022-01-03", "2022-01-05", 2),
    ("late Sunday", D, "2022-01-09", "2022-01-09", 1),
    ("early January", D, "2022-01-01", "2022-01-10", 3),
    ("mid-January", D, "2022-01-11", "2022-01-20", 3),
    ("late January", D, "2022-01-21", "2022-01-31", 3),
    ("in January", D, "2022-01-01", "2022-01-31", 3),
    ("in December", D, "2021-12-01", "2021-12-31", 3),
    ("in May 2021", D, "2021-05-01", "2021-05-31", 3),
    ("last month", D, "2021-12-01", "2021-12-31", 3),
    ("over the weekend", D, "2022-01-08", "2022-01-09", 2),
    ("last weekend", D, "2022-01-08", "2022-01-09", 2),
    ("in the past two days", D, "2022-01-10", "2022-01-12", 2),
    ("over the last three days", D, "2022-01-09", "2022-01-12", 2),
    ("in recent days", D, "2022-01-05", "2022-01-12", 2),
    ("since Monday", D, "2022-01-10", "2022-01-12", 2),
    ("last year", D, "2021-01-01", "2021-12-31", 3),
    ("in 2021", D, "2021-01-01", "2021-12-31", 3),
    ("On 1 October 2021,", D, "2021-10-01", "2021-10-01", 1),
    ("since March", D, "2021-03-01", "2022-01-12", 3),
    ("since 2011", D, "2011-01-01", "2022-01-12", 3),
    ("next March", D, "2022-03-01", "2022-03-31", 3),
    ("in the past 48 hours", D, "2022-01-10", "2022-01-12", 2),
    ("three hours ago", D, "2022-01-11", "2022-01-12", 1),
    ("Sept. 30, 2021", D, "2021-09-30", "2021-09-30", 1),
    # publication known to the month (January 2022)
    ("on Tuesday evening", M, "2021-12-28", "2022-01-25", 2),
    ("last week", M, "2021-12-20", "2022-01-30", 2),
    ("in the past two days", M, "2021-12-30", "2022-01-31", 3),
    ("yesterday", M, "2021-12-31", "2022-01-30", 3),
    ("two days ago", M, "2021-12-30", "2022-01-29", 3),
    ("on 3 January", M, "2022-01-03", "2022-01-03", 1),
    ("last month", M, "2021-12-01", "2021-12-31", 3),
    ("earlier this month", M, "2022-01-01", "2022-01-31", 3),
    ("last Sunday", M, "2021-12-26", "2022-01-30", 2),
    # no publication date
    ("On 1 October 2021", NONE, "2021-10-01", "2021-10-01", 1),
    ("On 18 June 2021", NONE, "2021-06-18", "2021-06-18", 1),
    ("yesterday", NONE, None, None, None),
    ("June 18", NONE, None, None, None),
    # absurd dates and non-dates
    ("13/13/2022", D, None, None, None),
    ("February 30, 2022", D, None, None, None),
    ("2022-02-30", D, None, None, None),
    ("January 3, 9999", D, None, None, None),
    ("may", D, None, None, None),
]


def _check(lang, expression, publication, earliest, latest, precision):
    result = resolve_date(expression, lang, *publication)
    if earliest is None:
        assert result is None or result.earliest is None, result
        return
    assert result is not None, f"{expression!r} not resolved"
    assert (result.earliest, result.latest, result.time_precision) == (d(earliest), d(latest), precision)
    assert result.expression == expression


@pytest.mark.parametrize("expression,publication,earliest,latest,precision", FR_ROWS)
def test_resolve_fr(expression, publication, earliest, latest, precision):
    _check("fr", expression, publication, earliest, latest, precision)


@pytest.mark.parametrize("expression,publication,earliest,latest,precision", EN_ROWS)
def test_resolve_en(expression, publication, earliest, latest, precision):
    _check("en", expression, publication, earliest, latest, precision)


RESOLVED = [(lang, row[0]) for lang, rows in (("fr", FR_ROWS), ("en", EN_ROWS)) for row in rows if row[2]]


@pytest.mark.parametrize("lang,expression", sorted(set(RESOLVED)))
def test_every_resolved_expression_is_found_whole_in_a_sentence(lang, expression):
    """find and resolve agree: the keyword pre-scan never hides an expression the patterns know."""
    expression = expression.rstrip(",")
    before = "Selon la source, " if lang == "fr" else "The source said that "
    text = f"{before}{expression}, des tirs ont eu lieu." if lang == "fr" else f"{before}{expression}, shots were fired."
    found = find_date_expressions(text, lang)
    assert [(r.expression, r.start) for r in found] == [(expression, len(before))]


def test_tables_are_large_enough():
    assert len(FR_ROWS) >= 60 and len(EN_ROWS) >= 60


# --- the seed article ------------------------------------------------------------

def test_seed_expressions_found_with_offsets():
    text = SEED.read_text(encoding="utf-8")
    found = find_date_expressions(text, "fr")
    assert [r.expression for r in found] == [
        "au lendemain", "dans la soirée de mardi", "ces deux derniers jours", "La semaine passée"]
    for r in found:
        assert text[r.start:r.end] == r.expression
        assert r.earliest is None and r.latest is None


def test_seed_gold_dates():
    text = SEED.read_text(encoding="utf-8")
    published, precision = date(2022, 1, 1), "month"
    by_text = {r.expression: r for r in find_date_expressions(text, "fr")}
    e4 = resolve_date(by_text["dans la soirée de mardi"], "fr", published, precision)
    e5 = resolve_date(by_text["ces deux derniers jours"], "fr", published, precision)
    e6 = resolve_date(by_text["La semaine passée"], "fr", published, precision)
    e1 = publication_range(published, precision)
    assert (e4.earliest, e4.latest, e4.time_precision) == (d("2021-12-28"), d("2022-01-25"), 2)
    assert (e5.earliest, e5.latest, e5.time_precision) == (d("2021-12-30"), d("2022-01-31"), 3)
    assert (e6.earliest, e6.latest, e6.time_precision) == (d("2021-12-20"), d("2022-01-30"), 2)
    assert (e1.earliest, e1.latest, e1.time_precision) == (d("2022-01-01"), d("2022-01-31"), 3)
    assert e4.start == by_text["dans la soirée de mardi"].start
    # E3: E1 happened "au lendemain" of E3, so E3 is E1 moved one day back.
    offset = is_anchor_expression("au lendemain d’une attaque", "fr")
    assert offset == 1
    e3 = shift_range(e1, -offset)
    assert (e3.earliest, e3.latest, e3.time_precision) == (d("2021-12-31"), d("2022-01-30"), 3)


# --- anchors, publication ranges, shifts --------------------------------------------

@pytest.mark.parametrize("text,lang,offset", [
    ("au lendemain", "fr", 1), ("au lendemain d'une attaque", "fr", 1), ("le lendemain", "fr", 1),
    ("la veille", "fr", -1), ("à la veille de l'offensive", "fr", -1), ("le surlendemain", "fr", 2),
    ("trois jours plus tard", "fr", 3), ("deux jours après l'attaque", "fr", 2), ("deux jours auparavant", "fr", -2),
    ("the day after", "en", 1), ("the next day", "en", 1), ("the day before", "en", -1),
    ("the previous day", "en", -1), ("two days later", "en", 2), ("three days earlier", "en", -3),
    ("hier", "fr", None), ("yesterday", "en", None), ("la semaine passée", "fr", None), ("", "en", None),
])
def test_is_anchor_expression(text, lang, offset):
    assert is_anchor_expression(text, lang) == offset


def test_resolve_with_anchor():
    anchor = DateRange(d("2022-01-01"), d("2022-01-31"), 3)
    after = resolve_date("le lendemain", "fr", date(2022, 1, 1), "month", anchor=anchor)
    assert (after.earliest, after.latest, after.time_precision) == (d("2022-01-02"), d("2022-02-01"), 3)
    before = resolve_date("the day before", "en", date(2022, 1, 12), "day",
                          anchor=DateRange(d("2022-01-10"), d("2022-01-10"), 1))
    assert (before.earliest, before.latest, before.time_precision) == (d("2022-01-09"), d("2022-01-09"), 1)
    # an anchor does not change non-anchor expressions
    assert resolve_date("hier", "fr", *D, anchor=anchor).earliest == d("2022-01-11")


def test_publication_range():
    assert publication_range(date(2022, 1, 12), "day") == DateRange(d("2022-01-12"), d("2022-01-12"), 1)
    assert publication_range(date(2022, 2, 5), "month") == DateRange(d("2022-02-01"), d("2022-02-28"), 3)
    assert publication_range(date(2022, 6, 1), "year") == DateRange(d("2022-01-01"), d("2022-12-31"), 3)
    assert publication_range(date(2022, 1, 12), None) == DateRange(d("2022-01-12"), d("2022-01-12"), 1)
    assert publication_range(None, "day") == DateRange()


def test_shift_range_keeps_evidence():
    r = DateRange(d("2022-01-01"), d("2022-01-31"), 3, "au lendemain", 10, 22)
    assert shift_range(r, -1) == DateRange(d("2021-12-31"), d("2022-01-30"), 3, "au lendemain", 10, 22)
    assert shift_range(DateRange(), 3) == DateRange()
    assert shift_range(DateRange(date(9999, 12, 31), date(9999, 12, 31)), 1).earliest is None


def test_resolve_keeps_offsets_of_found_expression():
    text = "Selon la police, hier soir, deux roquettes sont tombées."
    (found,) = find_date_expressions(text, "fr")
    r = resolve_date(found, "fr", *D)
    assert (r.expression, r.start, r.end, r.earliest) == ("hier soir", 17, 26, d("2022-01-11"))


# --- finding expressions in real sentences ------------------------------------------

def _found(text, lang):
    return [(r.expression, r.start, r.end) for r in find_date_expressions(text, lang)]


def test_find_french_sentence():
    text = ("Le 3 janvier 2022, des tirs ont visé la base. Mardi soir, puis dans la nuit de samedi "
            "à dimanche, d'autres frappes ont eu lieu, deux jours après celles de la mi-janvier.")
    found = _found(text, "fr")
    assert [f[0] for f in found] == [
        "Le 3 janvier 2022", "Mardi soir", "dans la nuit de samedi à dimanche", "deux jours après",
        "mi-janvier"]
    for expression, start, end in found:
        assert text[start:end] == expression


def test_find_acled_notes_style():
    text = "On 18 June 2021, in Myingyan town (Mandalay), protesters marched against the military."
    assert _found(text, "en") == [("On 18 June 2021", 0, 15)]
    assert resolve_date("On 18 June 2021", "en", None, None).earliest == d("2021-06-18")


def test_english_month_words_are_not_verbs():
    text = "Officials may announce results in May, and troops march on; talks resume on March 3."
    assert [f[0] for f in _found(text, "en")] == ["in May", "on March 3"]
    assert _found("He may come. She will march. The sun rose.", "en") == []


def test_full_stop_after_a_full_month_name_is_not_taken():
    text = "A truce has held since March. Talks began on Jan. 3 in Geneva."
    assert [f[0] for f in _found(text, "en")] == ["since March", "on Jan. 3"]


def test_numbers_are_not_dates():
    text = "Les 2500 militaires et 5 soldats tués, 20 blessés; 3 roquettes."
    assert _found(text, "fr") == []


def test_find_english_sentence():
    text = ("Two rockets hit the base on Tuesday night, a day after militants attacked a convoy; "
            "last week, on 3 January, a drone strike killed five.")
    found = [f[0] for f in _found(text, "en")]
    assert found == ["on Tuesday night", "a day after", "last week", "on 3 January"]
    assert is_anchor_expression("a day after", "en") == 1


def test_empty_and_unknown_language():
    assert find_date_expressions("", "fr") == []
    # a language without data/<lang>/dates.yaml finds nothing and resolves nothing; it never raises
    assert find_date_expressions("gestern", "de") == []
    assert resolve_date("gestern", "de", *D) is None
    assert is_anchor_expression("am Tag danach", "de") is None
    assert find_date_expressions("hier", "fr-FR")[0].expression == "hier"


def test_find_is_fast():
    text = SEED.read_text(encoding="utf-8")
    find_date_expressions(text, "fr")  # build the regex once
    started = time.perf_counter()
    for _ in range(200):
        find_date_expressions(text, "fr")
    # ≈ 4 kB article: ≈ 2 ms each on a quiet core; generous bound for loaded test machines
    assert time.perf_counter() - started < 4.0
