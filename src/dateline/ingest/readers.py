"""Readers: files in, `Article` records out.

One reader per format, chosen by file extension (after a transparent `.gz`); a
folder reads every file in it (sorted, so runs are repeatable). Readers never
raise on bad input: they yield `Rejected` records naming the file, the record
and the reason, which the caller sends to quarantine while the good records go
on. Formats: plain text (optional leading `date YYYY-MM[-DD]`), JSONL, CSV,
HTML, RSS/Atom, WARC/ARC, and `.urls` lists (only `file://` URLs are read:
there is no network fetch).
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union
from urllib.parse import unquote, urlparse

from dateline.ingest.textcodec import BadRecord, decode_lines, decode_text, mostly_binary, split_lines
from dateline.records import Article

__all__ = ["Rejected", "BadRecord", "ReadResult", "read_articles", "read_bytes", "parse_published",
           "split_date_token", "decode_text", "check_text", "MAX_TEXT_CHARS", "MAX_FILE_BYTES"]

# Texts longer than this are refused (quarantined, not split): they are not
# news articles, spaCy's memory grows with length, and a split would cut
# events apart. 1,000,000 characters is spaCy's default max_length.
MAX_TEXT_CHARS = 1_000_000
# Files larger than this are refused before being read at all.
MAX_FILE_BYTES = 200_000_000
# How much of a rejected record's raw bytes the quarantine keeps.
RAW_KEEP = 100_000

_DATE_TOKEN = re.compile(r"^\s*date\s+(\S+)(?=\s|$)")


@dataclass
class Rejected:
    """A record that could not become an Article, and why."""
    file: str
    record: Optional[str]
    reason: str
    raw: Optional[bytes] = None

    def __post_init__(self):  # one line on stderr, whatever a library put in its message
        self.reason = " ".join(str(self.reason).split())
        if self.record is not None:
            self.record = " ".join(str(self.record).split())

    def message(self) -> str:
        where = f"{self.file}" + (f" [{self.record}]" if self.record else "")
        return f"{where}: {self.reason}"


ReadResult = Union[Article, Rejected]


def parse_published(value) -> tuple[Optional[date], Optional[str]]:
    """'2022-01' → (2022-01-01, 'month'); '2022-01-03T10:00Z' → (…, 'day'); '2022' → year.

    Raises BadRecord on absurd dates (month 13, year 9999, after next year…)."""
    if value in (None, ""):
        return None, None
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?!\d)", str(value))
    if not m:
        raise BadRecord(f"unreadable publication date {str(value)[:40]!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if not 1800 <= y <= date.today().year + 1:
        raise BadRecord(f"absurd publication date {str(value)[:40]!r}")
    try:
        if d:
            return date(y, int(mo), int(d)), "day"
        if mo:
            return date(y, int(mo), 1), "month"
        return date(y, 1, 1), "year"
    except ValueError:
        raise BadRecord(f"absurd publication date {str(value)[:40]!r}") from None


def split_date_token(text: str) -> tuple[str, Optional[date], Optional[str]]:
    """Strip an optional leading 'date YYYY-MM[-DD]' token (the seed has it on the text's first line)."""
    m = _DATE_TOKEN.match(text)
    if not m or not re.match(r"\d{4}", m.group(1)):
        return text, None, None
    published, precision = parse_published(m.group(1))
    return text[m.end():].lstrip(" \t"), published, precision


def check_text(text: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    if not text or not text.strip():
        raise BadRecord("no text")
    if len(text) > max_chars:
        raise BadRecord(f"text of {len(text):,} characters is over the {max_chars:,} limit")
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 0.3 * len(sample):
        raise BadRecord("does not look like text (too few letters)")
    distinct = len(set(sample.lower()))
    if len(sample) >= 50 and distinct < 8:
        raise BadRecord(f"does not look like text ({distinct} distinct characters repeated)")
    return text


def article_id_from_path(path: Path) -> str:
    """The file name without its extension(s): 'a.txt' → 'a', 'a.txt.gz' → 'a', 'v1.2.txt' → 'v1.2'."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and len(ext) <= 5 else name


def _reject(path: Path, record: Optional[str], reason: str, raw: Optional[bytes]) -> Rejected:
    return Rejected(str(path), record, reason, raw[:RAW_KEEP] if raw is not None else None)


def read_text_file(path: Path, data: bytes) -> Iterator[ReadResult]:
    try:
        text = decode_text(data, str(path))
        body, published, precision = split_date_token(text)
        check_text(body)
        yield Article(id=article_id_from_path(path), text=body, published=published,
                      published_precision=precision, source_file=str(path))
    except BadRecord as e:
        yield _reject(path, None, str(e), data)


def _opt_str(obj: dict, key: str) -> Optional[str]:
    v = obj.get(key)
    if v is None or isinstance(v, (dict, list)):
        return None
    v = str(v).strip()
    return v or None


def article_from_mapping(obj: dict, path: Path, record: str, default_id: Optional[str] = None) -> Article:
    """One JSON object (or CSV row) → Article; raises BadRecord when unusable."""
    if not isinstance(obj, dict):
        raise BadRecord(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("missing or empty 'text' field")
    aid = obj.get("id", default_id)
    if aid in (None, "") or isinstance(aid, (dict, list)):
        aid = default_id
    if aid in (None, ""):
        raise BadRecord("missing 'id' field")
    pub = obj.get("published") or obj.get("date")
    published, precision = parse_published(pub if isinstance(pub, (str, int)) else None)
    lang = _opt_str(obj, "language")
    return Article(
        id=str(aid), text=check_text(text), url=_opt_str(obj, "url"), outlet=_opt_str(obj, "outlet"),
        title=_opt_str(obj, "title"), language=lang.lower()[:2] if lang else None,
        published=published, published_precision=precision, source_file=str(path), record=record,
    )


def read_jsonl_file(path: Path, data: bytes) -> Iterator[ReadResult]:
    try:
        lines = decode_lines(data, str(path))
    except BadRecord as e:
        yield _reject(path, None, str(e), data)
        return
    if mostly_binary(lines):  # one message for a binary file, unless good records hide in it
        out = list(_jsonl_records(path, lines))
        if not any(isinstance(x, Article) for x in out):
            yield _reject(path, None, "binary or undecodable content (most lines are not text)", data)
            return
        yield from out
        return
    yield from _jsonl_records(path, lines)


def _jsonl_records(path: Path, lines: list) -> Iterator[ReadResult]:
    for n, line in enumerate(lines, 1):
        record = f"line {n}"
        if isinstance(line, BadRecord):
            yield _reject(path, record, str(line), None)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)):
                record = f"line {n}, id {str(obj.get('id'))[:60]}"
            yield article_from_mapping(obj, path, record)
        except (json.JSONDecodeError, RecursionError) as e:
            msg = getattr(e, "msg", "nested too deeply")
            yield _reject(path, record, f"malformed JSON ({msg})", line.encode("utf-8", "replace"))
        except BadRecord as e:
            yield _reject(path, record, str(e), line.encode("utf-8", "replace"))


def read_urls_file(path: Path, data: bytes, _depth: int = 0) -> Iterator[ReadResult]:
    """A `.urls` list: one URL per line. Only file:// URLs are read (no network here)."""
    try:
        lines = decode_lines(data, str(path))
    except BadRecord as e:
        yield _reject(path, None, str(e), data)
        return
    for n, line in enumerate(lines, 1):
        if isinstance(line, BadRecord):
            yield _reject(path, f"line {n}", str(line), None)
            continue
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        parsed = urlparse(url)
        if parsed.scheme != "file":
            yield _reject(path, f"line {n}", f"network fetch disabled: {url[:200]}", url.encode("utf-8", "replace"))
            continue
        target = Path(unquote(parsed.path))
        if _depth > 3 or target.suffix.lower() == ".urls":
            yield _reject(path, f"line {n}", "URL list points to another URL list", url.encode())
            continue
        for item in read_articles([target]):
            if isinstance(item, Article) and not item.url:
                item.url = url
            yield item


from dateline.ingest import formats as _formats  # noqa: E402  (uses the helpers above)
from dateline.ingest.csvreader import read_csv_file  # noqa: E402

READERS = {
    ".txt": read_text_file, ".text": read_text_file,
    ".jsonl": read_jsonl_file, ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".html": _formats.read_html_file, ".htm": _formats.read_html_file, ".xhtml": _formats.read_html_file,
    ".rss": _formats.read_feed_file, ".atom": _formats.read_feed_file, ".xml": _formats.read_xml_file,
    ".warc": _formats.read_warc_file, ".arc": _formats.read_warc_file,
    ".urls": read_urls_file,
}
# Archive formats that handle their own (per-record) gzip.
SELF_GZIP = {".warc", ".arc"}


def _format_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in READERS else ""


def reader_for(path: Path):
    return READERS.get(_format_suffix(path), read_text_file)


def gunzip(data: bytes) -> tuple[bytes, Optional[str]]:
    """Decompress all gzip members; on truncation/corruption return what came out and the reason."""
    out, rest, size = [], data, 0
    try:
        while rest:
            d = zlib.decompressobj(wbits=31)
            out.append(d.decompress(rest, MAX_FILE_BYTES - size + 1))
            size += len(out[-1])
            if size > MAX_FILE_BYTES:
                return b"", f"gzip expands past the {MAX_FILE_BYTES:,}-byte limit"
            if not d.eof:
                return b"".join(out), "truncated gzip (stream ends early)"
            rest = d.unused_data.lstrip(b"\x00")
    except zlib.error as e:
        return b"".join(out), f"corrupt gzip ({e})"
    return b"".join(out), None


def _salvage(path: Path, reader, data: bytes, problem: str) -> Iterator[ReadResult]:
    """A truncated .gz: line formats keep their complete lines; others are refused whole."""
    if reader in (read_jsonl_file, read_urls_file, read_csv_file) and b"\n" in data:
        keep, _, tail = data.rpartition(b"\n")
        yield from reader(path, keep + b"\n")
        yield _reject(path, "end of file", f"{problem}; {len(tail)} trailing bytes dropped", tail)
    else:
        yield _reject(path, None, problem, data)


def read_bytes(path: Path, data: bytes) -> Iterator[ReadResult]:
    """Read one file's bytes (already loaded) with the reader its name asks for."""
    reader = reader_for(path)
    try:
        if path.suffix.lower() == ".gz" and _format_suffix(path) not in SELF_GZIP:
            data, problem = gunzip(data)
            if problem:
                yield from _salvage(path, reader, data, problem)
                return
        yield from reader(path, data)
    except Exception as e:  # a reader or library bug must not stop the batch
        yield _reject(path, None, f"unreadable ({type(e).__name__}: {' '.join(str(e).split())[:200]})", data)


# A folder of articles often carries its own notes ("samples/README.md"): walking a folder
# skips hidden files and these; named on the command line, any file is read.
FOLDER_NOTES = ("readme", "license", "licence", "changelog", "notice")


def _is_folder_note(f: Path) -> bool:
    return f.name.startswith(".") or f.name.lower().split(".", 1)[0] in FOLDER_NOTES


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and not _is_folder_note(x)):
                yield f
        else:
            yield p


def read_articles(paths: Iterable[Union[str, Path]]) -> Iterator[ReadResult]:
    """Every Article (or Rejected) in the given files and folders, in a stable order."""
    for path in iter_files(paths):
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                yield Rejected(str(path), None, f"file of {size:,} bytes is over the {MAX_FILE_BYTES:,} limit")
                continue
            data = path.read_bytes()
        except OSError as e:
            yield Rejected(str(path), None, f"cannot read: {e.strerror or e}")
            continue
        yield from read_bytes(path, data)
