"""Readers: every format, and each kind of bad input giving one Rejected with a clear reason."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from dateline.ingest.readers import MAX_TEXT_CHARS, Rejected, read_articles, read_bytes
from dateline.records import Article

from samples_ingest import (TEXTS, atom_bytes, csv_bytes, gz, html_bytes, jsonl_bytes, rss_bytes,
                            warc_bytes)


def read(name: str, data: bytes):
    out = list(read_bytes(Path(name), data))
    return [x for x in out if isinstance(x, Article)], [x for x in out if isinstance(x, Rejected)]


def test_text_with_date_token():
    (a,), bad = read("story.txt", b"date 2022-01 Three rockets fell near Deir ez-Zor.")
    assert not bad and a.id == "story" and a.published == date(2022, 1, 1) and a.published_precision == "month"
    assert a.text.startswith("Three")


def test_text_bad_inputs():
    cases = {
        b"": "empty file", b"   \n": "empty file",
        bytes(range(256)) * 20: "binary",
        b"date 9999-99 Trois roquettes.": "absurd publication date",
        b"\xff\xfe\x00\xd8": "UTF-16",
        b"12345 67890 !!!! ---- 1234 5678": "too few letters",
        b"D" * 5000: "distinct characters",
    }
    for data, reason in cases.items():
        good, (r,) = read("x.txt", data)
        assert not good and reason in r.reason, (data[:20], r.reason)
        assert r.file == "x.txt" and r.message().startswith("x.txt")


def test_undecodable_bytes():
    good, (r,) = read("x.txt", "Trois roquettes".encode() + b"\x81\x8d\x90\x9d\x01\x02")
    assert not good and "not valid UTF-8" in r.reason


def test_latin1_fallback_warns(caplog):
    data = "date 2022-01 Trois roquettes sont tombées près de Deir Ezzor, selon l'OSDH.".encode("latin-1")
    with caplog.at_level(logging.WARNING, logger="dateline.ingest"):
        (a,), bad = read("latin1.txt", data)
    assert not bad and "tombées près" in a.text
    assert any("latin1.txt" in r.getMessage() and "cp1252" in r.getMessage() for r in caplog.records)


def test_huge_text_is_quarantined():
    good, (r,) = read("huge.txt", b"date 2022-01 " + b"Rockets fell. " * (MAX_TEXT_CHARS // 10))
    assert not good and "over the 1,000,000 limit" in r.reason


def test_jsonl_mixed():
    data = jsonl_bytes()[:-1] + b'\n{"id": "broken", "text": "unterminated\n{"id": "no-text"}\n[1, 2, 3]\n' \
        + b'{"id": "bad-date", "text": "Rockets fell.", "published": "2022-13-40"}\n'
    good, bad = read("n.jsonl", data)
    assert [a.id for a in good] == ["j0", "j1", "j2", "j3"]
    assert good[0].published == date(2022, 1, 1) and good[0].outlet == "Wire" and good[0].record == "line 1, id j0"
    reasons = [(r.record, r.reason) for r in bad]
    assert reasons[0][0] == "line 5" and "malformed JSON" in reasons[0][1]
    assert "missing or empty 'text'" in reasons[1][1] and "expected a JSON object" in reasons[2][1]
    assert "absurd publication date" in reasons[3][1]


def test_jsonl_line_separator_inside_string():
    data = '{"id": "ls", "text": "Rockets\u2028fell near the base."}\n'.encode()
    (a,), bad = read("n.jsonl", data)
    assert not bad and a.id == "ls"


def test_csv_good_and_bad_rows():
    good, bad = read("n.csv", csv_bytes() + b'bad1,"unterminated quote\nbad2\nc9,"Last row about a bombing in Homs",,\n')
    assert [a.id for a in good] == ["c0", "c1", "c2", "c3", "c9"]
    assert good[0].url == "http://x.org/c0" and good[0].published == date(2022, 1, 1)
    assert [(r.record, r.reason) for r in bad] == [("row 6", "unterminated quote"),
                                                   ("row 7", "expected 4 fields, got 1")]


def test_csv_multiline_field_and_missing_column():
    (a,), bad = read("m.csv", b'id,text\nm1,"Line one about rockets.\nLine two, about a base."\n')
    assert not bad and "Line two" in a.text
    good, (r,) = read("x.csv", b"id,body\n1,hello\n")
    assert not good and "no 'text' column" in r.reason


def test_gzip_and_truncated_gzip():
    good, bad = read("n.jsonl.gz", gz(jsonl_bytes()))
    assert len(good) == 4 and not bad
    good, bad = read("t.jsonl.gz", gz(jsonl_bytes() * 20)[:300])
    assert bad and "truncated gzip" in bad[-1].reason
    assert all(a.id.startswith("j") for a in good)
    good, (r,) = read("t.txt.gz", gz(b"Rockets fell on the base. " * 100)[:60])
    assert not good and "truncated gzip" in r.reason


def test_html():
    (a,), bad = read("p.html", html_bytes())
    assert not bad and a.title == "Rockets hit base" and a.published == date(2022, 1, 5)
    assert a.url == "http://x.org/story" and "Deir ez-Zor" in a.text
    good, (r,) = read("nobody.html", b"<html><head><title>x</title></head></html>")
    assert not good and "without main text" in r.reason


def test_feeds():
    good, bad = read("f.rss", rss_bytes())
    assert not bad and [a.id for a in good] == ["g0", "g1", "g2", "g3"]
    assert good[1].outlet == "Wire Feed" and good[1].published == date(2022, 1, 2) and good[1].url == "http://x.org/1"
    good, bad = read("f.xml", atom_bytes())
    assert not bad and len(good) == 4 and good[0].outlet == "Atom Wire"
    good, (r,) = read("f.rss", b"<rss><channel><title>x</title>")
    assert not good and r.file == "f.rss"


def test_warc():
    for name, data in (("a.warc", warc_bytes()), ("a.warc.gz", warc_bytes(gzipped=True))):
        good, bad = read(name, data)
        assert not bad and [a.url for a in good] == ["http://x.org/page1", "http://x.org/page2.txt"], name
    good, bad = read("t.warc.gz", warc_bytes(gzipped=True)[:-200])
    assert bad and "truncated or malformed archive" in bad[-1].reason


def test_url_list(tmp_path):
    (tmp_path / "local.txt").write_text("Rockets fell near the base in Homs.")
    urls = tmp_path / "list.urls"
    urls.write_text(f"# comment\nhttps://example.org/a\nfile://{tmp_path / 'local.txt'}\n")
    out = list(read_articles([urls]))
    assert isinstance(out[0], Rejected) and out[0].reason.startswith("network fetch disabled") and out[0].record == "line 2"
    assert isinstance(out[1], Article) and out[1].id == "local" and out[1].url.startswith("file://")


def test_folder_of_everything(tmp_path):
    files = {"a.txt": b"Rockets fell near the base in Homs.", "b.jsonl": jsonl_bytes(), "c.csv": csv_bytes(),
             "d.html": html_bytes(), "e.rss": rss_bytes(), "f.warc.gz": warc_bytes(True),
             "g.jsonl.gz": gz(jsonl_bytes(prefix="z")), "sub/h.txt": b"", ".hidden": b"x"}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    out = list(read_articles([tmp_path]))
    good = [x for x in out if isinstance(x, Article)]
    bad = [x for x in out if isinstance(x, Rejected)]
    assert len(good) == 1 + 4 + 4 + 1 + 4 + 2 + 4
    assert [Path(r.file).name for r in bad] == ["h.txt"]
    assert list(read_articles([tmp_path / "missing.txt"]))[0].reason.startswith("cannot read")


def test_a_folder_walk_skips_its_notes_but_a_named_note_is_read(tmp_path):
    """'dateline ingest samples/' must not analyse samples/README.md as an article."""
    (tmp_path / "a.txt").write_bytes(b"Rockets fell near the base in Homs.")
    (tmp_path / "README.md").write_bytes(b"Sample articles. Soldiers attacked the village of Kani.")
    (tmp_path / "LICENSE").write_bytes(b"Public domain.")
    assert [a.id for a in read_articles([tmp_path])] == ["a"]
    named = list(read_articles([tmp_path / "README.md"]))
    assert len(named) == 1 and isinstance(named[0], Article)
