"""Actor / source / country dictionaries and the alias matcher."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from dateline.analyse import lexicon as L
from dateline.records import ACTOR_KINDS, SOURCE_KINDS

SEED = Path("/work/shared/eval/seed/syria-al-omar-2022-01.txt")


@pytest.fixture(scope="module")
def actors():
    return L.load_actors()


@pytest.fixture(scope="module")
def names(actors):
    return {a.id: a.name for a in actors}


@pytest.fixture(scope="module")
def am():
    return L.actor_matcher()


@pytest.fixture(scope="module")
def sm():
    return L.source_matcher()


def actor_names(am, names, text):
    return [(text[m.start:m.end], names[m.entry_id]) for m in am.find_all(text)]


def one_actor(am, names, text):
    found = am.find_all(text)
    assert found, f"nothing found in {text!r}"
    longest = max(found, key=lambda m: m.end - m.start)
    return names[longest.entry_id]


# --- data files ---------------------------------------------------------------------------

def test_actor_records_are_valid(actors):
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids))
    assert len(actors) > 600  # hand-written + generated state forces
    for a in actors:
        assert a.kind in ACTOR_KINDS, a
        assert a.name and a.aliases, a
    hand = [r for r in L.load_actor_records() if not r.get("generated")]
    assert len(hand) >= 200


def test_sources_are_valid():
    sources = L.load_sources()
    assert len(sources) >= 100
    assert len({s["id"] for s in sources}) == len(sources)
    for s in sources:
        assert s["kind"] in SOURCE_KINDS, s
    by_name = {s["name"] for s in sources}
    for n in ["al-Mayadeen", "OSDH", "al-Araby", "al-Hurra", "Pentagon", "Reuters", "AFP", "AP", "BBC", "Al Jazeera",
              "RFI", "France 24", "Le Monde", "Anadolu", "SANA", "IRNA", "Xinhua", "TASS", "RIA Novosti", "Ukrainska Pravda",
              "Kyiv Independent", "Sahara Reporters", "Premium Times", "Garowe Online", "Radio Dalsan", "VOA", "DVB",
              "Irrawaddy", "Myanmar Now", "Mizzima", "RFA", "Khit Thit", "UN", "OCHA", "UNHCR", "HRW",
              "Amnesty International", "ICRC", "MSF", "Ministry of Defence", "Amaq", "local residents",
              "security source", "witnesses", "local sources", "opposition sources", "medical sources", "officials"]:
        assert n in by_name, n


def test_countries():
    countries = L.load_countries()
    assert len(countries) >= 249
    by = {c["iso2"]: c for c in countries}
    sy = by["SY"]
    assert sy["name"] == "Syria" and sy["name_fr"] == "Syrie"
    assert sy["adj_fr"] == ["syrien", "syrienne", "syriens", "syriennes"]
    assert "Syrian" in sy["adjectives"] and "Damas" in sy["capital_fr"]
    assert "Moscou" in by["RU"]["capital_fr"] and "Kyiv" in by["UA"]["capital"]
    assert "Washington" in by["US"]["capital"]
    assert by["TR"]["adj_fr"] == ["turc", "turque", "turcs", "turques"]
    with_demonyms = [c for c in countries if c["adjectives"] and c["adj_fr"]]
    assert len(with_demonyms) >= 150


def test_fr_adjective_rule():
    assert L.fr_adjective_forms("malien") == ["malien", "malienne", "maliens", "maliennes"]
    assert L.fr_adjective_forms("français") == ["français", "française", "français", "françaises"]
    assert L.fr_adjective_forms("russe") == ["russe", "russe", "russes", "russes"]
    assert L.fr_adjective_forms("afghan") == ["afghan", "afghane", "afghans", "afghanes"]


# --- the seed article ---------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("les Américains", "US forces"),
    ("forces américaines", "US forces"),
    ("un campement US", "US forces"),
    ("4 drones américains ont bombardé", "US forces"),
    ("milices pro Iran", "Pro-Iran milices".replace("milices", "militias")),
    ("des « milices pro Iran »", "Pro-Iran militias"),
    ("les milices soutenues par l’Iran", "Pro-Iran militias"),
    ("un camp d’entrainement des groupes pro Iran", "Pro-Iran militias"),
    ("Daech", "Islamic State"),
    ("revendiquée par Daech contre", "Islamic State"),
    ("l'EI", "Islamic State"),
    ("les jihadistes de l'EI", "Islamic State"),
    ("ISIS", "Islamic State"),
    ("the Islamic State group", "Islamic State"),
    ("soldats syriens", "Syrian armed forces"),
    ("un convoi de véhicules militaires syriens", "Syrian armed forces"),
    ("contrôlée par l’armée syrienne", "Syrian armed forces"),
    ("attaquer les forces syriennes", "Syrian armed forces"),
    ("militaires syriens", "Syrian armed forces"),
    ("hommes armés non identifiés", "Unidentified armed group"),
    ("des inconnus armés", "Unidentified armed group"),
])
def test_seed_actor_phrases(am, names, text, expected):
    assert one_actor(am, names, text) == expected


def test_seed_article_actors(am, names):
    text = SEED.read_text(encoding="utf-8")
    found = {names[m.entry_id] for m in am.find_all(text)}
    assert {"US forces", "Pro-Iran militias", "Islamic State", "Syrian armed forces"} <= found


@pytest.mark.parametrize("text,expected", [
    ("selon des sources citées par la télévision libanaise d’information al-Mayadeen", "al-mayadeen"),
    ("L’OSDH, organisme basé à Londres", "osdh"),
    ("Le journal qatari al-Araby a quant à lui indiqué", "al-araby"),
    ("Selon al-Araby, dans la soirée de mardi", "al-araby"),
    ("Selon la chaine de télévision américaine arabophone al-Hurra cette attaque", "al-hurra"),
    ("rapporte al-Hurra.", "al-hurra"),
    ("John Kerby, porte-parole du Pentagone a dit", "pentagon"),
    ("ont précisé les sources de l’opposition syrienne", "opposition-sources"),
    ("the Syrian Observatory for Human Rights said", "osdh"),
    ("the Britain-based SOHR", "osdh"),
    ("according to The New Arab", "al-araby"),
    ("a US Department of Defense statement", "pentagon"),
    ("selon l'AFP", "afp"),
    ("told Reuters", "reuters"),
    ("Radio Free Asia reported", "rfa"),
    ("according to the Democratic Voice of Burma", "dvb"),
    ("des habitants ont raconté", "local-residents"),
    ("local residents said", "local-residents"),
    ("a security source said", "security-source"),
    ("selon une source sécuritaire", "security-source"),
    ("des témoins ont vu", "witnesses"),
    ("selon des sources médicales", "medical-sources"),
    ("selon des sources locales", "local-sources"),
    ("le ministère de la Défense a annoncé", "ministry-of-defence"),
    ("the military said in a statement", "army-as-source"),
    ("via its Amaq news agency", "amaq"),
])
def test_source_phrases(sm, text, expected):
    found = sm.find_all(text)
    assert expected in [m.entry_id for m in found], [(text[m.start:m.end], m.entry_id) for m in found]


# --- English and other regions ------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("the junta said", "Military Forces of Myanmar (2021-)"),
    ("junta troops torched the village", "Military Forces of Myanmar (2021-)"),
    ("the Myanmar military", "Military Forces of Myanmar (2021-)"),
    ("the Tatmadaw", "Military Forces of Myanmar (2021-)"),
    ("SAC troops", "Military Forces of Myanmar (2021-)"),
    ("PDF fighters attacked", "PDF - People's Defence Force"),
    ("local PDFs", "PDF - People's Defence Force"),
    ("the Arakan Army (AA) captured", "AA - Arakan Army"),
    ("the Kachin Independence Army", "KIA - Kachin Independence Army"),
    ("Al-Shabaab militants killed", "Al Shabaab"),
    ("les shebab ont attaqué", "Al Shabaab"),
    ("gunmen killed three", "Unidentified armed group"),
    ("Boko Haram insurgents", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("ISWAP fighters", "Islamic State West Africa Province"),
    ("les FAMa", "Military Forces of Mali"),
    ("le JNIM a revendiqué", "JNIM - Group for Support of Islam and Muslims"),
    ("the RSF paramilitaries", "Rapid Support Forces"),
    ("les Forces de soutien rapide", "Rapid Support Forces"),
    ("M23 rebels", "M23 - March 23 Movement"),
    ("Houthi rebels", "Houthis"),
    ("the IDF said", "Military Forces of Israel"),
    ("Tsahal", "Military Forces of Israel"),
    ("Russian troops", "Military Forces of Russia"),
    ("forces ukrainiennes", "Military Forces of Ukraine"),
    ("the Taliban", "Taliban"),
    ("ELN guerrillas", "ELN - National Liberation Army"),
    ("the G9 coalition and 400 Mawozo", "Viv Ansanm gang coalition"),
])
def test_english_and_regional_phrases(am, names, text, expected):
    assert one_actor(am, names, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("l'armée malienne", "Military Forces of Mali"),
    ("Nigerian troops repelled", "Military Forces of Nigeria"),
    ("des soldats nigériens", "Military Forces of Niger"),
    ("armée nigériane", "Military Forces of Nigeria"),
    ("troupes tchadiennes", "Military Forces of Chad"),
    ("Kenyan soldiers", "Military Forces of Kenya"),
    ("armée burkinabè", "Military Forces of Burkina Faso"),
    ("les forces turques", "Military Forces of Turkey"),
    ("armée émiratie", "Military Forces of the United Arab Emirates"),
    ("Bissau-Guinean army", "Military Forces of Guinea-Bissau"),
    ("the Guinean army", "Military Forces of Guinea"),
    ("la police malienne", "Police Forces of Mali"),
    ("des policiers sénégalais", "Police Forces of Senegal"),
    ("Ugandan police", "Police Forces of Uganda"),
    ("Military Forces of Mali", "Military Forces of Mali"),
])
def test_generated_state_forces(am, names, text, expected):
    assert one_actor(am, names, text) == expected


# --- matcher behaviour ----------------------------------------------------------------------

def test_acronyms_are_case_sensitive(am, names):
    assert actor_names(am, names, "this is it") == []
    assert actor_names(am, names, "a sac of rice") == []
    assert actor_names(am, names, "aa") == []
    assert actor_names(am, names, "let them go") == []
    assert ("LeT", "Kashmiri militants") in actor_names(am, names, "LeT militants")
    assert one_actor(am, names, "US troops") == "US forces"
    assert [n for _, n in actor_names(am, names, "ask us troops")] == ["Military forces (generic)"]


def test_case_and_accent_insensitive(am, names):
    assert one_actor(am, names, "ÉTAT ISLAMIQUE") == "Islamic State"
    assert one_actor(am, names, "l'Etat islamique") == "Islamic State"
    assert one_actor(am, names, "DAECH") == "Islamic State"
    assert one_actor(am, names, "armee syrienne") == "Syrian armed forces"


def test_apostrophes_spaces_and_hyphens(am, names):
    assert one_actor(am, names, "l’armée malienne") == "Military Forces of Mali"
    assert one_actor(am, names, "milices  pro-Iran") == "Pro-Iran militias"
    assert one_actor(am, names, "milices\npro\u00a0Iran") == "Pro-Iran militias"
    assert one_actor(am, names, "Al Shabaab") == "Al Shabaab"
    assert one_actor(am, names, "Hayʼat Tahrir al-Sham") == "Hayat Tahrir al-Sham"


def test_whole_words_only(am, names):
    assert actor_names(am, names, "ISISland") == []
    assert actor_names(am, names, "Daechs") == []
    # the second half of a hyphenated word is not an actor
    assert actor_names(am, names, "pro-Syrian forces") == []
    assert one_actor(am, names, "the anti-IS coalition") == "International coalition against IS"


def test_longest_match_wins(am, names):
    found = actor_names(am, names, "la police malienne a tiré")
    assert found == [("police malienne", "Police Forces of Mali")]
    found = actor_names(am, names, "l’armée malienne et la police")
    assert found[0] == ("l’armée malienne", "Military Forces of Mali")
    assert one_actor(am, names, "Islamic State West Africa Province") == "Islamic State West Africa Province"


def test_offsets_point_into_the_text(am):
    text = SEED.read_text(encoding="utf-8")
    found = am.find_all(text)
    assert found
    last_end = -1
    for m in found:
        assert m.start >= last_end
        last_end = m.end
        assert L.alias_key(text[m.start:m.end]) == L.alias_key(m.alias)


def test_match_tuple_shape(am):
    (m,) = am.find_all("Daech")
    start, end, entry_id, alias = m
    assert (start, end, entry_id) == (0, 5, "islamic-state")
    assert alias == "Daech"


def test_ambiguous_aliases_are_reported(am):
    assert set(am.candidates("SNA")) == {"syrian-national-army", "somalia-forces"}
    assert am.lookup("les Américains") == "us-forces"
    assert am.lookup("nobody at all") is None


def test_custom_entries():
    m = L.AliasMatcher([("x", ["Foo Bar", "FB"]), {"id": "y", "name": "Foo", "aliases": []}])
    assert [(e.entry_id, e.start, e.end) for e in m.find_all("the foo bar and foo, FB fb")] == [
        ("x", 4, 11), ("y", 16, 19), ("x", 21, 23)]
    assert m.find_all("") == []


@pytest.mark.parametrize("text, found", [
    ("selon Libération, trois soldats ont été tués", ["liberation"]),
    ("ont réclamé la libération des détenus", []),          # a common word, not the daily
    ("selon le Monde, le bilan est lourd", ["le-monde"]),  # the article may be lower case
    ("dans le monde entier", []),
    ("told the Associated Press", ["ap"]),
    ("REUTERS - Gunmen killed", ["reuters"]),
])
def test_source_names_keep_their_capitals(text, found):
    m = L.AliasMatcher([{"id": "liberation", "name": "Libération"}, {"id": "le-monde", "name": "Le Monde"},
                        {"id": "ap", "name": "The Associated Press"}, {"id": "reuters", "name": "Reuters"}],
                       proper_names=True)
    assert [x.entry_id for x in m.find_all(text)] == found


# --- extension folders ----------------------------------------------------------------------

def test_extra_dirs_merge(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "actors-local.yaml").write_text(
        "- id: islamic-state\n  aliases: [Daeshistes]\n"
        "- id: new-militia\n  name: New Militia\n  kind: identity militia\n  country: ML\n  aliases: [Nouvelle Milice]\n",
        encoding="utf-8")
    (tmp_path / "sources-local.yaml").write_text(
        "- {id: radio-x, name: Radio X, kind: news outlet, country: ML, aliases: [Radio Ixe]}\n", encoding="utf-8")
    acts = {a.id: a for a in L.load_actors([tmp_path])}
    assert "Daeshistes" in acts["islamic-state"].aliases and "Daech" in acts["islamic-state"].aliases
    assert acts["islamic-state"].name == "Islamic State"
    assert acts["new-militia"].kind == "identity militia"
    m = L.actor_matcher([tmp_path])
    assert [e.entry_id for e in m.find_all("la Nouvelle Milice et des daeshistes")] == ["new-militia", "islamic-state"]
    assert "radio-x" in {s["id"] for s in L.load_sources([tmp_path])}
    assert [e.entry_id for e in L.source_matcher([tmp_path]).find_all("selon Radio Ixe")] == ["radio-x"]
    # the package data is untouched
    assert "new-militia" not in {a.id for a in L.load_actors()}


def _refused(folder, filename, text, match):
    """An extension folder holding one bad file is refused at load, with an error that says why."""
    folder.mkdir()
    (folder / filename).write_text(text, encoding="utf-8")
    with pytest.raises(L.LexiconError, match=match):
        L.load_actors([folder])


def test_bad_extension_is_a_clear_error(tmp_path):
    (tmp_path / "actors-bad.yaml").write_text("- id: x\n  name: X\n  kind: terrorists\n", encoding="utf-8")
    with pytest.raises(L.LexiconError, match=r"actors-bad.yaml.*kind 'terrorists'"):
        L.load_actors([tmp_path])
    _refused(tmp_path / "b", "actors.yaml", "- id: [unclosed\n", "invalid YAML")
    with pytest.raises(L.LexiconError, match="no such folder"):
        L.load_actors([tmp_path / "missing"])


# --- speed ----------------------------------------------------------------------------------

def test_matcher_speed(am, sm):
    text = SEED.read_text(encoding="utf-8")
    big = (text + "\n") * (1_000_000 // len(text) + 1)
    t = time.process_time()
    am.find_all(big)
    sm.find_all(big)
    cpu = time.process_time() - t
    # >= 1 MB/s for each matcher (CPU time, so that a busy machine does not fail it)
    assert cpu < 2.0, f"{len(big) / 1e6 / cpu * 2:.2f} MB/s"


def test_state_force_patterns_are_data(tmp_path):
    """The alias patterns come from state_forces.yaml: a new pattern reaches every country."""
    base = L.state_force_patterns()
    assert "{adj} shelling" in base["military"]["en_adjective"]
    assert "frappes {fp}" in base["military"]["fr"]
    extra = tmp_path / "state_forces.yaml"
    extra.write_text(L.STATE_FORCES_FILE.read_text(encoding="utf-8")
                     + '\n  # appended to police.fr\n    - "brigade anticriminalité {f}"\n', encoding="utf-8")
    patterns = L.state_force_patterns(extra)
    assert patterns["police"]["fr"][-1] == "brigade anticriminalité {f}"
    mali = next(c for c in L.load_countries() if c["iso2"] == "ML")
    aliases = L._force_aliases(patterns["police"], mali, mali["name"])
    assert "brigade anticriminalité malienne" in aliases


def test_state_force_pattern_with_a_foreign_placeholder_is_an_error(tmp_path):
    bad = tmp_path / "state_forces.yaml"
    bad.write_text('military:\n  fr: ["armée {adj}"]\n', encoding="utf-8")
    with pytest.raises(L.LexiconError, match=r"state_forces.yaml: military.fr: 'armée \{adj\}'"):
        L.state_force_patterns(bad)


def test_a_change_of_regime_is_data(tmp_path, monkeypatch):
    """`forces_since` keeps the generated state forces for events before the day and names the successor."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    assert L.successions()["Military Forces of Afghanistan"] == (date(2021, 8, 15), "Taliban")
    (tmp_path / "actors-junta.yaml").write_text(
        "- id: cnsp\n  name: CNSP junta forces\n  kind: state forces\n  country: NE\n  state_forces_for: NE\n"
        "  forces_since: 2023-07-26\n  aliases: [CNSP]\n", encoding="utf-8")
    assert L.successions([tmp_path])["Military Forces of Niger"] == (date(2023, 7, 26), "CNSP junta forces")
    _refused(tmp_path / "bad", "actors-junta.yaml",
             "- id: cnsp\n  name: CNSP\n  kind: state forces\n  state_forces_for: NE\n  forces_since: July 2023\n",
             r"actors-junta.yaml: actor cnsp: forces_since 'July 2023'")


def test_words_bound_to_a_country_are_data(tmp_path, monkeypatch):
    """`abroad`: aliases that name the actor only at home, and whom they name elsewhere; checked at load."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    country, words, elsewhere = L.abroad()["bandits-nigeria"]
    assert (country, elsewhere) == ("NG", "unidentified-armed-group") and "armed bandits" in words
    _refused(tmp_path / "bad", "actors-x.yaml",
             "- id: hunters-x\n  name: Hunters X\n  kind: identity militia\n  country: ML\n  aliases: [Dozo, hunters]\n"
             "  abroad: {aliases: [hunters, traditional hunters], as: communal-militia-generic}\n",
             r"actors-x.yaml: actor hunters-x: abroad aliases not among its aliases: traditional hunters")
    _refused(tmp_path / "homeless", "actors-x.yaml",
             "- id: hunters-x\n  name: Hunters X\n  kind: identity militia\n  aliases: [Dozo, hunters]\n"
             "  abroad: {aliases: [hunters], as: communal-militia-generic}\n",
             r"actor hunters-x: 'abroad' needs a 'country'")
