"""A report that matches two events makes them one, whatever order the reports come in;
through the store, the event kept absorbs the other's article links (no model needed: the
text similarity is given)."""
import itertools

from dateline.link.linker import Linker, MemoryIndex


class FixedCosine:
    """Evidence similarity as given per pair (default: unrelated texts)."""

    def __init__(self, pairs: dict[frozenset, float]):
        self.pairs = pairs

    def cosine(self, a: dict, b: dict) -> float:
        return self.pairs.get(frozenset((a["event_id"], b["event_id"])), 0.0)


def _report(rid, lat, lon, **kw):
    r = {"event_id": rid, "article_ids": [rid], "event_type": "Battles", "sub_event_type": "Armed clash",
         "date_earliest": "2022-06-13", "date_latest": "2022-06-13", "geo_precision": 1,
         "location": rid, "country": "Mali", "admin1": "Mopti", "latitude": lat, "longitude": lon}
    r.update(kw)
    return r


# A and B are 60 km apart and told differently: they do not match each other. C, between them
# and told like both, matches each: all three are one event.
A = _report("ev-a", 15.0, -2.95)
B = _report("ev-b", 15.0, -2.40)
C = _report("ev-c", 15.0, -2.70)
COS = {frozenset(("ev-a", "ev-c")): 0.95, frozenset(("ev-b", "ev-c")): 0.95}


def groups(order):
    linker = Linker(index=MemoryIndex(), embedder=FixedCosine(COS))
    for r in order:
        linker.link(r)
    return {frozenset(r["event_id"] for r in linker.index.members(e)) for e in set(linker.index.cluster.values())}, linker


def test_bridging_report_joins_two_events_in_any_order():
    seen = {frozenset(groups(order)[0]) for order in itertools.permutations([A, B, C])}
    assert seen == {frozenset({frozenset({"ev-a", "ev-b", "ev-c"})})}


def test_the_smaller_id_is_kept_and_the_other_retired():
    _, linker = groups([A, B, C])
    assert linker.retired == {"ev-b": "ev-a"}
    assert linker.index.cluster_of("ev-b") == "ev-a"


def test_no_bridge_across_a_block():
    far = dict(B, latitude=15.0, longitude=-1.6, event_id="ev-far", article_ids=["ev-far"])  # >80 km from A
    cos = {frozenset(("ev-a", "ev-c")): 0.95, frozenset(("ev-far", "ev-c")): 0.95}
    linker = Linker(index=MemoryIndex(), embedder=FixedCosine(cos))
    for r in (A, far, dict(C, longitude=-2.3)):
        linker.link(r)
    assert linker.index.cluster_of("ev-a") != linker.index.cluster_of("ev-far")
