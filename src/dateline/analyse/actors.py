"""Actors: who did it (actor1) and to whom (actor2), normalised through the actor dictionary.

Actor phrases are found with the alias matcher (data/actors.yaml, FR and EN
aliases); their role in one event comes from the dependency path between the
phrase and the event's trigger words:

- subject of an active trigger verb, agent of a passive one ("par Daech"),
  the owner of the weapon ("drones américains") → actor1;
- object, passive subject, or a target introduced by "contre / sur / against
  / on" ("contre un convoi de véhicules militaires syriens") → actor2.

When syntax says nothing, the order in the sentence decides (actor before the
trigger → actor1). Perpetrators left unknown become "Unidentified armed group".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from dateline import langdata
from dateline.analyse.lexicon import actor_matcher, actors_by_id
from dateline.records import Actor, ActorRef

SUBJ = {"nsubj", "csubj", "expl:subj"}
PASSIVE_SUBJ = {"nsubj:pass", "nsubjpass", "csubj:pass"}
OBJ = {"obj", "dobj", "iobj", "pobj", "obl:arg", "attr"}
AGENT = {"obl:agent", "agent"}
UNIDENTIFIED = "Unidentified armed group"
NEAR_CHARS = 80  # without a syntactic link, an actor this close to the trigger may still take a role


@dataclass
class ActorHit:
    ref: ActorRef
    actor: Optional[Actor]
    head: Optional[Token]


@lru_cache(maxsize=None)
def _markers(lang: str) -> tuple[frozenset, frozenset, tuple]:
    c = langdata.load("cues", lang)
    return (frozenset(w.lower() for w in c.get("target_markers", [])),
            frozenset(w.lower() for w in c.get("agent_markers", [])),
            tuple(w.lower() for w in c.get("unknown_perpetrator", [])))


def _blame_verbs(lang: str) -> frozenset:
    """Verbs that put an act on its author (cues.yaml `accusation_verbs`, shared with merge's accusations)."""
    return langdata.cue_words("accusation_verbs", lang)


@lru_cache(maxsize=None)
def _affiliation(lang: str) -> tuple[Optional[re.Pattern], Optional[re.Pattern]]:
    """(suffix, before) patterns of data/<lang>/cues.yaml `affiliation`."""
    a = langdata.load("cues", lang).get("affiliation") or {}

    def alt(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                        for w in sorted(words, key=len, reverse=True))
    suffix = re.compile(rf"(?:{alt(a['suffix'])})(?!\w)", re.I) if a.get("suffix") else None
    before = re.compile(rf"(?<!\w)(?:{alt(a['before'])})\s*(?:(?:the|l['’]|la|le|les)\s*)?$", re.I) \
        if a.get("before") else None
    return suffix, before


def is_affiliation(text: str, start: int, end: int, lang: str) -> bool:
    """'the al Qaeda-linked group al Shabaab', 'le GSIM, lié à Al-Qaïda': the name only says who
    another group is tied to."""
    suffix, before = _affiliation(lang)
    return bool((suffix and suffix.match(text, end)) or (before and before.search(text[max(0, start - 40):start])))


def find_actor_hits(text: str, doc: Doc, lang: str = "") -> list[ActorHit]:
    """Every actor phrase in the article that names an actor of what happens, with its syntactic head token."""
    by_id = actors_by_id()
    hits = []
    for m in actor_matcher().find_all(text):
        if lang and is_affiliation(text, m.start, m.end, lang):
            continue
        actor = by_id.get(m.entry_id)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        head = span.root if span is not None and len(span) else None
        ref = ActorRef(text=text[m.start:m.end], start=m.start, end=m.end,
                       actor_id=m.entry_id, name=actor.name if actor else m.entry_id)
        hits.append(ActorHit(ref, actor, head))
    return _named_fighters(hits, text)


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "flat:name"})


def is_generic(actor_id: str) -> bool:
    """An actor named by a common noun only ("gunmen" → unidentified, "5 soldats" → military (generic))."""
    return "unidentified" in actor_id or actor_id.endswith("generic")


def _generic(hit: ActorHit) -> bool:
    return is_generic(hit.ref.actor_id or "")


def _named_fighters(hits: list[ActorHit], text: str) -> list[ActorHit]:
    """"suspected Al-Shabaab gunmen", "presumed ISGS militants", "des combattants du M23": a
    generic noun of fighters that a named group modifies is that group's fighters, in the
    generic noun's place in the sentence (its role), not a second, unknown actor beside it."""
    by_head = {h.head.i: h for h in hits if h.head is not None and _generic(h)}
    out, absorbed = [], set()
    for h in hits:
        tok = h.head
        if tok is None or _generic(h) or tok.dep_ not in MODIFIER_DEPS and not (
                tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "de", "du", "des")):
            continue
        owner = tok.head if tok.dep_ in MODIFIER_DEPS else tok.head.head
        generic = by_head.get(owner.i)
        if generic is None or generic.head.i in absorbed:
            continue
        start, end = min(h.ref.start, generic.ref.start), max(h.ref.end, generic.ref.end)
        h.ref = replace(h.ref, text=text[start:end], start=start, end=end)
        h.head = generic.head
        absorbed.add(generic.head.i)
    for h in hits:
        if h.head is not None and h.head.i in absorbed and _generic(h):
            continue
        out.append(h)
    return out


def _path_to(tok: Token, targets: set[int], limit: int = 4) -> Optional[list[Token]]:
    """The chain tok → … → a target token (inclusive), climbing heads; None if not reached."""
    path = [tok]
    cur = tok
    for _ in range(limit):
        if cur.i in targets:
            return path
        if cur.head.i == cur.i or (len(path) > 1 and cur.pos_ in ("VERB", "AUX")
                                   and "Part" not in cur.morph.get("VerbForm")):
            return None  # another clause's verb stands between: not this event's participant
        cur = cur.head
        path.append(cur)
    return path if cur.i in targets else None


def role_of(hit: ActorHit, trigger_ids: set[int], lang: str) -> Optional[tuple[int, int]]:
    """(role, distance): role 1 (actor1) or 2 (actor2) of this actor for the event, by syntax."""
    if hit.head is None:
        return None
    if hit.head.i in trigger_ids:
        # The actor phrase contains the trigger: "drones américains" (the weapon's owner),
        # "manifestants" (protesters protest): the actor is the one acting.
        return 1, 0
    path = _path_to(hit.head, trigger_ids)
    if path is None:
        return (1, 4) if _blamed_for(hit.head, trigger_ids, lang) else None
    targets, agents, _ = _markers(lang)
    cases = {c.lower_ for t in path[:-1] for c in t.children if c.dep_ in ("case", "mark", "prep")}
    cases |= {t.lower_ for t in path[:-1] if t.dep_ == "prep"}
    blame = _blame_verbs(lang)
    if any(t.lemma_.lower() in blame for t in path[1:-1]) or (
            path[-1].dep_ in OBJ and path[-1].head.lemma_.lower() in blame):
        # "explosion blamed on Al Shabaab", "police blamed the attack on Boko Haram": its
        # author, whatever the preposition
        return 1, len(path)
    if cases & targets:
        return 2, len(path)
    last = path[-2] if len(path) >= 2 else path[0]
    trig = path[-1]
    dep = last.dep_
    if dep in AGENT or cases & agents and _is_passive(trig):
        return 1, len(path)
    if dep in PASSIVE_SUBJ:
        return (1 if trig.pos_ == "NOUN" else 2), len(path)
    if dep in SUBJ:
        return 1, len(path)
    if dep in OBJ:
        return 2, len(path)
    if dep in ("amod", "nmod", "nmod:poss", "compound", "poss", "flat", "appos"):
        # "drones américains", "US drones", "l'attaque de Daech": owner/author of the act
        return 1, len(path)
    return None


def _blamed_for(tok: Token, trigger_ids: set[int], lang: str, limit: int = 3) -> bool:
    """"The attack, which officials attributed to Boko Haram, …": the actor hangs on a blame verb
    in a clause about the trigger (its relative clause)."""
    for _ in range(limit):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _blame_verbs(lang):
            return tok.head.i in trigger_ids
    return False


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children) or "Pass" in tok.morph.get("Voice")


def assign_actors(
    hits: list[ActorHit], trigger_tokens: list[Token], sent_start: int, sent_end: int,
    evidence: tuple[int, int], lang: str,
) -> tuple[Optional[ActorRef], Optional[ActorRef]]:
    """actor1, actor2 for one mention, from the actor phrases of its sentence."""
    ids = {t.i for t in trigger_tokens}
    in_sent = [h for h in hits if sent_start <= h.ref.start < sent_end]
    best: dict[int, tuple[tuple[bool, int], ActorRef]] = {}
    shared = _conjunct_heads(trigger_tokens)
    for h in in_sent:
        r = role_of(h, ids, lang)
        if r is None and shared and h.head is not None and h.head.dep_ in SUBJ:
            # "militants entered the village, pillaged shops and seized livestock": the
            # subject of the first verb is the subject of the verbs conjoined to it.
            r = role_of(h, shared, lang)
        # A named actor beats a generic one ("5 soldats"); then the closest in the parse.
        rank = ((h.ref.actor_id or "").endswith("generic"), r[1]) if r else None
        if r and (r[0] not in best or rank < best[r[0]][0]):
            best[r[0]] = (rank, h.ref)
    a1 = best.get(1, (0, None))[1]
    a2 = best.get(2, (0, None))[1]
    if a1 is None:
        a1 = _self_reported(in_sent, trigger_tokens, lang)
    if a1 is None or a2 is None:
        a1, a2 = _by_position(in_sent, trigger_tokens, evidence, a1, a2, text_of(trigger_tokens), lang)
    if a1 and a2 and a1.actor_id == a2.actor_id:
        a2 = None
    return a1, a2


def _conjunct_heads(trigger_tokens: list[Token], limit: int = 3) -> set[int]:
    """The verbs a verb trigger is conjoined to (up the chain), when it has no subject of its own."""
    heads: set[int] = set()
    for tok in trigger_tokens:
        if tok.pos_ != "VERB" or any(c.dep_.startswith("nsubj") for c in tok.children):
            continue
        for _ in range(limit):
            if tok.dep_ != "conj" or tok.head.pos_ != "VERB":
                break
            tok = tok.head
            heads.add(tok.i)
    return heads


def text_of(tokens: list[Token]) -> str:
    return tokens[0].doc.text


def _by_position(in_sent, trigger_tokens, evidence, a1, a2, text: str, lang: str):
    """Without a syntactic link: a marker word just before the actor ("par", "contre", "by",
    "against") decides; else an actor before the trigger acts and one after it is hit."""
    targets, agents, _ = _markers(lang)
    first_trig = min(t.idx for t in trigger_tokens)
    for h in in_sent:
        ref = h.ref
        if not (evidence[0] <= ref.start < evidence[1]) or abs(ref.start - first_trig) > NEAR_CHARS:
            continue
        if _tells(h, lang):
            continue  # "Local journalists reported running battles": who tells is a source
        if ref in (a1, a2) or (a1 and ref.actor_id == a1.actor_id) or (a2 and ref.actor_id == a2.actor_id):
            continue
        before = text[max(0, ref.start - 25):ref.start].lower().split()
        marker = before[-1] if before else ""
        marker2 = " ".join(before[-2:]) if len(before) >= 2 else marker
        if marker in agents or marker2 in agents:
            role = 1
        elif marker in targets or marker2 in targets:
            role = 2
        else:
            role = 1 if ref.start < first_trig else 2
        if role == 1 and a1 is None:
            a1 = ref
        elif role == 2 and a2 is None:
            a2 = ref
    return a1, a2


SUBJECT_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "il", "ils", "elle", "elles", "nous"})


def _self_reported(in_sent: list[ActorHit], trigger_tokens: list[Token], lang: str) -> Optional[ActorRef]:
    """"Al Shabaab said it had targeted the palace", "government forces said they had defused a
    bomb", "l'armée affirme avoir neutralisé…": the one who tells of its own act is its actor (a
    pronoun or no subject in the told clause, the teller the subject of the saying verb)."""
    from dateline.analyse.attribution import saying_verbs  # attribution imports this module
    verb = trigger_tokens[0]  # the act itself: not "they heard explosions", where "heard" is not it
    if verb.pos_ != "VERB" or verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_.lower() not in saying_verbs(lang):
        return None
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if subjects and not all(c.lower_ in SUBJECT_PRONOUNS for c in subjects):
        return None
    teller = {c.i for c in verb.head.children if c.dep_.startswith("nsubj")}
    return next((h.ref for h in in_sent if h.head is not None and h.head.i in teller), None)


def _tells(hit: ActorHit, lang: str) -> bool:
    """The actor phrase is the subject of a saying or blaming verb ("journalists reported", "l'armée a
    indiqué", "police blamed the attack on…")."""
    from dateline.analyse.attribution import saying_verbs  # attribution imports this module
    head = hit.head
    return bool(head is not None and head.dep_.startswith("nsubj")
                and (head.head.lemma_.lower() in saying_verbs(lang) or head.head.lemma_.lower() in _blame_verbs(lang)))


def perpetrator_unknown(sentence_text: str, lang: str) -> bool:
    low = sentence_text.lower()
    return any(p in low for p in _markers(lang)[2])
