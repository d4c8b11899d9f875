"""Modality: how sure the text is that the event happened.

Looks at the trigger's own words, the verbs above it (up to the clause it sits
in) and their auxiliaries and markers: "a été avortée" → foiled; "afin
d'attaquer" → planned; "aurait tué" (French conditional) → alleged; "n'ont pas
attaqué" → negated; "l'éventualité d'un retrait" → hypothetical; "nie avoir
tiré" → denied; "a revendiqué avoir tué" → claimed. Cue words are language
data (`data/<lang>/cues.yaml`); the logic is shared.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dateline import langdata

ORDER = ("foiled", "negated", "denied", "planned", "hypothetical", "claimed", "alleged")


@lru_cache(maxsize=None)
def _modal_cues(lang: str) -> dict:
    c = langdata.load("cues", lang)["modality"]
    return {k: {str(w).lower() for w in v} for k, v in c.items() if isinstance(v, list)} | {
        "conditional_alleged": bool(c.get("conditional_alleged"))}


def _scope(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """(chain, attached): the trigger tokens and the verbs/nouns above them; words hanging on those."""
    chain: list[Token] = []
    for t in tokens:
        cur, n = t, 0
        while n < 4:
            if cur not in chain:
                chain.append(cur)
            if cur.head.i == cur.i or cur.dep_ in ("ROOT", "root"):
                break
            # A verb governing us through a clause link is still our scope (afin d'attaquer),
            # but stop at a second verb to keep "X said that Y" from leaking Y's cues into X.
            cur = cur.head
            n += 1
            if cur.pos_ in ("VERB",) and n >= 2:
                chain.append(cur)
                break
    attached = [c for t in chain for c in t.children
                if c.dep_ in ("aux", "aux:pass", "aux:tense", "auxpass", "mark", "advmod", "neg", "cop", "det",
                              "amod", "acl", "acl:relcl", "relcl", "xcomp", "obl", "nmod", "fixed", "case")]
    return chain, attached


def detect_modality(tokens: list[Token], lang: str) -> str:
    cues = _modal_cues(lang)
    chain, attached = _scope(tokens)
    lemmas_chain = {t.lemma_.lower() for t in chain} | {t.lower_ for t in chain}
    lemmas_att = {t.lemma_.lower() for t in attached} | {t.lower_ for t in attached}
    # Relative clauses on the trigger noun ("une attaque … qui a été avortée") carry its fate.
    rel_verbs = {c.lemma_.lower() for t in tokens for c in t.subtree
                 if c.dep_ in ("acl:relcl", "relcl", "acl", "conj") and c.pos_ in ("VERB", "ADJ")}
    found = set()
    if (lemmas_chain | rel_verbs | _words_after(tokens)) & (cues.get("foiled", set()) - _killing_words(tokens, cues, lang)):
        found.add("foiled")
    if _negated(chain, cues):
        found.add("negated")
    if lemmas_chain & cues.get("denied", set()):
        found.add("denied")
    if _planned(tokens, chain, attached, cues):
        found.add("planned")
    if (lemmas_chain | lemmas_att) & cues.get("hypothetical", set()) or _conditional_modal(chain, attached, cues) \
            or _demanded(tokens, cues):
        found.add("hypothetical")
    if _claimed(chain, cues):
        found.add("claimed")
    if (lemmas_chain | lemmas_att) & cues.get("alleged", set()) or (
            cues["conditional_alleged"] and _conditional(tokens, attached)):
        found.add("alleged")
    for m in ORDER:
        if m in found:
            return m
    return "asserted"


def _killing_words(tokens: list[Token], cues: dict, lang: str) -> set[str]:
    """Foiling verbs of the sentence used on people: "plus d'une trentaine de terroristes ont été
    neutralisés", "troops neutralised 12 militants" tell a killing, not a foiled attack."""
    from dateline.analyse.tolls import grammar
    g = grammar(lang)
    if g is None:
        return set()
    out = set()
    for t in tokens[0].sent:
        lemma = t.lemma_.lower()
        if lemma not in cues.get("foiled", set()):
            continue
        objs = [c for c in t.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")]
        if objs and all(g.victim_any.search(" ".join(x.text for x in o.subtree)) for o in objs):
            out.add(lemma)
    return out


def _words_after(tokens: list[Token], window: int = 25) -> set[str]:
    """Participles and verbs in the words right after the trigger ("une attaque contre une base US
    située dans …, mais qui a été avortée"): parsers often hang such a relative clause elsewhere."""
    last = min(t.i for t in tokens)
    sent = tokens[0].sent
    out = set()
    for t in sent.doc[last + 1:min(sent.end, last + 1 + window)]:
        if t.text in (".", ";", "!", "?"):
            break
        if t.pos_ in ("VERB", "ADJ") and ("Part" in t.morph.get("VerbForm") or "Pass" in t.morph.get("Voice")):
            out.add(t.lemma_.lower())
    return out


def negation_words(lang: str) -> set[str]:
    """The language's negation cue words ("not", "no", "ne", "aucun"…)."""
    return _modal_cues(lang).get("negated", set())


def is_negated(verb: Token, lang: str) -> bool:
    """The verb itself is negated ("did not say", "n'a pas revendiqué"); False for other words."""
    return verb.pos_ in ("VERB", "AUX") and _negated([verb], _modal_cues(lang))


def _negated(chain: list[Token], cues: dict) -> bool:
    neg = cues.get("negated", set())
    for t in chain[:2]:
        kids = list(t.children)
        if any(c.dep_ in ("neg", "advmod") and c.lower_ in neg for c in kids) and t.pos_ in ("VERB", "AUX"):
            # "sans" governs its own verb ("sans causer de pertes"), not the event verb
            return not any(c.lower_ == "sans" for c in kids)
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"aucun", "aucune", "no"} for c in kids):
            return True
    return False


def _planned(tokens, chain, attached, cues) -> bool:
    planned = cues.get("planned", set())
    # A preposition above the trigger names its object or goal ("agreed to a ceasefire", "arrêtés pour
    # des violences"), not a purpose: only verbs and infinitive markers make it planned.
    heads = [t for t in chain if t not in tokens and t.pos_ != "ADP"]
    if {t.lemma_.lower() for t in heads} & planned:
        return True
    # "likely to respond with more attacks", "expected to launch attacks", "susceptible de lancer":
    # an infinitive under a word of expectation tells what may come, not what was done.
    frames = cues.get("future_frames", set())
    if any(h.head.lemma_.lower() in frames and h.head is not h and (
            h.tag_ == "VB" or "Inf" in h.morph.get("VerbForm")) for h in chain if h.pos_ in ("VERB", "AUX")):
        return True
    for t in tokens:
        if _realised_purpose(t, planned, cues):
            continue
        before = {x.lower_ for x in t.doc[max(t.sent.start, t.i - 3):t.i]}
        if t.pos_ == "VERB" and before & {"afin", "pour"}:
            return True
        if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm"):
            marks = {c.lower_ for c in t.children if c.dep_ in ("mark", "case", "fixed")}
            marks |= {f"{c.lower_} {g.lower_}" for c in t.children for g in c.children if g.dep_ == "fixed"}
            if marks & planned or marks & {"afin", "pour", "to"}:
                return True
        if t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children) and t.dep_ in ("advcl", "xcomp"):
            return True
    future = cues.get("future", set())
    return any(a.lemma_.lower() in future and a.dep_.startswith("aux") for a in attached
               if "Cnd" not in a.morph.get("Mood"))


def _realised_purpose(t: Token, planned: set, cues: dict) -> bool:
    """"Hundreds gathered to protest", "ils se sont rassemblés pour dénoncer": a purpose clause
    whose aim is done by doing the main verb (protesting by gathering) tells a protest that
    happened, when the main verb itself is neither planned nor future."""
    head = t.head
    if t.lemma_.lower() not in cues.get("realised_purpose", set()) or head is t or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() in planned or head.lower_ in planned:
        return False
    future = cues.get("future", set())
    return not any(c.dep_.startswith("aux") and c.lemma_.lower() in future for c in head.children)


def _demanded(tokens: list[Token], cues: dict) -> bool:
    """What is demanded has not happened: "protesters demanded the release of all detainees",
    "called for a ceasefire", « ont réclamé la libération des détenus ». The trigger is the
    object of a `demanded` verb, or of its preposition ("call for", « appeler à »); those who
    demand (the subject: "protesters demanded…") are untouched."""
    words = cues.get("demanded", set())
    for t in tokens:
        verb, prep = t.head, None
        if t.dep_ == "pobj":
            prep, verb = t.head, t.head.head
        elif t.dep_ in ("obl", "obl:arg", "obl:mod", "nmod"):
            prep = next((c for c in t.children if c.dep_ == "case"), None)
        elif t.dep_ not in ("obj", "dobj"):
            continue
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        key = verb.lemma_.lower() if prep is None else f"{verb.lemma_.lower()} {prep.lower_}"
        if key in words:
            return True
    return False


def _conditional(tokens: list[Token], attached: list[Token]) -> bool:
    for t in tokens + [a for a in attached if a.dep_.startswith("aux")]:
        if "Cnd" in t.morph.get("Mood"):
            return True
    return False


def _conditional_modal(chain, attached, cues) -> bool:
    """'pourrait attaquer', 'could attack', 'might' — hypothetical rather than alleged."""
    hyp = cues.get("hypothetical", set())
    return any(t.lower_ in hyp for t in chain + attached if t.dep_.startswith("aux") or t.tag_ == "MD"
               or t.lemma_.lower() in ("pouvoir",))


def _claimed(chain: list[Token], cues: dict) -> bool:
    """'X a revendiqué avoir tué …' / 'X claimed to have killed …' (not 'attaque revendiquée par X')."""
    claimed = cues.get("claimed", set())
    for t in chain[1:]:
        if t.lemma_.lower() in claimed and t.pos_ == "VERB" and t.dep_ not in ("acl", "amod", "acl:relcl", "relcl"):
            return True
    return False
