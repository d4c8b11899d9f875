"""Reconciling one event's fields from its mentions (and the sources behind them)."""
from __future__ import annotations

from dateline.geodesy import haversine_km

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from dateline.records import (
    ActorRef, Claim, Contradiction, Count, DateRange, Event, Mention, Place, PlaceRef, Span, Toll,
    TIME_PRECISION_DAY, TIME_PRECISION_MONTH, TIME_PRECISION_WEEK,
)

UNIDENTIFIED = "Unidentified armed group"
GENERIC_BY_TYPE = {"Protests": "Protesters", "Riots": "Rioters"}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


# A protest told peaceful, then met by the police, is a protest with intervention: among the
# sub-types a protest's mentions give, the furthest on this scale wins.
PROTEST_SCALE = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def choose_type(mentions: list[Mention]) -> tuple[str, str]:
    """The sub-type with the most confidence behind it; blasts of unknown kind count little; a
    protest's mentions give their furthest escalation."""
    if all(m.sub_event_type in PROTEST_SCALE for m in mentions):
        return "Protests", max((m.sub_event_type for m in mentions), key=PROTEST_SCALE.index)
    score: Counter = Counter()
    for m in mentions:
        w = m.confidence * (0.3 if m.sub_event_type == "Remote explosive/landmine/IED" and not m.weapons else 1.0)
        score[(m.event_type, m.sub_event_type)] += w
    return max(score, key=lambda k: score[k])


def _country_of(ev_place: Optional[PlaceRef]) -> Optional[str]:
    return ev_place.place.country if ev_place and ev_place.place else None


def choose_actors(mentions: list[Mention], etype: str, doc) -> tuple[Optional[str], Optional[str]]:
    place = choose_place(mentions, doc)
    country = _country_of(place)
    iso = place.place.country_code if place is not None and place.place is not None else None
    a1 = _national(_first_named([_at_home(m.actor1, iso) for m in mentions]), iso)
    a2 = _national(_first_named([_at_home(m.actor2, iso) for m in mentions], exclude=a1), iso)
    if a1 is not None and country and (a1 in GENERIC_BY_TYPE.values() or a1 == UNIDENTIFIED):
        a1 = f"{a1} ({country})"  # "protesters", "gunmen" named bare: with the country, as below
    if a1 is None and iso and any(m.sub_event_type == "Arrests" for m in mentions):
        a1 = _state_forces().get((iso, "Police"))  # "41 people had been arrested": by the police (ACLED)
    if a1 is None:
        generic = GENERIC_BY_TYPE.get(etype)
        if generic:
            a1 = generic
        elif etype in VIOLENT or any(m.sub_event_type == "Disrupted weapons use" for m in mentions):
            a1 = UNIDENTIFIED
        if a1 and country:
            a1 = f"{a1} ({country})"
    if a2 is None and etype == "Violence against civilians":
        victims = {(m.toll.victims or "") for m in mentions}
        if victims & {"civilians", "people", "villagers", "children", "women", "residents", ""}:
            a2 = f"Civilians ({country})" if country else "Civilians"
    return a1, a2


def as_of(name: Optional[str], when: DateRange) -> Optional[str]:
    """The actor as coded on the event's day: "Afghan forces" are the Republic's before 15 August
    2021 and the Taliban's from then on (actors.yaml `forces_since`). Undated: today's."""
    from dateline.analyse.lexicon import successions
    succession = successions().get(name) if name else None
    if succession is None:
        return name
    since, successor = succession
    return name if when.earliest is not None and when.earliest < since else successor


def _at_home(ref: Optional[ActorRef], iso: Optional[str]) -> Optional[ActorRef]:
    """A country's actor named by a word that names it only at home ("bandits", "junta forces")
    is, at an event in another country, the actor its `abroad` entry names."""
    from dateline.analyse.lexicon import abroad, actors_by_id
    rule = abroad().get(ref.actor_id) if ref is not None and ref.actor_id and iso else None
    if rule is None or rule[0] == iso or ref.text.lower() not in rule[1]:
        return ref
    other = actors_by_id()[rule[2]]
    return replace(ref, actor_id=other.id, name=other.name)


def _national(name: Optional[str], iso: Optional[str]) -> Optional[str]:
    """'Military forces (generic)' ("the army", "anti-riot officers") at an event in Kenya are the
    Military/Police Forces of Kenya, as ACLED codes them when no other state is named."""
    if not name or not iso or "(generic)" not in name:
        return name
    branch = name.split()[0].capitalize()
    return _state_forces().get((iso, branch), name)


@lru_cache(maxsize=1)
def _state_forces() -> dict[tuple[str, str], str]:
    """(country code, 'Military' | 'Police') → the country's state forces actor name (shortest)."""
    from dateline.analyse.lexicon import actors_by_id
    out: dict[tuple[str, str], str] = {}
    for a in actors_by_id().values():
        for branch in ("Military", "Police"):
            if a.kind == "state forces" and a.country and a.name.startswith(f"{branch} Forces of"):
                key = (a.country, branch)
                if key not in out or len(a.name) < len(out[key]):
                    out[key] = a.name
    return out


def _first_named(refs, exclude: Optional[str] = None) -> Optional[str]:
    names = [r.name or r.text for r in refs if r is not None]
    named = [n for n in names if n and n != exclude and not n.lower().startswith("unidentified")
             and "(generic)" not in n]
    if named:
        return named[0]
    rest = [n for n in names if n and n != exclude]
    return rest[0] if rest else None


def choose_place(mentions: list[Mention], doc) -> Optional[PlaceRef]:
    """The most-supported place, then the most precise; else the place the narrative gave last in
    the paragraph (a sentence with no place goes on where the one before it was); else the
    article's main place."""
    refs = [m.place for m in mentions if m.place and m.place.place]
    if refs:
        counts = Counter(r.place.geonameid for r in refs)
        return min(refs, key=lambda r: (-counts[r.place.geonameid], r.geo_precision or 3, r.start))
    from dateline.geo.event_place import main_place, place_in_force
    fallback = place_in_force(doc.places, doc.paragraphs, mentions[0].sentence) or main_place(doc.places)
    if fallback is None:
        return None
    return replace(fallback, geo_precision=max(fallback.geo_precision or 3, 2))


def choose_date(mentions: list[Mention], published: DateRange, doc=None) -> DateRange:
    """Intersection of the mentions' own date ranges (the tightest all agree on); else the date
    the narrative last gave before the first mention ("On 9 September … Afterwards, soldiers
    fired…"), in its paragraph, or anywhere before when there is no publication date; else publication."""
    own = [m.date for m in mentions if m.date.earliest is not None]
    if not own:
        carried = _date_in_force(doc, mentions[0]) if doc is not None else None
        return replace(carried) if carried is not None else replace(published)
    lo = max(d.earliest for d in own)
    hi = min(d.latest or d.earliest for d in own)
    if lo > hi:  # sources disagree: keep the first report's range
        return replace(own[0])
    base = own[0]
    return DateRange(lo, hi, _precision(lo, hi, base.time_precision), base.expression, base.start, base.end)


def _date_in_force(doc, m: Mention) -> Optional[DateRange]:
    """The last resolved point date told before the mention, in its paragraph, else earlier in
    the article: a wire story dates its lead ("arrested dozens on Wednesday") and tells the rest
    of that day in later, undated paragraphs ("41 people had been arrested"), published the next day."""
    reports = doc.notes.get("report_dates", ()) if hasattr(doc, "notes") else ()
    before = [d for d in doc.dates if d.start is not None and d.start < m.trigger.start
              and d.earliest is not None and (d.latest - d.earliest).days <= 31 and d.start not in reports]
    for d in reversed(before):
        if not _dates_a_saying(doc, d):
            return d
    return None


def _dates_a_saying(doc, d: DateRange) -> bool:
    """"Odinga said in a statement on Tuesday that…": the date of a saying or of a document
    (its head a saying verb or a report noun, within its clause) dates no happening after it."""
    if not hasattr(doc, "doc"):
        return False
    span = doc.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    words = _saying_words(doc.lang)
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in words:
            return True
        if tok.pos_ in ("VERB", "AUX"):  # the clause's head: nothing above it governs the date
            return False
    return False


@lru_cache(maxsize=None)
def _saying_words(lang: str) -> frozenset:
    from dateline.analyse.attribution import report_nouns, saying_verbs
    return saying_verbs(lang) | report_nouns(lang)


def _precision(lo, hi, given: Optional[int]) -> int:
    width = (hi - lo).days
    natural = TIME_PRECISION_DAY if width == 0 else TIME_PRECISION_WEEK if width <= 7 else TIME_PRECISION_MONTH
    return max(natural, given or 0) if given else natural


def reconcile_toll(ev: Event, mentions: list[Mention]) -> None:
    """UCDP-style low/best/high across sources; best is ACLED's most conservative figure."""
    for field, attr in (("fatalities", "fatalities"), ("injured", "injured")):
        counts: list[Count] = [getattr(m.toll, attr) for m in mentions if getattr(m.toll, attr) is not None]
        known = [c for c in counts if c.best is not None]
        if not known:
            continue
        best = min(c.best for c in known)
        low = min(c.low if c.low is not None else c.best for c in known)
        highs = [c.high if c.high is not None else c.best for c in known]
        setattr(ev, field, best)
        setattr(ev, f"{field}_low", low)
        setattr(ev, f"{field}_high", max(highs) if highs else None)


def choose_modality(mentions: list[Mention]) -> str:
    mods = [m.modality for m in mentions]
    if "asserted" in mods:
        return "asserted"
    return Counter(mods).most_common(1)[0][0]


# --- sources, claims, contradictions ------------------------------------------------------------

def _claim_source(m: Mention) -> tuple[str, Optional[str]]:
    named = [s for s in m.attribution if s.kind not in ("anonymous", "article outlet")]
    anon = [s for s in m.attribution if s.kind == "anonymous"]
    via = anon[0].text if anon else (named[1].name if len(named) > 1 else None)
    if named:
        return named[0].name, via
    outlet = [s for s in m.attribution if s.kind == "article outlet"]
    return (outlet[0].name if outlet else "article"), via


def _leading_number(s: Optional[str]) -> Optional[int]:
    m = re.match(r"\s*(\d+)", s or "")
    return int(m.group(1)) if m else None


def claims_of(mentions: list[Mention], doc) -> tuple[list[Claim], list[Contradiction], dict[str, str]]:
    claims: dict[str, Claim] = {}
    for m in mentions:
        src, via = _claim_source(m)
        c = claims.setdefault(src, Claim(source=src, via=via))
        c.via = c.via or via
        says = c.says
        if m.munitions and "munitions" not in says:
            says["munitions"] = m.munitions
        for field in ("fatalities", "injured"):
            cnt = getattr(m.toll, field)
            if cnt is not None and field not in says:
                says[field] = cnt.best if cnt.best is not None else "unknown"
        if m.actor1 and "actor1" not in says:
            says["actor1"] = m.actor1.name
        if m.place and "place" not in says:
            says["place"] = m.place.place.name if m.place.place else m.place.text
        c.evidence.extend(m.evidence)
    contradictions, agreement = [], {}
    # Places differ mostly in granularity (a town vs its river), so they are claims, not contradictions.
    for field in ("munitions", "fatalities", "injured", "actor1"):
        values = {s: c.says[field] for s, c in claims.items() if field in c.says and c.says[field] != "unknown"}
        if not values:
            continue
        if len(values) == 1:
            agreement[field] = "single"
            continue
        comparable = {s: (_leading_number(v) if field == "munitions" else v) for s, v in values.items()}
        comparable = {s: v for s, v in comparable.items() if v is not None}
        if len(set(map(str, comparable.values()))) > 1:
            agreement[field] = "contradict"
            contradictions.append(Contradiction(field=field, values=values))
        else:
            agreement[field] = "agree"
    return list(claims.values()), contradictions, agreement


def _claim_of(ev: Event, chain: list) -> Claim:
    """The event's claim by the first named source of a sentence's chain (created when new)."""
    named = [s for s in chain if s.kind not in ("anonymous", "article outlet")]
    source = named[0].name if named else "article"
    claim = next((c for c in ev.claims if c.source == source), None)
    if claim is None:
        claim = Claim(source=source)
        ev.claims.append(claim)
    return claim


def claim_perpetrator(ev: Event, actor: ActorRef, chain: list) -> None:
    """A source names the perpetrator: actor1 when the event had none named; always that source's claim."""
    claim = _claim_of(ev, chain)
    name = actor.name or actor.text
    if ev.actor1 is None or ev.actor1.lower().startswith("unidentified"):
        ev.actor1 = name
    claim.says.setdefault("actor1", name)
    claim.evidence.append(Span(actor.start, actor.end, actor.text, "actor1"))
    if claim.source not in ev.sources and claim.source != "article":
        ev.sources.append(claim.source)


def add_toll(ev: Event, toll: Toll, chain: list, doc) -> None:
    """Fold a toll told apart from the event into it: ACLED-conservative best, UCDP low/high."""
    claim = _claim_of(ev, chain)
    for field in ("fatalities", "injured"):
        c = getattr(toll, field)
        if c is None or c.best is None:
            continue
        cur = getattr(ev, field)
        low, high = (c.low if c.low is not None else c.best), (c.high if c.high is not None else c.best)
        if cur is None:
            setattr(ev, field, c.best)
            setattr(ev, f"{field}_low", low)
            setattr(ev, f"{field}_high", high)
        else:
            setattr(ev, field, min(cur, c.best))
            setattr(ev, f"{field}_low", min(getattr(ev, f"{field}_low") or cur, low))
            setattr(ev, f"{field}_high", max(getattr(ev, f"{field}_high") or cur, high))
        claim.says.setdefault(field, c.best)
        if c.start is not None:
            claim.evidence.append(Span(c.start, c.end, doc.text[c.start:c.end], field))
        ev.evidence.append((doc.article.id, Span(c.start, c.end, doc.text[c.start:c.end], field)))
