"""Fuzzing the readers: malformed bytes never crash them, and good records mixed with bad all come out.

`test_mutation_fuzz` runs FUZZ_CASES (10,000 by default; env DATELINE_FUZZ_CASES)
seeded byte-level mutations of well-formed JSONL, CSV, gzip, HTML, RSS, WARC and
text inputs. The hypothesis tests check the "no good record lost" property with
generated junk interleaved among good records.
"""
from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.readers import Rejected, read_bytes
from dateline.records import Article

from samples_ingest import TEXTS, atom_bytes, csv_bytes, gz, html_bytes, jsonl_bytes, rss_bytes, warc_bytes

FUZZ_CASES = int(os.environ.get("DATELINE_FUZZ_CASES", "10000"))


def _mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del b[pos:pos + rng.randint(1, 40)]
        elif op == 3:
            b = b[:pos]
        elif op == 4:
            b[pos:pos] = rng.choice([b'"', b"\x00", b"\xff\xfe", b"\n", b"{", b"<", b"\xc3", b"\r\n", b",", b"\x1f\x8b"])
        elif op == 5 and b:
            start = rng.randrange(len(b))
            b[pos:pos] = b[start:start + rng.randint(1, 200)]
        elif op == 6:
            b = bytearray(rng.randbytes(rng.randint(0, 300)))
        elif op == 7 and b:
            b[pos:pos + 1] = b"\xe2\x80\xa8"  # U+2028 line separator
    return bytes(b)


SEEDS = [  # (file name, bytes, share of the cases)
    ("a.jsonl", jsonl_bytes(), 25), ("a.csv", csv_bytes(), 25), ("a.jsonl.gz", gz(jsonl_bytes()), 10),
    ("a.csv.gz", gz(csv_bytes()), 5), ("a.txt", ("date 2022-01-05 " + TEXTS[0]).encode(), 15),
    ("a.txt.gz", gz(TEXTS[1].encode()), 5), ("a.rss", rss_bytes(), 4), ("a.atom", atom_bytes(), 2),
    ("a.html", html_bytes(), 3), ("a.warc", warc_bytes(), 3), ("a.warc.gz", warc_bytes(True), 3),
]


def test_mutation_fuzz():
    rng = random.Random(20260101)
    weights = [w for _, _, w in SEEDS]
    counts = {name: 0 for name, _, _ in SEEDS}
    for _ in range(FUZZ_CASES):
        name, data, _ = rng.choices(SEEDS, weights)[0]
        mutated = _mutate(rng, data)
        out = list(read_bytes(Path(name), mutated))
        assert all(isinstance(x, (Article, Rejected)) for x in out), name
        for x in out:
            if isinstance(x, Rejected):
                assert x.file == name and x.reason and "\n" not in x.reason
            else:
                assert x.text.strip()
        counts[name] += 1
    assert sum(counts.values()) == FUZZ_CASES


def _good_jsonl(n: int) -> list[str]:
    return [json.dumps({"id": f"good{i}", "text": TEXTS[i % len(TEXTS)] + f" Report {i}."}) for i in range(n)]


junk_line = st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), junk_line), min_size=1, max_size=30))
def test_jsonl_good_records_survive_junk(plan):
    lines, want = [], []
    goods = iter(_good_jsonl(len(plan)))
    for is_good, junk in plan:
        if is_good:
            g = next(goods)
            lines.append(g)
            want.append(json.loads(g)["id"])
        else:
            lines.append(junk)
    out = list(read_bytes(Path("m.jsonl"), ("\n".join(lines) + "\n").encode("utf-8")))
    got = [x.id for x in out if isinstance(x, Article) and x.id.startswith("good")]
    assert all(isinstance(x, (Article, Rejected)) for x in out)
    assert got == want


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), junk_line), min_size=1, max_size=30))
def test_csv_good_rows_survive_junk(plan):
    lines, want = ["id,text"], []
    for n, (is_good, junk) in enumerate(plan):
        if is_good:
            lines.append(f'good{n},"{TEXTS[n % len(TEXTS)]} Report {n}."')
            want.append(f"good{n}")
        else:
            lines.append(junk.replace("\r", " "))
    out = list(read_bytes(Path("m.csv"), ("\n".join(lines) + "\n").encode("utf-8")))
    assert all(isinstance(x, (Article, Rejected)) for x in out)
    got = [x.id for x in out if isinstance(x, Article) and x.id in want]
    assert got == want


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=40))
def test_truncated_gzip_keeps_a_prefix(cut, n):
    good = _good_jsonl(n)
    data = gzip.compress(("\n".join(good) + "\n").encode(), mtime=0)
    out = list(read_bytes(Path("t.jsonl.gz"), data[:cut]))
    assert all(isinstance(x, (Article, Rejected)) for x in out)
    ids = [x.id for x in out if isinstance(x, Article)]
    assert ids == [f"good{i}" for i in range(len(ids))]
    if cut >= len(data):
        assert len(ids) == n


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_any_format(data):
    for name in ("x.txt", "x.jsonl", "x.csv", "x.gz", "x.urls"):
        assert all(isinstance(x, (Article, Rejected)) for x in read_bytes(Path(name), data))
