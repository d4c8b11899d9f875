"""Types decided by the words around the trigger: what was seized (triggers.yaml `object_goods`, `object_person`),
how blasts were known (taxonomy_rules `heard`), who was killed and how."""
import pytest


def _subtypes(doc):
    return sorted(e.sub_event_type for e in doc.events)


@pytest.mark.parametrize("text, lang, sub", [
    ("On 13 August 2020, suspected ISGS militants seized 5 tricycles from farmers near Djibo.", "en",
     "Looting/property destruction"),
    ("Militants seized the town of Djibo on Monday.", "en", "Non-state actor overtakes territory"),
    # the reflexive verb in the compound past (« se sont emparés ») is the same trigger
    ("Des jihadistes se sont emparés du bétail des éleveurs près de Djibo.", "fr", "Looting/property destruction"),
    ("Des jihadistes se sont emparés de la ville de Djibo.", "fr", "Non-state actor overtakes territory"),
])
def test_what_was_seized(analyse, text, lang, sub):
    assert _subtypes(analyse(text, lang)) == [sub]


def test_people_seized_are_abducted_not_looted(analyse):
    """The linking set's a33: the women "were seized" are the kidnapping just told."""
    doc = analyse("Suspected jihadists have kidnapped about 60 women in northern Burkina Faso, the government said "
                  "on Monday. The women were seized on Thursday and Friday in two places near Arbinda.", "en")
    assert set(_subtypes(doc)) == {"Abduction/forced disappearance"}


def test_people_captured_are_no_territory(analyse):
    doc = analyse("Around 6 May 2020, 3 PKK militants were killed, injured or captured during the security "
                  "operations carried out by the Gendarmerie forces in Ovacik district of Tunceli.", "en")
    assert "Non-state actor overtakes territory" not in _subtypes(doc)


@pytest.mark.parametrize("text, sub", [
    # blasts observed or heard from afar, device unnamed: a bombardment (taxonomy_rules `heard`)
    ("On 4 May 2020, the monitors observed a total of 13 explosions near Zolote.", "Shelling/artillery/missile attack"),
    ("Explosions were heard in the area of the base overnight.", "Shelling/artillery/missile attack"),
    # blasts that occurred at buildings, or one blast: planted devices
    ("On 29 May 2021, in Payathonzu town, four explosions occurred near four different schools.",
     "Remote explosive/landmine/IED"),
    ("An explosion killed two soldiers near Mandera.", "Remote explosive/landmine/IED"),
])
def test_blasts_heard_from_afar_are_shelling(analyse, text, sub):
    assert _subtypes(analyse(text, "en")) == [sub]


@pytest.mark.parametrize("text, sub", [
    # victims counted with no role and no target named: civilians (taxonomy_rules unnamed_victims)
    ("On 3 May 2020, volunteer fighters reportedly killed nine people at the wells of Boulsi Baogo, near Bourzanga.",
     "Attack"),
    # armed victims stay a clash
    ("Taliban fighters attacked a checkpoint in Jawzjan, killing 12 security force members.", "Armed clash"),
])
def test_who_was_killed_decides_attack_or_clash(analyse, text, sub):
    assert _subtypes(analyse(text, "en")) == [sub]


@pytest.mark.parametrize("text", [
    "On 21 September 2020, presumed ISGS militants pillaged a shop in Darkoye.",
    "On 5 May 2020, suspected Fulani militias stole about 43 cows from a farm in Makurdi.",
    "On 15 July 2022, assumed JNIM militants vandalized the house of a civilian in Tantega.",
])
def test_pillage_theft_and_vandalism_are_looting(analyse, text):
    assert _subtypes(analyse(text, "en")) == ["Looting/property destruction"]


@pytest.mark.parametrize("text", [
    "6 Kikuyu businessmen were hacked to death by opposition supporters during the post-election violence.",
    "On 15 Sept 2018, a man shot dead his neighbour in Irobo village following a land dispute.",
    "Gunmen gunned down a trader in Maiduguri on Monday.",
])
def test_killing_phrases_are_attacks(analyse, text):
    """"hacked to death", "shot dead", "gunned down": the verb and its result together."""
    assert _subtypes(analyse(text, "en")) == ["Attack"]


@pytest.mark.parametrize("text, sub", [
    ("Des hommes armés ont emporté du bétail et pillé des boutiques à Djibo.", "Looting/property destruction"),
    ("Des inconnus ont vandalisé la mairie de Kaya dans la nuit de lundi.", "Looting/property destruction"),
    ("Un commerçant a été poignardé à mort mardi à Bamako.", "Attack"),
])
def test_french_looting_and_killing_words(analyse, text, sub):
    assert _subtypes(analyse(text, "fr")) == [sub]


@pytest.mark.parametrize("text, lang, sub", [
    # a device found, uncovered or destroyed before it went off (taxonomy_rules `weapon_found_verbs`)
    ("Students find an unexploded bomb in Isiolo.", "en", "Disrupted weapons use"),
    ("Unexploded bomb discovered inside bus in Nairobi.", "en", "Disrupted weapons use"),
    ("On 4 January 2020, several IEDs were uncovered by security forces near Dagale.", "en", "Disrupted weapons use"),
    ("On May 28, an EOD team of the army destroyed an IED planted by militants near Aribinda.", "en",
     "Disrupted weapons use"),
    # the device did the destroying, or the bodies were found: it went off
    ("A roadside bomb destroyed a military vehicle near Aribinda on Monday, killing two soldiers.", "en",
     "Remote explosive/landmine/IED"),
    ("Police found the bodies of five people killed by an IED near Mandera.", "en", "Remote explosive/landmine/IED"),
])
def test_a_device_found_did_not_go_off(analyse, text, lang, sub):
    assert _subtypes(analyse(text, lang)) == [sub]


@pytest.mark.parametrize("text, sub", [
    # party members fighting, no firearm (taxonomy_rules `mob_actors`); their toll told apart still joins
    ("On 29 September 2023, two factions of Awami League clashed in Munshiganj town, following an altercation "
     "over the birthday of the party chairperson. At least 10 people were injured.", "Mob violence"),
    ("On 16 December 2022, members of Awami League assaulted and injured members of BNP in Manikchhari town "
     "during victory day celebrations.", "Mob violence"),
    # with firearms, or an armed group, it is what it was
    ("Awami League activists opened fire on BNP supporters in Feni, killing two.", "Attack"),
    ("Al Shabaab fighters clashed with soldiers near Afmadow on Monday.", "Armed clash"),
])
def test_party_members_fighting_are_a_mob(analyse, text, sub):
    assert _subtypes(analyse(text, "en")) == [sub]
