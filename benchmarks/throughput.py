"""Throughput of dateline against a bare spaCy pass over the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py                 # corpus from samples/ and ../shared/eval
    .venv/bin/python benchmarks/throughput.py --workers 2     # both sides on 2 processes
    .venv/bin/python benchmarks/throughput.py --profile       # + pyinstrument profile of dateline's own stages
    .venv/bin/python benchmarks/throughput.py --dask          # + Dask LocalCluster (2 workers) vs one process
    .venv/bin/python benchmarks/throughput.py --ratio-repeat 0 --dask   # the paired Dask figure alone
    .venv/bin/python benchmarks/throughput.py --stream 1000000   # bounded memory on a synthetic stream

Each measurement runs in a fresh child process (so peak RSS is its own), with
the models loaded before the clock starts: (a) spaCy `nlp.pipe` with the same
models over the same texts, (b) dateline with every stage on. Prints
articles/s, words/s, peak RSS and the ratio b/a. This is a benchmark, not a
test: machines here are noisy, so compare ratios measured in one run.
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import resource
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpus(limit: int) -> list[dict]:
    """Real-style French and English articles from the repo's samples and ../shared/eval."""
    arts = []
    for p in sorted((ROOT / "samples").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        arts.append({"id": p.stem, "text": text.split(" ", 2)[2] if text.startswith("date ") else text})
    seed = SHARED / "eval/seed/syria-al-omar-2022-01.txt"
    if seed.exists():
        arts.append({"id": "seed", "text": seed.read_text(encoding="utf-8")[14:], "language": "fr"})
    tr = SHARED / "eval/geo/TR-News.xml"
    if tr.exists():
        for i, a in enumerate(ET.parse(tr).getroot()):
            arts.append({"id": f"tr-{i}", "text": a.findtext("text") or "", "language": "en"})
    acled = SHARED / "eval/acled/world_dev.csv"
    if acled.exists():
        for r in list(csv.DictReader(open(acled, encoding="utf-8")))[:200]:
            arts.append({"id": r["event_id_cnty"], "text": r["notes"], "language": "en"})
    return arts[:limit] if limit else arts


def warm_corpus() -> list[dict]:
    """Other texts of the same kinds (ACLED notes past the 200 timed, CASE snippets), never in
    the timed corpus: passed through every side of the Dask comparison before its clock, so each
    process has the spaCy caches (vocabulary, tokenizer, lemmatizer) that a long run has, and the
    speed-up measures steady throughput rather than how often each process fills its caches."""
    arts = []
    acled = SHARED / "eval/acled/world_dev.csv"
    if acled.exists():
        for r in list(csv.DictReader(open(acled, encoding="utf-8")))[200:]:
            arts.append({"id": "w-" + r["event_id_cnty"], "text": r["notes"], "language": "en"})
    case = SHARED / "eval/case2021/dev.tsv"
    if case.exists():
        for r in csv.DictReader(open(case, encoding="utf-8"), delimiter="\t"):
            arts.append({"id": f"c-{r['id']}", "text": r["EventSnippet"], "language": "en"})
    return arts


def _articles(arts: list[dict]) -> list:
    from dateline.records import Article
    return [Article(id=a["id"], text=a["text"], language=a.get("language")) for a in arts]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_spacy(arts: list[dict], workers: int, q) -> None:
    from dateline.analyse.stages import detect_language
    from dateline.nlp import MODELS
    import spacy
    langs = {a["id"]: a.get("language") or detect_language(a["text"]) for a in arts}
    nlps = {lang: spacy.load(MODELS[lang]) for lang in set(langs.values())}
    t = time.perf_counter()
    n = 0
    for lang, nlp in nlps.items():
        texts = [a["text"] for a in arts if langs[a["id"]] == lang]
        n += sum(len(d) for d in nlp.pipe(texts, batch_size=32, n_process=workers))
    q.put({"seconds": time.perf_counter() - t, "tokens": n, "peak_mb": _peak_mb()})


def dateline_run(arts: list[dict], workers: int, profile: bool, q) -> None:
    from dateline.analyse.stages import detect_language, warm_up
    from dateline.pipeline import analyse_articles
    articles = _articles(arts)
    warm_up(sorted({a.language or detect_language(a.text) for a in articles}))
    profiler = None
    if profile:
        from pyinstrument import Profiler
        profiler = Profiler()
        profiler.start()
    t = time.perf_counter()
    n = sum(len(evs) for _, evs in analyse_articles(articles, workers=workers))
    secs = time.perf_counter() - t
    if profiler:
        profiler.stop()
        (ROOT / "benchmarks/out").mkdir(exist_ok=True)
        (ROOT / "benchmarks/out/profile.txt").write_text(profiler.output_text(unicode=False, color=False))
    q.put({"seconds": secs, "events": n, "peak_mb": _peak_mb()})


def _warm_here(warm: list[dict]) -> None:
    """Models loaded and `warm` analysed in this process, off the clock (steady-state caches)."""
    from dateline.analyse.stages import warm_up
    from dateline.pipeline import analyse_articles
    warm_up(("fr", "en"))
    sum(len(evs) for _, evs in analyse_articles(_articles(warm), workers=1))


def _warm_cluster(d, warm: list[dict]) -> None:
    """The same on every worker of a DaskAnalyser: each sees the whole warm corpus, as each
    process of the static split does."""
    from dateline.distributed import analyse_partition
    d.warm_up()
    if warm:
        d.client.run(lambda arts: len(analyse_partition(arts)), _articles(warm))


def dask_run(arts: list[dict], workers: int, warm: list[dict], q) -> None:
    from dateline.distributed import DaskAnalyser
    articles = _articles(arts)
    with DaskAnalyser("local", n_workers=workers) as d:
        _warm_cluster(d, warm)  # models loaded and caches filled on every worker before the clock
        t = time.perf_counter()
        events = [e.to_json() for _, evs in d(articles) for e in evs]
        q.put({"seconds": time.perf_counter() - t, "events": len(events), "peak_mb": _peak_mb(),
               "digest": _digest(events)})


def single_digest(arts: list[dict], warm: list[dict], q) -> None:
    from dateline.pipeline import analyse_articles
    articles = _articles(arts)
    _warm_here(warm)  # same as the Dask side: models loaded before the clock
    t = time.perf_counter()
    events = [e.to_json() for _, evs in analyse_articles(articles, workers=1) for e in evs]
    q.put({"seconds": time.perf_counter() - t, "events": len(events), "digest": _digest(events)})


def _digest(events: list[dict]) -> str:
    import hashlib
    return hashlib.sha1(json.dumps(events, sort_keys=True, default=str).encode()).hexdigest()[:16]


def stream_run(n: int, q) -> None:
    """A synthetic stream of n short articles through the pool: memory must stay flat."""
    from dateline.pipeline import analyse_articles
    from dateline.records import Article
    base = "On {d} June 2021, soldiers clashed with PDF fighters near Kani village, killing {k} people."

    def gen():
        for i in range(n):
            yield Article(id=f"s{i}", text=base.format(d=1 + i % 28, k=i % 7), language="en")
    t = time.perf_counter()
    marks = []
    for i, _ in enumerate(analyse_articles(gen(), workers=2)):
        if i % max(1, n // 10) == 0:
            marks.append((i, round(_peak_mb())))
    q.put({"seconds": time.perf_counter() - t, "marks": marks, "peak_mb": _peak_mb()})


def _burn(_: int) -> float:
    t = time.perf_counter()
    s = 0
    for i in range(20_000_000):
        s += i
    return time.perf_counter() - t


def parallel_ceiling() -> float:
    """What two processes can get from this box at all: a pure-Python loop, alone and two at once.

    On a shared virtual machine two "cores" often give far less than 2x; a Dask speed-up is
    only meaningful next to this number, measured in the same run."""
    one = _burn(0)
    with mp.get_context("fork").Pool(2) as pool:
        t = time.perf_counter()
        pool.map(_burn, [0, 1])
        two = time.perf_counter() - t
    return 2 * one / two


def child(fn, *args) -> dict:
    q = mp.get_context("fork").Queue()
    p = mp.get_context("fork").Process(target=fn, args=(*args, q))
    p.start()
    out = q.get()
    p.join()
    out["children_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def static_split(arts: list[dict], warm: list[dict], q) -> None:
    """The box's own 2-process capacity for this work: two forked processes (models loaded
    before the fork), each analysing every other article, no scheduler, no messages. A Dask
    speed-up can only be judged next to this, measured in the same minute."""
    from dateline.pipeline import analyse_articles
    articles = _articles(arts)
    _warm_here(warm)  # inherited by both halves
    ctx = mp.get_context("fork")
    done = ctx.Queue()

    def half(part):
        sum(len(evs) for _, evs in analyse_articles(part, workers=1))
        done.put(time.perf_counter())
    t = time.perf_counter()
    procs = [ctx.Process(target=half, args=(articles[k::2],)) for k in (0, 1)]
    for p in procs:
        p.start()
    ends = [done.get() for _ in procs]
    for p in procs:
        p.join()
    q.put({"seconds": max(ends) - t})


def dask_speed_up(arts: list[dict], repeat: int, warm: list[dict]) -> None:
    """One process vs a 2-worker LocalCluster vs a static 2-process split, alternated `repeat`
    times (this box's speed varies from minute to minute: ratios from neighbouring runs, and
    their medians, mean more than one), beside bare spaCy and a pure-Python loop. Every side
    first analyses `warm` (untimed) unless it is empty."""
    ups, caps, same = [], [], True
    for i in range(repeat):
        one = child(single_digest, arts, warm)
        dk = child(dask_run, arts, 2, warm)
        split = child(static_split, arts, warm)
        ups.append(one["seconds"] / dk["seconds"])
        caps.append(one["seconds"] / split["seconds"])
        same = same and one["digest"] == dk["digest"]
        print(f"  run {i + 1}: one process {one['seconds']:.1f} s, Dask LocalCluster 2 workers {dk['seconds']:.1f} s "
              f"(speed-up {ups[-1]:.2f}), static 2-process split {split['seconds']:.1f} s ({caps[-1]:.2f})")
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    eff = [u / c for u, c in zip(ups, caps)]
    print(f"Dask speed-up, median of {repeat}: {med(ups):.2f} (range {min(ups):.2f}-{max(ups):.2f}); "
          f"identical events every time: {same}")
    print(f"static 2-process split (the box's ceiling for this work): median {med(caps):.2f} "
          f"(range {min(caps):.2f}-{max(caps):.2f}); Dask reaches a median {med(eff):.0%} of it")
    pool = child(dateline_run, arts, 2, False)
    one = child(single_digest, arts, [])
    b1, b2 = child(bare_spacy, arts, 1), child(bare_spacy, arts, 2)
    print(f"  same box, same texts: local fork pool (2) {one['seconds'] / pool['seconds']:.2f}x one process; bare spaCy "
          f"n_process=2 {b1['seconds'] / b2['seconds']:.2f}x n_process=1; pure-Python loop {parallel_ceiling():.2f}x")


def _one_process_server(conn, warm: list[dict]) -> None:
    """A single dateline process kept alive for the paired comparison: models and caches loaded
    once, then it analyses each slice it is sent and answers (seconds, events)."""
    from dateline.pipeline import analyse_articles
    _warm_here(warm)
    conn.send("ready")
    while (arts := conn.recv()) is not None:
        t = time.perf_counter()
        events = [e.to_json() for _, evs in analyse_articles(_articles(arts), workers=1) for e in evs]
        conn.send((time.perf_counter() - t, events))


def _serve(ctx, warm: list[dict]):
    here, there = ctx.Pipe()
    proc = ctx.Process(target=_one_process_server, args=(there, warm))
    proc.start()
    return proc, here


def dask_paired(arts: list[dict], rounds: int, n_slices: int, warm: list[dict]) -> None:
    """One process, a 2-worker LocalCluster and a static 2-process split, all kept warm, timed
    on the same slices in turn (which side goes first rotates slice by slice, round by round).

    This box's speed drifts by up to 1.7x within minutes (one process took 17.7 s and 29.7 s
    for the same work in one series), so whole-corpus runs minutes apart give speed-ups from
    1.3 to 2.2 for the same code. Slices of a few seconds, timed on every side back to back,
    put the sides under the same conditions; a speed-up is total one-process time over the
    other side's total. The static split (two forked processes, each given every other
    article, no scheduler) is what two processes get from this box for this work. Short
    slices cost both parallel sides a little (each slice ends with a tail where one process
    may wait), so this flatters neither."""
    from dateline.distributed import DaskAnalyser
    slices = [arts[k::n_slices] for k in range(n_slices)]  # strided: each slice a cross-section
    ctx = mp.get_context("fork")
    servers = [_serve(ctx, warm) for _ in range(3)]  # forked before the cluster's threads exist
    for _, conn in servers:
        assert conn.recv() == "ready"
    one, halves = servers[0][1], [servers[1][1], servers[2][1]]
    times = {"one": [], "dask": [], "split": []}
    events = {"one": [], "dask": []}
    with DaskAnalyser("local", n_workers=2) as d:
        _warm_cluster(d, warm)
        sides = ["one", "dask", "split"]
        for r in range(rounds):
            for k, part in enumerate(slices):
                turn = (r * n_slices + k) % 3
                for side in sides[turn:] + sides[:turn]:
                    t = time.perf_counter()
                    if side == "one":
                        one.send(part)
                        events["one"].extend(one.recv()[1])
                    elif side == "dask":
                        events["dask"].extend(e.to_json() for _, evs in d(_articles(part)) for e in evs)
                    else:
                        for h, conn in enumerate(halves):
                            conn.send(part[h::2])
                        for conn in halves:
                            conn.recv()
                    times[side].append(time.perf_counter() - t)
            a, b, c = (sum(times[s][-n_slices:]) for s in sides)
            print(f"  round {r + 1}: one process {a:.1f} s, Dask LocalCluster 2 workers {b:.1f} s "
                  f"(speed-up {a / b:.2f}), static 2-process split {c:.1f} s ({a / c:.2f})")
    for proc, conn in servers:
        conn.send(None)
        proc.join()
    total = {s: sum(v) for s, v in times.items()}
    pairs = sorted(o / k for o, k in zip(times["one"], times["dask"]))
    same = _digest(events["one"]) == _digest(events["dask"])
    print(f"Dask speed-up, paired slices ({rounds} rounds x {n_slices} slices): "
          f"{total['one'] / total['dask']:.2f} (total one-process time / total Dask time; per slice median "
          f"{pairs[len(pairs) // 2]:.2f}, range {pairs[0]:.2f}-{pairs[-1]:.2f}); identical events: {same}")
    print(f"static 2-process split on the same slices: {total['one'] / total['split']:.2f}; Dask reaches "
          f"{total['split'] / total['dask']:.0%} of it; one process took {min(times['one']):.1f}-"
          f"{max(times['one']):.1f} s per slice")


def ratio_series(arts: list[dict], words: int, workers: int, repeat: int, profile: bool) -> None:
    """Bare spaCy then dateline, alternated `repeat` times: the box's speed drifts by a third
    within minutes, so one pair can say 0.6 or 1.0 for the same code; the median of the
    neighbouring pairs' ratios is the figure."""
    ratios = []
    for i in range(repeat):
        bare = child(bare_spacy, arts, workers)
        dl = child(dateline_run, arts, workers, profile and i == 0)
        ratios.append(bare["seconds"] / dl["seconds"])
        for name, r in (("bare spaCy nlp.pipe", bare), ("dateline, all stages", dl)):
            print(f"  pair {i + 1}: {name:22s} {r['seconds']:7.1f} s  {len(arts) / r['seconds']:7.1f} articles/s  "
                  f"{words / r['seconds']:8.0f} words/s  peak RSS {r['peak_mb']:.0f} MB (largest process "
                  f"{r['children_peak_mb']:.0f} MB)")
        print(f"  pair {i + 1}: ratio dateline/bare (words/s) {ratios[-1]:.2f}")
    med = sorted(ratios)[len(ratios) // 2]
    print(f"ratio dateline/bare (words/s), median of {repeat}: {med:.2f} "
          f"(range {min(ratios):.2f}-{max(ratios):.2f})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--dask", action="store_true")
    ap.add_argument("--stream", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=0, help="--dask: also alternate whole-corpus one-process and Dask runs this many times")
    ap.add_argument("--rounds", type=int, default=4, help="--dask: rounds of the paired-slice comparison")
    ap.add_argument("--slices", type=int, default=3, help="--dask: slices per round in the paired comparison")
    ap.add_argument("--ratio-repeat", type=int, default=3, help="alternate bare spaCy and dateline this many times")
    ap.add_argument("--cold", action="store_true",
                    help="--dask: no untimed warm-up pass (each process fills its caches on the clock)")
    args = ap.parse_args()
    arts = corpus(args.limit)
    words = sum(len(a["text"].split()) for a in arts)
    print(f"corpus: {len(arts)} articles, {words} words; {args.workers} process(es) each side")
    if args.ratio_repeat:
        ratio_series(arts, words, args.workers, args.ratio_repeat, args.profile)
    if args.profile:
        print("profile: benchmarks/out/profile.txt")
    if args.dask:
        warm = [] if args.cold else warm_corpus()
        print(f"Dask vs one process, {'cold' if args.cold else f'after an untimed pass over {len(warm)} other texts'}:")
        # In a child of its own: a LocalCluster leaves threads in the process that started it,
        # and the later sides (each forked) would inherit their locks.
        sys.stdout.flush()
        paired = mp.get_context("fork").Process(target=dask_paired, args=(arts, args.rounds, args.slices, warm))
        paired.start()
        paired.join()
        if args.repeat:
            print("Whole-corpus runs, alternated (beside the box's static 2-process split):")
            dask_speed_up(arts, args.repeat, warm)
    if args.stream:
        s = child(stream_run, args.stream)
        print(f"stream of {args.stream} articles: {s['seconds']:.0f} s; peak RSS by position "
              f"{s['marks']}; final {s['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
