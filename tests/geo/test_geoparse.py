from pathlib import Path

import pytest

from dateline.geo import event_place
from dateline.geo.resolve import km
from dateline.records import Place, Span

SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed" / "syria-al-omar-2022-01.txt"


def _near(ref, lat, lon, within):
    return ref.place is not None and km(ref.place, Place("x", "x", lat, lon)) <= within


def _find(refs, text):
    found = [r for r in refs if text in r.text]
    assert found, f"{text!r} not found in {[r.text for r in refs]}"
    return found[0]


@pytest.fixture(scope="module")
def seed(parse):
    if not SEED.exists():
        pytest.skip("seed article not available")
    text = SEED.read_text(encoding="utf-8")
    return text, parse(text, "fr")


@pytest.mark.parametrize("written,lat,lon,within", [
    ("al-Omar", 35.08, 40.50, 40),
    ("al-Chahil", 35.08, 40.50, 40),
    ("al-Mayadine", 35.02, 40.45, 25),
    ("Zone verte", 35.10, 40.55, 60),
    ("Mazar", 34.92, 40.56, 60),
    ("badiat al-Acharat", 34.92, 40.56, 60),
    ("Irak", 33.0, 44.0, 500),
    ("désert de la badiat syrienne", 34.6, 38.9, 300),
    ("al-Boukamal", 34.45, 40.92, 30),
    ("al-Tanf", 33.5, 38.6, 40),
])
def test_seed_places_resolve(seed, written, lat, lon, within):
    _, refs = seed
    assert _near(_find(refs, written), lat, lon, within)


def test_seed_zone_verte_is_not_baghdad(seed):
    _, refs = seed
    assert _find(refs, "Zone verte").place.country_code == "SY"


def test_seed_demonyms_and_metonyms_are_marked(seed):
    _, refs = seed
    roles = {r.text: r.role for r in refs}
    assert roles.get("Washington", "metonym") == "metonym"
    assert all(r.role == "demonym" for r in refs if r.text.lower().startswith(("syrien", "améric")))
    assert not any("Pentagone" in r.text for r in refs if r.role == "toponym")


def test_seed_event_places(seed):
    text, refs = seed
    trigger_at = text.index("plusieurs roquettes")
    sentence_start = text.index("En Syrie")
    sentence_end = text.index("al-Mayadeen.") + len("al-Mayadeen.")
    place = event_place(refs, text, Span(trigger_at, trigger_at + 19, "plusieurs roquettes"),
                        Span(sentence_start, sentence_end, text[sentence_start:sentence_end]))
    assert place.place.name == "al-Omar oil field" and place.geo_precision == 2

    t = text.index("ont pilonné")
    s0 = text.index("Après l'attaque") if "Après l'attaque" in text else text.index("Après l’attaque")
    s1 = text.index("al-Boukamal.") + len("al-Boukamal.")
    place = event_place(refs, text, Span(t, t + 11, "ont pilonné"), Span(s0, s1, text[s0:s1]))
    assert place.place.geonameid == "173480" and place.geo_precision == 2  # Al Mayadin
    assert place.place.admin1 == "Deir ez-Zor" and place.place.country == "Syria"


def test_english_sentences(parse):
    text = ("Gunmen attacked a checkpoint near Kidal in northern Mali on Tuesday, the army said. "
            "Clashes were also reported in Ouagadougou and along the border with Niger.")
    refs = parse(text, "en")
    assert _find(refs, "Kidal").place.country_code == "ML"
    assert _find(refs, "Ouagadougou").place.country_code == "BF"
    assert _find(refs, "Niger").place.feature_code == "PCLI"


def test_context_disambiguates_london(parse):
    refs = parse("Police in London, Ontario, arrested two men after a shooting near Western University. "
                 "Ontario Provincial Police said the suspects came from Toronto.", "en")
    assert _find(refs, "London").place.country_code == "CA"
    refs = parse("A man was stabbed in London on Friday, the Metropolitan Police said, as Britain "
                 "raised its terrorism threat level.", "en")
    assert _find(refs, "London").place.country_code == "GB"


def test_metonymy_and_demonyms_are_not_event_places(parse):
    text = "Washington said on Monday that Syrian forces shelled Idlib overnight."
    refs = parse(text, "en")
    t = text.index("shelled")
    place = event_place(refs, text, Span(t, t + 7, "shelled"), Span(0, len(text), text))
    assert place.place.name.startswith("Idlib")
    assert {r.text: r.role for r in refs}.get("Syrian") == "demonym"


def test_feature_words_are_dropped_from_spans(parse):
    text = "Des roquettes sont tombées près du gisement al-Omar, dans la province de Deir Ezzor."
    refs = parse(text, "fr")
    assert any(r.text == "Deir Ezzor" and r.place.feature_code == "ADM1" for r in refs)
    assert _find(refs, "al-Omar").place.feature_class == "S"


def test_qualifier_and_one_sense_per_discourse(parse):
    refs = parse("LONDON, Ky. (WKYT) - London Police have arrested two people on drug charges. "
                 "Officers said the suspects were taken to the Laurel County jail.", "en")
    londons = [r for r in refs if r.text.lower() == "london"]
    assert len(londons) == 2 and all(r.place.country_code == "US" and r.place.admin1 == "Kentucky" for r in londons)
    refs = parse("A 25-year-old Paris, Missouri, man was arrested after a crash, the highway patrol said.", "en")
    assert _find(refs, "Paris").place.admin1 == "Missouri"


def test_bare_dateline_is_the_well_known_place(parse):
    refs = parse("WASHINGTON (Reuters) - The Senate voted on Tuesday after senators from Iowa and England's "
                 "parliament met in Washington.", "en")
    assert all(_near(r, 38.9, -77.04, 30) for r in refs if r.text.lower() == "washington")


def test_airports_and_outlets(parse):
    refs = parse("Flights were cancelled at Heathrow and Gatwick on Saturday, Xinhua reported.", "en")
    assert _find(refs, "Heathrow").place.country_code == "GB"
    assert _find(refs, "Gatwick").place.country_code == "GB"
    assert not any(r.text == "Xinhua" for r in refs)


def test_name_before_a_region_is_a_place_whatever_ner_says(parse):
    refs = parse("When Lucy Lau was born in Churchill, Man. her parents did not know. A Churchill doctor helped.", "en")
    churchills = [r for r in refs if r.text == "Churchill"]
    assert len(churchills) == 2 and all(r.place.country_code == "CA" for r in churchills)
    refs = parse("Shelling hit Aleppo, Homs and Hama on Monday.", "en")  # a list, not a qualifier
    assert _find(refs, "Aleppo").place.country_code == "SY"


def test_feature_word_inside_a_known_name_is_kept(parse):
    refs = parse("Hundreds of people marched peacefully through the streets of Port Sudan on Thursday.", "en")
    port = _find(refs, "Port Sudan")
    assert port.place.country_code == "SD" and _near(port, 19.6, 37.2, 30)
    assert not any(r.text == "Sudan" for r in refs)
