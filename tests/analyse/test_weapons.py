"""Weapons and munition counts in French and English sentences."""
import pytest

from dateline.analyse.weapons import find_munitions, find_weapons, weapon_mentions

WEAPONS = [
    ("fr", "l’artillerie et les drones de combat américains ont pilonné sans causer de pertes les terres agricoles",
     ["artillery", "drone"]),
    ("fr", "plusieurs roquettes ont été tiré sur un campement US causant des pertes matérielles", ["rocket"]),
    ("fr", "4 drones américains ont bombardé « un camp d’entrainement des groupes pro Iran »", ["drone"]),
    ("fr", "celles perpétrées en Irak ces deux derniers jours au moyen de drones piégés", ["drone"]),
    ("fr", "dix explosions ont été entendues dans la zone où se trouve la base", []),
    ("fr", "Un engin explosif improvisé a explosé au passage d'un convoi", ["IED"]),
    ("fr", "Une voiture piégée a explosé devant le commissariat", ["car bomb"]),
    ("fr", "Un kamikaze s'est fait exploser dans une mosquée", ["suicide bomb"]),
    ("fr", "Des obus de mortier sont tombés sur le quartier", ["mortar"]),
    ("fr", "Des tirs d'artillerie ont visé la ville", ["artillery"]),
    ("fr", "une frappe aérienne a visé un dépôt", ["airstrike"]),
    ("fr", "Un raid aérien de l'aviation russe", ["airstrike"]),
    ("fr", "un bombardement aérien sur Idlib", ["airstrike"]),
    ("fr", "des hommes armés ont ouvert le feu sur les passants", ["small arms"]),
    ("fr", "Il a été tué par balle", ["small arms"]),
    ("fr", "des échanges de tirs ont eu lieu", ["small arms"]),
    ("fr", "la police a tiré des gaz lacrymogènes et des balles en caoutchouc", ["tear gas", "rubber bullets"]),
    ("fr", "des grenades lacrymogènes et des grenades assourdissantes", ["tear gas"]),
    ("fr", "un assaillant armé d'un couteau", ["knife"]),
    ("fr", "attaqués à la machette", ["machete"]),
    ("fr", "un véhicule a sauté sur une mine", ["landmine"]),
    ("fr", "la mine d'or de Tarkwa", []),
    ("fr", "des manifestants ont incendié des véhicules", ["arson"]),
    ("fr", "une grenade a été lancée dans le bar", ["grenade"]),
    ("fr", "un tir de missile balistique", ["missile"]),
    ("fr", "une attaque chimique au gaz sarin", ["chemical"]),
    ("fr", "des armes lourdes et un RPG-7", ["heavy weapons", "RPG"]),
    ("en", "On 18 June 2021, in Myingyan town, bomb explosions occurred in two different places.", ["explosive"]),
    ("en", "Gunmen opened fire on worshippers", ["small arms"]),
    ("en", "An Israeli airstrike hit a house", ["airstrike"]),
    ("en", "An air strike and a drone strike", ["airstrike", "drone"]),
    ("en", "Russian forces shelled the village", ["shelling"]),
    ("en", "A roadside bomb struck a patrol", ["IED"]),
    ("en", "An IED exploded", ["IED"]),
    ("en", "a car bomb exploded outside the ministry", ["car bomb"]),
    ("en", "a suicide bomber detonated his vest", ["suicide bomb"]),
    ("en", "a rocket-propelled grenade hit the truck", ["RPG"]),
    ("en", "Three Grad rockets and two mortar rounds", ["rocket", "mortar"]),
    ("en", "police fired tear gas and rubber bullets, and used stun grenades", ["tear gas", "rubber bullets"]),
    ("en", "a man was stabbed", ["knife"]),
    ("en", "villagers were hacked to death with machetes", ["machete"]),
    ("en", "rioters set fire to shops", ["arson"]),
    ("en", "a soldier stepped on a landmine", ["landmine"]),
    ("en", "a chlorine gas attack", ["chemical"]),
    ("en", "a ballistic missile was intercepted", ["missile"]),
    ("en", "an explosive-laden drone", ["drone"]),
    ("en", "artillery fire and heavy weapons", ["artillery", "heavy weapons"]),
]


@pytest.mark.parametrize("lang,text,ids", WEAPONS)
def test_weapon_ids(lang, text, ids):
    found = find_weapons(text, lang)
    assert [w for w, _ in found] == ids
    for _, span in found:
        assert text[span.start:span.end] == span.text


def test_weapon_spans_carry_the_offset():
    text = "l’artillerie et les drones de combat américains"
    (_, a), (_, d) = find_weapons(text, "fr", offset=50)
    assert (a.start, a.text) == (50 + text.index("artillerie"), "artillerie")
    assert d.text == "drones de combat" and d.label == "weapon"


def test_weapon_mentions_keep_repeats():
    assert [w for w, _ in weapon_mentions("drones, drones piégés", "fr")] == ["drone", "drone"]


def test_weapon_unknown_language():
    assert find_weapons("Raketen", "xx") == [] and find_munitions("3 Raketen", "xx") == []


MUNITIONS = [
    ("fr", "L’OSDH, organisme basé à Londres, a rendu compte de 3 roquettes dont une qui s’est écrasée", ["3 rockets"]),
    ("fr", "al-Araby a quant à lui indiqué que dix explosions ont été entendues", ["10 explosions"]),
    ("fr", "dans la soirée de mardi, 4 drones américains ont bombardé", ["4 drones"]),
    ("fr", "plusieurs roquettes ont été tiré sur un campement US", ["several rockets"]),
    ("fr", "une roquette est tombée", ["1 rocket"]),
    ("fr", "une vingtaine d'obus de mortier", ["about 20 mortar shells"]),
    ("fr", "des dizaines de roquettes", ["tens of rockets"]),
    ("fr", "une centaine d'assaillants à moto", ["about 100 attackers"]),
    ("fr", "cinq véhicules piégés", ["5 car bombs"]),
    ("fr", "au moins trois frappes aériennes", ["at least 3 airstrikes"]),
    ("fr", "la présence de leurs 2500 militaires en Irak", []),
    ("fr", "coûté la vie à 5 soldats et blessé une vingtaine d’autres", []),
    ("en", "Three Grad rockets and two mortar rounds hit the base", ["3 rockets", "2 mortar shells"]),
    ("en", "dozens of rockets were fired", ["dozens of rockets"]),
    ("en", "a drone and 4 US drones", ["1 drone", "4 drones"]),
    ("en", "about 50 gunmen on motorcycles", ["about 50 gunmen"]),
    ("en", "two explosions were heard", ["2 explosions"]),
    ("en", "between 10 and 15 missiles", ["10-15 missiles"]),
    ("en", "killing 12 people", []),
    ("en", "On 3 June, 2 suicide bombers attacked", ["2 suicide bombers"]),
]


@pytest.mark.parametrize("lang,text,want", MUNITIONS)
def test_weapon_munition_counts(lang, text, want):
    found = find_munitions(text, lang)
    assert [m for m, _ in found] == want
    for _, span in found:
        assert text[span.start:span.end] == span.text and span.label == "munitions"


def test_weapon_munition_span_offset():
    text = "a rendu compte de 3 roquettes dont une"
    ((label, span),) = find_munitions(text, "fr", offset=7)
    assert label == "3 rockets" and (span.start, span.text) == (7 + text.index("3"), "3 roquettes")
