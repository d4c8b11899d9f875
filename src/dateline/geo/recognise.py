"""Finding toponyms in a spaCy Doc: entity spans, curated names, capitalised names, demonyms.

Candidates carry what the words around them say: a feature hint ("gisement" →
site, "province de" → admin, "ville" → town), whether a location cue precedes
them ("à", "in", "near"), and their role (toponym, demonym, metonym).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc, Span as SpacySpan

from dateline.geo.lexicon import (FEATURE_WORDS, GENERIC_NAMES, LEADING_DETERMINERS, LINKERS, LOCATION_CUES, METONYMY_VERBS,
                                  MEDIA_OUTLETS, ORGANISATION_FILLERS, ORGANISATION_HEADS, ORGANISATION_TAILS,
                                  OTHER_LABELS, PLACE_LABELS)
from dateline.geo.normalise import ARTICLES, fold, name_key

MAX_NAME_TOKENS = 7
# Arabic names written with a lower-case article: al-Chahil, el-Fasher, ash-Shuhayl.
PARTICLE_NAME = re.compile(r"^(?:al|el|ad|ash|an|ar|as|at|az|ed|en|er|es|et|ez)-[A-ZÀ-ÖØ-Þ]")
# Determiners skipped between a cue and a name, per language: folded French "à" is English "a".
_DROP_BEFORE_CUE = {"fr": {"le", "la", "les", "l", "'", "un", "une"}, "en": {"the", "a", "an"}}
_GENERIC_KEYS = frozenset(name_key(w) for w in GENERIC_NAMES)
_OUTLET_KEYS = frozenset(" ".join(fold(w.replace("-", " ")).split()) for w in MEDIA_OUTLETS)
# A capitalised word with hyphenated parts ("Mazar-e-Sharif", "Guinea-Bissau"): one token, not is_alpha.
_HYPHENATED = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)+")


class CuratedNames(frozenset):
    """Name keys of curated places, with the first words they can start with (to skip other tokens fast)
    and, per first word, the most tokens a name starting with it can span."""

    def __new__(cls, keys, first_words=frozenset(), max_tokens=None):
        obj = super().__new__(cls, keys)
        obj.first_words = frozenset(first_words)
        obj.max_tokens = dict(max_tokens or {})
        return obj


def name_tokens(name: str) -> int:
    """A generous bound on the spaCy tokens of a name: words, hyphen/apostrophe parts, dots."""
    return len(re.split(r"[\s\-'’]+", name.strip())) * 2 + name.count(".")


@lru_cache(maxsize=50_000)
def first_word(text: str) -> str:
    """First word of a name, Arabic article skipped ("al-Chahil" and "Chahil" both start with chahil)."""
    words = fold(text.replace("'", " ").replace("-", " ")).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return words[0] if words else ""


@dataclass
class Candidate:
    start: int            # character offsets into the text
    end: int
    text: str
    source: str           # "entity", "curated", "capitalised", "demonym"
    label: str = ""
    hint: Optional[str] = None   # "site" | "admin" | "town"
    cue: Optional[int] = None    # precision implied by a preceding location cue (1 at, 2 near)
    needs_strong: bool = False   # keep only when the gazetteer match is strong
    role: str = "toponym"        # "toponym" | "demonym" | "metonym"
    country_code: Optional[str] = None  # for demonyms
    needs_qualifier: bool = False  # "Churchill, Man." tagged as a person: keep only a place inside the qualifier
    follows_sense: bool = False  # a later mention of such a name: it goes where the qualified one went
    mid_name: bool = False  # a strong name found inside a longer capitalised name, after its first word


def _phrase_table(lang: str) -> dict[tuple[str, ...], str]:
    table = {}
    for hint, words in FEATURE_WORDS.get(lang, {}).items():
        for w in words:
            table[tuple(fold(w.replace("'", " ")).split())] = hint
    return table


_FEATURES = {lang: _phrase_table(lang) for lang in FEATURE_WORDS}


def _index(phrases, at: int) -> dict[str, list]:
    """(phrase, value) pairs by their first (at=0) or last (at=-1) word, longest first (so that
    "aéroport international de Damas" loses "aéroport international", not just "aéroport"): only
    those can match at a given word, and the scan of every phrase was a hot spot."""
    out: dict[str, list] = {}
    for phrase, value in phrases:
        out.setdefault(phrase[at] if phrase else "", []).append((phrase, value))
    return {k: sorted(v, key=lambda pv: -len(pv[0])) for k, v in out.items()}


_FEATURES_BY_FIRST = {lang: _index(t.items(), 0) for lang, t in _FEATURES.items()}
_FEATURES_BY_LAST = {lang: _index(t.items(), -1) for lang, t in _FEATURES.items()}
_ORG_HEADS = {lang: [tuple(fold(w.replace("'", " ")).split()) for w in ws] for lang, ws in ORGANISATION_HEADS.items()}
_ORG_TAILS = {lang: [tuple(fold(w.replace("'", " ")).split()) for w in ws] for lang, ws in ORGANISATION_TAILS.items()}
_ORG_FILLERS = {lang: frozenset(fold(w) for w in ws) for lang, ws in ORGANISATION_FILLERS.items()}
_LINKERS = {lang: [tuple(fold(w.replace("'", " ")).split()) for w in ws] for lang, ws in LINKERS.items()}
_CUES = {lang: sorted(((tuple(w for w in fold(k.replace("'", " ")).split()
                              if w not in _DROP_BEFORE_CUE.get(lang, ())), v) for k, v in cues.items()),
                      key=lambda kv: -len(kv[0])) for lang, cues in LOCATION_CUES.items()}


def _words(tokens) -> tuple[str, ...]:
    out: tuple[str, ...] = ()
    for t in tokens:
        out += _token_words(t.text)
    return out


@lru_cache(maxsize=100_000)
def _token_words(text: str) -> tuple[str, ...]:
    return tuple(fold(text.replace("'", " ")).split())


def _ends_with(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    return len(phrase) <= len(words) and words[len(words) - len(phrase):] == phrase


def context_before(doc: Doc, i: int, lang: str) -> tuple[Optional[str], Optional[int]]:
    """(feature hint, cue precision) from the words just before token i."""
    words = _words(doc[max(0, i - 6):i])
    hint = None
    for linker in [()] + _LINKERS.get(lang, []):
        if not _ends_with(words, linker):
            continue
        head = words[:len(words) - len(linker)]
        for phrase, h in _FEATURES_BY_LAST.get(lang, {}).get(head[-1] if head else "", ()):
            if _ends_with(head, phrase):
                hint, words = h, head[:len(head) - len(phrase)]
                break
        if hint:
            break
    words = tuple(w for w in words if w not in _DROP_BEFORE_CUE.get(lang, ()))
    for phrase, precision in _CUES.get(lang, []):
        if _ends_with(words, phrase):
            return hint, precision
    return hint, None


def hint_after(doc: Doc, j: int, lang: str) -> Optional[str]:
    """English puts the feature word after the name: 'Deir ez-Zor province', 'al-Omar oil field'."""
    words = _words(doc[j:j + 3])
    for phrase, h in _FEATURES_BY_FIRST.get(lang, {}).get(words[0] if words else "", ()):
        if words[:len(phrase)] == phrase:
            return h
    return None


def _strip_span(span: SpacySpan, lang: str, known_name: Callable[[str], bool] = lambda text: False
                ) -> tuple[Optional[SpacySpan], Optional[str]]:
    """Drop determiners and feature words from the front of an entity span, returning the hint.
    A feature word that is part of a known name stays ("Port Sudan" is a city, not the port of Sudan)."""
    hint = None
    i, j = span.start, span.end
    doc = span.doc
    while i < j:
        low = fold(doc[i].text)
        if low in LEADING_DETERMINERS:
            i += 1
            continue
        if j - i > 1 and known_name(doc[i:j].text):
            break
        matched = False
        first = _token_words(doc[i].text)
        phrases = _FEATURES_BY_FIRST.get(lang, {}).get(first[0], ()) if first else _FEATURES.get(lang, {}).items()
        for phrase, h in phrases:
            n = len(phrase)
            if i + n < j and _words(doc[i:i + n]) == phrase:
                hint, i, matched = h, i + n, True
                while i < j and fold(doc[i].text) in ("de", "du", "d", "d'", "of", "des", "la", "l'", "l"):
                    i += 1
                break
        if not matched:
            break
    while j > i and doc[j - 1].text in ("'s", "'", "’s", ",", ".", "-") and not doc[j - 1].text.endswith("."):
        j -= 1
    if j > i and doc[j - 1].text == "'s":
        j -= 1
    return (doc[i:j] if j > i else None), hint


# "GOMA (RD Congo) —", "KHARKIV, Ukraine (Reuters) -": the dateline names where the report was
# filed; the parser often makes it the subject of the first verb, but it is never a metonym.
_DATELINE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ .-]+(?:,\s*[\w' .-]{1,40})?(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


def in_dateline(text: str, start: int) -> bool:
    m = _DATELINE.match(text[:120])
    return bool(m) and start < m.end()


def _role(span: SpacySpan, lang: str) -> str:
    root = span.root
    if in_dateline(span.doc.text, span.start_char):
        return "toponym"
    if root.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and root.head.lemma_.lower() in METONYMY_VERBS.get(lang, ()):
        return "metonym"
    return "toponym"


def _candidate(span: SpacySpan, source: str, lang: str, label: str = "", hint: Optional[str] = None,
               needs_strong: bool = False) -> Candidate:
    before_hint, cue = context_before(span.doc, span.start, lang)
    hint = hint or before_hint or hint_after(span.doc, span.end, lang)
    return Candidate(span.start_char, span.end_char, span.text, source, label, hint, cue, needs_strong,
                     _role(span, lang))


def find_candidates(doc: Doc, lang: str, curated_keys: set[str], demonyms: dict[str, str],
                    strong_name: Callable[[str], bool],
                    known_name: Callable[[str], bool] = lambda text: True,
                    region_name: Callable[[str], bool] = lambda text: False) -> list[Candidate]:
    """All toponym candidates of a document, overlaps resolved (longest, then most reliable, wins).

    `strong_name(text)` says whether a text is the own name of a well-known place (a country,
    a region, a city); it selects place names inside organisation names ("Kentucky State
    Police", "Conference Board of Canada") and inside capitalised runs that NER left alone."""
    found: list[Candidate] = []
    # One sense per discourse: a name tagged as a place once is a place where NER calls it a person.
    place_names = {fold(e.text) for e in doc.ents if e.label_ in PLACE_LABELS.get(lang, ())}
    qualified_names: set[str] = set()
    for ent in doc.ents:
        span, hint = _strip_span(ent, lang, known_name)
        if span is None:
            continue
        folded = fold(span.text)
        if ent.label_ not in PLACE_LABELS.get(lang, ()) and folded not in demonyms and folded not in place_names \
                and len(span) <= 3 and _is_name_token(span[0]) and name_key(span.text) not in _GENERIC_KEYS \
                and _qualified(span, region_name) and known_name(span.text):
            qualified_names.add(folded)  # "Churchill, Man.": a place whatever NER says
            c = _candidate(span, "entity", lang, ent.label_, hint)
            c.needs_qualifier = True
            found.append(c)
            continue
        if folded in qualified_names and ent.label_ not in PLACE_LABELS.get(lang, ()):
            c = _candidate(span, "entity", lang, ent.label_, hint, needs_strong=True)
            c.follows_sense = True
            found.append(c)
            continue
        if folded in demonyms:
            if _adjectival(span):
                found.append(Candidate(span.start_char, span.end_char, span.text, "demonym", ent.label_,
                                       role="demonym", country_code=demonyms[folded]))
        elif ent.label_ in PLACE_LABELS.get(lang, ()):
            if len(span) > 1 and not known_name(span.text):  # "Irak al-Boukamal": names inside
                found.extend(_embedded(span, lang, strong_name, "entity", ent.label_))
            elif name_key(span.text) not in _GENERIC_KEYS:
                found.append(_candidate(span, "entity", lang, ent.label_, hint))
        elif _introduced(span, lang) and name_key(span.text) not in _GENERIC_KEYS and known_name(span.text):
            found.append(_candidate(span, "entity", lang, ent.label_, hint))  # "the town of Abu Kamal" (NORP)
        elif ent.label_ in OTHER_LABELS.get(lang, ()):
            found.extend(_embedded(span, lang, strong_name, "embedded", ent.label_))
        elif ent.label_ in ("PERSON", "PER") and fold(span.text) in place_names:
            found.append(_candidate(span, "entity", lang, ent.label_, hint))
        elif ent.label_ in ("PERSON", "PER") and (region_name(span.text) or (
                span.text[:1].isupper()  # "into the bush" tagged PERSON is not Būsh
                and context_before(span.doc, span.start, lang)[1] is not None and strong_name(span.text))):
            found.append(_candidate(span, "entity", lang, ent.label_, hint, needs_strong=True))  # "Mali" as a person
        elif PARTICLE_NAME.match(span[0].text) and len(span) <= 2:
            found.append(_candidate(span, "entity", lang, ent.label_, hint))  # al-Mayadine tagged as a person
    doc_text = doc.text  # built from the tokens on each access
    found = [_with_admin_word(c, doc_text, known_name) for c in found]
    found.extend(_curated_ngrams(doc, lang, curated_keys))
    found.extend(_loose_tokens(doc, lang, demonyms, strong_name, known_name))
    return _listed_cues(_resolve_overlaps([c for c in found if not _mangled_acronym(c.text) and not _outlet(c)
                                           and not _organisation(c, doc, lang)]), doc.text)


_LIST_GAP = re.compile(r"^\s{0,2}(?:,|and|or|et|ou|, and|, or|, et)\s{0,3}$")


def _listed_cues(found: list[Candidate], text: str) -> list[Candidate]:
    """A cue covers the names listed after it: "à Déou et Oursi", "between Homs and Hama"."""
    for a, b in zip(found, found[1:]):
        if b.cue is None and a.cue is not None and a.role != "demonym" and b.role != "demonym" \
                and _LIST_GAP.match(text[a.end:b.start]):
            b.cue = a.cue
    return found


def _organisation(c: Candidate, doc: Doc, lang: str) -> bool:
    """A name in apposition to an organisation word ("l'agence officielle Sana", "state news agency SANA",
    "SANA news agency", "Al Mayadeen TV"): the outlet, not a place. A location cue keeps it a place."""
    if c.cue is not None or c.role == "demonym":
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    after = _words(doc[span.end:span.end + 3])
    if any(after[:len(t)] == t for t in _ORG_TAILS.get(lang, ())):
        return True
    k, fillers = span.start, _ORG_FILLERS.get(lang, frozenset())
    while k > 0 and span.start - k < 4 and doc[k - 1].text.islower() and \
            (doc[k - 1].pos_ == "ADJ" or fold(doc[k - 1].text) in fillers):
        k -= 1
    before = _words(doc[max(0, k - 4):k])
    return any(_ends_with(before, h) for h in _ORG_HEADS.get(lang, ()))


def _introduced(span: SpacySpan, lang: str) -> bool:
    """A word that says what kind of populated place or region follows ("the town of", "la province de")
    stands just before the span: a place, whatever NER labelled it (or when NER left it alone)."""
    return context_before(span.doc, span.start, lang)[0] in ("town", "admin")


def _outlet(c: Candidate) -> bool:
    """A news outlet's name ("Xinhua reported", "told al-Hurra"), not a place, unless a cue puts it there.
    Spelling is matched exactly (case, accents and hyphens aside): "Al Jazeera" is the channel,
    "al-Jazira" the Syrian region."""
    return c.cue is None and " ".join(fold(c.text.replace("-", " ")).split()) in _OUTLET_KEYS


_ADMIN_WORDS = re.compile(r"^[ ](County|Parish|Province|Governorate|District|Oblast|Co\.|COUNTY|CO\.)(?![\w-])")


def _with_admin_word(c: Candidate, text: str, known_name: Callable[[str], bool]) -> Candidate:
    """'Plymouth' tagged alone in 'Plymouth County': the county is the place, when the index has it."""
    m = _ADMIN_WORDS.match(text[c.end:c.end + 16])
    if m is None or c.role == "demonym":
        return c
    word = "County" if m.group(1).lower() in ("co.", "county") else m.group(1)
    name = f"{c.text} {word}"  # looked up as "X County"; the reported span is the text's own
    if not known_name(name):
        return c
    c.end, c.text, c.hint = c.end + len(m.group(0)), name, "admin"
    return c


def _qualified(span: SpacySpan, region_name: Callable[[str], bool]) -> bool:
    """The span is followed by ", <region or country>" ("Churchill, Man.", "Paris, Texas")."""
    doc, j = span.doc, span.end
    if j + 1 >= len(doc) or doc[j].text != ",":
        return False
    for k in (3, 2, 1):
        sub = doc[j + 1:j + 1 + k]
        if len(sub) == k and sub[0].text[:1].isupper() and not sub[-1].is_punct and region_name(sub.text):
            return True
    return False


def _mangled_acronym(text: str) -> bool:
    """An acronym that only matches a place after spelling normalisation ('BBC' → bc, 'CIA' → kia);
    dotted abbreviations ('B.C.', 'U.S.') are meant as such."""
    letters = "".join(ch for ch in fold(text) if ch.isalnum())
    return text.isupper() and "." not in text and len(letters) <= 5 and name_key(text) != letters


def _adjectival(span: SpacySpan) -> bool:
    """'Syrian', 'russe', 'forces américaines' — not 'the Syrians', 'les Américains' (people)."""
    tok = span[-1]
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    return not (tok.pos_ in ("NOUN", "PROPN") and "Plur" in tok.morph.get("Number"))


def _embedded(span: SpacySpan, lang: str, strong_name: Callable[[str], bool], source: str,
              label: str = "") -> list[Candidate]:
    """The longest sub-spans of `span` that are strong place names (left to right)."""
    out = []
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + 4), i, -1):
            sub = span.doc[i:j]
            if _is_name_token(sub[0]) and not sub[-1].is_punct and not sub[-1].is_space \
                    and name_key(sub.text) not in _GENERIC_KEYS \
                    and strong_name(sub.text):
                cand = _candidate(sub, source, lang, label, needs_strong=True)
                cand.mid_name = i > span.start  # "Wa" in "Tarnak Wa Jaldak"
                out.append(cand)
                i = j - 1
                break
        i += 1
    return out


def _curated_ngrams(doc: Doc, lang: str, curated_keys: set[str]) -> list[Candidate]:
    out = []
    # Token objects and texts made once: spaCy builds a new Token on every doc[i].
    toks = list(doc)
    texts = [t.text for t in toks]
    text = doc.text
    i, n_tokens = 0, len(toks)
    starts = getattr(curated_keys, "first_words", None)
    max_tokens = getattr(curated_keys, "max_tokens", {})
    while i < n_tokens:
        first = first_word(texts[i]) if starts is not None else ""
        if starts is not None and first not in starts:
            i += 1
            continue
        longest = min(MAX_NAME_TOKENS, n_tokens - i)
        if starts is not None:
            longest = min(longest, max_tokens.get(first, longest))
        for n in range(longest, 0, -1):
            head, last = toks[i], toks[i + n - 1]
            if last.is_punct or head.is_punct or last.is_space or head.is_space:
                continue
            key = name_key(text[head.idx:last.idx + len(last.text)])
            if key in curated_keys and (n > 1 or _is_name_token(head)):
                out.append(_candidate(doc[i:i + n], "curated", lang))
                i += n - 1
                break
        i += 1
    return out


def _is_name_token(tok) -> bool:
    return tok.text[:1].isupper() or bool(PARTICLE_NAME.match(tok.text))


def _loose_tokens(doc: Doc, lang: str, demonyms: dict[str, str], strong_name: Callable[[str], bool],
                  known_name: Callable[[str], bool] = lambda text: False) -> list[Candidate]:
    """Capitalised runs outside entities (strong place names inside them, or the whole run when a feature
    word introduces it: "the northern Afghan city of Mazar-i-Sharif"), and demonym words."""
    out = []
    toks = list(doc)  # one Token object per token, not one per doc[i]
    i, n_tokens = 0, len(toks)
    while i < n_tokens:
        tok = toks[i]
        folded = fold(tok.text)
        if folded in demonyms and (tok.text[:1].isupper() or lang == "fr") and not tok.ent_type_:
            if _adjectival(doc[i:i + 1]):
                out.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, "demonym", role="demonym",
                                     country_code=demonyms[folded]))
            i += 1
            continue
        if PARTICLE_NAME.match(tok.text) and not tok.ent_type_:
            out.append(_candidate(doc[i:i + 1], "entity", lang, "particle"))
            i += 1
            continue
        if tok.text[:1].isupper() and (tok.is_alpha or _HYPHENATED.fullmatch(tok.text)) and not tok.ent_type_ \
                and tok.pos_ == "PROPN":
            j = i + 1
            while j < n_tokens and j - i < 6 and toks[j].text[:1].isupper() and not toks[j].ent_type_ \
                    and (toks[j].is_alpha or toks[j].text.endswith(".")):
                j += 1
            out.extend(_loose_run(doc[i:j], lang, strong_name, known_name))
            i = j
            continue
        i += 1
    return out


def _loose_run(run: SpacySpan, lang: str, strong_name: Callable[[str], bool],
               known_name: Callable[[str], bool]) -> list[Candidate]:
    """Place names in a capitalised run NER left alone: the whole run when a feature word introduces it,
    else the strong names inside it, else the whole run after a location cue ("in Loikaw, the capital of
    Kayah State"), kept only if well known or in a region the article names."""
    hint, cue = context_before(run.doc, run.start, lang)
    known = (hint in ("town", "admin") or cue is not None) and name_key(run.text) not in _GENERIC_KEYS \
        and known_name(run.text)
    if known and hint in ("town", "admin"):
        return [_candidate(run, "entity", lang, "introduced")]
    inside = _embedded(run, lang, strong_name, "capitalised")
    if not inside and known:
        inside = [_candidate(run, "capitalised", lang, needs_strong=True)]
    return inside


_SOURCE_RANK = {"curated": 0, "entity": 1, "demonym": 2, "embedded": 3, "capitalised": 4}


def _resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (-(c.end - c.start), _SOURCE_RANK[c.source], c.start))
    kept: list[Candidate] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
