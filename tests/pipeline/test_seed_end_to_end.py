"""The seed article through the whole pipeline, scored against its gold coding."""
import json
from pathlib import Path

import pytest

# Not imported from conftest: several test folders have one, and 'conftest' is one module name.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_TXT = SHARED / "eval/seed/syria-al-omar-2022-01.txt"
SEED_GOLD = SHARED / "eval/seed/syria-al-omar-2022-01.gold.json"

pytestmark = pytest.mark.skipif(not SEED_TXT.exists(), reason="../shared/eval/seed not beside the repo")


@pytest.fixture(scope="module")
def seed_events(pipeline):
    from dateline.ingest.readers import read_articles
    article = next(iter(read_articles([SEED_TXT])))
    return article, [e.to_json() for e in pipeline.analyse(article)]


def test_seed_scores_against_gold(seed_events):
    from dateline.evaluate.seed import score_events
    article, events = seed_events
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    score = score_events(gold, article.text, events)
    assert score.recall == 1.0, f"missed {set(g['id'] for g in gold['events']) - set(score.matched)}"
    assert score.f1 >= 0.9
    acc = score.accuracy()
    for field in ("type", "subtype", "actor1", "date", "toll", "modality", "sources"):
        assert acc[field] >= 0.8, (field, acc)
    assert score.non_event_hits == 0


def test_evidence_is_verbatim(seed_events):
    article, events = seed_events
    for e in events:
        for ev in e["evidence"]:
            assert article.text[ev["start"]:ev["end"]] == ev["text"]


def _by_subtype(events, sub):
    return [e for e in events if e["sub_event_type"] == sub]


def test_three_sources_one_rocket_attack_with_contradiction(seed_events):
    _, events = seed_events
    rocket = [e for e in _by_subtype(events, "Shelling/artillery/missile attack") if "OSDH" in e["sources"]]
    assert len(rocket) == 1
    e = rocket[0]
    assert set(e["sources"]) >= {"al-Mayadeen", "OSDH", "al-Araby"}
    assert e["actor2"] == "US forces"
    munitions = [c for c in e["contradictions"] if c["field"] == "munitions"]
    assert munitions and {"OSDH", "al-Araby"} <= set(munitions[0]["values"])


def test_foiled_attack_is_disrupted_weapons_use_dated_by_anchor(seed_events):
    _, events = seed_events
    (e,) = _by_subtype(events, "Disrupted weapons use")
    assert e["modality"] == "foiled"
    assert e["location"] == "Green Village base" and e["country"] == "Syria"
    assert (e["date_earliest"], e["date_latest"]) == ("2021-12-31", "2022-01-30")  # the day before E1


def test_claimed_convoy_attack(seed_events):
    _, events = seed_events
    (e,) = [e for e in events if e["actor1"] == "Islamic State"]
    assert e["event_type"] == "Battles"
    assert e["actor2"] == "Syrian armed forces"
    assert e["fatalities"] == 5 and e["injured"] == 20
    assert (e["injured_low"], e["injured_high"]) == (15, 25)
    assert e["sources"] == []


def test_loaded_terms_are_marked_not_coded(seed_events):
    _, events = seed_events
    terms = {f["text"].lower() for e in events for f in e["framing"]}
    assert terms, "no framing marked on any event"
