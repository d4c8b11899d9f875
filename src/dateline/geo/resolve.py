"""Choosing the place each candidate refers to, from the gazetteer and the article's context.

Two passes. The first scores every candidate's gazetteer entries on priors
alone (kind of feature, population, curated conflict site, whether the name is
the place's own) and keeps the confident answers as anchors: countries, regions
and places that win by a wide margin. The second re-scores with the anchors:
entries in a country or region the article mentions, or near an anchored place,
gain. "Zone verte dans la vallée de l'Euphrate" thus goes to the Deir ez-Zor
base, not Baghdad's Green Zone, and "London" in an article about Ontario to
London, Ontario.

Rules that read the article's structure: a name followed by ", <region or country>"
("Paris, Texas", "LONDON, Ky.") is looked for in that region first, and the region is read
as the one that contains the name ("Atlanta, Georgia" is not the country); a region listed
next to another region of a country ("Montana and Wyoming") is read as a region; a bare dateline in
capitals ("WASHINGTON (Reuters) -") is the well-known place, whatever the story mentions;
and one sense per discourse: every mention of a name goes where its best-supported
mention went (so "London Police" follows "LONDON, Ky.").
"""
from __future__ import annotations

from dateline.geodesy import haversine_km

import math
import re
from dataclasses import dataclass, field
from typing import Optional

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.normalise import ARTICLES, fold, name_key
from dateline.geo.recognise import PARTICLE_NAME, Candidate
from dateline.records import Place

ADMIN1_POPULATION_SHARE = 0.2   # a region competes with a town of a fifth of its population
STRONG_POPULATION = 50_000      # a capitalised word that is not an entity must name at least this
NEAR_KM = 300
FUZZY_THRESHOLD = 0.84
ANCHOR_MARGIN = 1.5
SMALL_TOWN = 5_000
ALIAS_ABROAD_MAX_POP = 1_000_000  # below this, a town known only by an alternate name must be in a named country
OWN_NAME_BONUS = 1.5  # the place's own name (or a curated alias) rather than one of its alternate names
BIG_CITY = 500_000
CAPITAL_BONUS = 1.0
COUNTRY_BONUS, ADMIN1_BONUS, NEAR_BONUS = 2.0, 2.5, 2.0
SIBLING_BONUS = 2.0  # a region listed next to another region of its country ("Montana and Wyoming")
QUALIFIER_BONUS = 4.0  # "Paris, Texas", "LONDON, Ky.", "London, Ontario": the next name says where the first is


@dataclass
class Choice:
    candidate: Candidate
    place: Optional[Place]
    score: float = 0.0
    margin: float = 0.0
    fuzzy: bool = False
    options: list[tuple[Place, bool, str, float]] = field(default_factory=list)  # place, own name, source, similarity


def km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def within_km(a: Place, b: Place, limit: float) -> bool:
    """km(a, b) <= limit, without the trigonometry for places a latitude band apart (most pairs):
    a great-circle distance is at least the latitude difference (111.19 km a degree)."""
    return abs(a.latitude - b.latitude) * 111.0 <= limit and km(a, b) <= limit


def _kind(place: Place) -> str:
    if place.feature_code == "PCLI":
        return "country"
    if place.feature_code == "CONT":
        return "continent"
    if place.feature_code in ("ADM1", "ADM2"):
        return "admin"
    if place.feature_class == "P":
        return "town"
    return "site"


def prior(place: Place, own_name: bool, source: str, hint: Optional[str]) -> float:
    kind = _kind(place)
    if kind == "country":
        score = 10.0
    elif kind == "continent":
        score = 9.0
    elif kind == "admin":
        score = math.log10(ADMIN1_POPULATION_SHARE * place.population + 10)
    elif source == "supplement":
        score = 6.5
    else:
        score = math.log10(place.population + 10)
    if own_name:
        score += OWN_NAME_BONUS
    if hint:
        wanted = {"site": ("site",), "admin": ("admin", "site"), "town": ("town",)}[hint]
        score += 3.0 if kind in wanted else 0.0
    return score


def is_strong(place: Place, source: str) -> bool:
    return _kind(place) in ("country", "continent", "admin") or source == "supplement" or \
        place.population >= STRONG_POPULATION


def _contains(region: Place, place: Place) -> bool:
    """A first-level region and a place inside it (regions are large: distance to their centre says little)."""
    return region.feature_code == "ADM1" and place.admin1 == region.name and place.country_code == region.country_code


class Context:
    """What the article says about where it is: countries, regions and anchored places.

    Each piece remembers the name it came from, so that a name never supports itself
    (five mentions of "Paris" must not vote Paris, France, into every one of them)."""

    def __init__(self) -> None:
        self.countries: dict[str, set[str]] = {}
        self.admin1: dict[tuple[str, str], set[str]] = {}
        self.anchors: list[tuple[Place, str]] = []
        self.mentioned: dict[str, set[str]] = {}  # countries of every place read (not demonyms), confident or not

    def mention(self, place: Place, key: str) -> None:
        if place.country_code:
            self.mentioned.setdefault(place.country_code, set()).add(key)

    def add(self, place: Place, key: str) -> None:
        if place.country_code:
            self.countries.setdefault(place.country_code, set()).add(key)
        kind = _kind(place)
        if place.feature_code == "ADM1" and place.country_code:
            self.admin1.setdefault((place.country_code, place.name), set()).add(key)
        elif place.feature_code == "ADM2" and place.admin1:
            self.admin1.setdefault((place.country_code, place.admin1), set()).add(key)
            self.anchors.append((place, key))
        elif kind in ("town", "site"):
            self.anchors.append((place, key))

    def has_country(self, code: Optional[str], key: str = "") -> bool:
        return bool(self.countries.get(code, set()) - {key})

    def bonus(self, place: Place, key: str = "") -> float:
        score = 0.0
        if self.has_country(place.country_code, key):
            score += COUNTRY_BONUS
        if place.admin1 and place.feature_code != "ADM1" and self.admin1.get((place.country_code, place.admin1), set()) - {key}:
            score += ADMIN1_BONUS
        if any(k != key and (within_km(a, place, NEAR_KM) or _contains(place, a)) for a, k in self.anchors):
            score += NEAR_BONUS
        return score

    def supports(self, place: Place, key: str = "") -> bool:
        """The article names the region the place is in, or a place near it (other names than its own)."""
        if place.admin1 and self.admin1.get((place.country_code, place.admin1), set()) - {key}:
            return True
        return any(k != key and within_km(a, place, NEAR_KM) for a, k in self.anchors)


def _inside(place: Place, container: Place) -> bool:
    """`place` lies in `container` (a country, a first- or second-level region)."""
    if place.geonameid == container.geonameid or not place.country_code:
        return False
    if container.feature_code == "PCLI":
        return place.country_code == container.country_code
    if container.feature_code == "ADM1":
        return _contains(container, place)
    if container.feature_code == "ADM2":
        return place.country_code == container.country_code and place.admin1 == container.admin1 \
            and (place.admin2 == container.name or km(place, container) <= 60)
    return False


def options_for(gaz: Gazetteer, cand: Candidate) -> tuple[list[tuple[Place, bool, str, float]], bool]:
    exact = [(p, own, src, 1.0) for p, own, src in gaz.lookup(cand.text)]
    if exact or cand.needs_strong or cand.source not in ("entity", "curated"):
        return exact, False
    fuzzy = [(p, False, src, sim) for p, sim, src in gaz.fuzzy(cand.text, FUZZY_THRESHOLD)]
    return fuzzy, True


def _letters(text: str) -> str:
    """The letters of a name, a leading Arabic article aside ("Al Qāmishlī" is spelled "Qamishli")."""
    words = re.split(r"[^0-9a-z]+", fold(text).strip())
    words = [w for w in words if w]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(words)


def _acceptable(cand: Candidate, place: Place, own: bool, source: str, context: Optional[Context],
                qualifier: Optional[Place] = None) -> bool:
    """Weak evidence (a capitalised word, a name inside an organisation) needs a well-known place
    under its own name, or one in a region (or near a place) the article names elsewhere;
    a small place abroad needs a cue ("in", "à") before its name."""
    local = (qualifier is not None and _inside(place, qualifier)) or \
        (context is not None and own and _kind(place) in ("town", "admin") and context.supports(place, name_key(cand.text)))
    if (cand.needs_strong or cand.needs_qualifier) and not (own and (is_strong(place, source) or local)):
        return False  # a name NER did not tag as a place: its qualifier's region, or a well-known place
    if cand.source == "capitalised" and _kind(place) == "town" and not cand.cue and place.population < BIG_CITY \
            and not local:
        return False
    if cand.source in ("embedded", "capitalised") and _kind(place) == "town" and not PARTICLE_NAME.match(cand.text) \
            and _letters(cand.text) != _letters(place.name):
        return False  # weak evidence: the town's name exactly, not a respelling ("Fish" is not Fichē)
    if cand.mid_name and len(_letters(cand.text)) <= 3 and not cand.text.isupper() \
            and _letters(cand.text) != _letters(place.name):
        return False  # "Wa" inside "Tarnak Wa Jaldak" is Wa, Ghana, or nothing: never WA, Western Australia
    if context is not None and _kind(place) == "town" and source != "supplement" and not cand.cue \
            and place.population < SMALL_TOWN and not context.has_country(place.country_code, name_key(cand.text)):
        return False
    return True


def _foreign_alias(cand: Candidate, place: Place, own: bool, sim: float, context: Optional[Context]) -> bool:
    """A town below ALIAS_ABROAD_MAX_POP matched by a respelling, by one of its alternate names, or by a
    name that only shares its own name's key ("Bashu" is not Bachu, "Boni" not Bonny), in a country none
    of the article's other places is in, while they are in some ("Colobane" next to Dakar is not in Slovenia)."""
    key = name_key(cand.text)
    if _kind(place) != "town" or context is None or not any(k - {key} for k in context.mentioned.values()) \
            or context.mentioned.get(place.country_code, set()) - {key}:
        return False
    if sim < 1.0:
        return True
    spelled = own and _letters(cand.text) == _letters(place.name)
    return not spelled and place.population < ALIAS_ABROAD_MAX_POP


def choose(cand: Candidate, options, context: Optional[Context], capitals: frozenset = frozenset(),
           qualifier: Optional[Place] = None, qualified: tuple = (), siblings: tuple = ()) -> Choice:
    """`qualifier`: the region named after this name ("Paris, Texas"); `qualified`: the readings of the
    name this one qualifies ("Atlanta" for "Georgia"); `siblings`: regions listed next to it."""
    scored = []
    for place, own, source, sim in options:
        if not _acceptable(cand, place, own, source, context, qualifier):
            continue
        if _foreign_alias(cand, place, own, sim, context):
            continue  # a respelling or a foreign alternate name abroad ("Kuriga" is not Khouribga in Nigeria)
        s = prior(place, own, source, cand.hint) * sim
        if qualifier is not None and _inside(place, qualifier):
            s += QUALIFIER_BONUS
        if qualified and any(_inside(q, place) for q in qualified):
            s += QUALIFIER_BONUS
        if place.feature_code == "ADM1" and any(r.country_code == place.country_code and r.geonameid != place.geonameid
                                                 for r in siblings):
            s += SIBLING_BONUS
        if (place.country_code, place.name) in capitals and _kind(place) == "town":
            s += CAPITAL_BONUS
        if context is not None:
            s += context.bonus(place, name_key(cand.text))
        scored.append((s, place))
    if not scored:
        return Choice(cand, None, options=options)  # context or a qualifier may still admit one
    scored.sort(key=lambda sp: -sp[0])
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
    return Choice(cand, scored[0][1], scored[0][0], margin, options=options)


_QUALIFIER_GAP = re.compile(r"^\s{0,2},\s{0,3}$")


def _qualifiers(candidates: list[Candidate], text: Optional[str]) -> dict[int, int]:
    """Index of a candidate → index of the candidate that qualifies it ("Paris, Texas")."""
    if not text:
        return {}
    out = {}
    for i in range(len(candidates) - 1):
        a, b = candidates[i], candidates[i + 1]
        if a.role != "demonym" and b.role != "demonym" and _QUALIFIER_GAP.match(text[a.end:b.start]):
            out[i] = i + 1
    return out


def _is_dateline(cand: Candidate, text: str) -> bool:
    """The article opens with the name in capitals ("WASHINGTON (Reuters) -", "PARIS —")."""
    return not text[:cand.start].strip() and cand.text.isupper() and len(cand.text) > 3


_LIST_GAP = re.compile(r"^\s{0,2}(?:,|and|or|et|ou|, and|, or)\s{0,3}$")


def _listed(candidates: list[Candidate], text: Optional[str]) -> dict[int, list[int]]:
    """Index of a candidate → its neighbours in an enumeration ("Montana and Wyoming", "Iowa, Utah")."""
    out: dict[int, list[int]] = {}
    if not text:
        return out
    for i in range(len(candidates) - 1):
        a, b = candidates[i], candidates[i + 1]
        if _LIST_GAP.match(text[a.end:b.start]):
            out.setdefault(i, []).append(i + 1)
            out.setdefault(i + 1, []).append(i)
    return out


def _one_sense(choices: list[Choice]) -> list[Choice]:
    """One sense per discourse: every mention of a name goes where its best-supported mention went
    (the one with a qualifier, a cue or context in its favour), when that place is among its options."""
    best: dict[str, Choice] = {}
    for c in choices:
        if c.place is None or c.candidate.role == "demonym" or c.fuzzy:
            continue
        key = name_key(c.candidate.text)
        if key not in best or c.score > best[key].score:
            best[key] = c
    out = []
    for c in choices:
        b = best.get(name_key(c.candidate.text)) if c.candidate.role != "demonym" else None
        if b is not None and b is not c and (c.place is not None or c.candidate.follows_sense) \
                and (c.place is None or b.place.geonameid != c.place.geonameid) \
                and any(p.geonameid == b.place.geonameid for p, _, _, _ in c.options):
            c = Choice(c.candidate, b.place, b.score, b.margin, c.fuzzy, c.options)
        out.append(c)
    return out


def resolve(gaz: Gazetteer, candidates: list[Candidate], rounds: int = 2, text: Optional[str] = None) -> list[Choice]:
    """The chosen place of every candidate (place None when nothing fits); with the text, a name
    followed by ", <region or country>" is looked for in that region."""
    qualifier_of = _qualifiers(candidates, text)
    qualified_by = {q: i for i, q in qualifier_of.items()}
    neighbours = _listed(candidates, text)
    dateline = 0 if candidates and text and _is_dateline(candidates[0], text) else -1
    choices: list[Choice] = []
    for cand in candidates:
        if cand.role == "demonym":
            choices.append(Choice(cand, gaz.country(cand.country_code) if cand.country_code else None, 10.0, 10.0))
            continue
        options, fuzzy = options_for(gaz, cand)
        choice = choose(cand, options, None, gaz.capitals)
        choice.fuzzy = fuzzy
        choices.append(choice)
    for _ in range(rounds):
        context = Context()
        for c in choices:
            # A nationality ("la force française") says who, not where: it does not make its
            # country one the article's places are in.
            if c.place is not None and not c.fuzzy and c.candidate.role != "demonym":
                context.mention(c.place, name_key(c.candidate.text))
            if c.place is not None and not c.fuzzy and (c.margin >= ANCHOR_MARGIN or _kind(c.place) in (
                    "country", "admin")):
                context.add(c.place, name_key(c.candidate.text))
        again = []
        for i, c in enumerate(choices):
            if c.candidate.role == "demonym" or not c.options:
                again.append(c)
                continue
            q = choices[qualifier_of[i]].place if i in qualifier_of else None
            if q is not None and q.feature_code not in ("PCLI", "ADM1", "ADM2"):
                q = None
            if q is None and i == dateline:  # "WASHINGTON —": a bare wire dateline is the well-known place
                new = choose(c.candidate, c.options, None, gaz.capitals)
                new.score += QUALIFIER_BONUS  # the strongest evidence for its other mentions
            else:
                named = choices[qualified_by[i]].options if i in qualified_by else ()
                qualified = tuple(p for p, own, _, sim in named if own and sim == 1.0)
                siblings = tuple(choices[j].place for j in neighbours.get(i, ()) if choices[j].place is not None
                                 and choices[j].place.feature_code == "ADM1" and j not in qualified_by)
                new = choose(c.candidate, c.options, context, gaz.capitals, q, qualified, siblings)
            new.fuzzy = c.fuzzy
            again.append(new)
        choices = again
    return _one_sense(choices)


def precision_of(choice: Choice) -> int:
    """ACLED geo precision of a resolved place: 1 town, 2 site/near, 3 region or country."""
    if choice.place is None:
        return 3
    kind = _kind(choice.place)
    if kind == "town":
        return 2 if choice.candidate.cue == 2 else 1
    if kind == "site":
        return 3 if choice.place.feature_class in ("L", "H", "T") and choice.place.feature_code in (
            "RGN", "DSRT", "TERR", "PEN", "SEA", "STM", "LK", "GULF", "VAL", "PLAT") and \
            not (choice.place.feature_code == "DSRT" and choice.place.admin1) else 2
    return 3
