"""Who acted, as wire copy and analysts' notes name them: a group modifying a generic noun,
verbs that share a subject, blame laid on a group, country-bound words used abroad."""
import pytest


def _event(doc):
    assert doc.events, "no event"
    return max(doc.events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, actor1", [
    # a named group modifying a generic noun of fighters is that group, in the noun's role
    ("One person was killed in an attack by suspected Al-Shabaab gunmen in Mandera Town on Friday.", "Al Shabaab"),
    ("Fighters of Al Shabaab attacked a police station in Mandera.", "Al Shabaab"),
    # conjoined verbs share the subject of the first
    ("On 7 April 2020, presumed ISGS militants entered the village of Tin-Akoff, pillaged shops and seized "
     "livestock.", "Islamic State Sahel Province"),
    # blame laid on a group names the author, whatever the preposition; who blames is not an actor
    ("Explosion blamed on Al Shabaab injures civilians in Nairobi", "Al Shabaab"),
    ("Police blamed the attack on Boko Haram.", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    # "unknown group" is an unidentified armed group, named with the country
    ("Unknown group torched houses in Mandera.", "Unidentified armed group (Kenya)"),
    # a country's name before its forces
    ("Kenya air forces launched attacks on militant hideouts in Mandera.", "Military Forces of Kenya"),
])
def test_actor1(analyse, text, actor1):
    assert _event(analyse(text, "en")).actor1 == actor1


@pytest.mark.parametrize("text, actor1", [
    ("Armed bandits raided a village in Baringo, Kenya, and killed two herders.", "Unidentified armed group (Kenya)"),
    ("Armed bandits raided a village in Zamfara and killed two herders.", "Bandits (Nigeria)"),
    ("Junta forces killed five civilians near Mopti, Mali.", "Military Forces of Mali"),
    ("Junta forces killed five civilians in Sagaing region.", "Military Forces of Myanmar (2021-)"),
])
def test_words_that_name_an_actor_only_in_its_country(analyse, text, actor1):
    """actors.yaml `abroad`: "bandits" are Nigeria's only in Nigeria, "junta forces" Myanmar's only there."""
    assert _event(analyse(text, "en")).actor1 == actor1
