"""The ingest loop against the store (SQLite and PostgreSQL), with a tiny hand-made analyser.

These are unit tests of dedup, idempotency and batch transactions; the same
behaviour through the real pipeline and the CLI is in tests/ingest/test_ingest_cli.py.
"""
from __future__ import annotations

import json

import pytest

from dateline.ingest.run import Ingest
from dateline.records import Span
from dateline.store import open_store

from helpers_store import make_event

STORY = ("Three rockets fell on Tuesday evening near the Green Village base in Deir ez-Zor, the Syrian "
         "Observatory for Human Rights said, adding that no casualties were reported. The base hosts "
         "US forces. Iran-backed militias were blamed by local sources for the attack, which came a day "
         "after a drone strike on a militia position near Al Mayadin in the east of the province.")


class FakeAnalyse:
    """One event per article, id from the text (stable, like the real pipeline's)."""

    def __init__(self, fail_on=None, interrupt_after=None):
        self.seen, self.fail_on, self.interrupt_after = [], fail_on, interrupt_after

    def __call__(self, articles, workers=1):
        for a in articles:
            if self.interrupt_after is not None and len(self.seen) >= self.interrupt_after:
                raise KeyboardInterrupt
            if self.fail_on and self.fail_on in a.text:
                raise ValueError("pipeline bug")
            self.seen.append(a.id)
            ev = make_event(f"ev-{a.content_hash[:12]}", a.id)
            ev.evidence = [(a.id, Span(0, 10, a.text[:10], "trigger"))]
            yield a, [ev]


def _folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    rows = [{"id": f"n{i}", "text": f"Report {i}: clashes in township {i} left {i} dead, said local media."}
            for i in range(5)]
    rows.append({"id": "n0-copy", "text": rows[0]["text"]})  # exact duplicate under another id
    lines = [json.dumps(r) for r in rows]
    lines.insert(3, '{"id": "broken", "text": "unterminated')
    (d / "notes.jsonl").write_text("\n".join(lines) + "\n")
    (d / "story.txt").write_text("date 2022-01 " + STORY)
    (d / "story-wire.txt").write_text("date 2022-01 " + STORY.replace("Tuesday", "Tuesday night") + " (AFP)")
    (d / "empty.txt").write_bytes(b"")
    (d / "bad.csv").write_bytes(b'id,text\n1,"unterminated quote\n2\n')
    return d


def test_mixed_folder_twice(store_url, tmp_path):
    d = _folder(tmp_path)
    store = open_store(store_url)
    fake = FakeAnalyse()
    rejected = []
    r1 = Ingest(store, analyse=fake, batch_size=3, on_reject=rejected.append).run([d])
    # files are read in sorted order: story-wire.txt comes before story.txt, so the latter is the near duplicate
    assert sorted(fake.seen) == ["n0", "n1", "n2", "n3", "n4", "story-wire"]  # not the copy, not the other story
    assert (r1.new, r1.aliases, r1.near_duplicates, r1.quarantined) == (6, 1, 1, 4)
    assert {(r.file.split("/")[-1], r.record) for r in rejected} == {
        ("notes.jsonl", "line 4"), ("empty.txt", None), ("bad.csv", "row 2"), ("bad.csv", "row 3")}
    first, total = store.query_events(limit=None)
    assert total == 6
    story = [e for e in first if "story" in e["article_ids"]][0]
    assert story["article_ids"] == ["story-wire", "story"]
    assert [e for e in first if "n0" in e["article_ids"]][0]["article_ids"] == ["n0", "n0-copy"]
    assert store.get_article("story")["near_duplicate_of"] == "story-wire"

    fake2 = FakeAnalyse()
    r2 = Ingest(store, analyse=fake2, batch_size=3).run([d])
    assert fake2.seen == [] and r2.new == 0 and r2.already_stored == 7 and r2.quarantined == 4
    again, total2 = store.query_events(limit=None)
    assert total2 == 6 and again == first
    st = store.stats()
    assert st["articles"] == 7 and st["quarantined"] == 4
    store.close()


def test_same_id_other_text_is_renamed(store_url, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Rockets fell on the base in Homs, residents said.")
    (tmp_path / "b" / "x.txt").write_text("Protesters marched in Aleppo against price rises.")
    store = open_store(store_url)
    r = Ingest(store, analyse=FakeAnalyse()).run([tmp_path / "a", tmp_path / "b"])
    assert r.new == 2 and r.renamed == 1
    ids = sorted(a for e in store.query_events()[0] for a in e["article_ids"])
    assert ids[0] == "x" and ids[1].startswith("x~")
    store.close()


def test_duplicates_in_one_batch_are_credited(store_url, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.jsonl").write_text(json.dumps({"id": "w1", "text": STORY}) + "\n"
                               + json.dumps({"id": "w1-copy", "text": STORY}) + "\n"
                               + json.dumps({"id": "w1-edit", "text": STORY + " Updated at 10:00."}) + "\n")
    store = open_store(store_url)
    fake = FakeAnalyse()
    r = Ingest(store, analyse=fake, batch_size=10).run([d])
    assert fake.seen == ["w1"] and (r.aliases, r.near_duplicates) == (1, 1)
    assert store.query_events()[0][0]["article_ids"] == ["w1", "w1-copy", "w1-edit"]
    store.close()


def test_interrupted_ingest_resumes(store_url, tmp_path):
    d = _folder(tmp_path)
    store = open_store(store_url)
    with pytest.raises(KeyboardInterrupt):
        Ingest(store, analyse=FakeAnalyse(interrupt_after=4), batch_size=3).run([d])
    partial = store.stats()
    assert 0 < partial["articles"] < 7
    # nothing half-written: every stored analysed article has its event
    rows, _ = store.query_events(limit=None)
    assert {a for e in rows for a in e["article_ids"]} >= {
        a for a in ("n0", "n1", "n2", "n3", "n4", "story-wire") if store.get_article(a)}
    fake = FakeAnalyse()
    Ingest(store, analyse=fake, batch_size=3).run([d])
    assert len(fake.seen) + partial["events"] == 6
    assert store.stats()["events"] == 6 and store.stats()["articles"] == 7
    store.close()


def test_analysis_failure_quarantines_one_article(store_url, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Rockets fell on the base in Homs, residents said.")
    (d / "b.txt").write_text("POISON text that breaks the analyser.")
    store = open_store(store_url)
    rejected = []
    r = Ingest(store, analyse=FakeAnalyse(fail_on="POISON"), on_reject=rejected.append).run([d])
    assert r.new == 1 and r.quarantined == 1 and "analysis failed (ValueError" in rejected[0].reason
    assert store.get_article("b") is None  # tried again on the next run
    store.close()
