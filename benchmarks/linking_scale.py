"""Linking at scale: time and memory to link 1k, 10k and 100k synthetic reports.

    .venv/bin/python benchmarks/linking_scale.py            # 1k, 10k, 100k
    .venv/bin/python benchmarks/linking_scale.py 1000 5000

Reports are spread over two years and a few hundred towns, with 1-4 reports per
happening, so blocking (day buckets, distance) keeps candidates few: time must
grow about linearly, not quadratically. The text feature is left out (no
embeddings) so the figure is the linker's own cost; `dateline eval
tests/data/linking` measures the full scorer.
"""
from __future__ import annotations

import random
import resource
import sys
import time
from datetime import date, timedelta

from dateline.link.linker import Embedder, Linker

TYPES = [("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")]


class NoText(Embedder):
    def cosine(self, a: dict, b: dict) -> None:  # type: ignore[override]
        return None


def synthetic_reports(n: int, seed: int = 1) -> list[dict]:
    rnd = random.Random(seed)
    towns = [(rnd.uniform(-30, 50), rnd.uniform(-20, 100)) for _ in range(max(50, n // 40))]
    start = date(2022, 1, 1)
    out, i = [], 0
    while len(out) < n:
        lat, lon = rnd.choice(towns)
        day = start + timedelta(days=rnd.randrange(730))
        etype, sub = rnd.choice(TYPES)
        killed = rnd.choice([None, 0, 1, 2, 3, 5, 8])
        for k in range(rnd.randint(1, 4)):  # several reports of one happening
            out.append({
                "event_id": f"r{len(out)}", "article_ids": [f"a{len(out)}"], "event_type": etype,
                "sub_event_type": sub, "actor1": None, "actor2": None, "country": "X",
                "latitude": lat + rnd.uniform(-0.05, 0.05), "longitude": lon + rnd.uniform(-0.05, 0.05),
                "geo_precision": 1, "date_earliest": day.isoformat(), "date_latest": day.isoformat(),
                "fatalities": killed, "weapons": [], "evidence": [], "happening": i,
            })
        i += 1
    return out[:n]


def run(n: int) -> tuple[float, float, int]:
    reports = synthetic_reports(n)
    linker = Linker(embedder=NoText())
    t = time.perf_counter()
    for r in reports:
        linker.link(r)
    secs = time.perf_counter() - t
    events = len({linker.index.cluster_of(r["event_id"]) for r in reports})
    return secs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, events


def main() -> int:
    sizes = [int(x) for x in sys.argv[1:]] or [1_000, 10_000, 100_000]
    prev = None
    for n in sizes:
        secs, rss, events = run(n)
        growth = f"; x{secs / prev[1]:.1f} time for x{n / prev[0]:.0f} reports" if prev else ""
        print(f"{n:>7} reports → {events} events in {secs:6.1f} s ({n / secs:,.0f} reports/s), peak RSS {rss:.0f} MB{growth}")
        prev = (n, secs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
