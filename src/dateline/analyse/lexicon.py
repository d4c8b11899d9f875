"""Actor, source and country dictionaries, and a fast alias matcher.

The dictionaries are data, not code (``src/dateline/data/*.yaml``, documented in
``src/dateline/data/README.md``):

- ``actors.yaml``    canonical actors (id, name, kind, country, aliases in FR/EN);
- ``sources.yaml``   who is cited (outlets, monitors, governments, anonymous kinds);
- ``countries.yaml`` every country with names, demonyms and capitals, from which
  "Military Forces of X" and "Police Forces of X" are generated here.

Users extend them without editing the package: every ``actors*.yaml`` /
``sources*.yaml`` in a folder passed as ``extra_dirs`` merges in (same id: the
aliases are added and the other fields given there win; new id: a new entry).

``AliasMatcher`` finds every alias of a set of entries in a text in one regular
expression pass (a character trie compiled to a regex), case- and
accent-insensitive, whole words only, longest match first. Acronym-like words
(at most five letters, two or more of them capitals: "EI", "US", "IS", "AA", "SAC",
"SANA", "ISWAP", "LeT", "FAMa") must be written exactly so.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Optional, Sequence

import yaml

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


# --- folding ---------------------------------------------------------------------------
# Two same-length foldings of a text, so that offsets found in the folded text are
# offsets in the original: accents stripped, typographic apostrophes and dashes
# normalised, every whitespace a plain space; the second one also lower-cased.

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_SPACES = "\t\n\r\x0b\x0c\u00a0\u2007\u2009\u200a\u202f\u205f\u3000\u2028\u2029"


def _build_tables() -> tuple[dict[int, str], dict[int, str]]:
    keep_case: dict[int, str] = {}
    lower: dict[int, str] = {}
    for cp in range(0x3000):
        ch = chr(cp)
        if ch in _APOSTROPHES:
            f = "'"
        elif ch in _DASHES:
            f = " "  # pro-Iran == pro Iran, al-Shabaab == al Shabaab
        elif ch in _SPACES:
            f = " "
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            f = base if len(base) == 1 else ch
        lo = f.lower()
        if len(lo) != 1:
            lo = f
        if f != ch:
            keep_case[cp] = f
        if lo != ch:
            lower[cp] = lo
    return keep_case, lower


_FOLD_CASE, _FOLD_LOWER = _build_tables()


def fold_keep_case(text: str) -> str:
    """Accents stripped, apostrophes/dashes/spaces normalised; same length as `text`."""
    return text.translate(_FOLD_CASE)


def fold(text: str) -> str:
    """`fold_keep_case` and lower case; same length as `text`."""
    return text.translate(_FOLD_LOWER)


_WS = re.compile(r" +")


def alias_key(alias: str) -> str:
    """The key aliases are compared by: folded, lower case, single spaces, trimmed."""
    return _WS.sub(" ", fold(alias)).strip()


_WORD = re.compile(r"\w+")


_TWO_CAPS = re.compile(r"[A-Z\u00c0-\u00de][^\s'.-]*[A-Z\u00c0-\u00de]")


def _acronym_positions(alias: str) -> tuple[tuple[int, str], ...]:
    """(token index, token) of the acronym tokens that must keep their capitals."""
    if not _TWO_CAPS.search(alias):
        return ()
    out = []
    for i, tok in enumerate(_WORD.findall(fold_keep_case(alias))):
        letters = [c for c in tok if c.isalpha()]
        if len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2:
            out.append((i, tok))
    return tuple(out)


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

_CACHE_VERSION = 1


def _cache_dir() -> Optional[Path]:
    if os.environ.get("DATELINE_NO_CACHE"):
        return None
    base = os.environ.get("DATELINE_CACHE_DIR")
    return Path(base) if base else Path.home() / ".cache" / "dateline"


def _source_files(main: Sequence[Path], pattern: str, extra_dirs: Sequence[str]) -> list[Path]:
    files = [*main, Path(__file__)]
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


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v).strip()]


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


# Patterns of the generated state-forces aliases. {adj}: an English adjective
# ("Syrian", "US"); {name}: the English name; {m} {f} {mp} {fp}: French adjective forms.
MILITARY_EN_ADJ = (
    "{adj} army", "{adj} armed forces", "{adj} military", "{adj} military forces", "{adj} forces",
    "{adj} troops", "{adj} soldiers", "{adj} soldier", "{adj} servicemen", "{adj} security forces",
    "{adj} government forces", "{adj} government troops", "{adj} army troops", "{adj} army soldiers",
    "{adj} air force", "{adj} navy", "{adj} warplanes", "{adj} military aircraft", "{adj} fighter jets",
    "{adj} jets", "{adj} military drones", "{adj} drones", "{adj} artillery", "{adj} special forces",
    "{adj} defence forces", "{adj} defense forces", "{adj} gendarmerie",
    "{adj} military vehicles",
)
MILITARY_EN_NAME = (
    "{name}'s army", "{name}'s military", "{name}'s armed forces", "army of {name}",
    "armed forces of {name}", "military forces of {name}", "military of {name}",
)
MILITARY_FR = (
    "armée {f}", "armées {fp}", "forces {fp}", "forces armées {fp}", "forces gouvernementales {fp}",
    "forces de sécurité {fp}", "forces de défense {fp}", "forces spéciales {fp}", "troupes {fp}",
    "troupes gouvernementales {fp}", "soldats {mp}", "soldat {m}", "militaires {mp}", "militaire {m}",
    "aviation {f}", "armée de l'air {f}", "marine {f}", "avions {mp}",
    "avions de guerre {mp}", "avions militaires {mp}", "hélicoptères {mp}", "drones {mp}",
    "drones de combat {mp}", "artillerie {f}", "véhicules militaires {mp}", "gendarmerie {f}",
    "gendarmes {mp}", "chars {mp}", "blindés {mp}", "frappes aériennes {fp}", "bombardiers {mp}",
)
POLICE_EN_ADJ = (
    "{adj} police", "{adj} police force", "{adj} police forces", "{adj} police officers",
    "{adj} policemen", "{adj} riot police", "{adj} police officer",
)
POLICE_EN_NAME = ("{name}'s police", "police in {name}", "police of {name}", "police forces of {name}")
POLICE_FR = (
    "police {f}", "policiers {mp}", "policier {m}", "forces de police {fp}", "forces de l'ordre {fp}",
    "police nationale {f}",
)


def _fmt(patterns: Sequence[str], **kw: str) -> list[str]:
    return [p.format(**kw) for p in patterns]


def generated_state_forces(countries: Optional[list[dict]] = None) -> list[dict]:
    """'Military Forces of X' and 'Police Forces of X' for every country, as actor dicts."""
    out = []
    for c in countries if countries is not None else load_countries():
        iso = c["iso2"]
        name = c["name"]
        the = "the " + name if c.get("name_with_the") else name
        mil, pol = [], []
        for adj in c["adjectives"]:
            mil += _fmt(MILITARY_EN_ADJ, adj=adj)
            pol += _fmt(POLICE_EN_ADJ, adj=adj)
        for n in [the] + c["aliases"]:
            mil += _fmt(MILITARY_EN_NAME, name=n)
            mil.append(f"{n} army")
            pol += _fmt(POLICE_EN_NAME, name=n)
        if c["adj_fr"]:
            m, f, mp, fp = c["adj_fr"]
            mil += _fmt(MILITARY_FR, m=m, f=f, mp=mp, fp=fp)
            pol += _fmt(POLICE_FR, m=m, f=f, mp=mp, fp=fp)
        out.append({"id": f"military-forces-{iso.lower()}", "name": f"Military Forces of {name}",
                    "kind": "state forces", "country": iso, "aliases": mil, "generated": True})
        out.append({"id": f"police-forces-{iso.lower()}", "name": f"Police Forces of {name}",
                    "kind": "state forces", "country": iso, "aliases": pol, "generated": True})
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
        if not eid or not isinstance(eid, str):
            raise LexiconError(f"{label}: missing 'id'")
        if not e.get("name"):
            raise LexiconError(f"{label}: missing 'name'")
        if e.get("kind") not in kinds:
            raise LexiconError(f"{label}: kind {e.get('kind')!r} is not one of {', '.join(kinds)}")
        country = e.get("country")
        if country is not None and country not in isos:
            raise LexiconError(f"{label}: unknown country code {country!r} (ISO 3166-1 alpha-2)")


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
    files = _source_files([ACTORS_FILE, COUNTRIES_FILE], "actors*.yaml", extra_dirs)
    return _cached("actors", files, lambda: _build_actor_dicts(extra_dirs))


def _build_actor_dicts(extra_dirs: tuple) -> tuple[dict, ...]:
    entries = _load_entries(ACTORS_FILE, "actors*.yaml", "actors", extra_dirs, ACTOR_KINDS, "actor")
    ids = {e["id"] for e in entries}
    # The generated state forces of a country fold into a hand-written actor that
    # declares `state_forces_for: XX` (or `police_forces_for: XX`), or into an entry
    # that reuses the generated id.
    takes_over: dict[str, dict] = {}
    for e in entries:
        for field_, prefix in (("state_forces_for", "military-forces-"), ("police_forces_for", "police-forces-")):
            for iso in _as_list(e.get(field_)):
                takes_over[prefix + iso.lower()] = e
    generated = []
    for g in generated_state_forces():
        owner = takes_over.get(g["id"])
        if owner is not None:
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


# --- matching -------------------------------------------------------------------------------

class AliasMatch(NamedTuple):
    start: int
    end: int
    entry_id: str
    alias: str


# A candidate of an alias key: (entry_id, alias as written, acronym tokens to check).
# A plain tuple: the matcher is pickled and plain tuples load fastest.
_Cand = tuple


def _entry_parts(entry: Any) -> tuple[str, list[str]]:
    if isinstance(entry, Actor):
        return entry.id, [entry.name] + list(entry.aliases)
    if isinstance(entry, dict):
        names = [entry["name"]] if entry.get("name") else []
        return entry["id"], names + _as_list(entry.get("aliases"))
    eid, aliases = entry
    return eid, _as_list(aliases)


_TOKEN = re.compile(r"\w+|[^\w\s]")
_END = ""  # key of the terminal marker in a trie node ("" is never a token)


class AliasMatcher:
    """Finds the aliases of a set of entries in a text.

    `entries`: Actor objects, dicts with id/name/aliases (sources), or (id, aliases) pairs.
    Each alias matches case- and accent-insensitively, on whole words, with any run
    of spaces or a hyphen between its words; acronym-like words (at most five
    letters, at least two capitals: "IS", "SAC", "ISWAP", "LeT") must be written so.
    Where aliases overlap the longest wins (leftmost first). An alias shared by
    several entries goes to the first one (hand-written before generated); all of
    them are listed by `candidates()`.

    Implementation: a token trie (words and punctuation marks of the folded text);
    one dictionary lookup per token of the text, so the cost does not grow with the
    number of aliases.
    """

    def __init__(self, entries: Iterable[Any], *, min_length: int = 2):
        self._cands: dict[str, list[_Cand]] = {}
        self._trie: dict = {}
        self.names: dict[str, str] = {}
        for entry in entries:
            eid, aliases = _entry_parts(entry)
            if isinstance(entry, Actor):
                self.names[eid] = entry.name
            elif isinstance(entry, dict):
                self.names[eid] = entry.get("name", eid)
            for a in aliases:
                k = alias_key(a)
                if len(k) < min_length:
                    continue
                cand = (eid, a, _acronym_positions(a))
                lst = self._cands.get(k)
                if lst is None:
                    lst = self._cands[k] = []
                    node = self._trie
                    for tok in _TOKEN.findall(k):
                        nxt = node.get(tok)
                        if nxt is None:
                            nxt = node[tok] = {}
                        node = nxt
                    node[_END] = k
                if not any(c[0] == eid and c[2] == cand[2] for c in lst):
                    lst.append(cand)

    def __len__(self) -> int:
        return sum(len(v) for v in self._cands.values())

    def candidates(self, alias: str) -> list[str]:
        """Every entry id that has this alias (ambiguous aliases have several)."""
        seen = []
        for c in self._cands.get(alias_key(alias), ()):
            if c[0] not in seen:
                seen.append(c[0])
        return seen

    def lookup(self, phrase: str) -> Optional[str]:
        """The entry id whose alias is exactly `phrase` (after folding), else None."""
        c = self._pick(alias_key(phrase), fold_keep_case(phrase))
        return c[0] if c else None

    @property
    def ambiguous(self) -> dict[str, list[str]]:
        """alias key → entry ids, for the aliases that belong to several entries."""
        return {k: ids for k in self._cands if len(ids := self.candidates(k)) > 1}

    def _pick(self, key: str, original_folded: str) -> Optional[_Cand]:
        cands = self._cands.get(key)
        if not cands:
            return None
        toks = None
        for c in cands:
            if not c[2]:
                return c
            if toks is None:
                toks = _WORD.findall(original_folded)
            if all(i < len(toks) and toks[i] == t for i, t in c[2]):
                return c
        return None

    def find_all(self, text: str) -> list[AliasMatch]:
        """Every alias occurrence, left to right, not overlapping:
        (start, end, entry_id, alias as written in the data)."""
        if not text:
            return []
        toks = _RAW_TOKEN.findall(text)  # C speed; offsets are recovered only around hits
        cache = _FOLD_CACHE
        if len(cache) > 500_000:
            cache.clear()
        ftoks = [cache.get(t) or _fold_token(t) for t in toks]
        root = self._trie
        starts = [i for i, t in enumerate(ftoks) if t in root]
        if not starts:
            return []
        n = len(toks)
        out: list[AliasMatch] = []
        pos = 0        # char offset after the last located token
        for i in starts:
            t = toks[i]
            s = _locate(text, t, pos)
            pos = s + len(t)
            # not the second half of a hyphenated word ("pro-Syrian forces", "anti-IS")
            if s >= 2 and text[s - 1] in _DASHES and text[s - 2].isalnum():
                continue
            node = root[ftoks[i]]
            ends = []  # (token index past the end, key), shortest first
            j = i + 1
            while True:
                k = node.get(_END)
                if k is not None:
                    ends.append((j, k))
                if j >= n:
                    break
                node = node.get(ftoks[j])
                if node is None:
                    break
                j += 1
            if not ends:
                continue
            # char offsets of the ends of the tokens of the longest candidate
            offs = [pos]
            p = pos
            for q in range(i + 1, ends[-1][0]):
                p = _locate(text, toks[q], p) + len(toks[q])
                offs.append(p)
            for j, k in reversed(ends):
                cands = self._cands[k]
                e = offs[j - 1 - i]
                c = self._pick(k, fold_keep_case(text[s:e])) if cands[0][2] else cands[0]
                if c is not None:
                    out.append(AliasMatch(s, e, c[0], c[1]))
                    break
        return _resolve_overlaps(out)


# Tokens of the original text: words, and single punctuation marks other than dashes
# (a dash is a space for matching); the modifier-letter apostrophes are punctuation.
_RAW_TOKEN = re.compile(r"[^\W\u02bb\u02bc]+|[^\w\s" + re.escape(_DASHES) + r"]|[\u02bb\u02bc]")
_FOLD_CACHE: dict[str, str] = {}


def _fold_token(tok: str) -> str:
    f = tok.translate(_FOLD_LOWER)
    _FOLD_CACHE[tok] = f
    return f


def _resolve_overlaps(found: list[AliasMatch]) -> list[AliasMatch]:
    """Keep the longest of overlapping matches ("la police malienne": "police malienne",
    not "la police"); ties go to the leftmost. `found` is sorted by start."""
    if len(found) < 2:
        return found
    out: list[AliasMatch] = []
    cluster: list[AliasMatch] = []
    cluster_end = -1
    for m in found + [AliasMatch(1 << 62, 1 << 62, "", "")]:  # sentinel flushes the last cluster
        if m.start < cluster_end:
            cluster.append(m)
            cluster_end = max(cluster_end, m.end)
            continue
        if len(cluster) == 1:
            out.append(cluster[0])
        elif cluster:
            kept: list[AliasMatch] = []
            for c in sorted(cluster, key=lambda x: (x.start - x.end, x.start)):
                if all(c.end <= k.start or c.start >= k.end for k in kept):
                    kept.append(c)
            out.extend(sorted(kept))
        cluster = [m]
        cluster_end = m.end
    return out


def _is_w(c: str) -> bool:
    """Same as the regex class \\w, less the modifier-letter apostrophes."""
    return (c.isalnum() and c not in "\u02bb\u02bc") or c == "_"


def _locate(text: str, tok: str, pos: int) -> int:
    """Offset of the next occurrence of token `tok` at or after `pos` (whole token)."""
    if not _is_w(tok[0]):
        return text.find(tok, pos)
    L = len(tok)
    n = len(text)
    start = pos
    while True:
        s = text.find(tok, pos)
        if s < 0:  # should not happen for a token of `text`: take the plain occurrence
            return text.find(tok, start)
        if (s == 0 or not _is_w(text[s - 1])) and (s + L >= n or not _is_w(text[s + L])):
            return s
        pos = s + 1


@lru_cache(maxsize=8)
def _actor_matcher(extra_dirs: tuple) -> AliasMatcher:
    files = _source_files([ACTORS_FILE, COUNTRIES_FILE], "actors*.yaml", extra_dirs)
    return _cached("actor-matcher", files, lambda: AliasMatcher(load_actors(extra_dirs)))


@lru_cache(maxsize=8)
def _source_matcher(extra_dirs: tuple) -> AliasMatcher:
    files = _source_files([SOURCES_FILE, COUNTRIES_FILE], "sources*.yaml", extra_dirs)
    return _cached("source-matcher", files, lambda: AliasMatcher(load_sources(extra_dirs)))


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
