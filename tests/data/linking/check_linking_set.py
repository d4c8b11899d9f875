"""Sanity check for the linking test set: python tests/data/linking/check_linking_set.py [DIR]"""
import collections, datetime, itertools, json, re, sys
from pathlib import Path

d = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
arts = {}
for n, line in enumerate(open(d / "articles.jsonl", encoding="utf-8"), 1):
    a = json.loads(line)
    assert set(a) == {"id", "text", "published", "outlet", "language", "title"}, (n, sorted(a))
    assert a["id"] not in arts, a["id"]
    assert a["language"] in ("fr", "en"), a["id"]
    datetime.date.fromisoformat(a["published"])
    assert all(isinstance(a[k], str) and a[k].strip() for k in a), a["id"]
    arts[a["id"]] = a
gold = json.load(open(d / "gold.json", encoding="utf-8"))
kinds = {"anchor", "near_miss_place", "near_miss_day", "retaliation", "series", "single"}
where = collections.Counter(x for g in gold["groups"] for x in g["articles"])
assert set(where) == set(arts), (set(arts) ^ set(where))
assert all(c == 1 for c in where.values()), [x for x, c in where.items() if c > 1]
bykind, xl, pairs, words = collections.Counter(), 0, 0, []
for g in gold["groups"]:
    assert g["kind"] in kinds, g
    n = len(g["articles"])
    if g["kind"] == "anchor":
        assert 2 <= n <= 4, g["group"]
        assert len({arts[x]["outlet"] for x in g["articles"]}) == n, g["group"]
        xl += len({arts[x]["language"] for x in g["articles"]}) == 2
    else:
        assert n == 1, g["group"]  # score_linking treats any link of a near miss as an error
    bykind[g["kind"]] += 1
    pairs += n * (n - 1) // 2
for a in arts.values():
    words.append(len(a["text"].split()))
print(f"articles {len(arts)} (fr {sum(a['language']=='fr' for a in arts.values())}, en {sum(a['language']=='en' for a in arts.values())}); words/article min {min(words)} max {max(words)}")
print(f"groups {len(gold['groups'])}: " + ", ".join(f"{k} {v}" for k, v in sorted(bykind.items())))
print(f"cross-language anchor groups {xl}; gold same-event pairs {pairs}")
