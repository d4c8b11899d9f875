"""Event mentions: trigger words grouped by syntax into one candidate per happening.

In "l'artillerie et les drones américains ont pilonné les terres", three
triggers (artillerie, drones, pilonner) tell one event: triggers linked by a
dependency arc (or a conjunction) form one group. Each group becomes a
`Candidate` carrying its evidence span (the clause or noun phrase that tells
it) and flags the later stages need: does it refer back to an event already
told ("cette attaque"), is it a generic plural ("les raids se succèdent"), is
it marked as a different event ("une autre base").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline import langdata
from dateline.analyse.triggers import TriggerHit, trigger_lexicon

KIND_RANK = {"event": 0, "weapon": 1, "outcome": 2, "strategic": 3}
# Dependencies that open a new clause: evidence stops there.
CLAUSE_DEPS = {"advcl", "ccomp", "parataxis", "csubj", "xcomp", "conj", "acl:relcl", "relcl", "dep"}
MAX_EVIDENCE_CHARS = 320


@dataclass
class Candidate:
    hits: list[TriggerHit]
    sent: SpacySpan
    start: int                      # evidence span, character offsets
    end: int
    anaphoric: bool = False
    refers_if_told: bool = False    # "the protests were called by…": the protest told, if one was
    generic: bool = False
    descriptive: bool = False       # a class or a habit ("one of the largest kidnappings", "gangs who raid"): never an event
    distinct: bool = False
    pronoun: bool = False
    types: dict[str, float] = field(default_factory=dict)

    @property
    def main(self) -> TriggerHit:
        return min(self.hits, key=lambda h: (KIND_RANK.get(h.entry.kind, 9), -h.entry.strength))

    @property
    def tokens(self) -> list[Token]:
        return [t for h in self.hits for t in h.tokens]

    @property
    def strength(self) -> float:
        """Noisy-or of the hits: several weak words together ("perpétrées … drones") say more than one."""
        miss = 1.0
        for h in self.hits:
            miss *= 1.0 - h.entry.strength
        return round(1.0 - miss, 3)

    @property
    def kinds(self) -> set[str]:
        return {h.entry.kind for h in self.hits}


@lru_cache(maxsize=None)
def _cues(lang: str) -> dict:
    c = langdata.load("cues", lang)
    return {
        "anaphoric_det": {w.lower() for w in c.get("anaphoric_determiners", [])},
        "anaphoric_nouns": {w.lower() for w in c.get("anaphoric_nouns", [])},
        "anaphoric_if_told": {w.lower() for w in c.get("anaphoric_if_told", [])},
        "pronouns": {w.lower() for w in c.get("event_pronouns", [])},
        "distinct": {w.lower() for w in c.get("distinct_markers", [])},
        "habitual": {w.lower() for w in c.get("habitual_markers", [])},
        "sequence": [tuple(w.lower().split()) for w in c.get("sequence_markers", [])],
    }


def find_candidates(sent: SpacySpan, lang: str) -> list[Candidate]:
    """Trigger groups of one sentence, as mention candidates."""
    # An event noun that refers back after a sequence marker ("deployed to the area after the
    # attack", « après l'attaque, l'artillerie a pilonné… ») names a happening told elsewhere and
    # tells nothing of it here: it is no trigger, and it must not pull this clause into that event.
    cues = _cues(lang)
    hits = [h for h in trigger_lexicon(lang).find(sent) if not _names_earlier_event(h.head, cues)]
    participants = _participants(hits)
    hits = [h for n, h in enumerate(hits) if n not in participants]
    if not hits:
        return []
    groups = _group_hits(hits)
    out = []
    for group in groups:
        start, end = evidence_extent(group, sent)
        cand = Candidate(hits=group, sent=sent, start=start, end=end)
        for h in group:
            for t, w in h.entry.types.items():
                cand.types[t] = cand.types.get(t, 0.0) + w
        _flag_reference(cand, lang)
        out.append(cand)
    return out


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _group_hits(hits: list[TriggerHit]) -> list[list[TriggerHit]]:
    """Hits linked by a dependency arc, a conjunction, or one intermediate noun form one group."""
    uf = _UnionFind(len(hits))
    token_owner = {t.i: n for n, h in enumerate(hits) for t in h.tokens}
    for n, h in enumerate(hits):
        head = h.head
        for hop, anc in enumerate(_ancestors(head, 2)):
            m = token_owner.get(anc.i)
            if m is not None and m != n:
                if hop == 0 or anc.pos_ in ("VERB", "NOUN") and head.dep_ not in CLAUSE_DEPS:
                    uf.union(n, m)
                break
            if anc.dep_ in CLAUSE_DEPS or anc.pos_ in ("VERB", "AUX"):
                break
    _attach_loose(hits, uf)
    groups: dict[int, list[TriggerHit]] = {}
    for n, h in enumerate(hits):
        groups.setdefault(uf.find(n), []).append(h)
    return sorted(groups.values(), key=lambda g: g[0].i)


def _names_earlier_event(head: Token, cues: dict) -> bool:
    """"after the attack", « à la suite de cette attaque »: a referring event noun (cues
    `anaphoric_nouns` with an `anaphoric_determiners` word) after a `sequence_markers` phrase,
    with only determiners, adjectives or numbers between, and nothing more said of it. "After the
    worst fighting in decades" is not one: the fighting is told there, not referred to."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in cues["anaphoric_nouns"] or not any(
            c.dep_ == "det" and c.lower_ in cues["anaphoric_det"] for c in head.children):
        return False
    if any(c.dep_ not in ("det", "amod", "case", "fixed", "punct") for c in head.children):
        return False  # « après l'attaque qui a visé la base de Boulkessi »: told here, with its target
    markers = cues["sequence"]
    doc, i = head.doc, head.i - 1
    while i >= head.sent.start and doc[i].pos_ in ("DET", "ADJ", "NUM"):
        i -= 1
    words = [t.lower_ for t in doc[max(head.sent.start, i - 3):i + 1]]
    return any(tuple(words[-len(mk):]) == mk for mk in markers if mk)


def _participants(hits: list[TriggerHit]) -> set[int]:
    """Strategic words that are the subject or object of the verb an event hangs on: "an army
    patrol came under attack", « une patrouille est tombée dans une embuscade », "reinforcements
    were hit by a roadside bomb" tell an attack on the patrol, not a patrol and an attack. The
    patrol is who was hit; as a trigger it would also make the army the attacker."""
    events = {h.head.i for h in hits if h.entry.kind == "event"}
    out = set()
    for n, h in enumerate(hits):
        head = h.head
        if h.entry.kind != "strategic" or head.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj"):
            continue
        verb = head.head
        # the verb is the event ("ambushed an army patrol"), or the event hangs on the verb the
        # patrol is the subject of ("came under attack"); not "agreed a ceasefire after fighting"
        near = [c for c in verb.children if c.i != head.i] if head.dep_.startswith("nsubj") else []
        if any(t.i in events for t in [verb, *near, *(g for c in near for g in c.children)]):
            out.add(n)
    return out


def _attach_loose(hits: list[TriggerHit], uf: _UnionFind) -> None:
    """Groups of only weapons or outcomes that the parse left apart join the nearest event word.

    Parsers often misattach "… au moyen de drones piégés" or "une attaque revendiquée par
    Daech … avait coûté la vie à 5 soldats"; such a group joins an event word within 12
    tokens (15 for an outcome after its event) when no finite verb or stop lies between."""
    comps: dict[int, list[int]] = {}
    for n in range(len(hits)):
        comps.setdefault(uf.find(n), []).append(n)
    for members in comps.values():
        if any(hits[n].entry.kind == "event" for n in members):
            continue
        best = None
        for n in members:
            h = hits[n]
            for m, o in enumerate(hits):
                if m in members or o.entry.kind != "event":
                    continue
                outcome = h.entry.kind == "outcome"
                if outcome and o.i > h.i:
                    continue
                lo, hi = (o.j, h.i) if o.i < h.i else (h.j, o.i)
                between = h.tokens[0].doc[lo:hi]
                blocked = any(t.text in (";", ".", ":") or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
                              or (not outcome and t.pos_ == "VERB") for t in between)
                if hi - lo <= (15 if outcome else 12) and not blocked and (best is None or hi - lo < best[0]):
                    best = (hi - lo, n, m)
        if best is None and all(hits[n].entry.kind == "weapon" for n in members):
            best = _nearest_event(hits, members)
        if best is not None:
            uf.union(best[1], best[2])


def _nearest_event(hits: list[TriggerHit], members: list[int]):
    """A weapon named in a sentence that tells an event belongs to it ("une attaque … avortée
    après la détection de sites de lancement de roquettes"), whatever the distance."""
    events = [m for m, o in enumerate(hits) if m not in members and o.entry.kind == "event"]
    if not events:
        return None
    n = members[0]
    m = min(events, key=lambda k: abs(hits[k].i - hits[n].i))
    return (abs(hits[m].i - hits[n].i), n, m)


def _ancestors(tok: Token, limit: int):
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


def evidence_extent(group: list[TriggerHit], sent: SpacySpan) -> tuple[int, int]:
    """Character extent of the words that tell this event: the trigger's clause core or noun phrase."""
    toks: set[int] = set()
    for h in group:
        head = h.head
        if head.pos_ in ("VERB", "AUX"):
            toks.update(_clause_core(head))
        else:
            toks.update(t.i for t in _np_core(head))
            if head.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj") and head.head.pos_ == "VERB":
                verb = head.head
                toks.update(t.i for t in _np_core(verb, shallow=True))
                # "the Myanmar military fired heavy artillery": who fired belongs to the telling
                for subj in verb.children:
                    if subj.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and subj.i != head.i:
                        toks.update(t.i for t in subj.subtree)
    toks = {i for i in toks if sent.start <= i < sent.end}
    doc = sent.doc
    lo, hi = min(toks), max(toks)
    while lo < hi and (doc[lo].is_punct or doc[lo].pos_ in ("CCONJ", "SCONJ")) and doc[lo].text not in ("«", '"'):
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ("»", '"', ")"):
        hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if end - start > MAX_EVIDENCE_CHARS:
        mid = group[0].tokens[0]
        start = max(start, mid.idx - MAX_EVIDENCE_CHARS // 3)
        end = min(end, start + MAX_EVIDENCE_CHARS)
    return start, end


def _clause_core(verb: Token) -> list[int]:
    out = [verb.i]
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "punct" or child.dep_ == "mark":
            continue
        out.extend(t.i for t in child.subtree)
    return out


def _np_core(noun: Token, shallow: bool = False) -> list[Token]:
    if shallow:
        return [noun] + [c for c in noun.children if c.dep_ in ("aux", "aux:pass", "auxpass", "aux:tense")]
    return list(noun.subtree)


def _flag_reference(cand: Candidate, lang: str) -> None:
    """Anaphoric ('cette attaque'), generic ('les raids se succèdent'), distinct ('une autre base')."""
    cues = _cues(lang)
    main = cand.main.head
    dets = [c for c in main.children if c.dep_ in ("det", "det:poss", "nummod", "amod", "predet")]
    det_words = {d.lower_ for d in dets}
    has_number = any(d.dep_ == "nummod" or d.like_num for d in main.children)
    cand.distinct = any(w in cues["distinct"] for w in det_words) or any(
        c.lower_ in cues["distinct"] for t in cand.tokens for c in t.subtree if c.i < t.i + 6 and c.i > t.i
        and c.dep_ in ("amod", "det"))
    cand.pronoun = any(c.lower_ in cues["pronouns"] for t in cand.tokens for c in t.children if c.dep_.startswith("nsubj")) \
        or (main.head.lower_ in cues["pronouns"])
    is_event_noun = main.pos_ == "NOUN" and main.lemma_.lower() in cues["anaphoric_nouns"]
    only_nouns = all(h.head.pos_ == "NOUN" for h in cand.hits)
    refers = only_nouns and not has_number and det_words & cues["anaphoric_det"] and not cand.distinct
    if is_event_noun and refers:
        cand.anaphoric = True
    elif refers and main.pos_ == "NOUN" and main.lemma_.lower() in cues["anaphoric_if_told"]:
        cand.refers_if_told = True
    plural = "Plur" in main.morph.get("Number") or main.tag_ in ("NNS", "NNPS")
    definite = bool(det_words & {"les", "the", "des", "ces", "these"}) or not dets
    if main.pos_ == "NOUN" and plural and definite and not has_number and only_nouns:
        cand.generic = not _told_as_happened(main, cues["habitual"])
        cand.descriptive = _comparison_class(main)
    if main.pos_ in ("VERB", "NOUN") and _describes_a_habit(main):
        cand.descriptive = True
    if main.pos_ == "VERB" and any(c.dep_ == "advmod" and (c.lower_ in cues["habitual"] or c.lemma_.lower() in
                                                          cues["habitual"]) for c in main.children):
        cand.descriptive = True  # "Koupiansk est régulièrement pilonné", "militants often raid the area"


def _describes_a_habit(verb: Token) -> bool:
    """'the criminal gangs who raid villages and kidnap for ransom', 'des groupes qui enlèvent
    contre rançon': a simple present in a relative clause describes who someone is, not an event."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return (clause.pos_ == "VERB" and clause.dep_ in ("relcl", "acl:relcl") and "Pres" in clause.morph.get("Tense")
            and "Fin" in clause.morph.get("VerbForm")
            and not any(c.dep_.startswith("aux") for c in list(verb.children) + list(clause.children)))


def _comparison_class(noun: Token) -> bool:
    """'in one of the largest mass kidnappings in years', 'l'une des pires attaques': the plural
    is the class the event is compared with, not more events."""
    superlative = any(c.tag_ == "JJS" for c in noun.children)
    head = noun.head
    if head.lower_ in ("of", "des", "d'", "parmi", "among") or head.i == noun.i:
        head = head.head
    one_of = any(t.lower_ in ("one", "un", "une", "l'un", "l'une") for t in (head, noun.head)) and \
        any(c.lower_ in ("of", "des", "d'") for c in list(noun.children) + [noun.head])
    return superlative or one_of


def _told_as_happened(noun: Token, habitual: set[str]) -> bool:
    """Does the verb governing a bare plural tell a past happening ("protesters took to the streets",
    "explosives were discovered", "used gas in attacks")? Then the plural names participants of an
    event, not a habit. Present or imperfect verbs ("les raids se succèdent", "attacks are common",
    "les frappes se multipliaient") and habit adverbs ("often", "régulièrement") keep it generic."""
    verb = noun
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ != "VERB" or "Past" not in verb.morph.get("Tense"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "aux:tense", "auxpass")]
    finite = "Fin" in verb.morph.get("VerbForm") and not auxes
    # A participle tells a past only with a present or past auxiliary ("have killed", "ont tué", "were seized").
    perfect = bool(auxes) and all(set(a.morph.get("Tense")) & {"Pres", "Past"} for a in auxes)
    habit = any(c.lower_ in habitual or c.lemma_.lower() in habitual for c in verb.children)
    return (finite or perfect) and not habit
