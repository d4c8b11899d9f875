"""Actor, source and country dictionaries, loaded from data files and cached.

The dictionaries are data, not code (``src/dateline/data/*.yaml``, documented in
``src/dateline/data/README.md``):

- ``actors.yaml``    canonical actors (id, name, kind, country, aliases in FR/EN);
- ``sources.yaml``   who is cited (outlets, monitors, governments, anonymous kinds);
- ``countries.yaml`` every country with names, demonyms and capitals, from which
  "Military Forces of X" and "Police Forces of X" are generated here with the
  alias patterns of ``state_forces.yaml``.

Users extend them without editing the package: every ``actors*.yaml`` /
``sources*.yaml`` in a folder passed as ``extra_dirs`` merges in (same id: the
aliases are added and the other fields given there win; new id: a new entry).

``AliasMatcher`` (in ``dateline.analyse.aliases``) finds their aliases in a text; the
matchers built here are cached on disk (see below).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml

# Re-exported: the matcher and the folding used to live here (and pickled matchers name this module).
from dateline.analyse import aliases as _aliases_module
from dateline.analyse.aliases import (AliasMatch, AliasMatcher, _acronym_positions, _as_list,  # noqa: F401
                                      alias_key, fold, fold_keep_case)
from dateline.records import ACTOR_KINDS, SOURCE_KINDS, Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ACTORS_FILE = DATA_DIR / "actors.yaml"
SOURCES_FILE = DATA_DIR / "sources.yaml"
COUNTRIES_FILE = DATA_DIR / "countries.yaml"

try:  # libyaml when present: ~10x faster loading
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class LexiconError(ValueError):
    """A dictionary file is malformed; the message names the file and the entry."""


# --- French adjectives -------------------------------------------------------------------

def fr_adjective_forms(masc: str) -> list[str]:
    """[m. sg., f. sg., m. pl., f. pl.] of a French demonym adjective (regular cases).

    syrien → syrienne/syriens/syriennes; malien; français → française/français;
    russe → russe/russes; afghan → afghane; émirati → émiratie. Irregular ones
    (turc/turque, grec/grecque, burkinabè) are written out in countries.yaml."""
    m = masc.strip()
    if m.endswith(("en", "on")) and not m.endswith("kazakh"):
        f = m + "ne"
    elif m.endswith("e"):
        f = m
    elif m.endswith("é"):
        f = m + "e"
    else:
        f = m + "e"
    mp = m if m.endswith(("s", "x", "z")) else m + "s"
    fp = f + "s" if not f.endswith("s") else f
    return [m, f, mp, fp]


# --- on-disk cache ---------------------------------------------------------------------------
# Building the dictionaries (YAML, generated state forces, the matcher's trie) takes
# about a second; the result is pickled under $DATELINE_CACHE_DIR (default
# ~/.cache/dateline), keyed by the size and mtime of every file it was built from
# (and of this module), so editing any data file rebuilds it. DATELINE_NO_CACHE=1
# turns the cache off; an unwritable cache folder is silently ignored.

_CACHE_VERSION = 2


def _cache_dir() -> Optional[Path]:
    if os.environ.get("DATELINE_NO_CACHE"):
        return None
    base = os.environ.get("DATELINE_CACHE_DIR")
    return Path(base) if base else Path.home() / ".cache" / "dateline"


def _source_files(main: Sequence[Path], pattern: str, extra_dirs: Sequence[str]) -> list[Path]:
    files = [*main, Path(__file__), Path(_aliases_module.__file__)]  # the code the cached value depends on
    for d in extra_dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files += [d] + sorted(d.glob(pattern))  # the folder's mtime changes when a file is added
        else:
            raise LexiconError(f"{d}: no such folder or file")
    return files


def _cached(kind: str, files: Sequence[Path], build):
    folder = _cache_dir()
    if folder is None:
        return build()
    h = hashlib.sha1(f"{_CACHE_VERSION}|{kind}|{sys.version_info[:2]}".encode())
    for f in files:
        try:
            st = f.stat()
            h.update(f"|{f.resolve()}|{st.st_size if f.is_file() else 0}|{st.st_mtime_ns}".encode())
        except OSError:
            return build()
    path = folder / f"lexicon-{kind}-{h.hexdigest()[:20]}.pickle"
    gc_was_on = gc.isenabled()
    gc.disable()  # unpickling many small dicts is ~25% faster without the cyclic GC
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, stale format, unreadable: rebuild
        pass
    finally:
        if gc_was_on:
            gc.enable()
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


# --- loading ------------------------------------------------------------------------------

def _read_yaml_list(path: Path, key: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)
    except FileNotFoundError:
        raise LexiconError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return []
    if isinstance(data, dict):
        data = data.get(key, [])
    if not isinstance(data, list):
        raise LexiconError(f"{path}: expected a list of entries (or a mapping with '{key}:')")
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise LexiconError(f"{path}: entry #{i + 1} is not a mapping")
    return data


def _dedupe(aliases: Iterable[str]) -> list[str]:
    seen: dict[tuple, str] = {}
    for a in aliases:
        a = " ".join(str(a).split())
        if not a:
            continue
        k = (alias_key(a), _acronym_positions(a))
        if k[0] and k not in seen:
            seen[k] = a
    return list(seen.values())


@lru_cache(maxsize=8)
def _countries_cached(path: str) -> tuple[dict, ...]:
    rows = _read_yaml_list(Path(path), "countries")
    out = []
    for i, c in enumerate(rows):
        iso2 = c.get("iso2")
        if not iso2 or not c.get("name"):
            raise LexiconError(f"{path}: country #{i + 1} needs iso2 and name")
        c = dict(c)
        for k in ("adjectives", "capital", "capital_fr", "aliases", "aliases_fr"):
            c[k] = _as_list(c.get(k))
        adj_fr = _as_list(c.get("adj_fr"))
        if len(adj_fr) == 1:
            adj_fr = fr_adjective_forms(adj_fr[0])
        elif adj_fr and len(adj_fr) != 4:
            raise LexiconError(f"{path}: {iso2}: adj_fr needs 1 or 4 forms (m, f, m pl, f pl)")
        c["adj_fr"] = adj_fr
        c.setdefault("name_fr", c["name"])
        c.setdefault("people", None)
        out.append(c)
    return tuple(out)


def load_countries(path: Optional[Path] = None) -> list[dict]:
    """Every country: iso2, iso3, name, name_fr, adjectives, people, adj_fr (4 forms), capital(_fr)."""
    return [dict(c) for c in _countries_cached(str(path or COUNTRIES_FILE))]


def country_by_iso2() -> dict[str, dict]:
    return {c["iso2"]: c for c in _countries_cached(str(COUNTRIES_FILE))}


STATE_FORCES_FILE = DATA_DIR / "state_forces.yaml"
_FORCE_FIELDS = {"en_adjective": {"adj"}, "en_name": {"name"}, "fr": {"m", "f", "mp", "fp"}}


@lru_cache(maxsize=4)
def state_force_patterns(path: Optional[Path] = None) -> dict[str, dict[str, tuple[str, ...]]]:
    """{'military'|'police': {'en_adjective'|'en_name'|'fr': patterns}} from state_forces.yaml,
    each pattern checked to use only its field's placeholders."""
    path = Path(path or STATE_FORCES_FILE)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: {str(exc).splitlines()[0]}") from None
    out = {}
    for force in ("military", "police"):
        fields = data.get(force) or {}
        out[force] = {}
        for field_, allowed in _FORCE_FIELDS.items():
            patterns = tuple(str(x) for x in _as_list(fields.get(field_)))
            for pat in patterns:
                try:
                    pat.format(**{k: "x" for k in allowed})
                except (KeyError, IndexError, ValueError) as exc:
                    raise LexiconError(f"{path}: {force}.{field_}: {pat!r}: only "
                                       f"{', '.join('{' + k + '}' for k in sorted(allowed))} may be used "
                                       f"({exc!r})") from None
            out[force][field_] = patterns
    return out


def _fmt(patterns: Sequence[str], **kw: str) -> list[str]:
    return [p.format(**kw) for p in patterns]


def _force_aliases(patterns: dict[str, tuple[str, ...]], country: dict, the: str) -> list[str]:
    out = []
    for adj in country["adjectives"]:
        out += _fmt(patterns["en_adjective"], adj=adj)
    for n in [the] + country["aliases"]:
        out += _fmt(patterns["en_name"], name=n)
    if country["adj_fr"]:
        m, f, mp, fp = country["adj_fr"]
        out += _fmt(patterns["fr"], m=m, f=f, mp=mp, fp=fp)
    return out


def generated_state_forces(countries: Optional[list[dict]] = None) -> list[dict]:
    """'Military Forces of X' and 'Police Forces of X' for every country, as actor dicts,
    with the aliases made from the patterns of state_forces.yaml."""
    patterns = state_force_patterns()
    out = []
    for c in countries if countries is not None else load_countries():
        iso = c["iso2"]
        name = c["name"]
        the = "the " + name if c.get("name_with_the") else name
        out.append({"id": f"military-forces-{iso.lower()}", "name": f"Military Forces of {name}",
                    "kind": "state forces", "country": iso, "generated": True,
                    "aliases": _force_aliases(patterns["military"], c, the)})
        out.append({"id": f"police-forces-{iso.lower()}", "name": f"Police Forces of {name}",
                    "kind": "state forces", "country": iso, "generated": True,
                    "aliases": _force_aliases(patterns["police"], c, the)})
    return out


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for k, v in extra.items():
        if k == "aliases":
            merged["aliases"] = _as_list(base.get("aliases")) + _as_list(v)
        elif v is not None or k not in merged:
            merged[k] = v
    return merged


def _validate(entries: list[dict], kinds: Sequence[str], what: str, where: str) -> None:
    isos = {c["iso2"] for c in _countries_cached(str(COUNTRIES_FILE))}
    for i, e in enumerate(entries):
        eid = e.get("id")
        label = f"{where}: {what} {eid or '#' + str(i + 1)}"
        since = e.get("forces_since")
        if since is not None:
            try:
                date.fromisoformat(str(since))
            except ValueError:
                raise LexiconError(f"{label}: forces_since {since!r} is not a date (YYYY-MM-DD)") from None
        if not eid or not isinstance(eid, str):
            raise LexiconError(f"{label}: missing 'id'")
        if not e.get("name"):
            raise LexiconError(f"{label}: missing 'name'")
        if e.get("kind") not in kinds:
            raise LexiconError(f"{label}: kind {e.get('kind')!r} is not one of {', '.join(kinds)}")
        country = e.get("country")
        if country is not None and country not in isos:
            raise LexiconError(f"{label}: unknown country code {country!r} (ISO 3166-1 alpha-2)")
        abroad = e.get("abroad")
        if abroad is not None:
            if not country or not isinstance(abroad, dict) or not abroad.get("as") or not abroad.get("aliases"):
                raise LexiconError(f"{label}: 'abroad' needs a 'country' and {{aliases: [...], as: ACTOR_ID}}")
            unknown = set(_as_list(abroad["aliases"])) - set(_as_list(e.get("aliases")))
            if unknown:
                raise LexiconError(f"{label}: abroad aliases not among its aliases: {', '.join(sorted(unknown))}")


def _load_entries(main: Path, pattern: str, key: str, extra_dirs: Sequence, kinds, what) -> list[dict]:
    by_id: dict[str, dict] = {}
    order: list[str] = []
    files = [main]
    for d in extra_dirs:
        d = Path(d)
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files += sorted(d.glob(pattern))
        else:
            raise LexiconError(f"{d}: no such folder or file")
    for path in files:
        rows = _read_yaml_list(path, key)
        _validate([_merge(by_id.get(r.get("id"), {}), r) if r.get("id") in by_id else r for r in rows],
                  kinds, what, str(path))
        for r in rows:
            eid = r["id"]
            if eid in by_id:
                by_id[eid] = _merge(by_id[eid], r)
            else:
                by_id[eid] = dict(r)
                order.append(eid)
    return [by_id[i] for i in order]


@lru_cache(maxsize=16)
def _actor_dicts(extra_dirs: tuple) -> tuple[dict, ...]:
    files = _source_files([ACTORS_FILE, COUNTRIES_FILE, STATE_FORCES_FILE], "actors*.yaml", extra_dirs)
    return _cached("actors", files, lambda: _build_actor_dicts(extra_dirs))


def _build_actor_dicts(extra_dirs: tuple) -> tuple[dict, ...]:
    entries = _load_entries(ACTORS_FILE, "actors*.yaml", "actors", extra_dirs, ACTOR_KINDS, "actor")
    ids = {e["id"] for e in entries}
    # The generated state forces of a country fold into a hand-written actor that
    # declares `state_forces_for: XX` (or `police_forces_for: XX`), or into an entry
    # that reuses the generated id.
    # With `forces_since: YYYY-MM-DD` (a change of regime: the Taliban in August 2021) the
    # generated actor stays, for events before that day, and names the owner as its successor.
    takes_over: dict[str, dict] = {}
    for e in entries:
        for field_, prefix in (("state_forces_for", "military-forces-"), ("police_forces_for", "police-forces-")):
            for iso in _as_list(e.get(field_)):
                takes_over[prefix + iso.lower()] = e
    generated = []
    for g in generated_state_forces():
        owner = takes_over.get(g["id"])
        if owner is not None and owner.get("forces_since"):
            g["succeeded_by"] = {"id": owner["id"], "since": str(owner["forces_since"])}
            generated.append(g)
        elif owner is not None:
            owner["aliases"] = _as_list(owner.get("aliases")) + [g["name"]] + g["aliases"]
        elif g["id"] in ids:
            own = next(e for e in entries if e["id"] == g["id"])
            own["aliases"] = _as_list(own.get("aliases")) + g["aliases"]
            own.setdefault("country", g["country"])
        else:
            generated.append(g)
    out = []
    for e in entries + generated:
        e = dict(e)
        e["aliases"] = _dedupe(_as_list(e.get("aliases")))
        out.append(e)
    return tuple(out)


def _norm_dirs(extra_dirs: Iterable) -> tuple:
    return tuple(str(Path(d)) for d in (extra_dirs or ()))


def load_actor_records(extra_dirs: Iterable = ()) -> list[dict]:
    """The actor entries as dicts (all fields of the YAML kept: notes, parent, state_forces_for…)."""
    return [dict(e) for e in _actor_dicts(_norm_dirs(extra_dirs))]


def load_actors(extra_dirs: Iterable = ()) -> list[Actor]:
    """Every actor: actors.yaml, then the generated state forces, then `actors*.yaml` in extra_dirs."""
    return [Actor(id=e["id"], name=e["name"], kind=e["kind"], country=e.get("country"),
                  aliases=list(e["aliases"])) for e in _actor_dicts(_norm_dirs(extra_dirs))]


def successions(extra_dirs: Iterable = ()) -> dict[str, tuple[date, str]]:
    """{actor name: (day, successor's name)}: from that day on, the actor is coded as its successor
    ("Military Forces of Afghanistan" → "Taliban" from 2021-08-15; `forces_since` in actors.yaml)."""
    return _successions(_norm_dirs(extra_dirs))


@lru_cache(maxsize=16)
def _successions(dirs: tuple) -> dict[str, tuple[date, str]]:
    records = _actor_dicts(dirs)
    names = {e["id"]: e["name"] for e in records}
    return {e["name"]: (date.fromisoformat(e["succeeded_by"]["since"]), names[e["succeeded_by"]["id"]])
            for e in records if e.get("succeeded_by")}


def abroad(extra_dirs: Iterable = ()) -> dict[str, tuple[str, frozenset, str]]:
    """{actor id: (its country, the aliases that name it only there, lower case, the actor they
    name elsewhere)}: "bandits" are Nigeria's Bandits in Zamfara, an unidentified armed group in
    Kenya; "junta forces" are Myanmar's in Sagaing, Mali's in Mopti (`abroad` in actors.yaml)."""
    return _abroad(_norm_dirs(extra_dirs))


@lru_cache(maxsize=16)
def _abroad(dirs: tuple) -> dict[str, tuple[str, frozenset, str]]:
    records = _actor_dicts(dirs)
    ids = {e["id"] for e in records}
    out = {}
    for e in records:
        if e.get("abroad"):
            if e["abroad"]["as"] not in ids:
                raise LexiconError(f"actor {e['id']}: abroad 'as' {e['abroad']['as']!r} is no actor id")
            out[e["id"]] = (e["country"], frozenset(a.lower() for a in _as_list(e["abroad"]["aliases"])),
                            e["abroad"]["as"])
    return out


@lru_cache(maxsize=16)
def _source_dicts(extra_dirs: tuple) -> tuple[dict, ...]:
    files = _source_files([SOURCES_FILE, COUNTRIES_FILE], "sources*.yaml", extra_dirs)
    return _cached("sources", files, lambda: _build_source_dicts(extra_dirs))


def _build_source_dicts(extra_dirs: tuple) -> tuple[dict, ...]:
    entries = _load_entries(SOURCES_FILE, "sources*.yaml", "sources", extra_dirs, SOURCE_KINDS, "source")
    out = []
    for e in entries:
        e = dict(e)
        e["aliases"] = _dedupe(_as_list(e.get("aliases")))
        e.setdefault("country", None)
        out.append(e)
    return tuple(out)


def load_sources(extra_dirs: Iterable = ()) -> list[dict]:
    """Every source: dicts with id, name, kind (records.SOURCE_KINDS), country, aliases (+ any other fields)."""
    return [dict(e) for e in _source_dicts(_norm_dirs(extra_dirs))]


@lru_cache(maxsize=8)
def _actor_matcher(extra_dirs: tuple) -> AliasMatcher:
    files = _source_files([ACTORS_FILE, COUNTRIES_FILE, STATE_FORCES_FILE], "actors*.yaml", extra_dirs)
    return _cached("actor-matcher", files, lambda: AliasMatcher(load_actors(extra_dirs)))


@lru_cache(maxsize=8)
def _source_matcher(extra_dirs: tuple) -> AliasMatcher:
    files = _source_files([SOURCES_FILE, COUNTRIES_FILE], "sources*.yaml", extra_dirs)
    return _cached("source-matcher", files, lambda: AliasMatcher(load_sources(extra_dirs), proper_names=True))


def actor_matcher(extra_dirs: Iterable = ()) -> AliasMatcher:
    """The (cached) matcher over every actor."""
    return _actor_matcher(_norm_dirs(extra_dirs))


def source_matcher(extra_dirs: Iterable = ()) -> AliasMatcher:
    """The (cached) matcher over every source."""
    return _source_matcher(_norm_dirs(extra_dirs))


def actors_by_id(extra_dirs: Iterable = ()) -> dict[str, Actor]:
    """Every actor by id (built once per set of folders; read-only: it is shared)."""
    return _actors_by_id(_norm_dirs(extra_dirs))


def sources_by_id(extra_dirs: Iterable = ()) -> dict[str, dict]:
    """Every source by id (built once per set of folders; read-only: it is shared)."""
    return _sources_by_id(_norm_dirs(extra_dirs))


@lru_cache(maxsize=16)
def _actors_by_id(dirs: tuple) -> dict[str, Actor]:
    # Called for every article: rebuilding the Actor list each time was ~4 ms a call.
    return {a.id: a for a in load_actors(dirs)}


@lru_cache(maxsize=16)
def _sources_by_id(dirs: tuple) -> dict[str, dict]:
    return {s["id"]: s for s in load_sources(dirs)}
