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

from dateline.geodesy import haversine_km

import math
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from dateline import langdata

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@lru_cache(maxsize=None)
def params() -> dict:
    return langdata.load("linking")


def _d(s) -> Optional[date]:
    try:
        return date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def km(a: dict, b: dict) -> Optional[float]:
    if a.get("latitude") is None or b.get("latitude") is None:
        return None
    return haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


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
    dist = km(a, b)
    if dist is not None and dist > float(params()["max_km"]) and \
            max(a.get("geo_precision") or 3, b.get("geo_precision") or 3) < 3:
        return "place"
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return "country"
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
    f["subtype"] = 1.0 if a.get("sub_event_type") == b.get("sub_event_type") else \
        0.6 if a.get("event_type") == b.get("event_type") else 0.2
    dist = km(a, b)
    f["place"] = 0.5 if dist is None else math.exp(-dist / float(p["place_scale_km"]))
    # A report placed only at region or country level ("Mali", "Kirkuk province") is compatible
    # with a town inside it, not evidence against it.
    coarse = max(a.get("geo_precision") or 3, b.get("geo_precision") or 3) >= 3
    if dist is not None and coarse and (a.get("country") == b.get("country") or not a.get("country") or not b.get("country")):
        f["place"] = max(f["place"], float(p["coarse_place_score"]))
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
