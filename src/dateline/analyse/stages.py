"""The registered analysis stages, in pipeline order. Each one does one job on an ArticleDoc.

The algorithms live in their own modules (triggers, mentions, actors, modality,
attribution, typing, merge, dates, tolls, weapons, geo); this file only wires
them to the document, so the order and the set of stages stay visible here.
"""
from __future__ import annotations

from dateline.analyse import actors as actors_mod
from dateline.analyse import attribution, modality, typing_rules
from dateline.analyse.mentions import find_candidates
from dateline.nlp import load_nlp, normalise_for_nlp
from dateline.pipeline import ArticleDoc, stage
from dateline.records import Mention

SUPPORTED = ("fr", "en")


def warm_up(langs=SUPPORTED, detect: bool = True) -> None:
    """Load models and lexicons once (before forking workers).

    `detect=False` when every article states its language: the language identifier (0.6 s
    to load) is then left for first use."""
    from dateline.analyse.lexicon import actor_matcher, source_matcher
    for lang in langs:
        load_nlp(lang)
    actor_matcher()
    source_matcher()
    try:
        from dateline.geo import default_gazetteer
        default_gazetteer()
    except Exception:  # the geo stage reports its own failures
        pass
    try:
        from dateline.analyse.classifier import EventClassifier
        EventClassifier.load()
    except Exception:
        pass
    _run_once(langs, detect)


# One short article per language that goes through every stage, so that what the stages load
# on first use (the language identifier, lexicons, compiled patterns, tables) is loaded by warm_up too: in a parent
# before forking (shared by the workers), and before a benchmark's clock starts.
WARM_UP_TEXTS = {
    "fr": "Le 5 janvier 2022, trois roquettes ont frappé la base d'al-Omar, près de Deir ez-Zor, "
          "tuant deux civils et blessant un soldat, selon l'OSDH. L'armée a riposté mardi soir.",
    "en": "On 5 January 2022, gunmen attacked a village near Mopti in central Mali, killing three "
          "civilians and abducting two others, police said. Protesters later gathered in Bamako.",
}


def _run_once(langs, detect: bool = True) -> None:
    from dateline.pipeline import Pipeline
    from dateline.records import Article
    arts = [Article(id=f"warm-up-{lang}", text=WARM_UP_TEXTS[lang], language=None if detect else lang)
            for lang in langs if lang in WARM_UP_TEXTS]
    try:
        Pipeline().analyse_batch(arts)
    except Exception:  # warming up must never be the failure; the real run reports its own
        pass


def detect_language(text: str) -> str:
    import py3langid
    lang, _ = py3langid.classify(text[:2000])
    return lang if lang in SUPPORTED else ("fr" if lang in ("ca", "oc", "it", "es", "pt") and _looks_french(text) else "en")


def _looks_french(text: str) -> bool:
    low = f" {text[:2000].lower()} "
    return sum(low.count(w) for w in (" le ", " la ", " les ", " des ", " est ", " une ")) > \
        sum(low.count(w) for w in (" the ", " and ", " of ", " is ", " a "))


@stage("language")
def language_stage(doc: ArticleDoc) -> None:
    lang = (doc.article.language or "").lower()[:2]
    doc.lang = lang if lang in SUPPORTED else detect_language(doc.text)
    doc.article.language = doc.lang


def parse_batch(docs: list[ArticleDoc]) -> None:
    """Parse every doc of a batch with one nlp.pipe call per language."""
    for lang in sorted({d.lang for d in docs}):
        group = [d for d in docs if d.lang == lang]
        for d in group:
            d.nlp_text = normalise_for_nlp(d.text)
        for d, parsed in zip(group, load_nlp(lang).pipe([d.nlp_text for d in group], batch_size=32)):
            d.doc = parsed


@stage("parse", batch=parse_batch)
def parse_stage(doc: ArticleDoc) -> None:
    doc.nlp_text = normalise_for_nlp(doc.text)
    doc.doc = load_nlp(doc.lang)(doc.nlp_text)


@stage("places")
def places_stage(doc: ArticleDoc) -> None:
    from dateline.geo import geoparse
    doc.places = geoparse(doc.text, doc.doc, doc.lang)


@stage("dates")
def dates_stage(doc: ArticleDoc) -> None:
    from dateline.analyse.dates import find_date_expressions, publication_range, resolve_date
    a = doc.article
    doc.published_range = publication_range(a.published, a.published_precision)
    found = []
    for expr in find_date_expressions(doc.nlp_text, doc.lang):
        r = resolve_date(expr, doc.lang, a.published, a.published_precision)
        expr.expression = doc.text[expr.start:expr.end]
        found.append(r if r is not None else expr)
    doc.dates = found


@stage("sources")
def sources_stage(doc: ArticleDoc) -> None:
    doc.sources = attribution.find_sources(doc.nlp_text, doc.doc, doc.lang)
    for s in doc.sources:
        s.text = doc.text[s.start:s.end]
    # A source's name is not a place, whatever the gazetteer says ("al-Araby", "al-Hurra").
    named = [(s.start, s.end) for s in doc.sources]
    doc.places = [p for p in doc.places if not any(a < p.end and p.start < b for a, b in named)]
    sents = [(s.start_char, s.end_char) for s in doc.doc.sents]
    doc.notes["sentences"] = sents
    doc.notes["chains"] = attribution.chains_by_sentence(sents, doc.sources, doc.paragraphs, doc.article.outlet)


@stage("mentions")
def mentions_stage(doc: ArticleDoc) -> None:
    """Trigger groups → Mentions (type decided later), kept with their candidate for later stages.

    A sentence with no trigger word still gives a candidate when the sentence
    classifier is sure it tells an event (words the lexicon lacks)."""
    pairs = []
    chains = doc.notes.get("chains") or []
    probs = doc.notes.get("sentence_probs") or []
    for n, sent in enumerate(doc.doc.sents):
        cands = find_candidates(sent, doc.lang)
        if not cands and n < len(probs):
            extra = typing_rules.model_candidate(sent, probs[n], doc.lang)
            cands = [extra] if extra else []
        for cand in cands:
            main = cand.main
            trig = doc.span(main.tokens[0].idx, main.tokens[-1].idx + len(main.tokens[-1]), "trigger")
            m = Mention(
                article_id=doc.article.id, event_type="", sub_event_type="", trigger=trig,
                sentence=doc.span(sent.start_char, sent.end_char, "sentence"),
                evidence=[doc.span(cand.start, cand.end, "evidence")],
                attribution=list(chains[n]) if n < len(chains) else [],
                anaphoric=cand.anaphoric, confidence=cand.strength,
            )
            pairs.append((m, cand, n))
    doc.notes["pairs"] = pairs
    doc.mentions = [m for m, _, _ in pairs]


@stage("actors")
def actors_stage(doc: ArticleDoc) -> None:
    hits = actors_mod.find_actor_hits(doc.nlp_text, doc.doc, doc.lang)
    for h in hits:
        h.ref.text = doc.text[h.ref.start:h.ref.end]
    doc.notes["actor_hits"] = hits
    # A place inside an armed group's name says who, not where ("the Donbass People's Militia").
    named = [(h.ref.start, h.ref.end) for h in hits if h.actor is not None and h.actor.kind not in
             ("state forces", "civilians", "protesters", "rioters") and len(h.ref.text.split()) > 1]
    doc.places = [p for p in doc.places if not any(a <= p.start and p.end <= b for a, b in named)]
    for m, cand, _ in doc.notes.get("pairs", []):
        m.actor1, m.actor2 = actors_mod.assign_actors(
            hits, cand.tokens, m.sentence.start, m.sentence.end, (cand.start, cand.end), doc.lang)
        if m.actor1 is None and actors_mod.perpetrator_unknown(doc.nlp_text[cand.start:cand.end], doc.lang):
            doc.notes.setdefault("unknown_perp", set()).add(id(m))


@stage("tolls")
def tolls_stage(doc: ArticleDoc) -> None:
    from dateline.analyse.tolls import parse_toll
    for m, cand, _ in doc.notes.get("pairs", []):
        # Tolls are told in the whole sentence ("…, tuant 3 civils"), not only the clause.
        s = m.sentence
        m.toll = parse_toll(doc.nlp_text[s.start:s.end], doc.lang, offset=s.start)


@stage("weapons")
def weapons_stage(doc: ArticleDoc) -> None:
    from dateline.analyse.weapons import find_munitions, find_weapons
    for m, cand, _ in doc.notes.get("pairs", []):
        s = m.sentence
        text = doc.nlp_text[s.start:s.end]
        m.weapons = sorted({w for w, _ in find_weapons(text, doc.lang, offset=s.start)})
        mun = find_munitions(text, doc.lang, offset=s.start)
        if mun:
            m.munitions = mun[0][0]


@stage("modality")
def modality_stage(doc: ArticleDoc) -> None:
    for m, cand, _ in doc.notes.get("pairs", []):
        m.modality = modality.detect_modality(cand.tokens, doc.lang)


@stage("classify")
def classify_stage(doc: ArticleDoc) -> None:
    """Probabilities of each sub-event type for every sentence, read in its context.

    The learned model sees the sentence with its neighbours: "Police fired tear gas."
    alone says little; after "Thousands marched on parliament" it is a protest with
    intervention. The neighbours are taken across paragraph breaks: spaCy keeps a blank
    line inside the sentence before it, and the windows were measured that way (cutting
    them at paragraphs lost the burnt fuel trucks of an ambush to a separate event and
    made a conscription law an event, on the bundled samples)."""
    from dateline.analyse.classifier import EventClassifier
    sents = doc.notes.get("sentences") or [(s.start_char, s.end_char) for s in doc.doc.sents]
    texts = [doc.text[a:b] for a, b in context_windows(sents)]
    doc.notes["sentence_probs"] = EventClassifier.load().predict_proba(texts, doc.lang) if texts else []


def context_windows(sents: list[tuple[int, int]], radius: int = 1) -> list[tuple[int, int]]:
    """For each sentence, the span from `radius` sentences before it to `radius` after."""
    return [(sents[max(0, i - radius)][0], sents[min(len(sents) - 1, i + radius)][1]) for i in range(len(sents))]


@stage("types")
def types_stage(doc: ArticleDoc) -> None:
    probs = doc.notes.get("sentence_probs") or []
    kept = []
    for m, cand, n in doc.notes.get("pairs", []):
        p = probs[n] if n < len(probs) else None
        has_place = any(m.sentence.start <= pl.start < m.sentence.end for pl in doc.places)
        if cand.descriptive or (cand.generic and not _has_specifics(doc, m, cand)):
            continue  # "les raids se succèdent", "gangs who raid villages": a habit, not a happening
        decision = typing_rules.decide(cand, m, p, has_place)
        if decision is None:
            continue
        m.event_type, m.sub_event_type, m.confidence = decision
        kept.append((m, cand, n))
    doc.notes["pairs"] = kept
    doc.mentions = [m for m, _, _ in kept]


def _has_specifics(doc: ArticleDoc, m: Mention, cand) -> bool:
    """A number, a toll, a place or a date of its own inside the mention's evidence."""
    a, b = cand.start, cand.end
    tolls = [c for c in (m.toll.fatalities, m.toll.injured) if c is not None and c.best is not None]
    has_number = any(t.like_num for t in doc.doc.char_span(a, b, alignment_mode="expand") or [])
    return bool(
        has_number or any(c.start is not None and a <= c.start < b for c in tolls)
        or any(a <= p.start < b for p in doc.places) or any(d.start is not None and a <= d.start < b for d in doc.dates)
    )


@stage("merge")
def merge_stage(doc: ArticleDoc) -> None:
    from dateline.analyse.merge import merge_mentions
    doc.events = merge_mentions(doc)


@stage("framing")
def framing_stage(doc: ArticleDoc) -> None:
    """Loaded terms, attached to the events told in the same paragraph."""
    from dateline.analyse.framing import find_loaded_terms
    doc.framing = find_loaded_terms(doc.nlp_text, doc.lang)
    for s in doc.framing:
        s.text = doc.text[s.start:s.end]
    for ev in doc.events:
        paras = {p for m in ev.mentions for p in doc.paragraphs.of_span(m.sentence.start, m.sentence.end)}
        ev.framing = [(doc.article.id, f) for f in doc.framing if doc.paragraphs.at(f.start) in paras]
