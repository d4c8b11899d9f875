"""Load test of the JSON API: GET /api/events with varied filters on 100k events.

    .venv/bin/python benchmarks/load_api.py                      # build (or reuse) the db, 20 s of load
    .venv/bin/python benchmarks/load_api.py --seconds 10 --concurrency 16 --events 100000

Builds a SQLite database of synthetic events *through the store API*
(`store.add_article` + `store.save_article_events`, the ingest's own path),
caches it in benchmarks/.cache/, serves it with `dateline serve` (uvicorn, one
process) on loopback, and runs a bounded load — `--requests` at most, for
`--seconds` at most — from `--concurrency` client threads with keep-alive
httpx clients. Prints requests/s, p50/p95/p99 latency and errors, per query
kind and overall. Target: 200 req/s with p95 < 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"

TYPES = [
    ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"), ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
    ("Strategic developments", "Disrupted weapons use"),
]
COUNTRIES = [  # name, code, admin1s, (lat, lon) centre
    ("Syria", "SY", ["Deir ez-Zor", "Idlib", "Aleppo", "Homs", "Damascus"], (35.0, 38.5)),
    ("Iraq", "IQ", ["Baghdad", "Nineveh", "Anbar", "Basra"], (33.2, 43.7)),
    ("Mali", "ML", ["Kidal", "Gao", "Mopti", "Timbuktu"], (17.5, -2.0)),
    ("Ukraine", "UA", ["Donetsk", "Kharkiv", "Kherson", "Zaporizhzhia"], (48.5, 35.0)),
    ("Yemen", "YE", ["Sanaa", "Marib", "Taiz", "Aden"], (15.5, 47.5)),
    ("Sudan", "SD", ["Khartoum", "North Darfur", "South Kordofan"], (14.0, 30.0)),
    ("Somalia", "SO", ["Banadir", "Lower Shabelle", "Bay"], (4.0, 45.5)),
    ("Nigeria", "NG", ["Borno", "Zamfara", "Kaduna"], (11.0, 9.0)),
    ("Burkina Faso", "BF", ["Sahel", "Nord", "Est"], (13.0, -1.5)),
    ("Myanmar", "MM", ["Sagaing", "Shan", "Rakhine"], (21.0, 96.0)),
]
ACTORS = ["Government forces", "ISIS", "Pro-Iran militias", "US forces", "Rebels", "JNIM", "RSF",
          "al-Shabaab", "Boko Haram", "Unidentified armed group", "Civilians", "Protesters", "Wagner Group"]
SOURCES = ["OSDH", "al-Mayadeen", "al-Araby", "Reuters", "AFP", "AP", "local sources", "ministry of defence",
           "UN OCHA", "ACLED"]
MODALITIES = ["asserted"] * 7 + ["claimed", "alleged", "denied", "foiled"]
START = date(2018, 1, 1)


def synthetic_db(path: Path, n_events: int, per_article: int = 10, seed: int = 7) -> Path:
    """Write n_events synthetic events (per_article to an article) through the store API."""
    from dateline.records import Article, Claim, Contradiction, DateRange, Event, Place, PlaceRef, Span
    from dateline.store import open_store

    rnd = random.Random(seed)
    store = open_store(str(path))
    t0 = time.time()
    n_articles = (n_events + per_article - 1) // per_article
    done = 0
    batch = None
    try:
        for ai in range(n_articles):
            if ai % 200 == 0:  # one transaction per 200 articles (as the ingest batches)
                if batch is not None:
                    batch.__exit__(None, None, None)
                batch = store.transaction()
                batch.__enter__()
            country, cc, admins, (clat, clon) = rnd.choice(COUNTRIES)
            day = START + timedelta(days=rnd.randrange(0, 2400))
            text = (f"Report {ai}. " + " ".join(
                f"In {rnd.choice(admins)}, {rnd.choice(ACTORS)} attacked {rnd.choice(ACTORS)}; "
                f"{rnd.randint(0, 40)} people were killed, according to {rnd.choice(SOURCES)}."
                for _ in range(per_article)))
            art = Article(id=f"syn-a{ai:06d}", text=text, outlet=rnd.choice(SOURCES), language="en",
                          published=day, published_precision="day")
            events = []
            for k in range(min(per_article, n_events - done)):
                et, st = rnd.choice(TYPES)
                admin1 = rnd.choice(admins)
                lat, lon = clat + rnd.uniform(-2, 2), clon + rnd.uniform(-2, 2)
                d0 = day - timedelta(days=rnd.choice([0, 0, 0, 1, 2, 7]))
                d1 = d0 + timedelta(days=rnd.choice([0, 0, 0, 1, 6, 30]))
                best = rnd.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
                srcs = rnd.sample(SOURCES, rnd.choice([1, 1, 2, 3]))
                span = Span(0, len(f"Report {ai}."), f"Report {ai}.", "trigger")
                claims = [Claim(s, None, {"fatalities": best if i == 0 else rnd.choice([best, (best or 0) + 3])}, [span])
                          for i, s in enumerate(srcs)]
                vals = {c.source: c.says["fatalities"] for c in claims}
                contra = [Contradiction("fatalities", vals)] if len(set(map(str, vals.values()))) > 1 else []
                events.append(Event(
                    event_id=f"syn-e{done:07d}", event_type=et, sub_event_type=st, article_ids=[art.id],
                    actor1=rnd.choice(ACTORS), actor2=rnd.choice(ACTORS + [None]),
                    place=PlaceRef(admin1, 0, 0, Place(str(100000 + done), f"{admin1} {k}", lat, lon,
                                                       country, cc, admin1), rnd.choice([1, 1, 2, 3])),
                    date=DateRange(d0, d1, 1 if d0 == d1 else 2), fatalities=best,
                    fatalities_low=best, fatalities_high=None if best is None else best + rnd.randint(0, 5),
                    weapons=rnd.sample(["rocket", "drone", "small arms", "IED", "artillery"], 1),
                    modality=rnd.choice(MODALITIES), sources=srcs, claims=claims, contradictions=contra,
                    agreement={"fatalities": "contradict" if contra else ("single" if len(srcs) == 1 else "agree")},
                    evidence=[(art.id, span)], confidence=round(rnd.uniform(0.3, 0.95), 3)))
                done += 1
            store.add_article(art)
            store.save_article_events(art, events)
            if ai and ai % 1000 == 0:
                print(f"  … {done} events ({done / (time.time() - t0):.0f}/s)", file=sys.stderr)
        if batch is not None:
            batch.__exit__(None, None, None)
    finally:
        store.close()
    print(f"built {done} events in {time.time() - t0:.0f} s → {path}", file=sys.stderr)
    return path


KINDS = ["all", "page", "country", "country+type", "admin1", "dates", "bbox", "actor", "source",
         "modality", "text", "subtype+dates"]


def queries(rnd: random.Random, only: tuple[str, ...] = ()) -> tuple[str, str]:
    """(kind, path) of one varied /api/events request, like the page and API users make."""
    country, _, admins, (clat, clon) = rnd.choice(COUNTRIES)
    d0 = START + timedelta(days=rnd.randrange(0, 2300))
    limit = rnd.choice([20, 50, 100])
    kinds = [
        ("all", f"limit={limit}"),
        ("page", f"limit={limit}&offset={rnd.randrange(0, 5000)}"),
        ("country", f"country={country}&limit={limit}"),
        ("country+type", f"country={country}&type={rnd.choice(TYPES)[0]}&limit={limit}"),
        ("admin1", f"admin1={rnd.choice(admins)}&limit={limit}"),
        ("dates", f"since={d0}&until={d0 + timedelta(days=rnd.choice([7, 30, 90]))}&limit={limit}"),
        ("bbox", f"bbox={clon - 1:.2f},{clat - 1:.2f},{clon + 1:.2f},{clat + 1:.2f}&limit={limit}"),
        ("actor", f"actor={rnd.choice(ACTORS)}&limit={limit}"),
        ("source", f"source={rnd.choice(SOURCES)}&limit={limit}"),
        ("modality", f"modality={rnd.choice(['claimed', 'alleged', 'denied', 'foiled'])}&limit={limit}"),
        ("text", f"q={rnd.choice(['Report 12', 'killed', 'Wagner', 'JNIM attacked'])}&limit={limit}"),
        ("subtype+dates", f"type={rnd.choice(TYPES)[1]}&since={d0}&until={d0 + timedelta(days=30)}&limit={limit}"),
    ]
    if only:
        kinds = [k for k in kinds if k[0] in only]
    kind, qs = rnd.choice(kinds)
    return kind, "/api/events?" + urlencode([tuple(p.split("=", 1)) for p in qs.split("&")])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_load(base: str, seconds: float, max_requests: int, concurrency: int, seed: int = 1,
             only: tuple[str, ...] = ()) -> dict:
    """`concurrency` client threads, each with one keep-alive connection (stdlib http.client:
    the load generator shares the machine with the server, so it must cost little CPU), each
    checking the status and the shape of every body."""
    import http.client
    from urllib.parse import urlsplit

    host, port = urlsplit(base).hostname, urlsplit(base).port
    lock = threading.Lock()
    lat: dict[str, list[float]] = {}
    errors: list[str] = []
    sent = [0]
    deadline = time.perf_counter() + seconds

    def worker(i: int) -> None:
        rnd = random.Random(seed * 1000 + i)
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    break
                sent[0] += 1
            kind, path = queries(rnd, only)
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                ok = r.status == 200 and body.startswith(b'{"events":') and b'"total":' in body[-200:]
                why = r.status
            except Exception as e:  # count, do not stop the load
                ok, why = False, e
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            dt = time.perf_counter() - t
            with lock:
                if ok:
                    lat.setdefault(kind, []).append(dt)
                else:
                    errors.append(f"{path}: {why}")
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {"wall": wall, "latencies": lat, "errors": errors}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000 if xs else float("nan")


def report(res: dict, concurrency: int) -> dict:
    allx = [x for v in res["latencies"].values() for x in v]
    n = len(allx)
    print(f"\n{'kind':<16}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for kind in sorted(res["latencies"]):
        xs = res["latencies"][kind]
        print(f"{kind:<16}{len(xs):>7}{pct(xs, 50):>9.1f}{pct(xs, 95):>9.1f}{max(xs) * 1000:>9.1f}")
    summary = {
        "requests_ok": n, "errors": len(res["errors"]), "seconds": round(res["wall"], 2),
        "concurrency": concurrency, "req_per_s": round(n / res["wall"], 1) if res["wall"] else 0,
        "p50_ms": round(pct(allx, 50), 1), "p95_ms": round(pct(allx, 95), 1), "p99_ms": round(pct(allx, 99), 1),
        "mean_ms": round(statistics.mean(allx) * 1000, 1) if allx else None,
    }
    print(f"\nALL: {summary['req_per_s']} req/s, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
          f"p99 {summary['p99_ms']} ms, {summary['errors']} errors, {n} ok in {summary['seconds']} s "
          f"with {concurrency} clients  (target: 200 req/s, p95 < 100 ms)")
    for e in res["errors"][:5]:
        print("  error:", e)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="database to use/build (default benchmarks/.cache/load-N.db)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--seconds", type=float, default=20.0, help="load duration bound")
    ap.add_argument("--requests", type=int, default=20_000, help="request count bound")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (dateline serve --workers)")
    ap.add_argument("--no-cache", action="store_true", help="serve without the response cache (dateline serve --no-cache)")
    ap.add_argument("--kinds", default="", help=f"comma-separated subset of the query kinds: {','.join(KINDS)}")
    ap.add_argument("--json", type=Path, default=None, help="also write the summary here")
    args = ap.parse_args()
    only = tuple(k for k in args.kinds.split(",") if k)
    unknown = set(only) - set(KINDS)
    if unknown:
        ap.error(f"unknown kinds: {', '.join(sorted(unknown))}")

    db = args.db or CACHE / f"load-{args.events}.db"
    if args.rebuild and db.exists():
        db.unlink()
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        synthetic_db(db, args.events)

    port = free_port()
    exe = Path(sys.executable).with_name("dateline")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from dateline.cli import main; main()"]
    cmd += ["serve", "--db", str(db), "--port", str(port)]
    if args.workers > 1:
        cmd += ["--workers", str(args.workers)]
    if args.no_cache:
        cmd += ["--no-cache"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "DATELINE_WRITE_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx
        for _ in range(240):
            try:
                if httpx.get(base + "/api/events?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            raise SystemExit("server did not start: " + (server.stderr.read() if server.poll() is not None else ""))
        first = httpx.get(base + "/api/events?limit=1", timeout=30).json()
        total = first["total"]  # counted up to a cap: total_exact false means "more than total - 1"
        more = "" if first.get("total_exact", True) else " (capped count: more than %d)" % (total - 1)
        print(f"serving {total} events{more} from {db} at {base}")
        if args.warmup:
            run_load(base, args.warmup, 10**9, args.concurrency, seed=99, only=only)
        res = run_load(base, args.seconds, args.requests, args.concurrency, only=only)
        summary = report(res, args.concurrency)
        summary.update(events=total, workers=args.workers, cache=not args.no_cache, cpus=os.cpu_count(), kinds=list(only or KINDS),
                       loadavg=os.getloadavg()[0])
        if args.json:
            args.json.write_text(json.dumps(summary, indent=2))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
