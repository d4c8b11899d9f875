"""Finding the aliases of actors and sources in a text: folding and the `AliasMatcher`.

``AliasMatcher`` finds every alias of a set of entries in a text in one pass over
its tokens (a token trie), case- and accent-insensitive, whole words only, longest
match first. Acronym-like words (at most five letters, two or more of them capitals:
"EI", "US", "IS", "AA", "SAC", "SANA", "ISWAP", "LeT", "FAMa") must be written exactly
so. The dictionaries it is built from are loaded in `dateline.analyse.lexicon`.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, NamedTuple, Optional

from dateline.records import Actor


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


def _acronym_positions(alias: str, proper_names: bool = False) -> tuple[tuple[int, Optional[str]], ...]:
    """(token index, token) of the acronym tokens that must keep their capitals; with
    `proper_names`, also (token index, None) for each capitalised word but the first of several,
    which must start with a capital in the text ("Libération" the daily, not « la libération des
    otages »; "the Associated Press", « selon le Monde »)."""
    if not proper_names and not _TWO_CAPS.search(alias):
        return ()
    out: list[tuple[int, Optional[str]]] = []
    words = _WORD.findall(fold_keep_case(alias))
    for i, tok in enumerate(words):
        letters = [c for c in tok if c.isalpha()]
        if len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2:
            out.append((i, tok))
        elif proper_names and tok[:1].isupper() and (i > 0 or len(words) == 1):
            out.append((i, None))  # not the article of "The Associated Press", « selon le Monde »
    return tuple(out)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v).strip()]


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
    letters, at least two capitals: "IS", "SAC", "ISWAP", "LeT") must be written so. With
    `proper_names` (the sources: outlets named by common words, "Libération", "Le Monde"),
    every capitalised word of an alias must start with a capital in the text too.
    Where aliases overlap the longest wins (leftmost first). An alias shared by
    several entries goes to the first one (hand-written before generated); all of
    them are listed by `candidates()`.

    Implementation: a token trie (words and punctuation marks of the folded text);
    one dictionary lookup per token of the text, so the cost does not grow with the
    number of aliases.
    """

    def __init__(self, entries: Iterable[Any], *, min_length: int = 2, proper_names: bool = False):
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
                cand = (eid, a, _acronym_positions(a, proper_names))
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
            if all(i < len(toks) and (toks[i] == t if t is not None else toks[i][:1].isupper()) for i, t in c[2]):
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
