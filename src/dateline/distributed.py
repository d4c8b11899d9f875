"""Scale-out on Dask distributed: the per-article analysis mapped over a cluster.

    analyse = DaskAnalyser("tcp://scheduler:8786")      # or "local" for a LocalCluster
    for article, events in analyse(articles): ...

Articles travel to the workers in partitions; each worker process loads the
models once (a module-level pipeline, built on first use) and sends back plain
records. The client keeps a bounded number of partitions in flight, so a
million-article stream never sits in memory, and yields results in input
order, so that one writer (the caller) stores them: nothing is lost or written
twice, and the events are the same as a local run's.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from dateline.records import Article, Event

_PIPELINE = None  # one per worker process

# Variables Dask's nanny sets in each worker's environment by default (config
# `distributed.nanny.pre-spawn-environ`). They suit dataframe work; on this work they made a
# worker slower than the same code in a plain process: the fixed malloc trim threshold turns
# the parser's large temporary arrays into repeated mmap/munmap and page faults, and one
# BLAS thread slows spaCy's layers. Measured on the same slices, timed back to back with a
# one-process run (benchmarks/throughput.py --dask): a 2-worker LocalCluster ran 1.29x one
# process with them and 1.56x without them (3 rounds, 2 cores). `None` leaves the worker
# the environment of the process that starts it, as a single run or the process pool has.
NANNY_ENVIRON_UNSET = ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def analyse_partition(articles: list[Article], stages: Optional[list[str]] = None) -> list[tuple[Article, list[Event]]]:
    """Runs on a Dask worker: the models load on the first partition and stay."""
    global _PIPELINE
    from dateline.pipeline import Pipeline, safe_analyse_batch
    if _PIPELINE is None or (stages and _PIPELINE.stage_names != stages):
        _PIPELINE = Pipeline(stages)
    return list(zip(articles, safe_analyse_batch(_PIPELINE, articles)))


def warm_worker(langs: tuple[str, ...] = ("fr", "en")) -> bool:
    """Runs on every worker: build the pipeline and load models and lexicons before any partition."""
    global _PIPELINE
    from dateline.analyse.stages import warm_up
    from dateline.pipeline import Pipeline
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    warm_up(langs)
    return True


class DaskAnalyser:
    """A callable with the signature of `dateline.pipeline.analyse_articles`, backed by a Dask cluster."""

    def __init__(self, scheduler: str = "local", n_workers: Optional[int] = None, partition_size: int = 16,
                 in_flight_per_worker: int = 2):
        import dask
        from dask.distributed import Client, LocalCluster
        from dateline.pipeline import default_workers
        # The worker's statistical profiler samples every task's stack many times a second,
        # holding the GIL: a CPU-bound Python pipeline ran ~1.7x slower under it.
        # Partitions differ a lot in cost (a long article vs short notes): a worker takes its next
        # partition only when it is free (saturation 1.0), so none waits behind a long one.
        # On a LocalCluster the scheduler, the client and the nannies share the parent process,
        # whose periodic callbacks (event-loop tick every 20 ms in each server, memory monitor
        # every 100 ms per nanny) took 1.2-2.0 s of CPU per 13-20 s run on 2 cores — CPU the
        # workers need. At these intervals it takes 0.6-0.7 s (3 alternated pairs).
        dask.config.set({"distributed.scheduler.worker-saturation": 1.0,
                         "distributed.worker.profile.enabled": False,
                         "distributed.worker.profile.interval": "1000ms",
                         "distributed.worker.profile.cycle": "10000ms",
                         "distributed.admin.tick.interval": "500ms",
                         "distributed.admin.system-monitor.interval": "2s",
                         "distributed.worker.memory.monitor-interval": "1s",
                         "distributed.nanny.pre-spawn-environ": dict.fromkeys(NANNY_ENVIRON_UNSET)})
        self.partition_size = partition_size
        if scheduler == "local":
            n = n_workers or default_workers()
            # Processes, one thread each: spaCy holds the GIL while parsing.
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                         dashboard_address=None, memory_limit="3GiB")
            self.client = Client(self._cluster)
        else:
            self._cluster = None
            self.client = Client(scheduler)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.max_in_flight = self.workers * in_flight_per_worker
        self.max_buffered = self.max_in_flight * 4

    def warm_up(self, langs: tuple[str, ...] = ("fr", "en")) -> None:
        """Load the models on every worker now (otherwise each loads them on its first partition)."""
        self.client.run(warm_worker, langs)

    def __call__(self, articles: Iterable[Article], workers: int = 0, **_: object) -> Iterator[tuple[Article, list[Event]]]:
        # Results come back in input order, but a worker is never left idle waiting for a slow
        # partition ahead of it: up to `max_in_flight` partitions run at once, finished ones wait
        # in a reorder buffer, and the buffer is bounded so a stuck head cannot grow memory.
        from dask.distributed import as_completed

        from dateline.pipeline import partitions
        parts = partitions(articles, self.partition_size, self.workers)
        running = as_completed()
        order: dict = {}           # future key -> sequence number
        done: dict[int, list] = {}  # sequence number -> results, waiting for their turn
        submitted = next_out = 0
        exhausted = False
        while True:
            while (not exhausted and running.count() < self.max_in_flight
                   and submitted - next_out < self.max_buffered):
                part = next(parts, None)
                if part is None:
                    exhausted = True
                    break
                fut = self.client.submit(analyse_partition, part, pure=False)
                order[fut.key] = submitted
                running.add(fut)
                submitted += 1
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
            if next_out == submitted and exhausted:
                return
            fut = next(running)
            done[order.pop(fut.key)] = fut.result()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> "DaskAnalyser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
