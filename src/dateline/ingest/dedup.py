"""Near-duplicate detection: MinHash over word 3-shingles, LSH bands, exact Jaccard check.

An article's signature is 64 MinHash values over the set of its lower-cased
word 3-shingles; these are cut into 16 bands of 4, each band hashed to one
signed 64-bit integer (stored in `article_lsh`). Two articles sharing a band
are candidates; a candidate is a near duplicate when the exact Jaccard
similarity of the shingle sets is at least `THRESHOLD` (0.8). With 16×4 bands a
pair at Jaccard 0.8 becomes a candidate with probability > 0.999.
Texts under `MIN_SHINGLES` shingles are only matched exactly (too short to tell
a republished story from two similar short reports).
"""
from __future__ import annotations

import hashlib
import re
import struct
from typing import Optional

import numpy as np

NUM_PERM, BANDS = 64, 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
MIN_SHINGLES = 25
_P = (1 << 61) - 1
_rng = np.random.default_rng(20260101)
_A = _rng.integers(1, _P, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _P, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = 3) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _h64(s: str) -> int:
    return struct.unpack("<Q", hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest())[0]


def minhash(sh: set[str]) -> np.ndarray:
    # (a*x + b) mod p with uint64 wrap-around: not an exact universal family, good enough to hash.
    x = np.fromiter((_h64(s) & ((1 << 31) - 1) for s in sh), dtype=np.uint64, count=len(sh))
    vals = (np.outer(x, _A) + _B) % np.uint64(_P)
    return vals.min(axis=0)


def lsh_bands(sh: set[str]) -> list[int]:
    """The 16 band hashes (signed 64-bit) of a shingle set; [] when the text is too short."""
    if len(sh) < MIN_SHINGLES:
        return []
    sig = minhash(sh)
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(struct.unpack("<q", digest)[0])
    return out


def best_match(sh: set[str], candidates: list[tuple[str, str, Optional[str]]]) -> Optional[tuple[str, float]]:
    """(root id, similarity) of the most similar candidate at or above the threshold, else None."""
    best = None
    for cid, text, root in candidates:
        sim = jaccard(sh, shingles(text))
        if sim >= THRESHOLD and (best is None or sim > best[1]):
            best = (root or cid, sim)
    return best
