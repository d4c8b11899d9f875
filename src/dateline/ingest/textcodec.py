"""Bytes → text for the readers: UTF-8 first, a guarded single-byte fallback.

Policy: UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such.
Bytes that are not valid UTF-8 are tried as cp1252 (then latin-1) and accepted
ONLY when the result looks like prose: no control characters, mostly letters,
and the non-ASCII characters mostly accented letters. Anything else is refused
(the caller quarantines it). The fallback is logged as a warning naming the file.
"""
from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger("dateline.ingest")


class BadRecord(ValueError):
    """Raised inside readers for one bad record; turned into a Rejected."""


def _plausible(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls:
        return False
    non_ascii = [c for c in sample if ord(c) > 127]
    if len(non_ascii) > 0.3 * len(sample):
        return False
    if non_ascii and sum(c.isalpha() for c in non_ascii) < 0.7 * len(non_ascii):
        return False
    letters = sum(c.isalpha() or c.isspace() for c in sample)
    return letters >= 0.6 * len(sample)


def decode_text(data: bytes, where: str) -> str:
    """Decode one file's or record's bytes; raises BadRecord with the reason."""
    if not data.strip():
        raise BadRecord("empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise BadRecord(f"invalid UTF-16 at byte {e.start}") from None
    if b"\x00" in data[:4096]:
        raise BadRecord("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            log.warning("warning: %s: not valid UTF-8 (byte %d); read as %s", where, first_bad, codec)
            return text
    raise BadRecord(f"not valid UTF-8 at byte {first_bad} and not plausible cp1252/latin-1 text")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines cut at \\n only (str.splitlines also cuts at U+2028, \\x85…, which JSON strings may hold)."""
    lines = text.split("\n")
    last = lines.pop()
    if keepends:
        return [x + "\n" for x in lines] + ([last] if last else [])
    return [x[:-1] if x.endswith("\r") else x for x in lines + ([last] if last else [])]


def _decode_line(raw: bytes, where: str, n: int):
    if b"\x00" in raw:
        return BadRecord("binary content (NUL bytes) in the line")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad_at = e.start
    for codec in ("cp1252", "latin-1"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text.strip()):
            log.warning("warning: %s [line %d]: not valid UTF-8; read as %s", where, n, codec)
            return text
    return BadRecord(f"not valid UTF-8 at byte {bad_at} of the line")


def decode_lines(data: bytes, where: str, keepends: bool = False) -> list:
    """A line-based file → its lines (str), or a BadRecord in place of each line that cannot be decoded.

    One bad line does not spoil the file: lines are decoded one by one when the
    whole is not valid UTF-8 (see `mostly_binary` for files that are junk throughout)."""
    if not data.strip():
        raise BadRecord("empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return split_lines(decode_text(data, where), keepends)
    try:
        text = data.decode("utf-8-sig")
        if "\x00" not in text:
            return split_lines(text, keepends)
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    ended = data.endswith(b"\n")
    raws = data.split(b"\n")
    if ended:
        raws.pop()
    out = []
    for n, raw in enumerate(raws, 1):
        line = _decode_line(raw, where, n)
        if isinstance(line, str):
            if keepends and (n < len(raws) or ended):
                line += "\n"
            elif not keepends and line.endswith("\r"):
                line = line[:-1]
        out.append(line)
    return out


def mostly_binary(lines: list) -> bool:
    """More than half the non-blank lines undecodable: the file is binary, not a text format."""
    bad = sum(isinstance(x, BadRecord) for x in lines)
    return bad > max(2, sum(1 for x in lines if not isinstance(x, str) or x.strip()) // 2)
