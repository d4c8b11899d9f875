"""The ingest loop: read → quarantine the bad → dedup → analyse the new → store.

Work goes in batches; each batch is one store transaction (its articles,
events, aliases and quarantine rows commit together), so an interrupted ingest
leaves no half-written batch and a re-run picks up where it stopped: articles
whose content hash is already stored are skipped before analysis.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, Optional

from dateline.ingest import dedup
from dateline.ingest.readers import ReadResult, Rejected, read_articles
from dateline.records import Article, Event

log = logging.getLogger("dateline.ingest")
Analyse = Callable[..., Iterator[tuple[Article, list[Event]]]]


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0                 # analysed and stored
    already_stored: int = 0      # same content hash as a stored article (same id)
    aliases: int = 0             # same content under another id
    near_duplicates: int = 0     # stored, linked to the original, not analysed
    renamed: int = 0             # id already used by another text: stored under id~hash
    quarantined: int = 0         # rejected records (new or already in quarantine)
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def default_analyse() -> Analyse:
    from dateline.pipeline import analyse_articles  # the lead's pipeline
    return analyse_articles


def _batches(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    batch: list[ReadResult] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Ingest:
    def __init__(self, store, analyse: Optional[Analyse] = None, workers: int = 1, batch_size: int = 16,
                 on_reject: Optional[Callable[[Rejected], None]] = None,
                 on_progress: Optional[Callable[[int], None]] = None):
        self.store = store
        self.analyse = analyse or default_analyse()
        self.workers = workers
        self.batch_size = batch_size
        self.on_reject = on_reject or (lambda r: None)
        self.on_progress = on_progress or (lambda n: None)
        self.report = IngestReport()

    def run(self, paths: Iterable) -> IngestReport:
        for batch in _batches(read_articles(paths), self.batch_size):
            with self.store.transaction():
                self._batch(batch)
            self.on_progress(len(batch))
        return self.report

    def _batch(self, batch: list[ReadResult]) -> None:
        to_analyse: list[Article] = []
        near: list[tuple[str, str, str]] = []  # (duplicate id, original id, relation)
        for item in batch:
            self.report.read += 1
            if isinstance(item, Rejected):
                self._reject(item)
                continue
            self._triage(item, to_analyse, near)
        self._analyse(to_analyse)
        for dup_id, root, relation in near:  # after the originals' events exist (same batch too)
            self.store.attach_article(dup_id, root, relation)

    def _reject(self, item: Rejected) -> None:
        self.report.quarantined += 1
        self.report.rejected.append(item)
        self.store.quarantine(item.file, item.record, item.reason, item.raw)
        self.on_reject(item)

    def _triage(self, art: Article, to_analyse: list[Article], near: list[tuple[str, str, str]]) -> None:
        art.ingested_at = art.ingested_at or datetime.now(timezone.utc).replace(tzinfo=None)
        h = art.content_hash
        stored = self.store.article_id_for_hash(h)
        if stored is not None:
            if stored == art.id:
                self.report.already_stored += 1
            elif self.store.add_alias(art.id, stored, art.source_file, art.record):
                self.report.aliases += 1
                near.append((art.id, stored, "alias"))
            return
        self._unique_id(art, h)
        sh = dedup.shingles(art.text)
        bands = dedup.lsh_bands(sh)
        match = dedup.best_match(sh, self.store.lsh_candidates(bands)) if bands else None
        if match:
            root, sim = match
            self.store.add_article(art, near_duplicate_of=root, similarity=round(sim, 4), lsh=bands)
            self.report.near_duplicates += 1
            near.append((art.id, root, "near_duplicate"))
            return
        self.store.add_article(art, lsh=bands)
        to_analyse.append(art)

    def _unique_id(self, art: Article, h: str) -> None:
        if len(art.id) > 200:  # long URLs as ids: keep them readable and within the column
            art.id = f"{art.id[:180]}~{h[:12]}"
        if self.store.hash_for_article_id(art.id) is None:
            return
        new_id = f"{art.id}~{h[:8]}"
        log.warning("warning: %s%s: id %r already names another text; stored as %r", art.source_file,
                    f" [{art.record}]" if art.record else "", art.id, new_id)
        art.id = new_id
        self.report.renamed += 1

    def _analyse(self, articles: list[Article]) -> None:
        if not articles:
            return
        try:
            results = list(self.analyse(articles, workers=self.workers))
        except ImportError:  # a broken installation, not a bad article: stop (exit 1)
            raise
        except Exception:  # find the culprit: one at a time
            log.debug("batch analysis failed; retrying one article at a time", exc_info=True)
            results = []
            for art in articles:
                try:
                    results.extend(self.analyse([art], workers=1))
                except ImportError:
                    raise
                except Exception as e:
                    self._analysis_failed(art, e)
        for art, events in results:
            self.store.save_article_events(art, events)
            self.report.new += 1
            self.report.events += len(events)

    def _analysis_failed(self, art: Article, e: Exception) -> None:
        log.debug("analysis of %s failed", art.id, exc_info=True)
        self.store.delete_article(art.id)
        self._reject(Rejected(art.source_file or "?", art.record or f"id {art.id}",
                              f"analysis failed ({type(e).__name__}: {str(e)[:200]})",
                              art.text.encode("utf-8")[:100_000]))


def ingest(paths: Iterable, store, **kw) -> IngestReport:
    """Ingest files/folders into a store; see `Ingest` for the keyword arguments."""
    return Ingest(store, **kw).run(paths)
