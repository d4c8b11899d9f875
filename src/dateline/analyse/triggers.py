"""Finding event triggers in a parsed sentence, from the trigger lexicon.

The lexicon (`data/<lang>/triggers.yaml`) maps lemmas and phrases to evidence
for event types. Single words match on lemma or lower-cased form; phrases are
tokenised once with the language's own tokenizer and match token by token on
form or lemma, so "a coûté la vie" and "coûter la vie" both hit.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline import langdata
from dateline.nlp import load_nlp


@dataclass
class TriggerEntry:
    key: str
    types: dict[str, float]
    kind: str = "event"
    strength: float = 0.5
    needs_object: bool = False  # a verb that tells the event only with its object or passive
    # types when the verb's object is goods ("seized five motorbikes" is looting, "seized the town"
    # territory) or people ("the women were seized": an abduction)
    object_goods: dict[str, float] = field(default_factory=dict)
    object_person: dict[str, float] = field(default_factory=dict)


@dataclass
class TriggerHit:
    """A trigger found in a sentence: token indices [i, j) in the Doc."""
    i: int
    j: int
    entry: TriggerEntry
    tokens: list[Token] = field(default_factory=list)

    @property
    def head(self) -> Token:
        """The syntactic head of the matched tokens (for phrases, the one whose head is outside)."""
        toks = self.tokens
        for t in toks:
            if t.head.i < self.i or t.head.i >= self.j or t.head.i == t.i:
                return t
        return toks[0]


class TriggerLexicon:
    def __init__(self, lang: str):
        self.lang = lang
        raw = langdata.load("triggers", lang)
        self.words: dict[str, TriggerEntry] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
        tokenizer = load_nlp(lang).tokenizer
        for key, spec in raw.items():
            entry = TriggerEntry(key=str(key), types=dict(spec.get("types", {})),
                                 kind=spec.get("kind", "event"), strength=float(spec.get("strength", 0.5)),
                                 needs_object=bool(spec.get("needs_object", False)),
                                 object_goods=dict(spec.get("object_goods") or {}),
                                 object_person=dict(spec.get("object_person") or {}))
            words = tuple(t.text.lower() for t in tokenizer(str(key).replace("’", "'")))
            if len(words) == 1:
                self.words[words[0]] = entry
            else:
                self.phrases.setdefault(words[0], []).append((words, entry))
        for lst in self.phrases.values():
            lst.sort(key=lambda p: -len(p[0]))  # longest phrase first

    def find(self, sent: SpacySpan) -> list[TriggerHit]:
        hits: list[TriggerHit] = []
        doc = sent.doc
        i, end = sent.start, sent.end
        while i < end:
            tok = doc[i]
            hit = self._phrase_at(doc, i, end) or self._word_at(tok)
            if hit:
                hits.append(hit)
                i = hit.j
            else:
                i += 1
        return hits

    def _word_at(self, tok: Token):
        entry = self.words.get(tok.lemma_.lower()) or self.words.get(tok.lower_)
        if entry is None or tok.pos_ in ("ADP", "DET", "PRON", "CCONJ", "PUNCT"):
            return None
        if tok.ent_type_ in ("DATE", "TIME"):
            return None  # "On 16 March 2020": the month, not a march
        if entry.kind == "strategic" and tok.ent_type_ in ("ORG", "FAC") and tok.is_title and tok.i > tok.sent.start:
            return None  # "the Highway Patrol reported": a body's name, not a patrol
        if entry.needs_object and tok.pos_ == "VERB" and not has_object(tok):
            return None  # "the crowd dispersed", « la foule s'est dispersée »: nobody dispersed it
        if (entry.object_goods or entry.object_person) and tok.pos_ == "VERB":
            entry = self._by_object(entry, object_of(tok))
        return TriggerHit(tok.i, tok.i + 1, entry, [tok])

    def _by_object(self, entry: TriggerEntry, obj: Optional[Token]) -> TriggerEntry:
        """A taking is told by what was taken: ground (the entry's own types), people or goods."""
        if obj is None or obj.ent_type_ in ("GPE", "LOC", "FAC") or _in_list(obj, "place_objects", self.lang):
            return entry
        if obj.ent_type_ in ("PERSON", "NORP") or _in_list(obj, "person_objects", self.lang):
            return replace(entry, types=dict(entry.object_person)) if entry.object_person else entry
        return replace(entry, types=dict(entry.object_goods)) if entry.object_goods else entry

    def _phrase_at(self, doc, i: int, end: int):
        tok = doc[i]
        for first in {tok.lower_, tok.lemma_.lower()}:
            for words, entry in self.phrases.get(first, ()):
                j = i + len(words)
                if j > end:
                    continue
                if all(w in (doc[i + k].lower_, doc[i + k].lemma_.lower()) for k, w in enumerate(words)):
                    return TriggerHit(i, j, entry, list(doc[i:j]))
        return None


@lru_cache(maxsize=None)
def trigger_lexicon(lang: str) -> TriggerLexicon:
    return TriggerLexicon(lang)


def _in_list(tok: Token, name: str, lang: str) -> bool:
    words = langdata.cue_words(name, lang)
    return tok.lemma_.lower() in words or tok.lower_ in words


def object_of(verb: Token, climb: int = 2) -> Optional[Token]:
    """What the verb acts on: its direct object, its passive subject, or (French) the « de »
    complement of a verb like « s'emparer de »."""
    for c in verb.children:
        if c.dep_ in ("obj", "dobj", "nsubjpass", "nsubj:pass") and c.lower_ not in ("se", "s'"):
            return c
    for c in verb.children:
        if c.dep_ in ("obl:arg", "obl", "obl:mod") and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'")
                                                          for g in c.children):
            return c
    if climb and verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i \
            and not any(c.dep_.startswith("nsubj") for c in verb.children):
        return object_of(verb.head, climb - 1)  # "were killed, injured or captured": the subject they share
    return None


def has_object(verb: Token) -> bool:
    """A direct object (not a reflexive « se »), a passive, or an infinitive of purpose/after a
    modal ("deployed to disperse them" has its object; "were dispersed" is passive)."""
    if any(c.dep_ in ("aux:pass", "auxpass", "nsubjpass", "nsubj:pass") for c in verb.children):
        return True
    return any(c.dep_ in ("obj", "dobj") and c.lower_ not in ("se", "s'") for c in verb.children)
