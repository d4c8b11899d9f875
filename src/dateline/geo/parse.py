"""`geoparse`: toponyms of an article, each resolved to a gazetteer place."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from dateline.geo.gazetteer import Gazetteer, default_gazetteer
from dateline.geo.normalise import name_key
from dateline.geo.recognise import CuratedNames, find_candidates, first_word, name_tokens
from dateline.geo.resolve import precision_of, resolve
from dateline.records import GeoRef  # noqa: F401  (re-exported: dateline.geo.GeoRef)


@lru_cache(maxsize=4)
def curated_keys(gaz: Gazetteer) -> CuratedNames:
    """Name keys of the curated supplement, matched anywhere in the text (case-insensitive when multi-word)."""
    rows = [name for (name,) in gaz.db.execute(
        "SELECT n.name FROM names n JOIN places p ON p.id=n.place_id WHERE p.source='supplement'")]
    keys = frozenset(k for name in rows if (k := name_key(name)) and len(k) >= 4)
    longest: dict[str, int] = {}
    for name in rows:
        w = first_word(name)
        longest[w] = max(longest.get(w, 0), name_tokens(name))
    return CuratedNames(keys, frozenset(longest), longest)


def geoparse(text: str, doc: Doc, lang: str, gazetteer: Optional[Gazetteer] = None,
             include_demonyms: bool = True) -> list[GeoRef]:
    """Toponyms of `text` (doc = the spaCy Doc of normalise_for_nlp(text)), resolved, in text order.

    Demonyms and metonyms are returned with their role set, so that callers that want
    only locations (event places) can skip them; unresolvable names are dropped."""
    gaz = gazetteer or default_gazetteer()
    candidates = find_candidates(doc, lang, curated_keys(gaz), gaz.demonyms, gaz.is_strong_name,
                                 lambda t: bool(gaz.lookup(t)), gaz.is_region_name)
    refs = []
    for choice in resolve(gaz, candidates, text=text):
        cand = choice.candidate
        if choice.place is None or (cand.role == "demonym" and not include_demonyms):
            continue
        refs.append(GeoRef(text=text[cand.start:cand.end], start=cand.start, end=cand.end, place=choice.place,
                           geo_precision=precision_of(choice), score=round(choice.score, 3), role=cand.role,
                           cue=cand.cue))
    return refs
