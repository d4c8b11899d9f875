"""Sentence-level event-type classifier (ACLED sub-event types + NONE).

A light linear model: TF-IDF over lowercased word 1-2-grams and character
3-5-grams (within word boundaries), then a multinomial logistic regression.
One model serves French and English: the features are plain strings.

The artifact (``data/models/event_classifier.npz``) holds only arrays —
vocabularies, idf weights, coefficients, labels — no pickles, so it loads
with any numpy/scikit-learn version. Prediction is re-implemented here (pure
numpy; scikit-learn is needed only for training).

    clf = EventClassifier.load()
    clf.predict_proba(["Soldiers clashed with rebels near Goma."], "en")
    EventClassifier.event_type_of("Armed clash")  # -> "Battles"

Trained by ``scripts/train_classifier.py`` from
``data/training/events_*.jsonl`` (examples written for the project).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
from dateline.langdata import read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA_DIR / "models" / "event_classifier.npz"
TAXONOMY_PATH = DATA_DIR / "taxonomy.yaml"
NONE = "NONE"

# Feature extraction settings, shared by training and prediction.
WORD_PARAMS = dict(analyzer="word", ngram_range=(1, 2), lowercase=True,
                   token_pattern=r"(?u)\b\w\w+\b", dtype=np.float32)
CHAR_PARAMS = dict(analyzer="char_wb", ngram_range=(3, 5), lowercase=True,
                   dtype=np.float32)

_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def normalise(text: str) -> str:
    """Same normalisation at train and predict time: numbers → 0, quotes."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _NUM.sub("0", text)


# -- actor-role tags ------------------------------------------------------------
# Bag-of-words cannot tell "the army retook X from the rebels" from "the rebels
# retook X from the army". For sentences with a capture verb, a few synthetic
# word tokens say which kind of actor is the subject (first actor in the
# sentence before the verb), the agent ("fell to", "by", "aux mains de") and the
# party it was taken from ("from", "à", "aux dépens de"). They are appended to
# the text seen by the word features only (training and prediction alike).
_STATE = (r"army|armies|armed forces|troops|soldiers?|military|militaries|government|pro-government|security forces|"
          r"police|gendarmes?|gendarmerie|regime|junta|loyalists?|marines|commandos|tatmadaw|fardc|fama|saa|sna|endf|saf|"
          r"sspdf|idf|forces loyal|forces gouvernementales|armée|armées|soldats|militaires|troupes|junte|régime|loyalistes|"
          r"forces de sécurité|forces de défense|gouvernement|forces armées|forces fédérales|federal forces|federal troops|"
          r"state forces|national army|counter-terrorism|hadin kai|vdp|bir|popular mobilisation|wazalendo|giants brigades|"
          r"forces irakiennes|forces afghanes|forces ukrainiennes|ukrainian forces|ukrainian troops|iraqi forces|afghan forces")
_NONSTATE = (r"rebels?|rebel|militants?|insurgents?|insurgency|jihadists?|djihadistes?|jihadistes?|terrorists?|terroristes?|"
             r"taliban|talibans|shabaab|shabab|shebab|boko haram|iswap|isis|isil|islamic state|état islamique|etat islamique|daesh|"
             r"houthis?|m23|adf|jnim|gsim|rsf|fsr|rapid support|hts|hayat tahrir|opposition|guerrillas?|guérilla|farc|eln|wagner|"
             r"russian forces|russian troops|forces russes|troupes russes|tplf|tigrayan|tigréennes|fano|ola|arakan|pdf|kia|kachin|"
             r"separatists?|séparatistes?|ambazonian|ambazoniens|militia|militias|milice|milices|miliciens?|fighters|combattants|"
             r"insurgés?|rebelles?|assaillants|bandits|gunmen|armed groups?|groupes? armés?|al-qaeda|al-qaïda|aqap|aqpa|"
             r"ansar|ansarul|abu sayyaf|biff|codeco|haftar|lna|anl|sdf|fds|ypg|hamas|hezbollah|cps|csp|mnla|fln")
_CAPTURE = (r"captur\w*|recaptur\w*|seiz\w*|retook|retake\w*|retaken|overr[au]n\w*|took (?:back |over |control)|"
            r"tak\w+ (?:back |over |control)|taken (?:back |over |control)|regain\w*|liberat\w*|wrest\w*|"
            r"gained control|fell to|fall of|in the hands of|driven out|drove \w+ out|pushed \w+ out|flushed|"
            r"empar\w*|repris\w*|reprend\w*|reconqu\w*|libér\w*|pris le contrôle|pris d'assaut|tomb\w+ aux mains|"
            r"aux mains|chass\w+|délog\w+|conquis")
_ACTOR_RE = re.compile(r"\b(?:(?P<st>" + _STATE + r")|(?P<ns>" + _NONSTATE + r"))\b", re.I)
_CAPTURE_RE = re.compile(r"\b(?:" + _CAPTURE + r")\b", re.I)
_AGENT_RE = re.compile(r"\b(?:fell to|fall of \S+(?: \S+)? to|(?:captured|seized|overrun|retaken|recaptured|taken|liberated|"
                       r"(?:driven|pushed|forced|flushed|expelled) out of \S+(?: \S+)?) by|in the hands of|under the control of|"
                       r"aux mains d[eu]s?|sous le contrôle d[eu]s?|"
                       r"(?:chass|délog|repris|prise?s?\b|captur|conquis|expuls|libér)\w*(?: d[eu]s? \S+(?: \S+)?)? par)\s+", re.I)
_FROM_RE = re.compile(r"\b(?:from|held by|occupied by|controlled by|à|aux|aux dépens d[eu]s?|de l'emprise d[eu]s?|face à|"
                      r"tenue?s? par|occupée?s? par)\s+", re.I)
_SENT = re.compile(r"(?<=[.!?;])\s+")


def _kind_at(text: str, pos: int, span: int = 60) -> str:
    m = _ACTOR_RE.search(text, pos, pos + span)
    if not m:
        return ""
    return "state" if m.group("st") else "ns"


def role_tags(text: str) -> str:
    """Synthetic tokens about who captured whom (empty when no capture verb):
    ``zzcaptor{state,ns}`` (the agent of a passive, else the first actor
    before the verb) and ``zzfrom{state,ns}`` (the party it was taken from)."""
    tags = []
    for sent in _SENT.split(text):
        cap = _CAPTURE_RE.search(sent)
        if not cap:
            continue
        captor = ""
        m = _AGENT_RE.search(sent, max(0, cap.start() - 12))
        if m and m.start() <= cap.start() + 2:  # the capture verb itself is passive
            captor = _kind_at(sent, m.end(), 40)
        if not captor:
            subj = _ACTOR_RE.search(sent, 0, cap.start())
            if subj:
                captor = "state" if subj.group("st") else "ns"
            elif m:
                captor = _kind_at(sent, m.end(), 40)
        if captor:
            tags.append("zzcaptor" + captor)
        for m in _FROM_RE.finditer(sent, cap.end()):
            k = _kind_at(sent, m.end(), 40)
            if k:
                tags.append("zzfrom" + k)
                break
    return " ".join(tags)


def with_roles(text: str) -> str:
    t = role_tags(text)
    return text + " " + t if t else text


_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE = re.compile(r"\s\s+")


class _Tfidf:
    """TF-IDF (sublinear tf, l2 norm) on a fixed vocabulary.

    Reproduces scikit-learn's TfidfVectorizer(sublinear_tf=True) output for
    WORD_PARAMS / CHAR_PARAMS, but counts n-grams itself: character n-grams
    are cached per word, which makes prediction several times faster.
    """

    _CACHE_MAX = 200_000

    def __init__(self, terms, idf, params):
        self.vocab = {t: i for i, t in enumerate(terms)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.analyzer = params["analyzer"]
        self.ngram_range = params["ngram_range"]
        self._cache: dict[str, list[int]] = {}

    def _word_ids(self, text):
        vocab = self.vocab
        toks = _TOKEN.findall(text.lower())
        ids = [vocab[t] for t in toks if t in vocab]
        for a, b in zip(toks, toks[1:]):
            j = vocab.get(a + " " + b)
            if j is not None:
                ids.append(j)
        return ids

    def _char_ids(self, text):
        lo, hi = self.ngram_range
        cache, vocab = self._cache, self.vocab
        if len(cache) > self._CACHE_MAX:
            cache.clear()
        ids = []
        for w in _WHITE.sub(" ", text.lower()).split():
            got = cache.get(w)
            if got is None:
                got = []
                p = " " + w + " "
                L = len(p)
                for n in range(lo, hi + 1):
                    if L <= n:  # like sklearn: a word no longer than n counts once, whole
                        j = vocab.get(p)
                        if j is not None:
                            got.append(j)
                        break
                    for k in range(L - n + 1):
                        j = vocab.get(p[k:k + n])
                        if j is not None:
                            got.append(j)
                cache[w] = got
            ids.extend(got)
        return ids

    def weights(self, texts, weight: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """L2-normalised sublinear tf-idf (times ``weight``) as sparse triples sorted by row:
        (row, column, value). Plain numpy: scipy's import alone cost more than a batch."""
        get = self._word_ids if self.analyzer == "word" else self._char_ids
        cols, lens = [], []
        for t in texts:
            ids = get(t)
            cols.extend(ids)
            lens.append(len(ids))
        n_cols = len(self.vocab)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
        keys, counts = np.unique(rows * n_cols + np.asarray(cols, dtype=np.int64), return_counts=True)
        rows, cols = keys // n_cols, keys % n_cols
        data = ((np.log(counts.astype(np.float32)) + 1.0) * self.idf[cols]).astype(np.float32)
        sq = np.bincount(rows, weights=data * data, minlength=len(texts))
        scale = np.zeros(len(texts), dtype=np.float32)
        nz = sq > 0
        scale[nz] = weight / np.sqrt(sq[nz])
        return rows, cols, data * scale[rows]

    def transform(self, texts, weight: float = 1.0):
        """The same weights as a scipy CSR matrix (for tests against scikit-learn)."""
        import scipy.sparse as sp
        rows, cols, data = self.weights(texts, weight)
        return sp.csr_matrix((data, (rows, cols)), shape=(len(texts), len(self.vocab)))


def scores(word: _Tfidf, char: _Tfidf, coef: np.ndarray, texts, char_weight: float = 1.0) -> np.ndarray:
    """Linear scores (texts x labels) of word features, then char features, against ``coef``."""
    texts = [normalise(t) for t in texts]
    out = np.zeros((len(texts), coef.shape[1]), dtype=np.float32)
    for (rows, cols, data), offset in ((word.weights([with_roles(t) for t in texts]), 0),
                                       (char.weights(texts, char_weight), len(word.vocab))):
        if len(rows):  # rows are sorted: sum each row's run of feature weights
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            out[rows[starts]] += np.add.reduceat(coef[cols + offset] * data[:, None], starts, axis=0)
    return out


class EventClassifier:
    """Linear TF-IDF classifier over the 25 ACLED sub-event types and NONE."""

    def __init__(self, labels, word_terms, word_idf, char_terms, char_idf,
                 coef, intercept, char_weight=1.0, meta=None):
        self.labels: list[str] = list(labels)
        self._word = _Tfidf(word_terms, word_idf, WORD_PARAMS)
        self._char = _Tfidf(char_terms, char_idf, CHAR_PARAMS)
        self._coef = np.asarray(coef, dtype=np.float32)          # (n_features, n_labels)
        self._intercept = np.asarray(intercept, dtype=np.float32)
        self._char_weight = float(char_weight)
        self.meta = meta or {}

    # -- persistence -------------------------------------------------------
    def save(self, path: Path = MODEL_PATH) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        wv, cv = self._word.vocab, self._char.vocab
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            word_terms=np.array(sorted(wv, key=wv.get)),
            word_idf=self._word.idf,
            char_terms=np.array(sorted(cv, key=cv.get)),
            char_idf=self._char.idf,
            coef=self._coef.astype(np.float32),
            intercept=self._intercept,
            char_weight=np.array(self._char_weight),
            meta=np.array(repr(self.meta)),
        )

    @classmethod
    def from_file(cls, path: Path = MODEL_PATH) -> "EventClassifier":
        z = np.load(path, allow_pickle=False)
        return cls(
            labels=z["labels"].tolist(), word_terms=z["word_terms"].tolist(),
            word_idf=z["word_idf"], char_terms=z["char_terms"].tolist(),
            char_idf=z["char_idf"], coef=z["coef"], intercept=z["intercept"],
            char_weight=float(z["char_weight"]), meta={"source": str(path)},
        )

    @classmethod
    def load(cls, path: Path | str | None = None) -> "EventClassifier":
        """The shipped model, loaded once per process."""
        return _load_cached(str(path or MODEL_PATH))

    # -- prediction --------------------------------------------------------
    def decision_function(self, texts: list[str]) -> np.ndarray:
        return scores(self._word, self._char, self._coef, texts, self._char_weight) + self._intercept

    def predict_proba(self, texts: list[str], lang: str = "en") -> list[dict[str, float]]:
        """Per text, a dict label → probability (sums to 1, includes NONE).

        ``lang`` ('en' or 'fr') is accepted for the API; the model is shared.
        """
        if not texts:
            return []
        s = self.decision_function(list(texts))
        s = s - s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        return [dict(zip(self.labels, map(float, row))) for row in p]

    def predict(self, texts: list[str], lang: str = "en") -> list[tuple[str, float]]:
        """Per text, the most probable label and its probability."""
        out = []
        for d in self.predict_proba(texts, lang):
            lab = max(d, key=d.get)
            out.append((lab, d[lab]))
        return out

    # -- taxonomy ----------------------------------------------------------
    @staticmethod
    def taxonomy() -> dict:
        return _taxonomy()

    @staticmethod
    def event_type_of(sub_event_type: str) -> str:
        """ACLED event type ("Battles", …) of a sub-event type; '' for NONE/unknown."""
        return _sub_to_type().get(_key(sub_event_type), "")


def _key(s: str) -> str:
    return " ".join(str(s or "").replace(" / ", "/").split()).lower()


@lru_cache(maxsize=4)
def _load_cached(path: str) -> EventClassifier:
    return EventClassifier.from_file(Path(path))


@lru_cache(maxsize=1)
def _taxonomy() -> dict:
    with open(TAXONOMY_PATH, encoding="utf-8") as fh:
        return read_yaml(fh)


@lru_cache(maxsize=1)
def _sub_to_type() -> dict[str, str]:
    out = {}
    for et in _taxonomy()["event_types"]:
        for sub in et["sub_event_types"]:
            out[_key(sub["name"])] = et["name"]
    return out
