"""Tolls from real-style French and English sentences (table-driven)."""
import pytest

from dateline.analyse.tolls import parse_toll

U = "unknown"  # a Count whose best is None: the text says the toll is not known

# (sentence, fatalities, injured, victims); a number is best, a tuple (best, low, high),
# None means no Count at all.
FR = [
    ("La semaine passée une attaque revendiquée par Daech contre un convoi de véhicules militaires syriens avait "
     "coûté la vie à 5 soldats et blessé une vingtaine d’autres dans le désert de la badiat syrienne.",
     (5, 5, 5), (20, 15, 25), "soldiers"),
    ("Après l’attaque, l’artillerie et les drones de combat américains ont pilonné sans causer de pertes les terres "
     "agricoles dans l’entourage de la ville al-Mayadine", 0, 0, None),
    ("L’OSDH, organisme basé à Londres, a rendu compte de 3 roquettes dont une qui s’est écrasée sur l’aérodrome "
     "des hélicoptères de la base.", None, None, None),
    ("Alors qu’ils sont parvenus à maintenir la présence de leurs 2500 militaires en Irak en procédant à un "
     "changement de leur mission.", None, None, None),
    ("« L’attaque a causé de dégâts matériels au bâtiment résidentiel de la base mais il n’y a pas d’information "
     "s’il y a eu des pertes humaines», ont précisé les sources de l’opposition syrienne.", U, U, None),
    ("plusieurs roquettes ont été tiré sur un campement US causant des pertes matérielles", None, None, None),
    ("Le journal qatari al-Araby a quant à lui indiqué que dix explosions ont été entendues dans la zone.",
     None, None, None),
    ("Selon al-Araby, dans la soirée de mardi, 4 drones américains ont bombardé un camp d’entrainement.",
     None, None, None),
    ("L'explosion d'un engin explosif a tué trois civils à Ménaka.", 3, None, "civilians"),
    ("L'attaque, survenue dans la nuit de samedi, a fait 12 morts et 7 blessés.", 12, 7, None),
    ("Cinq soldats ont été tués et huit autres blessés dans une embuscade tendue par des hommes armés.",
     5, 8, "soldiers"),
    ("Une frappe aérienne a tué au moins 20 jihadistes dans la région de Tillabéri.",
     (20, 20, None), None, "militants"),
    ("Au moins six policiers ont perdu la vie dans l'attaque de leur poste.", (6, 6, None), None, "police"),
    ("Deux enfants ont trouvé la mort lors du bombardement.", 2, None, "children"),
    ("L'attaque a fait une vingtaine de morts parmi les civils.", (20, 15, 25), None, None),
    ("Des dizaines de manifestants ont été blessés par les forces de l'ordre.", None, (10, 10, None), "protesters"),
    ("Des centaines de personnes ont été tuées depuis le début des combats.", (100, 100, None), None, None),
    ("Plusieurs civils ont été tués dans des frappes russes.", (3, 2, None), None, "civilians"),
    ("Plus de 20 villageois ont été massacrés par des assaillants armés.", (21, 21, None), None, "civilians"),
    ("Entre 10 et 15 personnes ont été tuées selon des sources locales.", (10, 10, 15), None, None),
    ("Le bilan s'élève à 25 morts et une quarantaine de blessés.", 25, (40, 30, 50), None),
    ("Le bilan de l'attaque s'est alourdi à vingt-cinq morts.", 25, None, None),
    ("L'explosion a coûté la vie à 1 200 personnes selon les autorités.", 1200, None, None),
    ("L'attentat a fait 1.200 blessés.", None, 1200, None),
    ("L'attaque n'a fait aucune victime, selon l'armée.", 0, 0, None),
    ("Le tir de roquette n'a pas fait de victimes.", 0, 0, None),
    ("L'explosion a blessé trois soldats, sans faire de morts.", 0, 3, "soldiers"),
    ("Aucun blessé n'est à déplorer.", None, 0, None),
    ("On ignore encore s'il y a eu des victimes.", U, U, None),
    ("Le bilan reste inconnu.", U, U, None),
    ("Un soldat a été tué et deux autres blessés par un engin explosif improvisé.", 1, 2, "soldiers"),
    ("Trois soldats et deux civils ont été tués dans l'embuscade.", 5, None, "soldiers"),
    ("L'attaque a fait 15 morts, dont trois enfants.", 15, None, None),
    ("Un jeune homme de 22 ans a été tué le 3 juin à Bamako.", 1, None, None),
    ("Une femme de 45 ans a été blessée par balle.", None, 1, "women"),
    ("Les 350 soldats déployés à Gao sont arrivés mardi.", None, None, None),
    ("L'attaque a causé la mort de quatre gendarmes.", 4, None, "police"),
    ("Les combats ont fait deux ou trois morts.", (2, 2, 3), None, None),
    ("Les heurts ont fait quatre-vingt-dix-sept blessés parmi les manifestants.", None, 97, None),
    ("Près de 50 personnes ont été tuées.", (50, 38, 50), None, None),
    ("L'embuscade a fait au moins une dizaine de morts.", (10, 10, None), None, None),
    ("Le 12 mars 2021, des hommes armés ont enlevé 30 élèves.", None, None, None),
    ("tuant trois civils et blessant cinq autres", 3, 5, "civilians"),
    ("Deux miliciens ont été abattus par l'armée.", 2, None, "militants"),
    ("Personne n'a été blessé lors de l'incident.", 0, 0, None),
    ("Les forces armées ont neutralisé 15 terroristes lors d'une opération.", 15, None, "militants"),
    ("Au moins 12 personnes ont été tuées, dont 3 enfants, et 20 autres blessées.", (12, 12, None), 20, None),
    ("L'explosion a fait trois victimes, dont deux morts.", 2, None, None),
    ("Deux assaillants ont tué trois villageois.", 3, None, "civilians"),
    ("Cinq soldats tués le 12 juin dans la région de Mopti.", 5, None, "soldiers"),
    ("En 2019, 300 personnes sont mortes dans les affrontements.", 300, None, None),
    ("Le bombardement s'est produit sans pertes humaines.", 0, 0, None),
    ("Deux casques bleus ont été tués dans l'explosion d'une mine.", 2, None, "peacekeepers"),
    ("Trois soldats ont été enlevés par des hommes armés.", None, None, None),
    ("Le 14 juillet, vers 22 h, 3 obus sont tombés sur le marché.", None, None, None),
    ("Une centaine de maisons ont été incendiées et 2 personnes tuées.", 2, None, None),
    ("Des militaires maliens ont tué 7 civils dont 2 femmes.", 7, None, "civilians"),
    ("Les 12 otages ont été libérés.", None, None, None),
    # The one who tells is not a victim.
    ("L'attaque a tué sept civils, deux habitants ont raconté la scène.", 7, None, "civilians"),
]

EN = [
    ("On 18 June 2021, in Myingyan town, bomb explosions occurred in two different places. Casualties unknown.",
     U, U, None),
    ("Gunmen opened fire on a market, killing at least 12 people and wounding dozens of others.",
     (12, 12, None), (12, 12, None), None),
    ("3 killed and 12 wounded in the clash.", 3, 12, None),
    ("Taliban fighters attacked a checkpoint, killing 12 security force members.", 12, None, "security forces"),
    ("Presumed ISWAP militants killed four pastoralist men in Blatoungour.", 4, None, "civilians"),
    ("One dead, two injured after a grenade was thrown into a bar.", 1, 2, None),
    ("Three soldiers and a civilian were killed when their vehicle hit a landmine.", 4, None, "soldiers"),
    ("The militants killed three soldiers and two civilians.", 5, None, "soldiers"),
    ("A 22-year-old man was killed on 3 June in Kandahar.", 1, None, None),
    ("No one was hurt in the attack.", 0, 0, None),
    ("No one was killed, but three people were injured.", 0, 3, None),
    ("12 people were killed, including 3 children.", 12, None, None),
    ("The death toll rose to 15 on Tuesday.", 15, None, None),
    ("An airstrike killed about 20 fighters near Idlib.", (20, 15, 25), None, "militants"),
    ("Dozens of protesters were injured when police fired tear gas.", None, (12, 12, None), "protesters"),
    ("Hundreds of civilians have been killed since the offensive began.", (100, 100, None), None, "civilians"),
    ("Several soldiers were wounded in the mortar attack.", None, (3, 2, None), "soldiers"),
    ("More than 20 villagers were killed by suspected jihadists.", (21, 21, None), None, "civilians"),
    ("Between 10 and 15 people died in the fire.", (10, 10, 15), None, None),
    ("Twenty-five people lost their lives in the bombing.", 25, None, None),
    ("A dozen police officers were hurt during the riot.", None, 12, "police"),
    ("The blast killed 1,200 people.", 1200, None, None),
    ("The shelling caused no casualties.", 0, 0, None),
    ("There were no reported casualties.", 0, 0, None),
    ("No casualties were reported.", 0, 0, None),
    ("It was not immediately clear whether there were any casualties.", U, U, None),
    ("There was no information on casualties.", U, U, None),
    ("Fatalities unknown.", U, None, None),
    ("Four rockets landed near the base, causing no injuries.", None, 0, None),
    ("Troops killed five militants and arrested two others.", 5, None, "militants"),
    ("2,500 troops were deployed to the region on 4 May.", None, None, None),
    ("A suicide bomber killed 7 worshippers and wounded 15 at a mosque.", 7, 15, "civilians"),
    ("Two people were killed and three others wounded in the attack.", 2, 3, None),
    ("A journalist was shot dead in Mogadishu.", 1, None, "journalists"),
    ("The attack left 9 dead and 20 injured.", 9, 20, None),
    ("At least five children were among the dead.", None, None, None),
    ("Gunmen abducted 30 students from a school on 11 March.", None, None, None),
    ("A handful of demonstrators were wounded.", None, (3, 2, 5), "protesters"),
    ("Nearly 100 people were killed in the massacre.", (100, 75, 100), None, None),
    ("Two or three soldiers were killed.", (2, 2, 3), None, "soldiers"),
    ("Three hundred and fifty people were wounded.", None, 350, None),
    ("The bombing claimed the lives of 40 civilians.", 40, None, "civilians"),
    ("Police shot dead two protesters.", 2, None, "protesters"),
    ("The attack killed one policeman and injured a child.", 1, 1, "police"),
    ("Four drones struck the camp; it is unclear if anyone was killed.", U, U, None),
    ("Many people were killed in the strikes.", (10, 3, None), None, None),
    ("Tens of soldiers were killed.", (10, 10, None), None, "soldiers"),
    ("At least 30 people, including 12 children, were killed in the strike.", (30, 30, None), None, None),
    ("The blast wounded 10 people, 3 of them seriously.", None, 10, None),
    ("2 gunmen killed 3 people at a checkpoint.", 3, None, None),
    ("The 2 attackers were killed by the guards.", 2, None, "militants"),
    ("In 2019, 300 people died in clashes.", 300, None, None),
    ("Militants attacked a checkpoint, killing 4 soldiers. 2 militants were also killed.", 6, None, "soldiers"),
    ("5 people were killed on Monday; police later said 7 people were killed.", (5, 5, 7), None, None),
    ("None of the soldiers were hurt.", None, 0, "soldiers"),
    ("It was unclear if there were casualties.", U, U, None),
    ("On 12 May, 200 protesters gathered in Mandalay; around 40 were arrested.", None, None, None),
    ("Clashes resulted in 5 deaths.", 5, None, None),
    ("Over 100 homes were destroyed and 2 people were killed.", 2, None, None),
    ("Nigerian troops rescued 20 hostages and killed 4 kidnappers.", 4, None, "militants"),
    ("At least 3 people were killed and 17 others were injured, 5 of them critically.", (3, 3, None), 17, None),
    ("Israeli strikes on Gaza killed 12, including 4 children, health officials said.", 12, None, None),
    # The one who tells is not a victim ("a police officer" is not an eighth dead passenger)…
    ("A roadside bomb struck a minibus, killing at least seven passengers, a police officer told Reuters.",
     (7, 7, None), None, "civilians"),
    ("Two soldiers said three people were killed in the raid.", 3, None, None),
    # …but a passive report is still a toll.
    ("12 soldiers were reported killed in the ambush.", 12, None, "soldiers"),
    ("Five people were said to have been killed.", 5, None, None),
]


def _check(count, want):
    if want is None:
        assert count is None
        return
    assert count is not None
    if want == U:
        assert count.best is None and count.expression
        return
    best, low, high = want if isinstance(want, tuple) else (want, want, want)
    assert (count.best, count.low, count.high) == (best, low, high)
    assert count.expression


@pytest.mark.parametrize("lang,text,fatalities,injured,victims",
                         [("fr", *row) for row in FR] + [("en", *row) for row in EN])
def test_toll_table(lang, text, fatalities, injured, victims):
    toll = parse_toll(text, lang)
    _check(toll.fatalities, fatalities)
    _check(toll.injured, injured)
    assert toll.victims == victims


def test_toll_tables_are_large_enough():
    assert len(FR) >= 40 and len(EN) >= 40


def test_toll_spans_point_into_the_article():
    article = "Préambule. " + FR[0][0]
    offset = article.index("La semaine")
    toll = parse_toll(FR[0][0], "fr", offset=offset)
    f, i = toll.fatalities, toll.injured
    assert article[f.start:f.end] == f.expression == "coûté la vie à 5 soldats"
    assert article[i.start:i.end] == i.expression == "blessé une vingtaine d’autres"


def test_toll_zero_span():
    text = "les drones ont pilonné sans causer de pertes les terres agricoles"
    toll = parse_toll(text, "fr", offset=100)
    assert toll.fatalities.expression == "sans causer de pertes"
    assert toll.fatalities.start == 100 + text.index("sans")


def test_toll_unknown_language_is_empty():
    toll = parse_toll("5 Soldaten getötet", "xx")
    assert toll.fatalities is None and toll.injured is None


def test_toll_seed_article_sentences():
    with open("/work/shared/eval/seed/syria-al-omar-2022-01.txt", encoding="utf-8") as f:
        article = f.read()
    sentence = next(s for s in article.split(".") if "coûté la vie" in s)
    toll = parse_toll(sentence, "fr")
    assert toll.fatalities.best == 5 and toll.injured.best == 20 and toll.victims == "soldiers"


def test_toll_long_runs_of_number_words_stay_linear():
    import time
    t0 = time.perf_counter()
    parse_toll("un et " * 1000, "fr")
    parse_toll("three and " * 1000, "en")
    assert time.perf_counter() - t0 < 5
