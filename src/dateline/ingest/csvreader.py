"""CSV reader: a header with `text` (and usually `id`), one article per row.

Optional columns: published (or date), url, outlet, title, language. Records
are cut by hand (quote parity over physical lines) so that one bad row — an
unterminated quote, a wrong number of fields — is rejected alone and the rows
after it are still read: when a record spanning several lines does not parse,
only its first line is rejected and reading starts again on the next line.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator, Optional

from dateline.ingest.readers import (BadRecord, ReadResult, _reject, article_from_mapping,
                                     article_id_from_path, decode_lines, decode_text)

csv.field_size_limit(50_000_000)
MAX_RECORD_LINES = 5000  # a quoted field longer than this many lines is taken as unterminated


def _record_end(lines: list[str], i: int) -> Optional[int]:
    """Index after the last line of the record starting at line i; None = unterminated quote."""
    j, quotes = i, 0
    while j < len(lines) and j - i < MAX_RECORD_LINES:
        if not isinstance(lines[j], str):
            return None
        quotes += lines[j].count('"')
        j += 1
        if quotes % 2 == 0:
            return j
    return None


def _parse_row(record: str, dialect) -> list[str]:
    rows = list(csv.reader(io.StringIO(record, newline=""), dialect, strict=True))
    if len(rows) != 1:
        raise BadRecord("malformed row")
    return rows[0]


def _header(lines: list[str], dialect) -> tuple[list[str], int]:
    i = 0
    while i < len(lines) and isinstance(lines[i], str) and not lines[i].strip():
        i += 1
    if i == len(lines):
        raise BadRecord("no header")
    j = _record_end(lines, i)
    if j is None:
        raise BadRecord("unterminated quote in the header")
    return [h.strip().lstrip("\ufeff").lower() for h in _parse_row("".join(lines[i:j]), dialect)], j


def _sniff(sample: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _row(lines, i, j, header, dialect, path, stem) -> ReadResult:
    """The record in lines[i:j] → Article; raises BadRecord/csv.Error."""
    fields = _parse_row("".join(lines[i:j]), dialect)
    if len(fields) != len(header):
        raise BadRecord(f"expected {len(header)} fields, got {len(fields)}")
    obj = dict(zip(header, fields))
    record = f"row {i + 1}" + (f", id {obj['id'][:60]}" if obj.get("id") else "")
    try:
        return article_from_mapping(obj, path, record, default_id=f"{stem}-row{i + 1}")
    except BadRecord as e:
        raise BadRecord(f"{record}\0{e}") from None


def read_csv_file(path: Path, data: bytes) -> Iterator[ReadResult]:
    try:
        lines = decode_lines(data, str(path), keepends=True)
        first = next((x for x in lines if isinstance(x, str) and x.strip()), "")
        dialect = csv.excel if "," in first else _sniff("".join(x for x in lines[:50] if isinstance(x, str)))
        header, i = _header(lines, dialect)
        if "text" not in header:
            raise BadRecord(f"CSV header has no 'text' column (columns: {', '.join(header)[:200]})")
    except (BadRecord, csv.Error) as e:
        yield _reject(path, None, str(e), data)
        return
    stem = article_id_from_path(path)
    while i < len(lines):
        if isinstance(lines[i], BadRecord):
            yield _reject(path, f"row {i + 1}", str(lines[i]), None)
            i += 1
            continue
        if not lines[i].strip():
            i += 1
            continue
        j = _record_end(lines, i)
        if j is None:
            yield _reject(path, f"row {i + 1}", "unterminated quote", lines[i].encode("utf-8", "replace"))
            i += 1
            continue
        try:
            yield _row(lines, i, j, header, dialect, path, stem)
        except (BadRecord, csv.Error) as e:
            record, _, reason = str(e).rpartition("\0")
            if j - i > 1 and not record:  # a quote spanning lines that breaks the row: drop its first line only
                reason, j = f"malformed row ({reason}; quoted field spanning lines)", i + 1
            elif isinstance(e, csv.Error):
                reason = f"malformed CSV row ({reason})"
            yield _reject(path, record or f"row {i + 1}", reason, "".join(lines[i:j]).encode("utf-8", "replace"))
        i = j
