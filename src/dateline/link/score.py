"""How likely two reports (article-level events) tell the same happening.

Blocking first (cheap, hard): the type families must be compatible, the date
ranges must overlap, the places must not be far apart, the roles must not be
reversed (a retaliation strike by the side that was attacked). Then a score
in [0, 1] from the evidence: sub-type, place distance, date overlap, actors,
toll, weapons and the meaning of the evidence sentences (multilingual
embeddings, so a French and an English report of one strike meet).
The weights and the threshold are data (`data/linking.yaml`), tuned on the
linking test set by `dateline eval tests/data/linking` (it prints the sweep).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from dateline import langdata
from dateline.link.place import agreement as place_agreement

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@lru_cache(maxsize=None)
def params() -> dict:
    return langdata.load("linking")


def _d(s) -> Optional[date]:
    try:
        return date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def _vague_actor(name: Optional[str]) -> bool:
    n = (name or "").lower()
    return not n or n.startswith(("unidentified", "civilians", "protesters", "rioters")) or "(generic)" in n


def _same_actor(a: Optional[str], b: Optional[str]) -> bool:
    return bool(a and b) and a.split(" (")[0].lower() == b.split(" (")[0].lower()


def blocked(a: dict, b: dict) -> Optional[str]:
    """Why these two cannot be one event (None when they may)."""
    ta, tb = a.get("event_type"), b.get("event_type")
    if ta != tb and not {ta, tb} <= VIOLENT | {"Strategic developments"}:
        return "type"
    if (ta == "Strategic developments") != (tb == "Strategic developments") and \
            "Disrupted weapons use" not in (a.get("sub_event_type"), b.get("sub_event_type")):
        return "type"
    slack = timedelta(days=int(params()["date_slack_days"]))
    ea, la, eb, lb = (_d(a.get("date_earliest")), _d(a.get("date_latest")),
                      _d(b.get("date_earliest")), _d(b.get("date_latest")))
    if None not in (ea, la, eb, lb) and (ea > lb + slack or eb > la + slack):
        return "date"
    why, _ = place_agreement(a, b, params())
    if why:
        return why
    # A reply by the side that was hit is another event (the seed's E1 and E2).
    if (_same_actor(a.get("actor1"), b.get("actor2")) and not _vague_actor(a.get("actor1"))
            and not _same_actor(a.get("actor1"), b.get("actor1"))):
        return "roles"
    if (_same_actor(b.get("actor1"), a.get("actor2")) and not _vague_actor(b.get("actor1"))
            and not _same_actor(a.get("actor1"), b.get("actor1"))):
        return "roles"
    return None


def features(a: dict, b: dict, cos: Optional[float]) -> dict[str, float]:
    p = params()
    f = {}
    f["subtype"] = _subtype_score(a, b, p)
    f["place"] = place_agreement(a, b, p)[1]
    f["date"] = _date_overlap(a, b)
    f["actors"] = _actor_score(a, b)
    f["toll"] = _toll_score(a.get("fatalities"), b.get("fatalities"))
    wa, wb = set(a.get("weapons") or []), set(b.get("weapons") or [])
    f["weapons"] = 0.5 if not wa or not wb else len(wa & wb) / len(wa | wb)
    lo, hi = p["text_cos_floor"], p["text_cos_ceiling"]
    f["text"] = 0.5 if cos is None else min(1.0, max(0.0, (cos - lo) / (hi - lo)))
    return f


def score(a: dict, b: dict, cos: Optional[float]) -> float:
    if blocked(a, b):
        return 0.0
    w = params()["weights"]
    f = features(a, b, cos)
    return sum(w[k] * f[k] for k in w) / sum(w.values())


def _subtype_score(a: dict, b: dict, p: dict) -> float:
    """1 for the same sub-type; partial for two sub-types of one type, or for a pair that analysts list
    as two readings of one happening (`related_subtypes`: a drone shot down is also told as a drone
    attack); low otherwise."""
    sa, sb = a.get("sub_event_type"), b.get("sub_event_type")
    if sa == sb:
        return 1.0
    if a.get("event_type") == b.get("event_type") or _related_subtypes(p).get(sa, frozenset()) & {sb}:
        return float(p["related_subtype_score"])
    return float(p["other_subtype_score"])


def _related_subtypes(p: dict) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for x, y in p.get("related_subtypes") or []:
        out.setdefault(x, set()).add(y)
        out.setdefault(y, set()).add(x)
    return {k: frozenset(v) for k, v in out.items()}


def _date_overlap(a: dict, b: dict) -> float:
    ea, la, eb, lb = (_d(a.get("date_earliest")), _d(a.get("date_latest")),
                      _d(b.get("date_earliest")), _d(b.get("date_latest")))
    if None in (ea, la, eb, lb):
        return 0.5
    inter = (min(la, lb) - max(ea, eb)).days + 1
    if inter <= 0:
        return 0.0
    return inter / ((min(la - ea, lb - eb)).days + 1)


def _actor_score(a: dict, b: dict) -> float:
    s = 0.0
    for r in ("actor1", "actor2"):
        x, y = a.get(r), b.get(r)
        if _same_actor(x, y):
            s += 0.5
        elif _vague_actor(x) or _vague_actor(y):
            s += 0.25
    return s


def _toll_score(x, y) -> float:
    if x is None or y is None:
        return 0.5
    if x == y:
        return 1.0
    lo, hi = sorted((x, y))
    return 0.0 if hi == 0 else max(0.0, lo / hi)
