"""Attribution: according to whom, as a chain from the article's outlet inward.

"selon des sources citées par la télévision al-Mayadeen" gives
outlet → al-Mayadeen → "des sources"; "John Kerby, porte-parole du Pentagone
a dit …, rapporte al-Hurra" gives outlet → al-Hurra → Pentagon. Sources are
found with the source dictionary (data/sources.yaml); their place in the
chain comes from the cue before them: a source introduced by "selon",
"rapporte", "citées par", "according to", "told" relays what follows, so it is
outer; the subject of a saying verb inside is inner; anonymous sources are
innermost. A sentence with no source of its own keeps the chain of the
sentence before it in the same paragraph (the seed's paragraphs each report
one outlet).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from dateline import langdata
from dateline.analyse import modality
from dateline.analyse.actors import is_affiliation
from dateline.analyse.lexicon import actor_matcher, actors_by_id, source_matcher, sources_by_id
from dateline.paragraphs import Paragraphs
from dateline.records import SourceRef

ARTICLE_OUTLET = "article outlet"
NEEDS_CUE = {"government", "armed group", "anonymous", "person", "other"}
LOOKBACK = 90  # characters before a source name searched for an "according to" cue


@lru_cache(maxsize=None)
def _cues(lang: str) -> dict:
    a = langdata.load("cues", lang)["attribution"]
    return {
        "outer": tuple(sorted({w.lower() for w in a.get("according_to", []) + a.get("relay", [])}, key=len, reverse=True)),
        "saying": frozenset(w.lower() for w in a.get("saying_verbs", [])),
        "report_nouns": frozenset(w.lower() for w in a.get("report_nouns", [])),
        # "faire état de", "rendre compte de": the verb's lemma and the word that completes it.
        "saying_pairs": frozenset(tuple(w.lower().split()[-2:]) for w in a.get("saying_verbs", [])
                                  if len(w.split()) == 2),
    }


def saying_verbs(lang: str) -> frozenset:
    """The language's saying-verb lemmas (cues.yaml attribution.saying_verbs)."""
    return _cues(lang)["saying"]


def report_nouns(lang: str) -> frozenset:
    """Nouns of a document that reports ("communiqué", "statement": cues.yaml attribution.report_nouns)."""
    return _cues(lang)["report_nouns"]


def find_sources(text: str, doc: Doc, lang: str) -> list[SourceRef]:
    """Every source cited in the article, with its offsets; `kind` from the source dictionary."""
    by_id = sources_by_id()
    cues = _cues(lang)
    out = []
    for m in source_matcher().find_all(text):
        entry = by_id.get(m.entry_id, {})
        kind = entry.get("kind", "other")
        ref = SourceRef(name=entry.get("name", m.entry_id), kind=kind, text=text[m.start:m.end],
                        start=m.start, end=m.end, source_id=m.entry_id)
        outer = _introduced_by_cue(text, m.start, cues["outer"])
        verb = _saying_verb(doc, m.start, m.end, cues["saying"], cues["saying_pairs"])
        if verb is not None and not outer and _denied_saying(verb, lang):
            continue  # "No group has claimed responsibility", "police did not say": nobody says so
        if kind in NEEDS_CUE and not (outer or verb is not None):
            continue
        if entry.get("claimant"):
            who = _claimant(text, doc, m.start, m.end, verb, lang)
            if who:
                ref.name = f"{who} (claim)"
        ref.__dict__["_outer"] = outer
        out.append(ref)
    return out


def _introduced_by_cue(text: str, start: int, cues: tuple[str, ...]) -> bool:
    before = text[max(0, start - LOOKBACK):start].lower().replace("\u2019", "'")
    # Only the stretch after the last sentence-internal break counts.
    for sep in (".", ";", "«", "»", '"'):
        before = before.rsplit(sep, 1)[-1]
    return any(c in before for c in cues)


def _saying_verb(doc: Doc, start: int, end: int, verbs: frozenset,
                 pairs: frozenset = frozenset()) -> Optional[Token]:
    """The saying verb the source is the subject (or part) of, if any (up to three heads up)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    for _ in range(3):
        if head.lemma_.lower() in verbs or head.lower_ in verbs or any(
                (head.lemma_.lower(), c.lower_) in pairs for c in head.children):
            return head
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _denied_saying(verb: Token, lang: str) -> bool:
    """The saying verb is negated ("did not say", "n'a pas revendiqué": modality's rule) or its
    subject is nobody ("No group has claimed", "aucun groupe n'a revendiqué", "nobody claimed")."""
    if modality.is_negated(verb, lang):
        return True
    nobody = modality.negation_words(lang) | _nobody(lang)
    return any(c.dep_.startswith("nsubj") and (c.lower_ in nobody or any(
        d.dep_ == "det" and d.lower_ in nobody for d in c.children)) for c in verb.children)


_CLAIM_LINK = re.compile(r"^[\s,]*(?:(?:par|by|de|du|des|the|la|le|les|l['’]|d['’])\s*){1,2}$", re.I)


def _claimant(text: str, doc: Doc, start: int, end: int, verb: Optional[Token], lang: str) -> Optional[str]:
    """Who claims: the actor in the subject of the claiming verb ("al Shabaab claimed
    responsibility", "le GSIM, lié à Al-Qaïda, a revendiqué"), or named right after the claim
    ("revendiqué par Daech", "claimed by IS", "la revendication de l'EI")."""
    spans = []
    if verb is not None:
        for c in verb.children:
            if c.dep_.startswith("nsubj") and not c.dep_.endswith("pass"):
                toks = list(c.subtree)
                spans.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
    spans.append((end, min(len(text), end + 80)))
    by_id = actors_by_id()
    for lo, hi in spans:
        for m in actor_matcher().find_all(text[lo:hi]):
            a, b = lo + m.start, lo + m.end
            if (lo == end and not _CLAIM_LINK.match(text[end:a])) or is_affiliation(text, a, b, lang):
                continue
            actor = by_id.get(m.entry_id)
            if actor is not None and not m.entry_id.endswith("generic"):
                return actor.name
    return None


@lru_cache(maxsize=None)
def _nobody(lang: str) -> frozenset:
    return frozenset(str(w).lower() for w in langdata.load("cues", lang)["attribution"].get("nobody", []))


def chains_by_sentence(sentences: list[tuple[int, int]], sources: list[SourceRef], paragraphs: Paragraphs,
                       outlet: str | None) -> list[list[SourceRef]]:
    """The attribution chain of each sentence (outlet first), inherited within a paragraph."""
    chains: list[list[SourceRef]] = []
    prev: list[SourceRef] = []
    for k, (start, end) in enumerate(sentences):
        if not chains or not paragraphs.continues(sentences[k - 1], (start, end)):
            prev = []  # a new paragraph starts with no inherited source
        own = [s for s in sources if start <= (s.start or 0) < end]
        if own:
            outer = [s for s in own if s.__dict__.get("_outer") and s.kind != "anonymous"]
            inner = [s for s in own if s not in outer and s.kind != "anonymous"]
            anon = [s for s in own if s.kind == "anonymous"]
            chain = _dedupe(outer + inner + anon)
            if not outer and prev and all(s.kind == "anonymous" for s in own):
                chain = _dedupe([s for s in prev if s.kind != "anonymous"] + anon)
            prev = chain
        chains.append(list(prev))
    head = [SourceRef(name=outlet, kind=ARTICLE_OUTLET)] if outlet else []
    return [head + c for c in chains]


def _dedupe(refs: list[SourceRef]) -> list[SourceRef]:
    seen, out = set(), []
    for r in refs:
        key = r.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def named_sources(chain: list[SourceRef]) -> list[str]:
    """The sources an analyst lists: named ones, not 'local residents'; the outlet only when alone."""
    named = [s.name for s in chain if s.kind not in ("anonymous", ARTICLE_OUTLET)]
    if not named:
        named = [s.name for s in chain if s.kind == ARTICLE_OUTLET]
    return named
