"""Small well-formed inputs of every format, built in code (shared by reader tests and the fuzz test)."""
from __future__ import annotations

import gzip
import io
import json

TEXTS = [
    "Three rockets fell near the Green Village base in Deir ez-Zor on Tuesday evening, the SOHR said.",
    "Security forces fired tear gas at protesters in Khartoum on Monday, witnesses told AFP.",
    "Clashes between the army and the PDF in Sagaing left five soldiers dead, according to local media.",
    "An explosive device was defused near Al Mayadin before it could go off, a local source said.",
]


def jsonl_bytes(texts=TEXTS, prefix="j") -> bytes:
    return "".join(json.dumps({"id": f"{prefix}{i}", "text": t, "published": "2022-01-0%d" % (i + 1),
                               "outlet": "Wire"}) + "\n" for i, t in enumerate(texts)).encode()


def csv_bytes(texts=TEXTS, prefix="c") -> bytes:
    rows = ["id,text,published,url"] + [f'{prefix}{i},"{t}",2022-01-0{i + 1},http://x.org/{prefix}{i}'
                                         for i, t in enumerate(texts)]
    return ("\n".join(rows) + "\n").encode()


def html_bytes(text=TEXTS[0]) -> bytes:
    body = "".join(f"<p>{text} Paragraph {i} adds context about the attack and its aftermath.</p>" for i in range(4))
    return (f'<html lang="en"><head><title>Rockets hit base</title><meta property="og:site_name" content="Wire">'
            f'<meta name="date" content="2022-01-05"><link rel="canonical" href="http://x.org/story">'
            f"</head><body><article>{body}</article></body></html>").encode()


def rss_bytes(texts=TEXTS) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>http://x.org/{i}</link><guid>g{i}</guid>"
                    f"<pubDate>Tue, 0{i + 1} Jan 2022 10:00:00 GMT</pubDate><description>{t}</description></item>"
                    for i, t in enumerate(texts))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Feed</title><language>en</language>'
            f"{items}</channel></rss>").encode()


def atom_bytes(texts=TEXTS) -> bytes:
    entries = "".join(f"<entry><id>urn:a{i}</id><title>S{i}</title><link href='http://x.org/a{i}'/>"
                      f"<updated>2022-01-0{i + 1}T10:00:00Z</updated><summary>{t}</summary></entry>"
                      for i, t in enumerate(texts))
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>'
            f"<id>urn:feed</id><updated>2022-01-05T00:00:00Z</updated>{entries}</feed>").encode()


def warc_bytes(gzipped: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzipped)
    pages = [("http://x.org/page1", "text/html", html_bytes(TEXTS[0])),
             ("http://x.org/page2.txt", "text/plain", TEXTS[1].encode()),
             ("http://x.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50))]
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
