"""Quantities as news text gives them: digits, number words, vague amounts.

One algorithm, language data in ``data/<lang>/numbers.yaml``. A quantity becomes
a :class:`~dateline.records.Count` (best, low, high), UCDP-style, with ACLED's
conservative reading of vague figures:

=========================================  =========  =====  =====
expression                                  best       low    high
=========================================  =========  =====  =====
"5", "five", "cinq"                         5          5      5
"at least 5", "au moins 5", "5 or more"     5          5      None
"more than 20", "plus de 20", "over 20"     21         21     None   (strictly more: N + 1)
"less than 10", "moins de 10"               1          1      9      (conservative floor)
"up to 10", "jusqu'à 10"                    10         None   10
"about 20", "environ 20", "une vingtaine"   20         15     25     (± 25 %, rounded inwards)
"nearly 20", "près de 20"                   20         15     20
"between 10 and 15", "10 à 15", "10-15"     10         10     15     (best = the low end)
"several", "plusieurs", "a few", "quelques" 3          2      None
"a handful", "une poignée"                  3          2      5
"many", "de nombreux"                       10         3      None
"tens", "des dizaines"                      10         10     None   (TAXONOMY)
"dozens"                                    12         12     None   (TAXONOMY)
"hundreds", "des centaines"                 100        100    None   (TAXONOMY)
"thousands", "des milliers"                 1000       1000   None
"no one", "aucun"                           0          0      0
=========================================  =========  =====  =====

Digits may carry thousands separators ("1,200", "1 200", "1.200", narrow
no-break spaces); "a dozen" is 12 and "two dozen" 24.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from dateline.langdata import read_yaml
from dateline.records import Count

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+"
_SEPARATORS = re.compile(r"[,.\u00a0\u202f ]")
_WORD_START = re.compile(r"(?<![\w.,\-–/])\w")
_AFTER_NUMBER = re.compile(r"(?:\d[.,]\d+|\d)\s*$")


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text: where it is, what it means, how to say it in English."""
    start: int
    end: int
    text: str
    count: Count
    label: str  # "3", "about 20", "at least 5", "several", "10-15"…


# --- language data ----------------------------------------------------------------

def language_key(lang: Optional[str]) -> Optional[str]:
    """'fr', 'fr-FR', 'FR_fr' → 'fr' when dateline has data for it, else None."""
    if not lang:
        return None
    key = re.split(r"[-_]", lang.strip().lower())[0]
    return key if (DATA_DIR / key).is_dir() else None


@lru_cache(maxsize=None)
def load_data(lang: str, name: str) -> dict:
    """``data/<lang>/<name>.yaml`` as a dict (empty when the file does not exist)."""
    path = DATA_DIR / lang / f"{name}.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return read_yaml(f) or {}


def phrase_rx(entry: str) -> str:
    """A data-file pattern as a regex: a space matches any whitespace, ' both apostrophes.

    Inside a character class ("[\\w' -]") the two are only widened, not rewritten."""
    out, in_class, escaped = [], False, False
    for i, ch in enumerate(entry):
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch in "[]":
            in_class = ch == "["
            out.append(ch)
        elif ch == "'":
            out.append("'’" if in_class else "['’]")
        elif ch == " ":  # "air ?strike": an optional space stays optional
            out.append(r" \s" if in_class else r"\s" if entry[i + 1:i + 2] in ("?", "*") else r"\s+")
        else:
            out.append(ch)
    return "".join(out)


def alternation(entries) -> str:
    """Data-file patterns as one non-capturing group, longest first."""
    parts = sorted((str(e) for e in entries), key=len, reverse=True)
    return "(?:" + "|".join(phrase_rx(p) for p in parts) + ")" if parts else "(?!)"


def _words_rx(words) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\-", "-") for w in parts) + ")"


# --- the compiled grammar of one language ---------------------------------------------

class NumberGrammar:
    """Regexes and tables for one language, built once from its numbers.yaml."""

    MODIFIERS = ("at_least", "more_than", "less_than", "up_to", "about", "nearly")

    def __init__(self, data: dict):
        self.words = {str(k).lower(): int(v) for k, v in (data.get("words") or {}).items()}
        self.mult = {str(k).lower(): int(v) for k, v in (data.get("multipliers") or {}).items()}
        self.scales = {str(k).lower(): int(v) for k, v in (data.get("scales") or {}).items()}
        self.articles = {str(a).lower() for a in data.get("articles") or []}
        self.connectors = {str(c).lower() for c in data.get("connectors") or []}
        self.approx = [(re.compile(phrase_rx(k) + r"$", re.I), int(v))
                       for k, v in (data.get("approximate") or {}).items()]
        self.vague = [(re.compile(phrase_rx(k) + r"$", re.I), v) for k, v in (data.get("vague") or {}).items()]
        vocab = list(self.words) + list(self.mult) + list(self.scales)
        self.token_rx = re.compile(r"(?<!\w)(" + _words_rx(vocab + list(self.connectors)) + r")(?!\w)", re.I)
        self.wordnum = self._wordnum_rx(data, vocab)
        digits = rf"(?:{_DIGITS})(?:\s+{_words_rx(self.scales)}(?!\w))?" if self.scales else _DIGITS
        num = rf"(?:{digits}|{self.wordnum})"
        self.mod_rx = {m: alternation(data.get(m) or []) for m in self.MODIFIERS}
        mods = "|".join(f"(?P<{m}>{rx})" for m, rx in self.mod_rx.items())
        self.prefix_rx = re.compile(rf"(?:{mods})(?:\s+|(?<=['’]))", re.I)
        self.or_more_rx = re.compile(rf"\s+{alternation(data.get('or_more') or [])}$", re.I)
        approx = alternation(data.get("approximate") or {})
        vague = alternation(data.get("vague") or {})
        core = rf"(?:{approx}|{vague}|{digits}|{self.wordnum})(?!\w)"
        between = rf"{alternation(data.get('range_between') or [])}\s+(?P<b1>{num})\s+" \
                  rf"{alternation(data.get('range_and') or [])}\s+(?P<b2>{num})"
        from_to = rf"(?:{alternation(data.get('range_from') or [])}\s+)?(?P<f1>{num})\s+" \
                  rf"{alternation(data.get('range_to') or [])}\s+(?P<f2>{num})"
        dig_range = rf"(?P<d1>{_DIGITS})\s*[-–]\s*(?P<d2>{_DIGITS})"
        single = rf"(?:(?:{mods})(?:\s+|(?<=['’])))?{core}(?:\s+{alternation(data.get('or_more') or [])})?"
        self.single_rx = re.compile(rf"{single}(?!\w|[.,]\d)", re.I)
        self.range_rx = re.compile(rf"(?:{between}|{dig_range}|{from_to})(?!\w)", re.I)
        self.any_rx = re.compile(
            rf"(?<![\w.,\-–/])(?:{between}|{dig_range}|{from_to}|{single})(?!\w|[.,]\d)", re.I)

    def _wordnum_rx(self, data: dict, vocab) -> str:
        word = _words_rx(vocab)
        conns = _words_rx(self.connectors) if self.connectors else None
        sep = r"(?:\s*-\s*|\s+)"
        if conns and data.get("connector_before"):
            sep = rf"(?:\s+{conns}\s+(?={_words_rx(data['connector_before'])}(?!\w))|{sep})"
        elif conns and data.get("connector_after"):
            after = "|".join(f"(?<={re.escape(w)})" for w in data["connector_after"])
            sep = rf"(?:(?:{after})\s+{conns}\s+|{sep})"
        return rf"(?<!\w){word}(?:{sep}{word}(?!\w)){{0,10}}"  # bounded: no quadratic scans of word runs

    # -- reading one expression --

    def words_value(self, text: str) -> Optional[tuple[int, int]]:
        """Value of a run of number words and the length of text it used; None if none."""
        total, group, last, end, used, joined, consumed = 0, 0, None, 0, 0, False, 0
        for m in self.token_rx.finditer(text):
            if text[end:m.start()].strip(" -\u00a0") and used:
                break
            tok = m.group(1).lower()
            if tok in self.connectors:
                joined, end = bool(used), m.end() if used else end
                continue
            if tok in self.scales:
                total, group, last = total + max(group, 1) * self.scales[tok], 0, self.scales[tok]
            elif tok in self.mult:
                group, last = max(group, 1) * self.mult[tok], self.mult[tok]
            else:
                v = self.words[tok]
                if used and ((tok in self.articles and not joined) or last is None or last < 10 or v >= last):
                    break
                group, last = group + v, v
            used, end, joined = used + 1, m.end(), False
            consumed = end
        return (total + group, consumed) if used else None

    def number_value(self, text: str) -> Optional[int]:
        """A bare number (digits or words) as an int, None when the text is not one."""
        text = text.strip()
        m = re.fullmatch(rf"({_DIGITS})(?:\s+(\w+))?", text)
        if m:
            scale = self.scales.get((m.group(2) or "").lower(), 1 if not m.group(2) else None)
            return int(_SEPARATORS.sub("", m.group(1))) * scale if scale else None
        wv = self.words_value(text)
        return wv[0] if wv and wv[1] == len(text) else None


@lru_cache(maxsize=None)
def grammar(lang: str) -> Optional[NumberGrammar]:
    key = language_key(lang)
    data = load_data(key, "numbers") if key else {}
    return NumberGrammar(data) if data else None


# --- counts ------------------------------------------------------------------------

def _low(n: int) -> int:
    """N - 25 %, rounded inwards: 'une dizaine' → 8."""
    return math.ceil(n * 0.75)


def _high(n: int) -> int:
    """N + 25 %, rounded inwards: 'une dizaine' → 12."""
    return math.floor(n * 1.25)


def _modified(n: int, mod: Optional[str]) -> tuple[Count, str]:
    if mod == "at_least":
        return Count(n, n, None), f"at least {n}"
    if mod == "more_than":
        return Count(n + 1, n + 1, None), f"more than {n}"
    if mod == "less_than":
        return Count(min(1, n), min(1, n), max(n - 1, 0)), f"fewer than {n}"
    if mod == "up_to":
        return Count(n, None, n), f"up to {n}"
    if mod == "about":
        return Count(n, _low(n), _high(n)), f"about {n}"
    if mod == "nearly":
        return Count(n, _low(n), n), f"nearly {n}"
    return Count(n, n, n), str(n)


def _core(g: NumberGrammar, core: str, mod: Optional[str]) -> Optional[tuple[Count, str]]:
    for rx, n in g.approx:
        if rx.match(core):
            return _modified(n, mod or "about")
    for rx, v in g.vague:
        if rx.match(core):
            return Count(v.get("best"), v.get("low"), v.get("high")), str(v.get("label", core))
    n = g.number_value(core)
    return None if n is None else _modified(n, mod)


def interpret(expr: str, lang: str) -> Optional[tuple[Count, str]]:
    """(Count, English label) for a whole quantity expression, None if it is not one."""
    g = grammar(lang)
    expr = " ".join(expr.split())
    if g is None or not expr:
        return None
    m = g.range_rx.fullmatch(expr)
    if m:
        a, b = next((m.group(x), m.group(y)) for x, y in (("b1", "b2"), ("d1", "d2"), ("f1", "f2"))
                    if m.group(x))
        lo, hi = g.number_value(a), g.number_value(b)
        if lo is not None and hi is not None and lo < hi:
            return Count(lo, lo, hi), f"{lo}-{hi}"
        return None
    mod, core = None, expr
    p = g.prefix_rx.match(expr)
    if p:
        mod, core = p.lastgroup, expr[p.end():]
    om = g.or_more_rx.search(core)
    if om:
        mod, core = "at_least", core[:om.start()]
    return _core(g, core, mod)


def parse_quantity(expr: str, lang: str) -> Optional[Count]:
    """The first quantity in `expr` as a Count (expression set, offsets within `expr`).

    >>> parse_quantity("une vingtaine", "fr")
    Count(best=20, low=15, high=25, expression='une vingtaine', start=0, end=13)
    """
    found = find_quantities(expr, lang)
    return found[0].count if found else None


def find_quantities(text: str, lang: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, left to right, not overlapping."""
    g = grammar(lang)
    out: list[Quantity] = []
    if g is None or not text:
        return out
    pos = 0
    for w in _WORD_START.finditer(text):  # matching at word starts only is ~5x faster than search
        if w.start() < pos:
            continue
        m = g.any_rx.match(text, w.start())
        if m is None:
            continue
        s, e = m.start(), m.end()
        pos = e
        if _AFTER_NUMBER.search(text[max(0, s - 12):s]):  # "1,5 million": the tail of a number we do not read
            continue
        got = interpret(text[s:e], lang)
        if got is None:  # not a range after all, or words that are not one number
            m = g.single_rx.match(text, s)
            wv = g.words_value(m.group(0)) if m else None
            if wv and wv[1] < m.end() - s:
                m = g.single_rx.match(text, s, s + wv[1])
            got = interpret(m.group(0), lang) if m else None
            if got is None:
                continue
            e = pos = m.end()
        count, label = got
        count.expression, count.start, count.end = text[s:e], s + offset, e + offset
        out.append(Quantity(s + offset, e + offset, text[s:e], count, label))
    return out
