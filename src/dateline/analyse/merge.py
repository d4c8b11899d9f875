"""Within one article: mentions of the same happening become one Event.

The seed's first event is told three times, by three sources, in three
paragraphs ("plusieurs roquettes…", "3 roquettes…", "dix explosions…"), and
referred back to twice ("L'attaque a causé…", "cette attaque intervient…").
A mention joins an earlier event when nothing separates them (no other actor
in the same role, no distant place, no other date, no "une autre base", no
"après l'attaque") and something ties them (same sub-type, or a blast of
unknown kind next to a remote-violence event). References back ("cette
attaque") join the most salient event told so far; they add a source only
when they add a fact.

Per-event fields are then reconciled from the mentions: type, actors, place,
date (with event-to-event anchors such as "au lendemain d'une attaque"), toll
low/best/high, weapons, sources, each source's claims and where they differ.
"""
from __future__ import annotations

import hashlib
from typing import Optional

from dateline.analyse import event_fields
from dateline.analyse.actors import is_generic
from dateline.analyse.attribution import named_sources, report_nouns
from dateline.pipeline import ArticleDoc
from dateline.records import NON_EVENT_MODALITIES, DateRange, Event, Mention, Span

MAX_LINK_KM = 40.0
MAX_EVENT_DAYS = 62
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def merge_mentions(doc: ArticleDoc) -> list[Event]:
    pairs = doc.notes.get("pairs", [])
    _locate_and_date(doc, pairs)
    anchors = _anchors(doc, pairs)
    clusters: list[list[Mention]] = []
    refs: dict[int, list[Mention]] = {}  # cluster index → content-free references back
    for m, cand, _ in pairs:
        if m.modality in NON_EVENT_MODALITIES or _background(m):
            continue
        _protesters_first(m, doc)
        if m.anaphoric or cand.refers_if_told:
            k = _antecedent(clusters, m)
            if k is not None:
                (clusters[k] if _adds_fact(m) else refs.setdefault(k, [])).append(m)
                continue
            if m.anaphoric and not _adds_fact(m):
                continue  # "the protests" with none told before opens a report: it is one
        k = _joinable(clusters, m, cand, doc)
        if k is None:
            clusters.append([m])
        else:
            clusters[k].append(m)
    _met_after(doc, clusters)
    events = [_build_event(doc, c) for c in clusters]
    _apply_anchors(events, clusters, refs, anchors)
    _apply_accusations(doc, clusters, events)
    _apply_outcomes(doc, clusters, events)
    return events


def _apply_outcomes(doc: ArticleDoc, clusters: list[list[Mention]], events: list[Event]) -> None:
    """'… attacked the convoy with mines. Five soldiers died.': a toll told in a sentence of its own
    belongs to the event told just before it in the same paragraph."""
    from dateline.analyse.event_fields import add_toll
    from dateline.analyse.tolls import parse_toll
    chains = doc.notes.get("chains") or []
    told = {m.sentence.start for c in clusters for m in c}
    for n, sent in enumerate(doc.doc.sents):
        if sent.start_char in told:
            continue
        k = _told_before(clusters, sent.start_char, since=doc.paragraphs.start_of_span(sent.start_char, sent.end_char))
        if k is None:
            continue
        toll = parse_toll(doc.nlp_text[sent.start_char:sent.end_char], doc.lang, offset=sent.start_char)
        known = [c for c in (toll.fatalities, toll.injured) if c is not None and c.best is not None]
        if not known:
            continue
        add_toll(events[k], toll, chains[n] if n < len(chains) else [], doc)


def _apply_accusations(doc: ArticleDoc, clusters: list[list[Mention]], events: list[Event]) -> None:
    """'Cet organe … a accusé des « milices pro Iran »', 'The PDF later claimed responsibility': a
    source (or the group itself) naming the perpetrator of the event just told. The one named
    becomes actor1 when the event had none, as that source's claim."""
    from dateline import langdata
    from dateline.analyse.event_fields import claim_perpetrator
    cues = langdata.load("cues", doc.lang)
    verbs = {v.lower() for v in cues.get("accusation_verbs", []) + cues.get("responsibility_verbs", [])}
    chains = doc.notes.get("chains") or []
    told = {m.sentence.start for c in clusters for m in c if not m.anaphoric}
    for n, sent in enumerate(doc.doc.sents):
        if sent.start_char in told or not any(t.lemma_.lower() in verbs for t in sent):
            continue
        accused = [h.ref for h in doc.notes.get("actor_hits", [])
                   if sent.start_char <= h.ref.start < sent.end_char and h.actor is not None]
        k = _told_before(clusters, sent.start_char)
        if not accused or k is None:
            continue
        claim_perpetrator(events[k], accused[0], chains[n] if n < len(chains) else [])


def _told_before(clusters: list[list[Mention]], start: int, since: int = 0) -> Optional[int]:
    """The cluster told last in the sentences before character `start` (from `since` on: the
    paragraph, when the link must stay inside it), or None: 'the event just told'."""
    best, best_at = None, -1
    for k, c in enumerate(clusters):
        at = max((m.sentence.start for m in c if since <= m.sentence.start and m.sentence.end <= start), default=-1)
        if at > best_at:
            best, best_at = k, at
    return best


# --- per-mention place and date ---------------------------------------------------------------

def _locate_and_date(doc: ArticleDoc, pairs) -> None:
    from dateline.geo import event_place
    from dateline.geo.event_place import can_be_event_place
    # Places in a source's description ("organisme basé à Londres") say where the source sits.
    described = _source_descriptions(doc)
    for m, cand, _ in pairs:
        in_sent = [p for p in doc.places if m.sentence.start <= p.start < m.sentence.end
                   and not any(a <= p.start < b for a, b in described) and can_be_event_place(doc.text, p)]
        m.place = event_place(in_sent, doc.text, m.trigger, m.sentence) if in_sent else None
        told = [d for d in doc.dates if d.start is not None and m.sentence.start <= d.start < m.sentence.end
                and d.earliest is not None]
        reports = [d for d in told if _dates_a_report(doc, d, m.trigger)]
        # The narrative's date in force (event_fields.choose_date) must not fall back on them either.
        doc.notes.setdefault("report_dates", set()).update(d.start for d in reports)
        dates = [d for d in told if d not in reports and not _is_anchor(d, doc.lang)
                 and not (_is_long(d) and not _same_clause(doc, d, m.trigger))]
        if dates:
            # A duration ("depuis 2011", "since the start of the year") frames a background,
            # it does not date this event: prefer a point expression, then the closest one.
            m.date = min(dates, key=lambda d: (_is_duration(d), abs(d.start - m.trigger.start)))


def _is_long(d: DateRange) -> bool:
    return bool(d.earliest and d.latest and (d.latest - d.earliest).days > MAX_EVENT_DAYS)


def _same_clause(doc: ArticleDoc, d: DateRange, trigger) -> bool:
    """Is the date told in the trigger's own clause? A span of years in another clause dates another
    happening ("…, the largest toll since it intervened in 2016"; "…reopened for the first time since
    2012"): it neither dates nor backgrounds this event."""
    roots = _roots(doc, d, trigger)
    return roots is None or _clause_head(roots[0]) == _clause_head(roots[1])


def _roots(doc: ArticleDoc, d: DateRange, trigger):
    """The syntactic roots of a date expression and of a trigger (None when either has no span)."""
    date_span = doc.doc.char_span(d.start, d.end, alignment_mode="expand")
    trig_span = doc.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return (date_span.root, trig_span.root) if date_span and trig_span else None


def _dates_a_report(doc: ArticleDoc, d: DateRange, trigger) -> bool:
    """"Dans un communiqué diffusé mercredi, l'état-major a fait état de 30 terroristes neutralisés",
    "in a statement on Wednesday": the date is when a document came out, not when the event happened."""
    nouns = report_nouns(doc.lang)
    roots = _roots(doc, d, trigger) if nouns else None
    if roots is None or roots[0].i == roots[1].i:
        return False
    tok, trig = roots
    stop = _clause_head(trig)
    for _ in range(3):
        if tok.head.i == tok.i or tok.head.i == stop or tok.head.i == trig.i:
            return False
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            return True
    return False


def _clause_head(tok):
    """The verb heading the clause a word sits in (the root when none)."""
    while tok.pos_ != "VERB" and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _source_descriptions(doc: ArticleDoc) -> list[tuple[int, int]]:
    """Character ranges describing a source ("L'OSDH, organisme basé à Londres, a rendu compte…"):
    their places say where the source sits, not where the event happened."""
    out = []
    for s in doc.sources:
        after = doc.text[s.end:s.end + 120]
        if after.startswith(","):
            close = after.find(",", 1)
            if close > 0:
                out.append((s.end, s.end + close))
    return out


def _is_duration(d: DateRange) -> bool:
    expr = (d.expression or "").lower()
    return expr.startswith(("depuis", "since", "over the past", "au cours des", "for the past"))


def _is_anchor(d: DateRange, lang: str) -> bool:
    from dateline.analyse.dates import is_anchor_expression
    return is_anchor_expression(d.expression or "", lang) is not None


def _anchors(doc: ArticleDoc, pairs) -> list[tuple[Mention, Mention, int]]:
    """(anchored mention X, anchor mention A, offset): 'A … au lendemain d'une attaque X' → X = A − offset days."""
    from dateline.analyse.dates import is_anchor_expression
    out = []
    for d in doc.dates:
        off = is_anchor_expression(d.expression or "", doc.lang) if d.start is not None else None
        if off is None:
            continue
        same = [m for m, _, _ in pairs if m.sentence.start <= d.start < m.sentence.end]
        after = [m for m in same if m.trigger.start >= d.end]
        before = [m for m in same if m.trigger.end <= d.start]
        if after and before:
            out.append((after[0], before[-1], off))
    return out


def _apply_anchors(events, clusters, refs, anchors) -> None:
    where = {}
    for k, c in enumerate(clusters):
        for m in c + refs.get(k, []):
            where[id(m)] = k
    for x, a, off in anchors:
        kx, ka = where.get(id(x)), where.get(id(a))
        if kx is None or ka is None or kx == ka:
            continue
        src = events[ka].date
        if src.earliest is None:
            continue
        from dateline.analyse.dates import shift_range
        moved = shift_range(src, -off)
        moved.expression = f"{off:+d} day(s) from event {events[ka].event_id}"
        events[kx].date = moved


# --- clustering ---------------------------------------------------------------------------------

def _background(m: Mention) -> bool:
    """'Israël a mené des centaines de frappes depuis 2011', 'thousands killed since 2014': a tally
    over months or years is background, not an event (ACLED dates events to a month at worst)."""
    return bool(m.date.expression and _is_long(m.date))


def _adds_fact(m: Mention) -> bool:
    f, i = m.toll.fatalities, m.toll.injured
    return bool((f and (f.best is not None or f.expression)) or (i and i.best is not None) or m.actor1)


def _antecedent(clusters: list[list[Mention]], m: Mention) -> Optional[int]:
    best, key = None, None
    for k, c in enumerate(clusters):
        if not _family_ok(c[0], m):
            continue
        score = (len(c), k)  # the most-told event, then the latest
        if key is None or score > key:
            best, key = k, score
    return best


def _family_ok(a: Mention, b: Mention) -> bool:
    return a.event_type == b.event_type or {a.event_type, b.event_type} <= VIOLENT_TYPES


def _joinable(clusters, m: Mention, cand, doc: ArticleDoc) -> Optional[int]:
    if cand.distinct or _after_sequence_marker(doc, m):
        return None
    outcome_only = cand.kinds <= {"outcome"}  # "Three soldiers were killed.": the toll of what was just told
    # "Les missiles ont touché des entrepôts": the weapons of the strike just told, not a new one.
    weapon_only = cand.kinds <= {"weapon", "outcome"} and m.actor1 is None
    for k in range(len(clusters) - 1, -1, -1):
        c = clusters[k]
        if _conflicts(c, m):
            continue
        if any(x.sub_event_type == m.sub_event_type for x in c) or _unspecified_blast(m, c) \
                or (_protest(m) and all(_protest(x) for x in c) and k == len(clusters) - 1
                    and doc.paragraphs.continues(_bounds(c[-1].sentence), _bounds(m.sentence))) \
                or (outcome_only and m.place is None and k == len(clusters) - 1) \
                or (weapon_only and k == len(clusters) - 1 and any(x.event_type == m.event_type for x in c)):
            return k
    return None


def _met_after(doc: ArticleDoc, clusters: list[list[Mention]], reach: int = 2) -> None:
    """"15 people demonstrated… Police intervened.": a protest told peaceful and met in the next
    sentences of its paragraph, which tell nothing else, escalates as if told in one sentence."""
    from dateline.analyse.typing_rules import escalate_protest, type_of_subtype
    told = {m.sentence.start for c in clusters for m in c}
    sents = list(doc.doc.sents)
    for c in clusters:
        if not all(m.sub_event_type == "Peaceful protest" for m in c):
            continue
        last = max(m.sentence.end for m in c)
        prev = (max(m.sentence.start for m in c), last)
        for s in [s for s in sents if s.start_char >= last][:reach]:
            if s.start_char in told or not doc.paragraphs.continues(prev, (s.start_char, s.end_char)):
                break
            sub = escalate_protest("Peaceful protest", s, []) if _force_acts(doc, s) else "Peaceful protest"
            if sub != "Peaceful protest":
                for m in c:
                    m.event_type, m.sub_event_type = type_of_subtype()[sub], sub
                _protesters_first(c[0], doc, within=(s.start_char, s.end_char))
                break
            prev = (s.start_char, s.end_char)


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _force_acts(doc: ArticleDoc, sent) -> bool:
    """The sentence's subject is a state force ("Police intervened", "Police were deployed to
    disperse them"), not the crowd ("The crowd dispersed after the army assured them…")."""
    from dateline.analyse.lexicon import actors_by_id
    by_id = actors_by_id()
    subjects = {t.i for t in sent.root.children if t.dep_.startswith("nsubj")}
    return any(h.head is not None and h.head.i in subjects and h.ref.actor_id in by_id
               and by_id[h.ref.actor_id].kind == "state forces" for h in doc.notes.get("actor_hits", []))


def _protest(m: Mention) -> bool:
    """"Students staged a protest… Police detained 16 protesters": the protest just told, met."""
    return m.sub_event_type in event_fields.PROTEST_SCALE


def _unspecified_blast(m: Mention, cluster: list[Mention]) -> bool:
    """Blasts with no device and no author ("three explosions, one after another", typed a planted
    device or, heard from afar, shelling) are the explosions of the strike just told."""
    from dateline.analyse.typing_rules import rules
    blast = rules()["families"]["explosion"]
    return (m.sub_event_type in (blast["default"], blast.get("heard")) and not m.weapons and m.actor1 is None
            and any(x.event_type == "Explosions/Remote violence" for x in cluster))


def _after_sequence_marker(doc: ArticleDoc, m: Mention) -> bool:
    from dateline import langdata
    markers = langdata.load("cues", doc.lang).get("sequence_markers", [])
    before = doc.nlp_text[m.sentence.start:m.trigger.start].lower()
    return any(before.startswith(mk) or f" {mk} " in before for mk in markers)


def _conflicts(cluster: list[Mention], m: Mention) -> bool:
    # A mention dated on its own ("dans la soirée de mardi, 4 drones…") is a new telling
    # unless the event it would join was dated too (and compatibly, checked below).
    if m.date.expression and not any(x.date.expression for x in cluster):
        return True
    for x in cluster:
        if not _family_ok(x, m):
            return True
        if _actor_clash(x, m):
            return True
        if x.place and m.place and x.place.place and m.place.place:
            if event_fields.distance_km(x.place.place, m.place.place) > MAX_LINK_KM:
                return True
        if x.date.expression and m.date.expression and not x.date.overlaps(m.date):
            return True
        if x.date.expression and m.date.expression and x.date.expression != m.date.expression \
                and m.place and x.place and m.place.text != x.place.text:
            return True
    return False


def _vague(actor_id: str) -> bool:
    """Generic actors ("5 soldats" → military (generic), unknown gunmen, "protesters") agree with any
    named one ("students staged a protest… police detained 16 protesters")."""
    return is_generic(actor_id) or actor_id in ("protesters", "rioters")


def _actor_clash(x: Mention, m: Mention) -> bool:
    def aid(r):
        return r.actor_id if r else None
    if aid(m.actor1) and aid(m.actor1) == aid(x.actor2) and aid(m.actor1) != aid(x.actor1):
        return True
    if aid(m.actor2) and aid(m.actor2) == aid(x.actor1) and aid(m.actor2) != aid(x.actor2):
        return True
    for r in ("actor1", "actor2"):
        a, b = aid(getattr(x, r)), aid(getattr(m, r))
        if a and b and a != b and not _vague(a) and not _vague(b):
            return True
    return False


# --- building the event -------------------------------------------------------------------------

INTERVENED = ("Protest with intervention", "Excessive force against protesters", "Violent demonstration", "Mob violence")


def _protesters_first(m: Mention, doc: ArticleDoc, within: Optional[tuple[int, int]] = None) -> None:
    """A protest is coded with the protesters as actor1 and the force that met them as actor2
    (ACLED), whoever the sentence's subject is ("police fired tear gas at protesters"); `within`:
    where the force is named when not in the mention's sentence."""
    if m.event_type not in ("Protests", "Riots"):
        return
    from dateline.analyse.lexicon import actors_by_id
    by_id = actors_by_id()

    def kind(ref) -> str:
        actor = by_id.get(ref.actor_id) if ref is not None and ref.actor_id else None
        return actor.kind if actor else ""
    if kind(m.actor1) == "state forces" and kind(m.actor2) != "state forces":
        crowd = m.actor2 if kind(m.actor2) in ("protesters", "rioters") else None
        m.actor1, m.actor2 = crowd, m.actor1
    elif m.actor2 is None and m.sub_event_type in INTERVENED:
        # The force that intervened, wherever the sentence names it.
        a, b = within or (m.sentence.start, m.sentence.end)
        m.actor2 = next((h.ref for h in doc.notes.get("actor_hits", [])
                         if a <= h.ref.start < b and kind(h.ref) == "state forces"), None)


def _build_event(doc: ArticleDoc, mentions: list[Mention]) -> Event:
    etype, sub = event_fields.choose_type(mentions)
    # The weapon named anywhere in the telling decides over a generic outcome told beside it
    # ("… attacked the convoy with mines. Five soldiers were killed.").
    from dateline.analyse.typing_rules import party_mob, type_of_subtype, weapon_precedence
    weapons = sorted({w for m in mentions for w in m.weapons})
    sub = weapon_precedence(sub, weapons, " ".join(m.sentence.text for m in mentions))
    etype = type_of_subtype().get(sub, etype)
    first = mentions[0]
    key = f"{doc.article.content_hash}:{first.trigger.start}:{sub}"
    ev = Event(
        event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
        event_type=etype, sub_event_type=sub, mentions=list(mentions), article_ids=[doc.article.id],
    )
    ev.actor1, ev.actor2 = event_fields.choose_actors(mentions, etype, doc)
    ev.sub_event_type = party_mob(sub, ev.actor1, ev.actor2, weapons)
    ev.event_type = type_of_subtype().get(ev.sub_event_type, etype)
    ev.place = event_fields.choose_place(mentions, doc)
    ev.date = event_fields.choose_date(mentions, doc.published_range, doc)
    ev.actor1, ev.actor2 = (event_fields.as_of(a, ev.date) for a in (ev.actor1, ev.actor2))
    event_fields.reconcile_toll(ev, mentions)
    ev.weapons = weapons
    ev.modality = event_fields.choose_modality(mentions)
    ev.sources = _dedupe(s for m in mentions for s in named_sources(m.attribution))
    ev.claims, ev.contradictions, ev.agreement = event_fields.claims_of(mentions, doc)
    ev.evidence = [(doc.article.id, s) for m in mentions for s in m.evidence]
    ev.confidence = max(m.confidence for m in mentions)
    return ev


def _dedupe(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out

