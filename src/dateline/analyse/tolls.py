"""Tolls: how many were killed and injured, and who, as a text states it.

One algorithm, language data in ``data/<lang>/tolls.yaml``. Every quantity that
``numbers.find_quantities`` finds gets a role — killed, injured or none — from
the words around it, strongest evidence first:

1. a toll verb just before it: "tuant 3", "a coûté la vie à 5 soldats",
   "killed at least 12 people", "et blessé une vingtaine d'autres";
2. a toll word after it, possibly after a victim noun and a few words (never
   across "et"/"and", "dont", "selon"…): "5 morts", "3 soldats tués",
   "twelve people were wounded", "deux personnes ont perdu la vie";
3. a toll total before it: "le bilan s'élève à 12", "the death toll rose to 15"
   (the dead, unless rule 2 says injured).

Numbers of munitions, vehicles or attackers ("3 roquettes", "4 drones"), ages,
dates, durations and distances never get a role, and neither do numbers with no
toll word at all ("2500 militaires"). A number that is a part of another
("12 morts, dont 3 enfants") only counts when nothing else does. Coordinated
numbers share a role and add up ("3 soldats et 2 civils ont été tués" → 5;
"killing 3 soldiers and 2 civilians" → 5). Several separate figures for one
role keep the most conservative one (ACLED) as best/low, the largest as high —
unless each names a different kind of victim ("killing 4 soldiers. 2 militants
were also killed" → 6), which are different people and add up.

Phrases that rule casualties out ("sans causer de pertes", "no one was hurt")
give Count(0) to the fields they cover; phrases saying the toll is not known
("il n'y a pas d'information s'il y a eu des pertes humaines", "casualties
unknown") give a Count with best None and the phrase as expression. Numbers
win over both. Counts carry the toll phrase as expression and its offsets.

Victims: the kind named with the first fatality figure (else the first injured
one), normalised to English ("soldats" → soldiers, "casques bleus" →
peacekeepers); "d'autres"/"others" among the injured take the kind named before
them; "personnes"/"people" name no kind (None).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from dateline.analyse.numbers import Quantity, alternation, find_quantities, language_key, load_data, phrase_rx
from dateline.analyse.numbers import grammar as number_grammar
from dateline.analyse.weapons import lexicon as weapon_lexicon
from dateline.records import Count, Toll

KILLED, INJURED = "killed", "injured"
FIELDS = {"both": (KILLED, INJURED), "killed": (KILLED,), "injured": (INJURED,)}
_WORD = r"[\w'’-]+"
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")


@dataclass
class _Hit:
    """One quantity read as (part of) a toll."""
    q: Quantity
    role: Optional[str]
    how: str                 # "before", "after", "toll", "inherited", "none"
    victim: Optional[str]    # kind, "unspecified" or None when no victim noun
    start: int               # the toll phrase
    end: int
    subset: bool = False
    linked: bool = False     # coordinated with the previous hit: their numbers add up


class TollGrammar:
    """The compiled toll language of one language."""

    def __init__(self, lang: str):
        d = load_data(lang, "tolls")
        self.lang = lang
        self._kinds: dict[str, str] = {}
        self.victims = [(re.compile(rx + "$", re.I), kind) for rx, kind in sorted(
            ((phrase_rx(p), kind) for kind, pats in (d.get("victims") or {}).items() for p in pats),
            key=lambda pk: len(pk[0]), reverse=True)]
        victim = alternation(p for kind, pats in (d.get("victims") or {}).items() for p in pats)
        stop = rf"(?:{alternation(d.get('stops') or [])})(?!\w)"
        pre = r"(?:\s*(?:de|of)(?!\w)|\s*d['’])?(?:\s*(?:the|les|des)(?!\w))?"
        heads = rf"(?<!\w)(?:(?P<killed>{alternation(d.get('killed_after') or [])})" \
                rf"|(?P<injured>{alternation(d.get('injured_after') or [])}))(?!\w)"
        self.victim_rx = re.compile(rf"^{pre}\s*(?:(?!{stop}){_WORD}\s+)??(?P<victim>{victim})(?!\w)", re.I)
        aside = rf"(?:\s*,\s*{alternation(d.get('subset_before') or [])}[^,.;:]{{0,60}},)?"  # ", including 3 children,"
        self.after_victim = re.compile(rf"^{pre}\s*(?:(?!{stop}){_WORD}\s+)??(?:{victim})(?!\w){aside}"
                                       rf"(?:\s+(?!{stop}){_WORD}){{0,5}}?\s+{heads}", re.I)
        fillers = alternation(d.get("fillers") or [])
        self.after_plain = re.compile(rf"^{pre}(?:\s+{fillers}(?!\w)){{0,3}}\s*{heads}", re.I)
        # "deux agents municipaux ont été tués": an unlisted noun, then an auxiliary
        self.after_other = re.compile(rf"^{pre}(?:\s+(?!{stop}){_WORD}){{1,3}}?(?:\s+{fillers}(?!\w)){{1,3}}\s+{heads}",
                                      re.I)
        adverbs = alternation(d.get("adverbs") or [])
        self.before = re.compile(
            rf"(?<!\w)(?:(?P<killed>{alternation(d.get('killed_before') or [])})"
            rf"|(?P<injured>{alternation(d.get('injured_before') or [])})"
            rf"|(?P<toll>{alternation(d.get('toll_before') or [])}))(?:\s+{adverbs})?\s*$", re.I)
        self.subset = re.compile(rf"(?<!\w){alternation(d.get('subset_before') or [])}\s*[,:]?\s*$", re.I)
        self.not_toll = re.compile(rf"^\s*(?:{alternation(d.get('not_toll_after') or [])})", re.I)
        reporters = d.get("reporter_after") or []
        # No comma in between ("killing 3 soldiers, said the army" keeps its 3), no passive word.
        passive = alternation(d.get("passive") or [])
        self.reporter = re.compile(rf"\s+(?:(?!{passive}(?!\w))[\w'’-]+\s+){{0,2}}?(?:{alternation(reporters)})(?!\w)",
                                   re.I) if reporters else None
        conj = alternation(d.get("coordinators") or [])
        self.coord = re.compile(rf"(?:\s*d['’]|\s*(?!{stop}){_WORD}){{0,4}}\s*(?:,\s*(?:{conj})?|{conj})\s*", re.I)
        self.victim_any = re.compile(rf"(?<!\w){victim}(?!\w)", re.I)
        self.subset_after = re.compile(rf"^\s*{alternation(d.get('subset_after') or [])}(?!\w)", re.I)
        self.passive = re.compile(rf"(?<!\w){alternation(d.get('passive') or [])}(?!\w)", re.I)
        self.objects = re.compile(rf"\s+(?:{alternation(d.get('objects') or [])}(?:(?<=['’])|(?!\w))|\d)", re.I)
        self.masks = [(kind, f, re.compile(rf"(?<!\w){alternation(pats)}(?!\w)", re.I))
                      for kind in ("unknown", "zero") for f, pats in (d.get(kind) or {}).items()]

    def victim_kind(self, phrase: str) -> str:
        """'soldats' → 'soldiers'; 'personnes', 'others' → 'unspecified'."""
        key = " ".join(phrase.lower().split())
        if key not in self._kinds:
            self._kinds[key] = next((kind for rx, kind in self.victims if rx.match(key)), "unspecified")
        return self._kinds[key]

    def _active(self, right: str, a: re.Match) -> bool:
        """'2 gunmen killed 3 people': the toll word is the verb of the number, not its state."""
        head = a.start("killed") if a.group("killed") else a.start("injured")
        if self.passive.search(right, 0, head):
            return False
        if self.objects.match(right, a.end()):
            return True
        rest = right[a.end():]
        pos = a.end() + len(rest) - len(rest.lstrip())
        ng = number_grammar(self.lang)
        return pos > a.end() and bool(ng and ng.any_rx.match(right, pos))

    def read(self, text: str, q: Quantity) -> Optional[_Hit]:
        """The role of one quantity, or None when it cannot be a toll."""
        right = text[q.end:q.end + 160]
        left = text[max(0, q.start - 100):q.start]
        lex = weapon_lexicon(self.lang)
        vm = self.victim_rx.match(right)
        if self.not_toll.match(right) or (vm is None and (_YEAR.match(q.text) or (
                lex and lex.munition_direct.match(right)))):
            return None
        victim = self.victim_kind(vm.group("victim")) if vm else None
        vend = q.end + (vm.end() if vm else 0)
        if self.reporter is not None and self.reporter.match(text, vend, min(len(text), vend + 60)):
            return None  # "…, a police officer told Reuters": the one who reports
        subset = bool(self.subset.search(left) or self.subset_after.match(right))
        b = self.before.search(left)
        bstart = q.start - (len(left) - b.start()) if b else q.start
        if b and not b.group("toll"):
            return _Hit(q, KILLED if b.group("killed") else INJURED, "before", victim, bstart, vend, subset)
        if vm is None and lex and lex.munition_after.match(right):
            return None
        a = self.after_victim.match(right) or self.after_plain.match(right) or self.after_other.match(right)
        if a and not self._active(right, a):
            role = KILLED if a.group("killed") else INJURED
            return _Hit(q, role, "after", victim, bstart if b else q.start, q.end + a.end(), subset)
        if b:
            return _Hit(q, KILLED, "toll", victim, bstart, vend, subset)
        return _Hit(q, None, "none", victim, q.start, vend, subset)

    def _coordinated(self, text: str, a: _Hit, b: _Hit) -> bool:
        """'3 soldats et 2 civils', 'killing 3 soldiers and 2 civilians' — not '100 homes were destroyed and 2'."""
        if not self.coord.fullmatch(text, a.q.end, b.q.start):
            return False
        between = text[a.q.end:b.q.start]
        return len(between.split()) <= 1 or bool(self.victim_any.search(between))

    def coordinate(self, text: str, hits: list[_Hit]) -> None:
        """Give unresolved numbers the role of a coordinated neighbour ("3 soldats et 2 civils tués")."""
        for i, h in enumerate(hits):
            if h.role is not None or h.subset:
                continue
            prev = hits[i - 1] if i else None
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if prev and prev.role and not prev.subset and prev.how in ("before", "inherited") \
                    and self._coordinated(text, prev, h):
                h.role, h.how, h.linked = prev.role, "inherited", True
            elif nxt and nxt.role and not nxt.subset and nxt.how == "after" \
                    and self._coordinated(text, h, nxt):
                h.role, h.how, nxt.linked = nxt.role, "inherited", True
                h.end = max(h.end, nxt.end)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Optional[TollGrammar]:
    key = language_key(lang)
    return TollGrammar(key) if key and load_data(key, "tolls") else None


# --- combining ---------------------------------------------------------------------

def _add(a: Optional[int], b: Optional[int]) -> Optional[int]:
    return None if a is None or b is None else a + b


def _group_count(text: str, group: list[_Hit], offset: int) -> Count:
    c = Count(0, 0, 0)
    for h in group:
        c = Count(_add(c.best, h.q.count.best), _add(c.low, h.q.count.low), _add(c.high, h.q.count.high))
    s, e = min(h.start for h in group), max(h.end for h in group)
    return replace(c, expression=text[s:e], start=s + offset, end=e + offset)


def _combine(text: str, hits: list[_Hit], offset: int) -> Optional[Count]:
    """One Count for one role: linked numbers add up, separate figures keep the lowest."""
    if not hits:
        return None
    main = [h for h in hits if not h.subset] or hits
    groups: list[list[_Hit]] = []
    for h in main:
        if h.linked and groups:
            groups[-1].append(h)
        else:
            groups.append([h])
    kinds = [next((h.victim for h in g if h.victim and h.victim != "unspecified"), None) for g in groups]
    if len(groups) > 1 and None not in kinds and len(set(kinds)) == len(kinds):
        return _group_count(text, main, offset)  # "4 soldiers killed… 2 militants also killed": different people
    counts = [_group_count(text, g, offset) for g in groups]
    best = min(counts, key=lambda c: c.best if c.best is not None else float("inf"))
    if len(counts) > 1:
        highs = [c.high for c in counts]
        best.high = None if None in highs else max(max(highs), best.best or 0)
    return best


def _victims(hits: list[_Hit]) -> Optional[str]:
    """The first stated victim kind, fatalities first ("d'autres" takes its antecedent's kind)."""
    last = None
    kinds = {}
    for h in hits:
        if h.victim and h.victim != "unspecified":
            last = h.victim
        kinds[id(h)] = last if h.victim == "unspecified" and h.role == INJURED else h.victim
    for role in (KILLED, INJURED):
        for h in hits:
            k = kinds[id(h)]
            if h.role == role and not h.subset and k and k != "unspecified":
                return k
    return None


def _masks(g: TollGrammar, text: str, offset: int) -> tuple[list[tuple[int, int]], dict[str, Count]]:
    """Spans of 'no casualties' / 'casualties unknown' phrases, and the Counts they give."""
    spans, found = [], {}
    for kind, fields, rx in g.masks:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans) and kind == "zero":
                continue
            spans.append((m.start(), m.end()))
            n = 0 if kind == "zero" else None
            for f in FIELDS.get(fields, ()):
                if f not in found or (kind == "zero" and found[f].best is None):
                    found[f] = Count(n, n, n, expression=m.group(0), start=m.start() + offset, end=m.end() + offset)
    return spans, found


def parse_toll(text: str, lang: str, offset: int = 0) -> Toll:
    """Fatalities, injured and victim kind stated in `text` (one sentence or one event's evidence).

    >>> t = parse_toll("avait coûté la vie à 5 soldats et blessé une vingtaine d'autres", "fr")
    >>> (t.fatalities.best, t.injured.best, t.injured.low, t.injured.high, t.victims)
    (5, 20, 15, 25, 'soldiers')
    """
    g = grammar(lang)
    if g is None or not text:
        return Toll()
    spans, masked = _masks(g, text, offset)
    quantities = [q for q in find_quantities(text, lang)
                  if not any(s <= q.start < e for s, e in spans)]
    hits = [h for h in (g.read(text, q) for q in quantities) if h is not None]
    g.coordinate(text, hits)
    fatalities = _combine(text, [h for h in hits if h.role == KILLED], offset) or masked.get(KILLED)
    injured = _combine(text, [h for h in hits if h.role == INJURED], offset) or masked.get(INJURED)
    return Toll(fatalities=fatalities, injured=injured, victims=_victims([h for h in hits if h.role]))
