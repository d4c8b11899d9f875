"""How articles are grouped for a pool or a Dask cluster, and what travels back from workers."""
from __future__ import annotations

import pickle
import pickletools

from dateline.pipeline import partitions


def test_partitions_keep_every_article_once_in_order():
    for n in (0, 1, 5, 17, 118, 200):
        parts = list(partitions(iter(range(n)), 16, 2))
        assert [x for p in parts for x in p] == list(range(n))
        assert all(1 <= len(p) <= 16 for p in parts)


def test_partitions_shrink_at_the_end_so_workers_finish_together():
    sizes = [len(p) for p in partitions(range(200), 16, 2)]
    assert sizes[:8] == [16] * 8
    tail = sizes[sizes.index(max(s for s in sizes if s < 16)):]
    assert tail == sorted(tail, reverse=True) and tail[-1] == 1
    # a short stream is spread over the workers, not sent as one batch to one of them
    assert len(list(partitions(range(10), 16, 2))) >= 2


def test_partitions_hold_similar_amounts_of_text():
    """Long reports and short notes: a batch is capped by characters too, so workers get equal work."""
    from dateline.records import Article
    arts = [Article(id=str(i), text="x" * (2000 if i < 130 else 300)) for i in range(200)]
    parts = list(partitions(arts, 16, 2, max_chars=16_000))
    assert [a.id for p in parts for a in p] == [a.id for a in arts]
    assert all(sum(len(a.text) for a in p) <= 16_000 for p in parts)
    assert [len(p) for p in parts[:16]] == [8] * 16  # eight long reports a batch, not sixteen


def test_partitions_read_a_bounded_window_of_a_stream():
    read = []

    def stream():
        for i in range(10_000):
            read.append(i)
            yield i

    first = next(partitions(stream(), 16, 2))
    assert first == list(range(16)) and len(read) <= 16 * 3 + 1


def test_worker_results_are_plain_records():
    """Results unpickle in the writer without importing the geoparser or spaCy (a Dask client
    that had to import them spent seconds of a 2-core box doing so)."""
    from dateline.pipeline import Pipeline
    from dateline.records import Article
    text = "On 5 January 2022, gunmen attacked a village near Mopti in central Mali, killing three civilians."
    events = Pipeline().analyse(Article(id="x", text=text, language="en"))
    assert events and events[0].place is not None
    modules = {arg.split()[0] for op, arg, _ in pickletools.genops(pickle.dumps(events, protocol=2))
               if op.name == "GLOBAL"}
    assert modules <= {"dateline.records", "datetime", "_codecs", "builtins", "copyreg"}, modules
