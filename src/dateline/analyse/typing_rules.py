"""Choosing the ACLED event type and sub-event type of a mention.

Evidence from three places is blended: the trigger lexicon (families such as
`violence` resolved by the weapon used and by who was hit), the weapons named
in the sentence, and the learned sentence classifier. The codebook's
precedence rules are data (`data/taxonomy_rules.yaml`); this module only
applies them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span as SpacySpan

from dateline import langdata
from dateline.analyse.mentions import Candidate
from dateline.analyse.triggers import TriggerEntry, TriggerHit, has_object, object_of, trigger_lexicon
from dateline.records import Mention

NONE = "NONE"
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@lru_cache(maxsize=None)
def rules() -> dict:
    return langdata.load("taxonomy_rules")


@lru_cache(maxsize=None)
def type_of_subtype() -> dict[str, str]:
    tax = langdata.load("taxonomy")
    return {s["name"]: t["name"] for t in tax["event_types"] for s in t["sub_event_types"]}


def _weapon_type(weapons: list[str]) -> Optional[str]:
    ws = {w.lower() for w in weapons}
    for weapon, sub in rules()["weapon_types"]:
        if weapon.lower() in ws:
            return sub
    return None


def _target(m: Mention) -> Optional[str]:
    """'armed' or 'civilian' from the victims and actor2, if either says."""
    r = rules()
    victims = (m.toll.victims or "").lower()
    if victims in r["armed_victims"]:
        return "armed"
    if victims in r["civilian_victims"]:
        return "civilian"
    if m.actor2 is not None and m.actor2.actor_id:
        from dateline.analyse.lexicon import actors_by_id
        kind = getattr(actors_by_id().get(m.actor2.actor_id), "kind", None)
        if kind in r["armed_actor_kinds"]:
            return "armed"
        if kind in r["civilian_actor_kinds"]:
            return "civilian"
    elif not victims and m.toll.fatalities is not None and m.toll.fatalities.best:
        return r.get("unnamed_victims")  # "killed nine people": a toll with no role and no target named
    return None


def rule_scores(cand: Candidate, m: Mention) -> dict[str, float]:
    """Sub-type scores from triggers, families resolved, weapons added."""
    r = rules()
    wtype = _weapon_type(m.weapons)
    scores: dict[str, float] = {}
    for t, w in cand.types.items():
        if t == "explosion":
            t = wtype if wtype and type_of_subtype().get(wtype) == "Explosions/Remote violence" else \
                r["families"]["explosion"]["default"]
        elif t == "violence":
            fam = r["families"]["violence"]
            target = _target(m)
            t = wtype or (fam[f"{target}_target"] if target else None)
            if t is None:  # neither weapon nor target says: the split in the data, the model decides
                for sub, share in fam["undetermined"].items():
                    scores[sub] = scores.get(sub, 0.0) + w * float(share)
                continue
        scores[t] = scores.get(t, 0.0) + w
    if wtype and any(type_of_subtype().get(t) in VIOLENT_TYPES for t in scores):
        scores[wtype] = scores.get(wtype, 0.0) + float(r["weapon_weight"])
    return scores


def _heard(sub: str, cand: Candidate, weapons: list[str]) -> str:
    """"observed a total of 13 explosions", « dix explosions ont été entendues »: blasts in the
    plural, heard or observed, no device named, are a bombardment rather than a planted device
    (taxonomy_rules `explosion.heard`); a rule over the model, like the weapon's precedence."""
    fam = rules()["families"]["explosion"]
    if sub != fam["default"] or not fam.get("heard") or _weapon_type(weapons) or not _blasts_heard(cand, fam):
        return sub
    return fam["heard"]


def _blasts_heard(cand: Candidate, fam: dict) -> bool:
    nouns, verbs = set(fam.get("heard_nouns", ())), set(fam.get("heard_verbs", ()))
    for t in cand.tokens:
        if t.lemma_.lower() in nouns and "Plur" in t.morph.get("Number"):
            head = t.head
            for _ in range(3):  # "observed a total of 13 explosions": through "of" and "total"
                if head.pos_ == "VERB" or head.head.i == head.i:
                    break
                head = head.head
            if head.lemma_.lower() in verbs:
                return True
    return False


def weapon_precedence(sub: str, weapons: list[str], text: str) -> str:
    """A remote weapon decides over a generic outcome ('attacked the convoy with mines'), unless
    the text tells an exchange of fire (then it is a battle)."""
    r = rules()
    wtype = _weapon_type(weapons)
    if wtype and wtype != sub and sub in r.get("weapon_defined", ()) \
            and not any(_weapon_type([w]) == sub for w in weapons):
        return wtype
    if not wtype or sub not in r["weapon_overrides"]:
        return sub
    low = text.lower()
    if any(w in low for w in r["clash_words"]):
        return sub
    return wtype


def _armed(weapons: list[str]) -> bool:
    """A firearm or a device of its own sub-type is named: no mob fight."""
    return bool({"small arms", "heavy weapons"} & set(weapons)) or bool(_weapon_type(weapons))


def _mob(sub: str, text: str, weapons: list[str]) -> str:
    """An armed clash fought with sticks and "sharp weapons", no firearm named, is Mob violence."""
    if sub != "Armed clash" or _armed(weapons):
        return sub
    low = text.lower()
    return "Mob violence" if any(w in low for w in rules().get("mob_weapons", [])) else sub


@lru_cache(maxsize=1)
def _mob_names() -> frozenset[str]:
    from dateline.analyse.lexicon import actors_by_id
    actors = actors_by_id()
    return frozenset(_bare(actors[i].name) for i in rules().get("mob_actors", ()) if i in actors)


def _bare(name: str) -> str:
    """An actor name without its qualifier: "Party supporters (Bangladesh)" → "Party supporters"."""
    return re.sub(r" \([^)]*\)$", "", name)


def party_mob(sub: str, actor1: Optional[str], actor2: Optional[str], weapons: list[str]) -> str:
    """Party members fighting, no firearm named (`mob_actors`): Mob violence. Decided for the
    whole event (its actors, by name, are known then), so that its toll, told apart, still joins it."""
    mob = _mob_names()
    actor1, actor2 = (_bare(a) if a else a for a in (actor1, actor2))
    if _armed(weapons):
        return sub
    if (sub == "Armed clash" and actor1 in mob) or (sub == "Attack" and actor1 in mob and actor2 in mob):
        return "Mob violence"
    return sub


def _accident(sent: SpacySpan, m: Mention) -> bool:
    """A gas tank exploding or an earthquake killing is not political violence (when no weapon or
    perpetrator is named)."""
    if m.weapons or (m.actor1 is not None and not (m.actor1.actor_id or "").endswith("generic")):
        return False
    cues = set(rules().get("accident_cues", []))
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    low = sent.text.lower()
    return bool(words & cues) or any(" " in c and c in low for c in cues)


def escalate_protest(sub: str, sent: SpacySpan, weapons: list[str]) -> str:
    """The protest sub-type `sub` as escalated by the words of `sent` (`protest_escalation`)."""
    if type_of_subtype().get(sub) != "Protests":
        return sub
    words = _sentence_words(sent, weapons)
    target = next((target for target in rules()["protest_escalation"] if _cues_in(target, words)), sub)
    if target == sub and sub == "Peaceful protest" and _protest_met(sent):
        return "Protest with intervention"
    return target


def _protest_met(sent: SpacySpan) -> bool:
    """A verb of `protest_met` whose object is a protest noun: "assaulted the BNP demonstrators"."""
    met = rules().get("protest_met") or {}
    verbs, nouns = set(met.get("verbs", ())), set(met.get("nouns", ()))
    low = sent.text.lower()
    for t in sent:
        lemma = t.lemma_.lower()
        phrase = next((v for v in verbs if " " in v and v.startswith(lemma + " ") and v.split(" ", 1)[1] in low), None)
        if t.pos_ != "VERB" or (lemma not in verbs and phrase is None):
            continue
        obj = object_of(t, climb=0)
        if obj is not None and obj.lemma_.lower() in nouns:
            return True
    return False


def _weapon_found(sub: str, cand: Candidate) -> str:
    """An explosion whose device was found or destroyed before it went off (`weapon_found_verbs`)."""
    verbs = set(rules().get("weapon_found_verbs", ()))
    if type_of_subtype().get(sub) != "Explosions/Remote violence" or not verbs:
        return sub
    for h in cand.hits:
        t = h.head
        if t.pos_ not in ("NOUN", "PROPN"):
            continue  # the device ("bomb", "IED"), not a verb of exploding
        # a headline's passive has no auxiliary: "Unexploded bomb discovered inside bus"
        headline_passive = t.dep_ == "nsubj" and t.head.tag_ == "VBN" and not any(
            c.dep_.startswith("aux") for c in t.head.children)
        by_verb = (t.dep_ in ("obj", "dobj", "nsubjpass", "nsubj:pass") or headline_passive) \
            and t.head.pos_ == "VERB" and t.head.lemma_.lower() in verbs
        by_participle = any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in verbs for c in t.children)
        if by_verb or by_participle:
            return "Disrupted weapons use"
    return sub


def _sentence_words(sent: SpacySpan, weapons: list[str]) -> tuple[set[str], str]:
    """The sentence's lemmas, words and weapon ids, and its lower-cased text (for phrases)."""
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent} | {w.lower() for w in weapons}
    return words, sent.text.lower()


def _cues_in(target: str, sentence_words: tuple[set[str], str]) -> bool:
    """A `protest_escalation` cue of `target` among the words (or, for phrases, in the text)."""
    words, low = sentence_words
    return any((c in words) or (" " in c and c in low) for c in rules()["protest_escalation"].get(target, ()))


def _met_not_violent(sub: str, share: dict[str, float], sent: SpacySpan, weapons: list[str]) -> str:
    """"Police detained 16 protesters", "activists attacked the opposition rally": a crowd met by
    others, not a riot, when the protesters' violence is only the model's guess (no word of the
    mention and no word of its sentence tells it) and the sentence tells the intervention."""
    violent, met = "Violent demonstration", "Protest with intervention"
    if sub != violent or share.get(violent, 0.0) > 0:
        return sub
    words = _sentence_words(sent, weapons)
    if _cues_in(violent, words):
        return sub
    return met if _cues_in(met, words) or _protest_met(sent) else sub


def related_types(types: set) -> set:
    """The event types, with those the codebook tells apart only by context (`related_types`:
    political violence by weapon and target, demonstrations by what the crowd or the police did)."""
    out = set(types)
    for group in rules()["related_types"]:
        if out & set(group):
            out |= set(group)
    return out


def _model_agrees(sub: str, probs: Optional[dict[str, float]]) -> bool:
    """The model's own best label is `sub`, and it is fairly sure (`model_confirms`)."""
    if not probs:
        return False
    top = max(probs, key=probs.get)
    return top == sub and probs[top] >= float(rules()["model_confirms"])


def _modality_type(sub: str, modality: str) -> str:
    """A foiled attack is a Disrupted weapons use; a foiled protest or arrest stays what it is."""
    change = rules()["modality_types"].get(modality)
    if change and type_of_subtype().get(sub) in change["from_types"]:
        return change["to"]
    return sub


def allowed_types(scores: dict[str, float], probs: Optional[dict[str, float]]) -> set[str]:
    """The model may re-rank within the event types the words point to and their related types;
    it may leave them only when it is sure."""
    families = related_types({type_of_subtype().get(k) for k in scores})
    allowed = set(scores) | {s for s, t in type_of_subtype().items() if t in families}
    if probs:
        top = max((k for k in probs if k != NONE), key=probs.get, default=None)
        if top and probs[top] >= float(rules()["model_override"]):
            allowed.add(top)
    return allowed


def decide(cand: Candidate, m: Mention, probs: Optional[dict[str, float]], has_place: bool
           ) -> Optional[tuple[str, str, float]]:
    """(event_type, sub_event_type, confidence), or None when this is not an event."""
    r = rules()
    scores = rule_scores(cand, m)
    if not scores:
        return None
    total = sum(scores.values())
    share = {k: v / total for k, v in scores.items()}
    w = float(r["model_weight"]) if probs else 0.0
    blended = {k: (1 - w) * share.get(k, 0.0) + w * (probs or {}).get(k, 0.0)
               for k in allowed_types(scores, probs)}
    sub = max(blended, key=lambda k: (blended[k], share.get(k, 0.0)))
    p_none = (probs or {}).get(NONE, 0.0)
    model_says_none = bool(probs) and (p_none >= float(r["none_threshold"]) or max(probs, key=probs.get) == NONE)
    if model_says_none and cand.strength < float(r["strong_trigger"]):
        return None
    if cand.kinds <= {"strategic"} and r.get("strategic_needs_place") and not has_place \
            and not _model_agrees(sub, probs):
        return None
    sub = weapon_precedence(sub, m.weapons, cand.sent.text)
    sub = _mob(sub, cand.sent.text, m.weapons)
    sub = _heard(sub, cand, m.weapons)
    sub = _weapon_found(sub, cand)
    sub = escalate_protest(sub, cand.sent, m.weapons)
    sub = _met_not_violent(sub, share, cand.sent, m.weapons)
    sub = _modality_type(sub, m.modality)
    etype = type_of_subtype().get(sub)
    if etype is None:
        return None
    if etype not in r["accident_exempt_types"] and _accident(cand.sent, m):
        return None
    confidence = round(0.5 * cand.strength + 0.5 * (1 - p_none) * max(blended[sub] if sub in blended else 0.5, 0.3), 3)
    return etype, sub, confidence


def model_candidate(sent: SpacySpan, probs: dict[str, float], lang: str = "en") -> Optional[Candidate]:
    """A candidate for a sentence with no trigger word, when the model is sure it tells an event.

    Its word is the sentence's main verb; when that verb only says ("Odinga told supporters the
    coalition would keep marching"), the happening, if any, is in what is said: the reported
    clause's verb stands for it (and its modality is read there), and a saying with no reported
    clause tells nothing."""
    from dateline.analyse.attribution import saying_verbs
    label, p = max(((k, v) for k, v in probs.items() if k != NONE), key=lambda kv: kv[1], default=(None, 0.0))
    if label is None or p < float(rules()["model_only_threshold"]):
        return None
    root = sent.root
    while root.lemma_.lower() in saying_verbs(lang):  # "claimed responsibility, saying it had targeted…"
        # What is said hangs on the saying verb as its complement, or before it in an inverted
        # report ("Ils s'affrontaient, a confirmé le porte-parole": advcl/parataxis).
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis")
                     and c.pos_ in ("VERB", "AUX")), None)
        if root is None:
            return None
    known = trigger_lexicon(lang).words.get(root.lemma_.lower())
    if known is not None and known.needs_object and not has_object(root):
        return None  # the lexicon knows this verb tells nothing alone ("the crowd dispersed")
    entry = TriggerEntry(key="<model>", types={label: 2.0}, kind="event", strength=round(p * 0.8, 3))
    return Candidate(hits=[TriggerHit(root.i, root.i + 1, entry, [root])], sent=sent,
                     start=sent.start_char, end=sent.end_char, types={label: 2.0})
