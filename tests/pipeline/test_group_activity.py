"""Change to group/activity (patrols, reinforcements, curfews, recruitment, defections) and the two
trigger-grouping rules that keep them from spoiling the violent events told beside them."""
import pytest


def _events(doc):
    return [(e.sub_event_type, e.actor1, e.actor2) for e in doc.events]


@pytest.mark.parametrize("text, lang", [
    ("Security measures: On 30 April 2020, Russian forces conducted a patrol in Abu Rasin area in al-Hasakeh.", "en"),
    ("On 9 May 2020, Houthi reinforcements reportedly arrived at the Nihm front in Sanaa.", "en"),
    ("On June 17, the high commissioner declared a nightly curfew in Banfora.", "en"),
    ("On 20 March 2020, 25 Afghan soldiers defected to the Taliban in Shahrak district, Ghor.", "en"),
    ("Un couvre-feu a été décrété lundi à Banfora.", "fr"),
    ("Des renforts militaires sont arrivés mardi à Djibo.", "fr"),
    ("L'armée malienne a mené une patrouille lundi près de Ménaka.", "fr"),
])
def test_movements_and_security_measures(analyse, text, lang):
    assert [s for s, _, _ in _events(analyse(text, lang))] == ["Change to group/activity"]


@pytest.mark.parametrize("text, lang, actor1", [
    # The patrol is who was hit: no patrol event, and the army is not the attacker.
    ("A Malian army patrol came under attack near Menaka on Monday; three soldiers were killed.", "en",
     "Unidentified armed group (Mali)"),
    ("An army patrol was ambushed near Kidal on Monday, killing three soldiers.", "en", "Unidentified armed group (Mali)"),
    ("Militants ambushed an army patrol near Kidal on Monday.", "en", "Jihadist militants (unspecified)"),
    ("Une patrouille de l'armée est tombée dans une embuscade lundi près de Ménaka, faisant trois morts.", "fr",
     "Unidentified armed group (Mali)"),
])
def test_a_patrol_attacked_is_the_target(analyse, text, lang, actor1):
    evs = _events(analyse(text, lang))
    assert [(s, a1) for s, a1, _ in evs] == [("Armed clash", actor1)]
    assert evs[0][2] in (None, "Military Forces of Mali")


@pytest.mark.parametrize("text, lang", [
    ("Gunmen attacked the village of Kanam on Monday, killing 12 people. Troops stepped up patrols in Kanam "
     "after the attack.", "en"),
    ("Des hommes armés ont attaqué le village de Kanam lundi, tuant 12 personnes. L'armée a envoyé des renforts "
     "à Kanam à la suite de l'attaque.", "fr"),
])
def test_after_the_attack_refers_back(analyse, text, lang):
    """"after the attack" names the attack told before: the patrols are their own happening, and the
    attack keeps its attackers and victims (before, "patrols … after the attack" was one mention whose
    main word was "attack", typed an attack with the troops in it)."""
    evs = _events(analyse(text, lang))
    attacks = [e for e in evs if e[0] == "Attack"]
    assert len(attacks) == 1 and attacks[0][1].startswith("Unidentified armed group")
    assert attacks[0][2].startswith("Civilians")


def test_a_ceasefire_after_fighting_stays_an_agreement(analyse):
    doc = analyse("Azerbaijani and Armenian-backed forces have agreed a fragile ceasefire after the worst fighting "
                  "in decades in the border regions of Nagorny Karabakh.", "en")
    best = max(doc.events, key=lambda e: e.confidence or 0)
    assert best.sub_event_type == "Agreement"


def test_a_body_named_patrol_is_no_patrol(analyse):
    doc = analyse("The Highway Patrol reported that a truck overturned near Holiday on Monday.", "en")
    assert doc.events == []
