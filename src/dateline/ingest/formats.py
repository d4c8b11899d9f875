"""Readers for web formats: HTML pages, RSS/Atom feeds, WARC/ARC archives.

HTML main text comes from trafilatura (title, date, URL, site name and language
from the page's metadata); feeds from feedparser (one article per entry); WARC
and ARC from warcio (each HTML or plain-text response/resource record).
"""
from __future__ import annotations

import io
import logging
import re
import warnings
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from dateline.ingest import readers as R
from dateline.ingest.textcodec import BadRecord, decode_text
from dateline.records import Article

log = logging.getLogger("dateline.ingest")
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _html_bytes_to_str(data: bytes, where: str) -> str:
    if not data.strip():
        raise BadRecord("empty file")
    return decode_text(data, where)


def html_article(html: str, path: Path, record: Optional[str], default_id: str,
                 url: Optional[str] = None) -> Article:
    """One HTML page → Article (main text via trafilatura); raises BadRecord."""
    import trafilatura
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise BadRecord("HTML page without main text (no body or nothing extractable)")
    published, precision = None, None
    if getattr(doc, "date", None):
        try:
            published, precision = R.parse_published(doc.date)
        except BadRecord:
            log.warning("warning: %s%s: ignoring page date %r", path, f" [{record}]" if record else "", doc.date)
    lang = getattr(doc, "language", None)
    return Article(id=url or getattr(doc, "url", None) or default_id, text=R.check_text(text),
                   url=url or getattr(doc, "url", None), outlet=getattr(doc, "sitename", None),
                   title=getattr(doc, "title", None), language=lang[:2].lower() if lang else None,
                   published=published, published_precision=precision, source_file=str(path), record=record)


def read_html_file(path: Path, data: bytes) -> Iterator[R.ReadResult]:
    try:
        html = _html_bytes_to_str(data, str(path))
        yield html_article(html, path, None, R.article_id_from_path(path))
    except BadRecord as e:
        yield R._reject(path, None, str(e), data)


def _strip_html(s: str) -> str:
    if "<" not in s:
        return s
    from lxml import html as lhtml
    try:
        return lhtml.fromstring(s).text_content()
    except Exception:
        return re.sub(r"<[^>]+>", " ", s)


def _entry_text(entry) -> str:
    parts = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    text = max(parts, key=len) if parts else ""
    if len(text) < len(entry.get("summary") or ""):
        text = entry.get("summary") or ""
    return " ".join(_strip_html(text).split()) if text else ""


def _entry_date(entry) -> tuple[Optional[date], Optional[str]]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():  # feedparser's updated→published fallback warns
            warnings.simplefilter("ignore", DeprecationWarning)
            t = entry.get(key)
        if t:
            try:
                return R.parse_published(f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}")
            except BadRecord:
                return None, None
    return None, None


def read_feed_file(path: Path, data: bytes) -> Iterator[R.ReadResult]:
    import feedparser
    if not data.strip():
        yield R._reject(path, None, "empty file", data)
        return
    try:
        feed = feedparser.parse(data)
        entries = list(feed.entries)
    except Exception as e:  # feedparser's loose parser can raise on mangled markup
        yield R._reject(path, None, f"malformed feed ({type(e).__name__})", data)
        return
    if not entries:
        why = f"malformed feed ({feed.get('bozo_exception')})" if feed.get("bozo") else "feed without entries"
        yield R._reject(path, None, why[:300], data)
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    lang = feed.feed.get("language")
    stem = R.article_id_from_path(path)
    for n, entry in enumerate(entries, 1):
        record = f"entry {n}"
        try:
            text = _entry_text(entry)
            if not text:
                raise BadRecord("feed entry without summary or content")
            published, precision = _entry_date(entry)
            link = entry.get("link") or None
            yield Article(id=entry.get("id") or link or f"{stem}-entry{n}", text=R.check_text(text), url=link,
                          outlet=outlet, title=entry.get("title") or None,
                          language=lang[:2].lower() if lang else None, published=published,
                          published_precision=precision, source_file=str(path), record=record)
        except Exception as e:  # BadRecord, or feedparser's lazy keys failing on a mangled entry
            why = str(e) if isinstance(e, BadRecord) else f"malformed feed entry ({type(e).__name__})"
            yield R._reject(path, record, why, repr(entry)[:R.RAW_KEEP].encode("utf-8", "replace"))


def read_xml_file(path: Path, data: bytes) -> Iterator[R.ReadResult]:
    """`.xml`: a feed when it looks like one, else an HTML/XHTML page."""
    head = data[:2000].lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
        yield from read_feed_file(path, data)
    else:
        yield from read_html_file(path, data)


def _warc_record(rec, path: Path, n: int) -> Optional[R.ReadResult]:
    """One WARC record → Article, Rejected, or None (not a page: request, metadata, image…)."""
    if rec.rec_type not in ("response", "resource"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI") or None
    ctype = ""
    if rec.http_headers is not None:
        ctype = rec.http_headers.get_header("Content-Type") or ""
    ctype = (ctype or rec.rec_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    record = f"record {n}" + (f", {url[:120]}" if url else "")
    body = rec.content_stream().read()
    try:
        if "html" in ctype:
            return html_article(_html_bytes_to_str(body, f"{path} [{record}]"), path, record, url or f"{path.name}-{n}", url)
        text = R.check_text(decode_text(body, f"{path} [{record}]"))
        return Article(id=url or f"{R.article_id_from_path(path)}-{n}", text=text, url=url,
                       source_file=str(path), record=record)
    except BadRecord as e:
        return R._reject(path, record, str(e), body)


def read_warc_file(path: Path, data: bytes) -> Iterator[R.ReadResult]:
    from warcio.archiveiterator import ArchiveIterator
    if not data.strip():
        yield R._reject(path, None, "empty file", data)
        return
    n = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            n += 1
            item = _warc_record(rec, path, n)
            if item is not None:
                yield item
    except Exception as e:  # warcio raises many kinds on truncated/corrupt archives
        yield R._reject(path, f"after record {n}", f"truncated or malformed archive ({type(e).__name__}: {str(e)[:150]})", None)
