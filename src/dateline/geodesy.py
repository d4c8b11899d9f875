"""Great-circle distance, shared by the geoparser, the merge and linking stages, the store and the scorers."""
from __future__ import annotations

import math
from typing import Mapping, Optional

EARTH_DIAMETER_KM = 12742.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, h)))


def between_km(a: Mapping, b: Mapping) -> Optional[float]:
    """Distance between two records with `latitude`/`longitude` keys (events, reports); None when
    either has no coordinates."""
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    return haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
