"""The analysis pipeline: a list of named stages over one `ArticleDoc`.

Like spaCy's components, each stage does one job, is registered by name with
`@stage("name")`, and the list of stages is configuration: a user (or a
benchmark ablation) can drop or reorder stages without editing code:

    Pipeline(disable=["places"]).analyse(article)

Stages are plain functions `(doc: ArticleDoc) -> None` that read and fill the
doc. Nothing here touches a database: `analyse_articles` turns Articles into
Events and the caller decides where they go.
"""
from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from dateline.paragraphs import Paragraphs
from dateline.records import Article, DateRange, Event, Mention, PlaceRef, SourceRef, Span

log = logging.getLogger("dateline")

STAGES: dict[str, Callable[["ArticleDoc"], None]] = {}
# Stages that can also run over a batch of docs at once (spaCy's nlp.pipe batches
# the neural network: several times faster than one call per article).
BATCH_STAGES: dict[str, Callable[[list["ArticleDoc"]], None]] = {}

# The default order. Each name is a registered stage (see dateline/analyse/stages.py).
DEFAULT_STAGES = [
    "language", "parse", "places", "dates", "sources", "classify", "mentions", "actors",
    "tolls", "weapons", "modality", "types", "merge", "framing",
]
# Texts above this are analysed in slices of paragraphs: spaCy's memory grows
# with document length, and an article that long is usually a digest.
SLICE_CHARS = 100_000
# Below this many articles a process pool costs more than it saves.
AUTO_POOL_MIN = 8


def stage(name: str, batch: Optional[Callable[[list["ArticleDoc"]], None]] = None):
    """Register a stage function under a name (and, optionally, its batch form)."""
    def register(fn):
        STAGES[name] = fn
        if batch is not None:
            BATCH_STAGES[name] = batch
        return fn
    return register


@dataclass
class ArticleDoc:
    """One article under analysis: the record plus everything stages find in it."""
    article: Article
    lang: str = "en"
    text: str = ""          # == article.text (spans index into it)
    nlp_text: str = ""      # same length, typographic marks normalised, fed to spaCy
    doc: Any = None         # spaCy Doc of nlp_text
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published_range: DateRange = field(default_factory=DateRange)
    framing: list[Span] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # scratch space between stages
    _paragraphs: Optional[Paragraphs] = field(default=None, repr=False, compare=False)

    @property
    def paragraphs(self) -> Paragraphs:
        """The paragraph index of `text`, built on first use."""
        if self._paragraphs is None or self._paragraphs.text is not self.text:
            self._paragraphs = Paragraphs(self.text)
        return self._paragraphs

    def span(self, start: int, end: int, label: Optional[str] = None) -> Span:
        return Span(start, end, self.text[start:end], label)


class Pipeline:
    """Runs the configured stages over articles."""

    def __init__(self, stages: Optional[list[str]] = None, disable: Iterable[str] = ()):
        _load_stage_modules()
        names = [s for s in (stages or DEFAULT_STAGES) if s not in set(disable)]
        unknown = [s for s in names if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(sorted(STAGES))}")
        self.stage_names = names
        self.stages = [STAGES[s] for s in names]

    def analyse(self, article: Article) -> list[Event]:
        if len(article.text) > SLICE_CHARS:
            return self._analyse_sliced(article)
        doc = ArticleDoc(article=article, text=article.text)
        for fn in self.stages:
            fn(doc)
        return doc.events

    def analyse_batch(self, articles: list[Article]) -> list[list[Event]]:
        """Events of each article; stages with a batch form (parsing) run once over the batch."""
        small = [a for a in articles if len(a.text) <= SLICE_CHARS]
        docs = [ArticleDoc(article=a, text=a.text) for a in small]
        for name, fn in zip(self.stage_names, self.stages):
            batch = BATCH_STAGES.get(name)
            if batch is not None:
                batch(docs)
            else:
                for d in docs:
                    fn(d)
        by_id = {id(d.article): d.events for d in docs}
        return [by_id[id(a)] if id(a) in by_id else self._analyse_sliced(a) for a in articles]

    def analyse_doc(self, article: Article) -> ArticleDoc:
        """Like `analyse`, but returns the whole ArticleDoc (for tests and `places`)."""
        doc = ArticleDoc(article=article, text=article.text)
        for fn in self.stages:
            fn(doc)
        return doc

    def _analyse_sliced(self, article: Article) -> list[Event]:
        events: list[Event] = []
        for start, end in paragraph_slices(article.text, SLICE_CHARS):
            part = Article(**{**article.__dict__, "text": article.text[start:end]})
            for ev in self.analyse(part):
                events.append(shift_event(ev, start, article.text))
        return events


def paragraph_slices(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Cut text into slices of at most `size` chars, at paragraph (else sentence) breaks."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            end = cut + 1 if cut > start else end
        yield start, end
        start = end


def shift_event(ev: Event, offset: int, full_text: str) -> Event:
    """Move an event's spans from a slice into the whole article's offsets."""
    def move(s: Span) -> Span:
        return Span(s.start + offset, s.end + offset, full_text[s.start + offset:s.end + offset], s.label)
    ev.evidence = [(aid, move(s)) for aid, s in ev.evidence]
    ev.framing = [(aid, move(s)) for aid, s in ev.framing]
    for c in ev.claims:
        c.evidence = [move(s) for s in c.evidence]
    ev.event_id = f"{ev.event_id}-{offset}"
    return ev


def _load_stage_modules() -> None:
    # Importing registers the stages.
    import dateline.analyse.stages  # noqa: F401


# --- many articles ----------------------------------------------------------

_WORKER_PIPELINE: Optional[Pipeline] = None
BATCH_SIZE = 16


def _worker_init(stages: Optional[list[str]], disable: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(stages, disable)


def _worker_analyse(batch: list[Article]) -> list[tuple[Article, list[Event]]]:
    assert _WORKER_PIPELINE is not None
    return list(zip(batch, safe_analyse_batch(_WORKER_PIPELINE, batch)))


def safe_analyse_batch(pipe: Pipeline, batch: list[Article]) -> list[list[Event]]:
    """One bad article must not stop a batch: on failure, retry one by one and report the culprit."""
    try:
        return pipe.analyse_batch(batch)
    except Exception:
        return [_safe_analyse(pipe, a) for a in batch]


def _safe_analyse(pipe: Pipeline, article: Article) -> list[Event]:
    try:
        return pipe.analyse(article)
    except Exception as e:
        log.error("analysis failed for %s: %s: %s", article.id, type(e).__name__, e)
        log.debug("analysis failure", exc_info=True)
        return []


def batches(items: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


_END = object()
# A pool batch holds at most this many characters as well as at most `size` articles: the
# cost of an article grows with its length (a 3,000-word report vs a 40-word note), and
# batches of equal cost keep the workers equally busy.
BATCH_CHARS = 16_000


def _cost(item: object) -> int:
    return len(getattr(item, "text", None) or "") or 1


def partitions(items: Iterable[Article], size: int, workers: int,
               max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of at most `size` articles and `max_chars` characters for `workers` processes,
    smaller at the end of the stream.

    A pool is only as fast as its last worker: with equal batches, the last one often runs
    alone while the others idle. Reading `workers + 1` batches ahead shows where the stream
    ends; what is left then goes out in shrinking batches (each 1/(2 x workers) of the rest,
    by characters), so the workers finish together. Only the grouping changes: each
    article's analysis is its own."""
    it = iter(items)
    ahead: deque[Article] = deque()
    ahead_chars, exhausted = 0, False
    while True:
        while not exhausted and len(ahead) < size * (workers + 1) and ahead_chars < max_chars * (workers + 1):
            nxt = next(it, _END)
            if nxt is _END:
                exhausted = True
            else:
                ahead.append(nxt)
                ahead_chars += _cost(nxt)
        if not ahead:
            return
        count, budget = size, max_chars
        if exhausted:
            count = max(1, min(size, -(-len(ahead) // (2 * workers))))
            budget = max(1, min(max_chars, ahead_chars // (2 * workers)))
        part: list[Article] = []
        chars = 0
        while ahead and len(part) < count and (not part or chars + _cost(ahead[0]) <= budget):
            item = ahead.popleft()
            part.append(item)
            chars += _cost(item)
        ahead_chars -= chars
        yield part


def analyse_articles(
    articles: Iterable[Article], workers: int = 1, stages: Optional[list[str]] = None,
    disable: Iterable[str] = (), batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Article, list[Event]]]:
    """Analyse a stream of articles, in order, in this process or a pool of `workers`.

    `workers < 0` means "up to -workers processes, but one for a small input".
    Articles go in batches (spaCy parses a batch at once). Workers are forked
    after the models are loaded in the parent (copy-on-write), so each costs
    no model-loading time; results come back as plain records."""
    disable = tuple(disable)
    stream = iter(articles)
    head = list(itertools.islice(stream, AUTO_POOL_MIN + 1))
    if workers < 0:
        workers = -workers if len(head) > AUTO_POOL_MIN else 1
    everything = itertools.chain(head, stream)
    if workers <= 1:
        pipe = Pipeline(stages, disable)
        for batch in batches(everything, batch_size):
            yield from zip(batch, safe_analyse_batch(pipe, batch))
        return
    import multiprocessing as mp

    from dateline.analyse.stages import detect_language, warm_up
    # Load the models the input needs in the parent, so forked workers share them.
    warm_up(sorted({(a.language or detect_language(a.text))[:2] for a in head} & {"fr", "en"}) or ["en"],
            detect=any(not a.language for a in head))
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(stages, disable)) as pool:
        for results in pool.imap(_worker_analyse, partitions(everything, batch_size, workers)):
            yield from results


class PoolAnalyser:
    """`analyse_articles` with one process pool kept for every call (the ingest's batches).

    Forking a pool per batch cost a pool start and a drain per batch; this one starts on the
    first call, after both languages' models are loaded here (so the forked workers share
    them), and lives until close(). Results come back in order; the caller is the one writer."""

    def __init__(self, workers: int, stages: Optional[list[str]] = None, disable: Iterable[str] = (),
                 batch_size: int = BATCH_SIZE):
        self.workers, self.stages, self.disable = workers, stages, tuple(disable)
        self.batch_size = batch_size
        self._pool = None

    def __call__(self, articles: Iterable[Article], workers: int = 0, **_: object) -> Iterator[tuple[Article, list[Event]]]:
        arts = list(articles)
        if len(arts) <= 1 or workers == 1:  # one article (the ingest's retries): no hop
            yield from analyse_articles(arts, 1, self.stages, self.disable)
            return
        if self._pool is None:
            import multiprocessing as mp

            from dateline.analyse.stages import warm_up
            warm_up(("fr", "en"))
            self._pool = mp.get_context("fork").Pool(self.workers, initializer=_worker_init,
                                                     initargs=(self.stages, self.disable))
        for results in self._pool.imap(_worker_analyse, partitions(arts, self.batch_size, self.workers)):
            yield from results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "PoolAnalyser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
