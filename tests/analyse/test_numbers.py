"""Quantities in French and English: digits, words, vague and bounded amounts."""
import pytest

from dateline.analyse.numbers import find_quantities, parse_quantity

ROWS = [
    # (lang, expression, best, low, high)
    ("fr", "une vingtaine", 20, 15, 25),
    ("fr", "une dizaine", 10, 8, 12),
    ("fr", "une douzaine", 12, 9, 15),
    ("fr", "une centaine", 100, 75, 125),
    ("fr", "un millier", 1000, 750, 1250),
    ("fr", "des dizaines", 10, 10, None),
    ("fr", "des centaines", 100, 100, None),
    ("fr", "plusieurs dizaines", 10, 10, None),
    ("fr", "des milliers", 1000, 1000, None),
    ("fr", "plusieurs", 3, 2, None),
    ("fr", "quelques", 3, 2, None),
    ("fr", "une poignée", 3, 2, 5),
    ("fr", "au moins 5", 5, 5, None),
    ("fr", "au moins une vingtaine", 20, 20, None),
    ("fr", "plus de 20", 21, 21, None),
    ("fr", "plus d'une vingtaine", 21, 21, None),
    ("fr", "moins de 10", 1, 1, 9),
    ("fr", "jusqu'à 30", 30, None, 30),
    ("fr", "environ 40", 40, 30, 50),
    ("fr", "près de 20", 20, 15, 20),
    ("fr", "entre 10 et 15", 10, 10, 15),
    ("fr", "de 10 à 15", 10, 10, 15),
    ("fr", "deux ou trois", 2, 2, 3),
    ("fr", "vingt-cinq", 25, 25, 25),
    ("fr", "vingt et un", 21, 21, 21),
    ("fr", "soixante et onze", 71, 71, 71),
    ("fr", "soixante-dix-huit", 78, 78, 78),
    ("fr", "quatre-vingts", 80, 80, 80),
    ("fr", "quatre-vingt-dix-sept", 97, 97, 97),
    ("fr", "deux cents", 200, 200, 200),
    ("fr", "deux mille trois cent cinquante", 2350, 2350, 2350),
    ("fr", "mille", 1000, 1000, 1000),
    ("fr", "1 200", 1200, 1200, 1200),
    ("fr", "1\u202f200", 1200, 1200, 1200),
    ("fr", "1.200", 1200, 1200, 1200),
    ("fr", "2500", 2500, 2500, 2500),
    ("fr", "dix", 10, 10, 10),
    ("fr", "aucun", 0, 0, 0),
    ("en", "at least 5", 5, 5, None),
    ("en", "5 or more", 5, 5, None),
    ("en", "dozens", 12, 12, None),
    ("en", "dozens of", 12, 12, None),
    ("en", "tens of", 10, 10, None),
    ("en", "hundreds", 100, 100, None),
    ("en", "thousands of", 1000, 1000, None),
    ("en", "several", 3, 2, None),
    ("en", "a few", 3, 2, None),
    ("en", "a handful of", 3, 2, 5),
    ("en", "many", 10, 3, None),
    ("en", "more than 20", 21, 21, None),
    ("en", "over 100", 101, 101, None),
    ("en", "fewer than 10", 1, 1, 9),
    ("en", "up to 30", 30, None, 30),
    ("en", "about 20", 20, 15, 25),
    ("en", "some 200", 200, 150, 250),
    ("en", "nearly 100", 100, 75, 100),
    ("en", "between 10 and 15", 10, 10, 15),
    ("en", "10 to 15", 10, 10, 15),
    ("en", "10-15", 10, 10, 15),
    ("en", "two or three", 2, 2, 3),
    ("en", "twenty-five", 25, 25, 25),
    ("en", "a dozen", 12, 12, 12),
    ("en", "two dozen", 24, 24, 24),
    ("en", "about a dozen", 12, 9, 15),
    ("en", "a hundred", 100, 100, 100),
    ("en", "three hundred and fifty", 350, 350, 350),
    ("en", "two thousand five hundred", 2500, 2500, 2500),
    ("en", "1,200", 1200, 1200, 1200),
    ("en", "12,345,678", 12345678, 12345678, 12345678),
    ("en", "2 million", 2000000, 2000000, 2000000),
    ("en", "no one", 0, 0, 0),
    ("en", "one", 1, 1, 1),
]


@pytest.mark.parametrize("lang,expr,best,low,high", ROWS)
def test_number_quantities(lang, expr, best, low, high):
    c = parse_quantity(expr, lang)
    assert c is not None, expr
    assert (c.best, c.low, c.high) == (best, low, high)
    assert c.expression == expr and (c.start, c.end) == (0, len(expr))


@pytest.mark.parametrize("lang,expr", [("fr", "soldats"), ("en", "the attack"), ("fr", ""), ("xx", "5")])
def test_number_nothing(lang, expr):
    assert parse_quantity(expr, lang) is None


def test_number_first_quantity_in_a_phrase():
    c = parse_quantity("killed at least 12 people", "en")
    assert (c.best, c.low, c.high, c.expression) == (12, 12, None, "at least 12")


def test_number_find_offsets_and_labels():
    text = "tuant 3 civils et blessant une vingtaine d'autres"
    qs = find_quantities(text, "fr", offset=10)
    assert [(q.text, q.label) for q in qs] == [("3", "3"), ("une vingtaine", "about 20")]
    assert qs[1].start == 10 + text.index("une vingtaine")


def test_number_word_runs_are_not_merged():
    qs = find_quantities("three five", "en")
    assert [q.count.best for q in qs] == [3, 5]


def test_number_decimal_tails_are_skipped():
    assert [q.text for q in find_quantities("1,5 million de déplacés", "fr")] == []


def test_number_reversed_range_is_two_numbers():
    qs = find_quantities("en 2021 à 22 heures", "fr")
    assert [q.count.best for q in qs] == [2021, 22]


def test_number_language_variants():
    assert parse_quantity("une vingtaine", "fr-FR").best == 20
    assert parse_quantity("twenty", "EN").best == 20
