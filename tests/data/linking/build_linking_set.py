"""Builds articles.jsonl and gold.json for the cross-article linking test set.

Run from anywhere: python tests/data/linking/build_linking_set.py
The reports below were written for dateline (invented wording and details in
the style of wire and local news reports); they are not copied from any outlet.
Every non-anchor group is a single article: score_linking.py counts a
near-miss article as failed as soon as it is linked to anything.
"""
import itertools, json
from pathlib import Path

# (group, kind, note) then articles: (id, lang, outlet, published, title, text)
G = []
def grp(gid, kind, note, *arts):
    G.append({"group": gid, "kind": kind, "note": note, "arts": list(arts)})

grp("G01", "anchor", "Seed event E1 split by source: rockets on the US base at the al-Omar oil field (al-Chahil / Al-Shuhayl, Deir ez-Zor), 2022-01-05. 3 rockets vs 10 explosions; perpetrator named by SOHR only.",
 ("a01", "fr", "Al Mayadeen", "2022-01-05", "Des roquettes visent une base américaine dans le champ pétrolier d'al-Omar",
  "Plusieurs roquettes ont été tirées mercredi sur un campement de l'armée américaine installé dans le gisement pétrolier d'al-Omar, dans la province de Deir Ezzor, dans l'est de la Syrie, ont rapporté des sources de l'opposition syrienne citées par la chaîne Al Mayadeen. Selon ces sources, les projectiles ont endommagé un bâtiment résidentiel de la base. « On ne sait pas encore s'il y a des victimes », ont-elles ajouté. La coalition internationale n'a pas réagi dans l'immédiat."),
 ("a02", "en", "SOHR", "2022-01-05", "Three rockets hit US base at al-Omar oilfield in Deir ez-Zor countryside",
  "Three rockets struck the US-led coalition base at al-Omar oilfield in the eastern Deir ez-Zor countryside on Wednesday, SOHR activists reported. One of the rockets landed on the base's helicopter pad, while the others fell inside the perimeter. SOHR sources said Iran-backed militias stationed west of the Euphrates were behind the attack. There was no immediate word on casualties. The oilfield, the largest in Syria, has hosted American troops since 2019."),
 ("a03", "en", "The New Arab", "2022-01-05", "Explosions heard near US base in eastern Syria",
  "Residents of Al-Shuhayl, on the northern bank of the Euphrates, said they heard around ten explosions on Wednesday in the area of the al-Omar oil field, where US forces maintain their largest base in Syria. Local sources told The New Arab that the blasts were caused by rockets fired at the base from across the river. Coalition helicopters were seen flying over the area shortly afterwards. No group claimed the attack."),
 ("a04", "fr", "Alhurra", "2022-01-05", "Nouvelle attaque contre les forces américaines en Syrie",
  "La base américaine du champ pétrolier d'al-Omar, dans l'est de la Syrie, a été la cible mercredi d'un tir de roquettes, a indiqué un responsable de la coalition à la chaîne Alhurra, sans faire état de blessés. Cette attaque survient au lendemain d'une tentative avortée contre une autre position américaine dans la vallée de l'Euphrate. Le Pentagone a déclaré ne pas être en mesure d'en identifier les auteurs, tout en soulignant que ses troupes en Irak et en Syrie sont menacées par des milices soutenues par l'Iran."),
)
grp("G02", "anchor", "Seed event E4: US drones strike a training camp of pro-Iran groups in badiat al-Acharat / near Mazar Ain Ali, east of Deir ez-Zor, Tuesday evening 2022-01-04. FR vs EN; four drones named by one outlet.",
 ("a05", "fr", "Al-Araby Al-Jadeed", "2022-01-05", "Frappes de drones américains à l'est de Deir Ezzor",
  "Dans la soirée de mardi, quatre drones américains ont bombardé un camp d'entraînement des milices pro-iraniennes dans la badiat al-Acharat et aux abords du mausolée de Mazar Aïn-Ali, à l'est de Deir Ezzor, selon des sources locales citées par al-Araby. Les frappes n'auraient pas fait de victimes parmi les combattants, qui avaient évacué le site quelques heures plus tôt. Washington n'a pas confirmé l'opération."),
 ("a06", "en", "Deir Ezzor 24", "2022-01-05", "Drones strike militia camp near Ain Ali shrine",
  "Unidentified drones, believed to belong to the US-led coalition, struck a training camp used by Iranian-backed militias in the desert of al-Asharah late on Tuesday, Deir Ezzor 24 correspondents said. The strikes hit positions near the Ain Ali shrine, east of the city of al-Mayadin. Militia members sealed off the area and ambulances were seen heading to the site, but the toll remains unknown."),
)
grp("G03", "anchor", "Seed event E6: IS attack on a Syrian army convoy in the Badia (desert road near al-Sukhnah), late December 2021; 5 vs 'at least four' soldiers killed, IS claim in one report only.",
 ("a07", "fr", "AFP", "2021-12-30", "Syrie : cinq soldats tués dans une attaque de l'EI dans le désert",
  "Cinq soldats syriens ont été tués et une vingtaine blessés mardi dans une attaque contre un convoi militaire dans le désert central de la Badia, a rapporté l'Observatoire syrien des droits de l'homme (OSDH). Les assaillants ont visé les véhicules sur la route reliant Palmyre à Deir Ezzor, près de la localité d'al-Soukhna. Le groupe État islamique a revendiqué l'attaque sur ses canaux de propagande."),
 ("a08", "en", "Xinhua", "2021-12-29", "Syrian soldiers killed in militant attack on bus in desert",
  "At least four Syrian soldiers were killed and several others wounded when militants attacked a military convoy in the Syrian desert on Tuesday, a military source told Xinhua. The attack took place on the highway between Sukhnah and Deir ez-Zor. The source blamed 'terrorist remnants' hiding in the desert, without naming a group. Government forces launched a search operation in the area."),
)
grp("G04", "retaliation", "Seed event E2: after the al-Omar rocket attack, US artillery and drones shell farmland around al-Mayadin the same night. Same area and night as G01 but different actor and direction: must not be linked to G01.",
 ("a09", "en", "Enab Baladi", "2022-01-06", "US forces shell areas around al-Mayadin",
  "American artillery and combat drones pounded farmland on the outskirts of al-Mayadin and its countryside overnight into Thursday, local sources told Enab Baladi. The shelling targeted areas on the western bank of the Euphrates controlled by government forces and Iran-backed militias, stretching towards Albu Kamal. No casualties were reported. A coalition spokesman said US forces had acted 'in self-defence' and would continue to protect their personnel."),
)
grp("G05", "single", "Seed event E3: an attack on the Green Village base foiled the day before the al-Omar rocket attack (launch sites found). Disrupted weapons use, must not be linked with G01.",
 ("a10", "fr", "Sputnik Afrique", "2022-01-04", "Une attaque contre une base américaine déjouée en Syrie",
  "La coalition menée par les États-Unis a affirmé mardi avoir déjoué une attaque contre son site du « Green Village », dans la vallée de l'Euphrate, après avoir découvert plusieurs rampes de lancement de roquettes pointées vers la base. Les forces de la coalition ont détruit les rampes par des frappes préventives, selon un communiqué. Aucune victime n'a été signalée."),
)
grp("G06", "near_miss_day", "Another rocket attack on the al-Omar oil field base five days after G01 (2022-01-10). Same place and type, different day.",
 ("a11", "en", "Rudaw", "2022-01-10", "Rockets target US base at Omar oil field again",
  "Rockets were fired at the coalition base at the Omar oil field in eastern Syria on Monday, the Syrian Democratic Forces (SDF) said, the latest in a string of attacks on US positions since the start of the year. An SDF statement said two rockets landed in an empty area near the base and caused no damage. SDF fighters later found a launcher in a field near the village of Theban, west of the Euphrates."),
)
grp("G07", "near_miss_place", "Rocket attack on Ain al-Asad air base (Anbar, Iraq) the same day as G01, >100 km away.",
 ("a12", "en", "Reuters", "2022-01-05", "Rockets fired at Iraqi base hosting US troops",
  "Five rockets were fired on Wednesday at the Ain al-Asad air base in Iraq's western Anbar province, which hosts US and other international forces, an Iraqi security official said. The rockets were launched from the town of Baghdadi and landed on the perimeter of the base without causing casualties, the official said. Iraqi forces found a launcher mounted on a truck. No group claimed responsibility."),
)
grp("G08", "anchor", "Two armed drones shot down near Baghdad international airport, 2022-01-03 (Disrupted weapons use). FR vs EN; 'fixed-wing drones' vs 'deux drones piégés'.",
 ("a13", "en", "Associated Press", "2022-01-03", "Drones shot down near Baghdad airport on Soleimani anniversary",
  "Two armed drones were shot down on Monday as they approached a compound at Baghdad International Airport that hosts US personnel, an official with the US-led coalition said. The fixed-wing drones were intercepted by the C-RAM air defence system and there were no casualties. Writing on one of the wings read 'Soleimani's revenge', the official said, on the second anniversary of the killing of the Iranian general."),
 ("a14", "fr", "France 24", "2022-01-03", "Irak : deux drones piégés abattus près de l'aéroport de Bagdad",
  "Deux drones chargés d'explosifs ont été abattus lundi à l'aube près de l'aéroport international de Bagdad, où sont stationnés des conseillers de la coalition antijihadiste, selon une source sécuritaire irakienne. L'attaque, qui n'a fait ni victime ni dégât, coïncide avec le deuxième anniversaire de la mort du général iranien Qassem Soleimani, tué par une frappe américaine au même endroit en janvier 2020."),
)
grp("G09", "anchor", "IS roadside bomb hits an Iraqi army patrol near al-Rashad (Kirkuk province), 2022-03-15. FR vs EN; 3 vs 'at least two' killed.",
 ("a15", "en", "Kurdistan 24", "2022-03-15", "Three Iraqi soldiers killed in IED blast in Kirkuk",
  "Three Iraqi soldiers, including an officer, were killed on Tuesday when an improvised explosive device struck their patrol near the village of al-Rashad, south-west of Kirkuk, a security source told Kurdistan 24. Two other soldiers were wounded. The source blamed Islamic State cells active in the Wadi al-Shay valley. IS later claimed the attack through its Amaq news agency."),
 ("a16", "fr", "AFP", "2022-03-16", "Irak : au moins deux soldats tués par une bombe artisanale",
  "Au moins deux soldats irakiens ont péri mardi dans l'explosion d'une bombe artisanale au passage de leur véhicule dans la province de Kirkouk, dans le nord de l'Irak, a annoncé le commandement des opérations conjointes. L'explosion s'est produite près de Rashad, une zone rurale où des cellules jihadistes restent actives malgré la défaite territoriale du groupe État islamique en 2017."),
)
grp("G10", "retaliation", "Iraqi air strikes on IS hideouts in Wadi al-Shay the day after the G09 bomb. Same area, next day, different actors and direction.",
 ("a17", "en", "Shafaq News", "2022-03-16", "Iraqi F-16s pound ISIS hideouts in Wadi al-Shay",
  "Iraqi F-16 fighter jets struck Islamic State hideouts in the Wadi al-Shay valley, south-west of Kirkuk, on Wednesday, the Security Media Cell said. The statement said five militants were killed and three caves used as shelters were destroyed. The strikes were carried out on the basis of intelligence from the Kirkuk operations command, it added, without linking them to any specific attack."),
)
grp("G11", "anchor", "Israeli missile strike on Damascus international airport area, 2022-06-10 (runway put out of service). FR vs EN.",
 ("a18", "en", "Reuters", "2022-06-10", "Israeli strikes put Damascus airport out of service",
  "Israeli missiles struck Damascus International Airport early on Friday, damaging a runway and forcing the suspension of all flights, Syria's transport ministry said. A military source quoted by state news agency SANA said the missiles were fired from the direction of the occupied Golan Heights at around 4 a.m. and that one civilian was wounded. Israel's military declined to comment."),
 ("a19", "fr", "L'Orient-Le Jour", "2022-06-10", "L'aéroport de Damas hors service après des frappes israéliennes",
  "Des frappes israéliennes ont visé vendredi à l'aube l'aéroport international de Damas, endommageant les pistes et l'infrastructure, a rapporté l'agence officielle Sana. Tous les vols ont été suspendus. Selon l'OSDH, les missiles ont touché des entrepôts d'armes appartenant à des groupes pro-iraniens situés à proximité de l'aéroport. Israël a mené des centaines de frappes en Syrie depuis 2011."),
)
grp("G12", "near_miss_day", "Israeli strikes near Damascus airport again, 9 days after G11. Same place and type, different day.",
 ("a20", "en", "Al-Monitor", "2022-06-19", "Israeli strikes hit area south of Damascus",
  "Israeli missiles struck positions near Damascus International Airport and in the countryside south of the capital late on Sunday, Syrian state media said, adding that air defences intercepted most of them. The Syrian Observatory for Human Rights said the strikes targeted an air defence battalion and a depot used by Hezbollah. There was no word on casualties."),
)
grp("G13", "anchor", "Turkish drone strike on a car carrying SDF commanders in Qamishli, 2022-08-18 (EN vs EN; 2 vs 3 killed, different spelling Qamishli/Qamishlo).",
 ("a21", "en", "Hawar News (ANHA)", "2022-08-18", "Turkish drone kills SDF fighters in Qamishlo",
  "A Turkish drone targeted a vehicle on the road between Qamishlo and Amuda on Thursday afternoon, killing three members of the Syrian Democratic Forces, ANHA's correspondent reported. A passer-by was wounded. The SDF general command condemned the attack as a 'flagrant violation' and called on the international coalition to act."),
 ("a22", "en", "Asharq Al-Awsat", "2022-08-19", "Drone strike in Syria's Qamishli kills two Kurdish fighters",
  "Two Kurdish fighters were killed in a drone strike west of Qamishli in north-eastern Syria on Thursday, a war monitor said. The Britain-based Syrian Observatory for Human Rights said the car was hit by a Turkish drone near the town of Amuda. Ankara regards the YPG, the backbone of the SDF, as a terrorist group and has carried out regular drone strikes in the region."),
)
grp("G14", "anchor", "Attack on the Malian army camp at Boulkessi (Mopti region, near Burkina border), 2022-06-12/13 night. FR (RFI, Jeune Afrique) vs EN (Reuters); tolls differ ('une vingtaine' vs 'at least 12'); JNIM named by one outlet.",
 ("a23", "fr", "RFI", "2022-06-14", "Mali : le camp militaire de Boulkessi attaqué",
  "Le camp de l'armée malienne de Boulkessi, dans le cercle de Douentza, a été attaqué dans la nuit de dimanche à lundi par des hommes armés lourdement équipés, selon plusieurs sources locales et sécuritaires jointes par RFI. Une vingtaine de soldats auraient été tués. Les assaillants, arrivés à moto et en pick-up, ont emporté des armes et incendié des véhicules avant de se replier vers la frontière burkinabè."),
 ("a24", "en", "Reuters", "2022-06-13", "Militants kill at least 12 soldiers in central Mali attack",
  "At least 12 Malian soldiers were killed when militants attacked a military camp in Boulkessi, near the border with Burkina Faso, overnight, the army said on Monday. The army said it had 'neutralised' several assailants and that reinforcements had been sent. A security source told Reuters the attack was carried out by JNIM, al Qaeda's affiliate in the Sahel."),
 ("a25", "fr", "Jeune Afrique", "2022-06-15", "Boulkessi, une base sous pression jihadiste",
  "Après l'attaque qui a visé lundi à l'aube la base de Boulkessi, l'état-major malien a reconnu un bilan de douze militaires tués et une dizaine de blessés, tandis que le Groupe de soutien à l'islam et aux musulmans (GSIM) a revendiqué l'opération, affirmant avoir tué une trentaine de soldats. Le camp, isolé au sud de Douentza, avait déjà été visé en 2019."),
)
grp("G15", "near_miss_day", "Another attack on Boulkessi camp, 5 days after G14 (mortar fire). Same place, similar type, different day.",
 ("a26", "fr", "Studio Tamani", "2022-06-18", "Nouveaux tirs contre le camp de Boulkessi",
  "Le camp militaire de Boulkessi a de nouveau été la cible de tirs d'obus samedi matin, cinq jours après l'attaque meurtrière qui l'avait frappé, selon des habitants de la zone joints par Studio Tamani. Les obus sont tombés à proximité de l'enceinte sans faire de victimes, d'après une source militaire. Les soldats ont riposté et des aéronefs ont survolé la zone dans l'après-midi."),
)
grp("G16", "near_miss_place", "Same day as G14 (2022-06-13), an attack in Ménaka region, northeastern Mali, hundreds of km from Boulkessi.",
 ("a27", "en", "AFP", "2022-06-13", "Jihadists kill villagers near Menaka in northeast Mali",
  "Suspected Islamic State fighters killed at least eight civilians in an attack on a hamlet near Anderamboukane, in Mali's north-eastern Menaka region, on Monday, a local official told AFP. The gunmen stole livestock and set fire to houses before fleeing. Menaka has seen a surge of violence since March as the Islamic State in the Greater Sahara fights rival groups for control of the area."),
)
grp("G17", "anchor", "IED hits a bus on the Boni–Douentza road (Mopti), 2023-01-04. FR vs FR; 'au moins 5' vs '7 morts'.",
 ("a28", "fr", "Maliweb", "2023-01-05", "Un car saute sur une mine près de Douentza",
  "Au moins cinq passagers ont été tués mercredi lorsqu'un car de transport en commun a sauté sur un engin explosif sur l'axe Boni-Douentza, a indiqué une source sanitaire. Une dizaine de blessés ont été évacués vers le centre de santé de référence de Douentza. Cet axe est régulièrement miné par les groupes armés."),
 ("a29", "fr", "Studio Tamani", "2023-01-05", "Sept morts dans l'explosion d'un engin sur la route de Boni",
  "L'explosion d'un engin explosif improvisé au passage d'un bus, mercredi après-midi entre Boni et Douentza, a fait 7 morts et 13 blessés, selon le maire de Boni joint par Studio Tamani. Le véhicule se rendait à la foire hebdomadaire de Douentza. L'armée a sécurisé la zone et ouvert une enquête."),
)
grp("G18", "anchor", "Ambush of soldiers and VDP near Déou (Oudalan, Sahel region, Burkina Faso), 2023-02-20. FR vs EN; 'une cinquantaine' vs 'dozens'; claim by JNIM in one report.",
 ("a30", "fr", "Lefaso.net", "2023-02-21", "Embuscade meurtrière contre une unité de l'armée près de Déou",
  "Une unité de l'armée et des Volontaires pour la défense de la patrie (VDP) est tombée lundi dans une embuscade entre Déou et Oursi, dans la province de l'Oudalan, a indiqué l'état-major général des armées. Le communiqué évoque « de nombreuses pertes » sans avancer de chiffres. Selon des sources sécuritaires, une cinquantaine de soldats auraient été tués. Le GSIM a revendiqué l'attaque."),
 ("a31", "en", "AFP", "2023-02-22", "Dozens of soldiers killed in Burkina Faso ambush",
  "Dozens of Burkinabe soldiers were killed on Monday when jihadists ambushed their unit near the town of Deou in the country's north, security sources told AFP. 'The toll is heavy,' one source said, adding that several soldiers were missing. The government announced 72 hours of national mourning. Burkina Faso's military rulers have vowed to retake the 40 percent of the country outside state control."),
)
grp("G19", "anchor", "Abduction of about 60 women near Arbinda (Soum, Burkina Faso) while gathering wild fruit, 2023-01-12/13. FR vs EN; 50 vs 'about 60' vs 66.",
 ("a32", "fr", "AFP", "2023-01-16", "Burkina : une cinquantaine de femmes enlevées près d'Arbinda",
  "Une cinquantaine de femmes ont été enlevées jeudi et vendredi par des jihadistes présumés près d'Arbinda, dans le nord du Burkina Faso, alors qu'elles cueillaient des feuilles et des fruits sauvages en brousse, a appris l'AFP auprès d'habitants. Quelques-unes ont réussi à s'échapper et à regagner le village. La ville d'Arbinda est sous blocus et la population y souffre de la faim."),
 ("a33", "en", "BBC News", "2023-01-17", "Burkina Faso: Jihadists abduct about 60 women in Soum province",
  "Suspected jihadists have kidnapped about 60 women in northern Burkina Faso, the government said on Monday. The women were seized on Thursday and Friday in two places near Arbinda, in Soum province, where they had gone to look for food, a regional governor said. Security forces have launched a search. The UN said it was deeply concerned."),
)
grp("G20", "series", "A week-long series of attacks across Burkina's Sahel region (Djibo, Gorom-Gorom, Sebba) reported as a summary; none is the Arbinda abduction (G19) and it must not be merged with a single event.",
 ("a34", "en", "HumAngle", "2023-01-24", "A week of violence in Burkina Faso's Sahel region",
  "At least 30 people were killed in a series of attacks across Burkina Faso's Sahel region over the past week, according to a tally compiled by HumAngle from local sources. Gunmen targeted a market near Djibo, a convoy of traders south of Gorom-Gorom and a water point near Sebba, in separate incidents between 17 and 22 January. Most victims were civilians. No group claimed the attacks, which bear the hallmarks of jihadist groups active in the area."),
)
grp("G21", "anchor", "ISWAP attack on the army base at Malam Fatori (Borno, Nigeria), 2022-03-27. EN vs EN; 'at least 5 soldiers' vs 'seven soldiers'; perpetrator ISWAP vs 'Boko Haram'.",
 ("a35", "en", "Premium Times", "2022-03-28", "ISWAP fighters attack military base in Malam Fatori",
  "Fighters of the Islamic State West Africa Province (ISWAP) on Sunday evening attacked a military base in Malam Fatori, Abadam local government area of Borno State, killing at least five soldiers, military sources said. The insurgents came in gun trucks and engaged troops for several hours before air support arrived. Residents fled towards Niger."),
 ("a36", "en", "Daily Trust", "2022-03-28", "Seven soldiers killed as Boko Haram storms Borno border town",
  "Seven soldiers were killed when Boko Haram terrorists attacked troops stationed in the border town of Malam-Fatori late on Sunday, Daily Trust reports. A security source said the attackers burned two armoured vehicles and carted away weapons. The army spokesman said the attack was repelled and that 'many terrorists were neutralised'."),
)
grp("G22", "retaliation", "Nigerian Air Force strikes on ISWAP near Malam Fatori the day after the G21 base attack. Same area, next day, different actors and direction.",
 ("a37", "en", "PRNigeria", "2022-03-29", "NAF jets destroy ISWAP gun trucks near Malam Fatori",
  "Nigerian Air Force jets on Monday struck a convoy of ISWAP fighters near Malam Fatori in northern Borno, destroying four gun trucks and killing an unspecified number of insurgents, the air force spokesman said. The strikes were conducted after surveillance showed the fighters regrouping on the Lake Chad shoreline, he added."),
)
grp("G23", "anchor", "Gunmen abduct villagers in Maru LGA (Zamfara, Nigeria), 2022-05-04. EN vs FR; 'over 50' vs 'une soixantaine'.",
 ("a38", "en", "Daily Trust", "2022-05-05", "Bandits abduct over 50 in Zamfara village",
  "Armed bandits on Wednesday abducted more than 50 people, mostly women and children, in Dan Kurmi village, Maru local government area of Zamfara State, residents said. The gunmen arrived on dozens of motorcycles in the early afternoon and marched the victims into the forest. Zamfara police spokesman Mohammed Shehu confirmed the attack but said the number was still being verified."),
 ("a39", "fr", "RFI", "2022-05-06", "Nigeria : une soixantaine de villageois enlevés dans l'État de Zamfara",
  "Une soixantaine d'habitants, en majorité des femmes et des enfants, ont été enlevés mercredi par des hommes armés dans un village de la zone de Maru, dans l'État de Zamfara, au nord-ouest du Nigeria, selon des témoins joints par RFI. Les ravisseurs, appelés « bandits » localement, réclament généralement des rançons. La police a confirmé l'enlèvement sans donner de bilan."),
)
grp("G24", "anchor", "Al-Shabaab suicide car bomb and gunmen on a hotel in Beledweyne (Hiran, Somalia), 2022-10-03. EN, EN, FR; tolls 20 / 'at least 18' / 'une trentaine'.",
 ("a40", "en", "Garowe Online", "2022-10-03", "Car bombs hit Beledweyne as officials meet",
  "At least 20 people were killed on Monday when two suicide car bombs exploded outside a hotel in Beledweyne, the capital of Hiran region, where local officials were meeting, police said. Among the dead was the deputy governor of Hiran. Al-Shabaab claimed responsibility on its Andalus radio, saying it had targeted 'government militias'."),
 ("a41", "en", "Hiiraan Online", "2022-10-04", "Death toll from Beledweyne bombing rises to 18",
  "The number of people killed in Monday's twin car bomb attack in Beledweyne has risen to at least 18, a local hospital official told Hiiraan Online, with more than 40 wounded. The bombers rammed vehicles into the gate of the Hotel Medina, where the regional administration was holding a meeting on the offensive against the militants. Several buildings nearby were flattened."),
 ("a42", "fr", "AFP", "2022-10-04", "Somalie : une trentaine de morts dans un double attentat à Beledweyne",
  "Une trentaine de personnes ont péri lundi dans un double attentat à la voiture piégée contre un hôtel de Beledweyne, dans le centre de la Somalie, selon un responsable régional qui a requis l'anonymat. Les shebab, liés à Al-Qaïda, ont revendiqué l'attaque. La ville est au coeur de l'offensive lancée en août par le gouvernement avec l'appui de milices claniques."),
)
grp("G25", "anchor", "Mortar shells fired at Villa Somalia (presidential palace), Mogadishu, 2023-02-05. EN vs EN; 'at least four mortars' vs 'six'.",
 ("a43", "en", "Reuters", "2023-02-05", "Mortars fired at Somali presidential palace",
  "At least four mortar shells were fired at Villa Somalia, the presidential compound in Mogadishu, on Sunday evening, police said. One shell landed inside the compound and others hit homes in the nearby Hamar Jajab district, wounding two civilians. Al Shabaab said on a website that it had targeted the palace."),
 ("a44", "en", "Somali Guardian", "2023-02-06", "Shelling near Villa Somalia wounds civilians",
  "Six mortar rounds struck near the presidential palace in Mogadishu late on Sunday, residents said, with some falling on houses in Hamar Jajab and Bondhere neighbourhoods. Three people, including a child, were injured, according to a local official. Security forces sealed off the area and searched nearby houses."),
)
grp("G26", "near_miss_day", "Another mortar attack on Villa Somalia six days after G25. Same place and type, different day.",
 ("a45", "en", "VOA Somali", "2023-02-11", "Mortar attack targets Mogadishu presidential compound again",
  "Mortar rounds were fired at Villa Somalia in Mogadishu on Saturday, the second such attack in a week, police said. Officials said the shells landed in an open area near the compound's western wall and caused no casualties. Police arrested two suspects near the Hodan district, from where the shells were believed to have been fired."),
)
grp("G27", "anchor", "Military jets bomb a village in Kanbalu Township (Sagaing, Myanmar), 2023-04-11. EN vs FR; 'more than 50' vs 'au moins cinquante-trois'.",
 ("a46", "en", "The Irrawaddy", "2023-04-11", "Junta air strike kills dozens in Sagaing village",
  "More than 50 people were killed on Tuesday morning when a junta fighter jet bombed a gathering in Let Yet Kone village in Kanbalu Township, Sagaing Region, according to local residents and a resistance group. The villagers had assembled for the opening of a local administration office. A helicopter later fired on the area, residents said. The regime did not respond to requests for comment."),
 ("a47", "fr", "Le Monde", "2023-04-12", "Birmanie : au moins cinquante-trois morts dans un bombardement de l'armée",
  "Au moins cinquante-trois personnes, dont des enfants, ont été tuées mardi lors d'un bombardement aérien de l'armée birmane sur le village de Let Yet Kone, dans le canton de Kanbalu (région de Sagaing), selon des habitants cités par des médias locaux. La junte a reconnu une frappe visant, selon elle, « des terroristes » de la Force de défense du peuple (PDF)."),
)
grp("G28", "anchor", "Clashes between the junta and Karenni resistance forces in Loikaw (Kayah State, Myanmar), 2023-11-12. EN vs FR.",
 ("a48", "en", "Myanmar Now", "2023-11-13", "Resistance forces launch assault on Loikaw",
  "Karenni resistance forces attacked junta positions in Loikaw, the capital of Kayah State, on Sunday, with heavy fighting reported near the university and the Kayah State police station, according to the Karenni Nationalities Defence Force (KNDF). A KNDF spokesman said several soldiers were killed and two positions captured. Thousands of residents fled the town."),
 ("a49", "fr", "RFI", "2023-11-14", "Birmanie : violents combats à Loikaw, capitale de l'État Karenni",
  "De violents combats ont opposé dimanche l'armée birmane aux groupes de résistance karenni à Loikaw, chef-lieu de l'État Kayah, selon des sources locales. Les rebelles affirment avoir pris deux positions militaires, ce que la junte dément. Des milliers d'habitants ont fui vers les camps de déplacés."),
)
grp("G29", "anchor", "Russian missile strikes on central Kyiv, morning rush hour, 2022-10-10. EN vs FR; Kyiv/Kiev; 8 vs 'au moins 11' killed in Kyiv.",
 ("a50", "en", "Kyiv Independent", "2022-10-10", "Russian missiles hit central Kyiv during morning rush hour",
  "Russian missiles struck central Kyiv on Monday morning, hitting a playground near Shevchenko park, a crossroads on Volodymyrska Street and energy facilities, killing eight people and injuring 24 in the capital, according to the National Police. Explosions were heard shortly after 8 a.m. as people were travelling to work. Mayor Vitali Klitschko urged residents to stay in shelters."),
 ("a51", "fr", "Le Figaro", "2022-10-10", "Frappes russes au coeur de Kiev : au moins 11 morts",
  "Plusieurs missiles russes se sont abattus lundi matin en plein centre de Kiev, faisant au moins 11 morts et une soixantaine de blessés, selon la police ukrainienne, qui ne précise pas si ce bilan concerne uniquement la capitale. Un cratère s'est formé près d'une aire de jeux du parc Chevtchenko. Vladimir Poutine a présenté ces frappes comme une riposte à l'explosion du pont de Crimée."),
)
grp("G30", "near_miss_place", "Russian missile strike on Lviv the same morning as G29 (2022-10-10), ~470 km away.",
 ("a52", "en", "Reuters", "2022-10-10", "Lviv loses power after missile strikes",
  "Missiles struck energy infrastructure in the western Ukrainian city of Lviv on Monday morning, knocking out power and hot water to parts of the city, Mayor Andriy Sadovyi said. Regional governor Maksym Kozytskyi said there were no immediate reports of casualties. Trams stopped running and residents crowded into shelters as air raid sirens sounded."),
)
grp("G31", "anchor", "Russian shelling of a market in central Kherson, 2022-12-24. EN vs FR; 'at least 7' vs 10 killed.",
 ("a53", "en", "Associated Press", "2022-12-24", "Russian shelling of Kherson kills at least 7",
  "Russian shelling hit the centre of Kherson on Saturday morning, killing at least seven people and wounding 58, according to the Ukrainian presidential office. Photos showed burning cars and bodies near the central market. President Volodymyr Zelenskyy posted images of the aftermath, calling it 'terror for the sake of intimidation'."),
 ("a54", "fr", "Ouest-France", "2022-12-24", "Ukraine : dix morts dans des bombardements russes sur le marché de Kherson",
  "Des bombardements russes ont tué dix personnes samedi matin dans le centre de Kherson, près du marché principal, selon le gouverneur régional Iaroslav Ianouchkevitch. Une soixantaine de blessés ont été hospitalisés. La ville, reprise par l'armée ukrainienne en novembre, est bombardée quotidiennement depuis la rive gauche du Dniepr."),
)
grp("G32", "near_miss_day", "Shelling of Kherson five days after G31 (2022-12-29). Same town and type, different day.",
 ("a55", "fr", "Ukrinform", "2022-12-29", "Kherson de nouveau pilonnée : un blessé",
  "L'armée russe a de nouveau bombardé Kherson jeudi après-midi, touchant un immeuble d'habitation et une école dans le quartier de Korabel, a indiqué l'administration militaire régionale. Une femme a été blessée. Selon l'administration, la région a essuyé plus de 60 tirs d'artillerie au cours des dernières 24 heures."),
)
grp("G33", "series", "Governor's 24-hour summary of shelling across Kharkiv region (Kupiansk, Vovchansk, Chuhuiv districts): a series, not one event.",
 ("a56", "en", "Ukrainska Pravda", "2023-01-21", "Russians shell 20 settlements in Kharkiv Oblast over the day",
  "Russian forces shelled more than 20 settlements in Kharkiv Oblast over the past 24 hours, governor Oleh Syniehubov said on Saturday. Towns in the Kupiansk, Chuhuiv and Vovchansk districts were hit by artillery, mortars and multiple rocket launchers. Two civilians were wounded in separate incidents, and several private houses were damaged, he wrote on Telegram."),
)
grp("G34", "anchor", "ADF attack on a village near Beni (Kasindi road, North Kivu, DRC), 2023-03-08/09 night. FR vs EN; 'au moins 36' vs 'more than 40' killed; ADF named by one outlet, IS claim in the other.",
 ("a57", "fr", "Radio Okapi", "2023-03-09", "Beni : au moins 36 civils tués dans une attaque des ADF à Mukondi",
  "Au moins 36 civils ont été tués dans la nuit de mercredi à jeudi lors d'une attaque attribuée aux rebelles ADF dans le village de Mukondi, dans le secteur de Bashu, territoire de Beni (Nord-Kivu), selon la société civile locale. Des maisons ont été incendiées. Les FARDC ont dépêché une patrouille sur place."),
 ("a58", "en", "Reuters", "2023-03-10", "Islamist militants kill more than 40 in eastern Congo",
  "Suspected Islamist militants killed more than 40 people in an overnight raid on the village of Mukondi in Congo's North Kivu province, local officials said on Thursday. Many of the victims were killed with machetes. Islamic State later claimed the attack through its Amaq news agency, saying its fighters had targeted 'Christians'."),
)
grp("G35", "near_miss_place", "Same night as G34, a CODECO attack on a displacement camp in Djugu (Ituri), ~150 km from Beni.",
 ("a59", "fr", "Actualite.cd", "2023-03-09", "Ituri : des miliciens CODECO attaquent un site de déplacés à Djugu",
  "Des miliciens de la CODECO ont attaqué dans la nuit de mercredi à jeudi un site de déplacés près de Drodro, en territoire de Djugu, en Ituri, tuant au moins six personnes, a indiqué un responsable local. Les assaillants ont incendié des abris avant d'être repoussés par les casques bleus de la Monusco."),
)
grp("G36", "anchor", "M23 and FARDC clash around Kibumba (Nyiragongo, North Kivu), 2022-11-15. FR vs FR.",
 ("a60", "fr", "Radio Okapi", "2022-11-16", "Nyiragongo : affrontements entre FARDC et M23 à Kibumba",
  "De violents combats ont opposé mardi les Forces armées de la RDC aux rebelles du M23 autour de Kibumba, dans le territoire de Nyiragongo, à une vingtaine de kilomètres au nord de Goma, selon des sources locales. Des tirs d'armes lourdes ont été entendus jusqu'en fin de journée, poussant des milliers d'habitants à fuir vers Goma."),
 ("a61", "fr", "7sur7.cd", "2022-11-15", "Nord-Kivu : les combats se rapprochent de Goma",
  "L'armée congolaise et le M23 s'affrontaient depuis l'aube ce mardi dans le groupement de Kibumba, au nord de Goma, a confirmé le porte-parole du gouverneur militaire du Nord-Kivu. Il affirme que les FARDC ont repoussé les rebelles, qui revendiquent de leur côté avoir pris des positions dans les collines de Buhumba."),
)
grp("G37", "anchor", "Saudi-led coalition air strikes on a detention centre in Saada (Yemen), 2022-01-21. EN vs FR; 'at least 70' vs 'plus de 80'.",
 ("a62", "en", "Associated Press", "2022-01-21", "Airstrike on Yemen detention centre kills dozens",
  "An airstrike by the Saudi-led coalition hit a detention centre run by Houthi rebels in the northern Yemeni city of Saada early on Friday, killing at least 70 people, aid groups said. Doctors Without Borders said a hospital in Saada had received more than 200 wounded. The coalition did not immediately comment on the strike."),
 ("a63", "fr", "Le Monde avec AFP", "2022-01-21", "Yémen : plus de 80 morts dans une frappe sur une prison à Saada",
  "Plus de 80 personnes ont été tuées vendredi dans un raid aérien contre une prison de Saada, fief des rebelles houthis dans le nord du Yémen, selon les rebelles. La coalition militaire emmenée par l'Arabie saoudite a nié avoir visé le centre de détention, affirmant que ces informations étaient « sans fondement »."),
)
grp("G38", "anchor", "Houthi ballistic missile hits a residential area of Marib city (Yemen), 2021-10-31 (spellings Marib / Ma'rib). EN vs EN.",
 ("a64", "en", "Reuters", "2021-11-01", "Houthi missile kills civilians in Yemen's Marib",
  "A ballistic missile fired by Yemen's Houthi movement struck a residential neighbourhood in the city of Marib on Sunday, killing at least three people, including a child, and wounding several others, local officials said. The government-held city has been under sustained attack since the Houthis renewed their offensive this year."),
 ("a65", "en", "Saba (government)", "2021-11-01", "Houthi militia targets Ma'rib civilians with missile",
  "The terrorist Houthi militia targeted a populated area in the centre of Ma'rib on Sunday evening with a ballistic missile, killing four civilians and wounding eleven, the information ministry said. The minister called on the international community to designate the group a terrorist organisation."),
)
grp("G39", "anchor", "Bombing of a Shia mosque in Mazar-i-Sharif (Balkh, Afghanistan) during prayers, 2022-04-21; IS-K claim. EN vs FR; Mazar-i-Sharif / Mazar-e-Charif; 'at least 31' vs 'au moins 12'.",
 ("a66", "en", "Reuters", "2022-04-21", "Blast at mosque in northern Afghan city kills at least 31",
  "An explosion ripped through a Shi'ite mosque in the northern Afghan city of Mazar-i-Sharif during prayers on Thursday, killing at least 31 people and wounding 87, a Taliban official said. Islamic State's Khorasan branch claimed responsibility for the attack in a statement on its Telegram channels."),
 ("a67", "fr", "France 24", "2022-04-21", "Afghanistan : un attentat dans une mosquée chiite à Mazar-e-Charif",
  "Au moins douze fidèles ont été tués et une cinquantaine blessés jeudi dans l'explosion d'une bombe dans la mosquée chiite Seh Dokan de Mazar-e-Charif, dans le nord de l'Afghanistan, a annoncé le porte-parole de la police de la province de Balkh. Le bilan risque de s'alourdir, selon des sources hospitalières."),
)
grp("G40", "near_miss_day", "Bombs on two minibuses in Mazar-i-Sharif a week after G39 (2022-04-28). Same town, explosive attack, different day.",
 ("a68", "en", "Tolo News", "2022-04-28", "Explosions hit passenger vans in Mazar-e-Sharif",
  "At least nine people were killed and 13 wounded on Thursday when explosive devices planted on two passenger minibuses detonated in different parts of Mazar-e-Sharif, the Balkh police spokesman said. Most of the passengers were from the Shia Hazara community. Taliban security forces cordoned off the areas and opened an investigation."),
)
grp("G41", "anchor", "RSF shelling and attack on El Fasher (North Darfur, Sudan), 2024-05-10. EN vs FR; El Fasher / El-Facher.",
 ("a69", "en", "Sudan Tribune", "2024-05-11", "RSF attack on El Fasher kills civilians",
  "The Rapid Support Forces (RSF) shelled residential areas in the east and north of El Fasher on Friday and attempted to storm the city from several directions, killing at least 27 civilians, the North Darfur health ministry said. The army and allied armed movements said they had repelled the assault. Médecins Sans Frontières said its hospital received more than 150 wounded."),
 ("a70", "fr", "RFI", "2024-05-12", "Soudan : violents combats à El-Facher, dernière grande ville du Darfour hors du contrôle des FSR",
  "Des combats acharnés ont opposé vendredi les Forces de soutien rapide (FSR) à l'armée soudanaise et à ses alliés à El-Facher, capitale du Darfour-Nord, selon des témoins. Les FSR ont bombardé plusieurs quartiers avant de lancer un assaut terrestre, repoussé selon l'armée. Des dizaines de civils auraient été tués, d'après des comités de résistance locaux."),
)
grp("G42", "anchor", "Anti-coup march in Khartoum dispersed with tear gas near the presidential palace, 2022-06-30 (Protest with intervention / excessive force). EN vs EN; 'at least 9' vs '8' killed.",
 ("a71", "en", "Al Jazeera", "2022-06-30", "Sudan security forces kill protesters as thousands march",
  "Sudanese security forces fired tear gas and live ammunition at thousands of protesters marching towards the presidential palace in Khartoum on Thursday, killing at least nine people, according to the Central Committee of Sudanese Doctors. The march marked the anniversary of the 1989 coup and called for an end to military rule."),
 ("a72", "en", "Dabanga", "2022-07-01", "June 30 marches in Khartoum met with bullets",
  "Eight protesters were killed in Khartoum and Omdurman on Thursday as security forces used tear gas, stun grenades and live rounds to stop the June 30 marches from reaching the palace, medics said. Internet and phone services were cut across the capital for most of the day. Dozens of people were arrested."),
)
grp("G43", "near_miss_place", "Same day as G42, a peaceful June 30 march in Port Sudan, ~670 km from Khartoum.",
 ("a73", "en", "Sudan Tribune", "2022-06-30", "Port Sudan residents join June 30 marches",
  "Hundreds of people marched peacefully through the streets of Port Sudan on Thursday as part of nationwide protests against military rule, witnesses said. The demonstrators gathered at the city's main market and marched to the Red Sea state government headquarters, chanting slogans calling for civilian rule. No intervention by security forces was reported."),
)
grp("G44", "anchor", "Arrest of opposition leader Rached Ghannouchi at his home in Tunis, 2023-04-17 (Strategic developments / Arrests). FR vs EN.",
 ("a74", "fr", "Le Monde avec AFP", "2023-04-18", "Tunisie : l'opposant Rached Ghannouchi arrêté à son domicile",
  "Rached Ghannouchi, chef du parti d'inspiration islamiste Ennahdha et principal opposant au président Kaïs Saïed, a été arrêté lundi soir à son domicile de Tunis par des policiers, a annoncé son parti. Il a été conduit dans une caserne de la garde nationale pour y être interrogé, selon ses avocats. Le ministère de l'Intérieur n'a pas commenté."),
 ("a75", "en", "Reuters", "2023-04-18", "Tunisian police arrest Ennahda leader Ghannouchi",
  "Tunisian police arrested Rached Ghannouchi, head of the Islamist Ennahda party and a leading critic of President Kais Saied, at his home on Monday, his party said. An Interior Ministry source said the arrest followed a prosecutor's order over 'inciting statements'. Ennahda called the arrest 'a very dangerous development'."),
)
grp("G45", "anchor", "Riots in Dakar (Senegal) after Ousmane Sonko's sentence: youths burn tyres and clash with police in Dakar, 2023-06-01. FR vs FR.",
 ("a76", "fr", "Seneweb", "2023-06-01", "Dakar : affrontements entre jeunes et forces de l'ordre après le verdict",
  "De violents heurts ont opposé jeudi après-midi des jeunes aux forces de l'ordre dans plusieurs quartiers de Dakar, notamment à Colobane et à l'université Cheikh Anta Diop, après l'annonce de la condamnation d'Ousmane Sonko à deux ans de prison. Les manifestants ont érigé des barricades et incendié des pneus ; la police a répliqué par des tirs de gaz lacrymogène."),
 ("a77", "fr", "AFP", "2023-06-02", "Sénégal : des émeutes à Dakar font plusieurs morts",
  "Des émeutes ont éclaté jeudi à Dakar après la condamnation de l'opposant Ousmane Sonko, faisant au moins neuf morts selon le gouvernement. Des bus ont été incendiés et des magasins pillés, notamment dans le quartier de Colobane et aux abords de l'université. Le ministre de l'Intérieur a dénoncé des « actes de vandalisme et de banditisme »."),
)
grp("G46", "near_miss_place", "Same day as G45, riots in Ziguinchor (Casamance), Sonko's stronghold, ~270 km from Dakar.",
 ("a78", "fr", "Le Quotidien", "2023-06-02", "Ziguinchor s'embrase après la condamnation de son maire",
  "À Ziguinchor, dont Ousmane Sonko est le maire, des centaines de jeunes sont descendus dans la rue jeudi soir pour protester contre sa condamnation. Des pneus ont été brûlés sur le boulevard des 54 mètres et un commissariat a été caillassé, selon des habitants. Les gendarmes ont dispersé la foule à l'aide de grenades lacrymogènes. Aucun blessé grave n'a été signalé."),
)
grp("G47", "anchor", "Air strikes on a convoy of Iran-backed militia fuel and weapons trucks near al-Boukamal / Abu Kamal (Syria-Iraq border crossing of al-Qaim), 2022-11-08. FR vs EN; perpetrator (Israel) suggested by one outlet only; '10 trucks' vs 'a dozen'.",
 ("a79", "fr", "OSDH (communiqué en français)", "2022-11-09", "Frappes aériennes contre un convoi près d'al-Boukamal",
  "Des avions non identifiés ont frappé mardi soir un convoi de camions-citernes et de véhicules transportant des armes pour le compte de milices pro-iraniennes, peu après son entrée en Syrie par le poste-frontière d'al-Qaïm, près d'al-Boukamal, selon l'Observatoire syrien des droits de l'homme. Une dizaine de camions ont été détruits et au moins 14 personnes tuées, dont des chauffeurs irakiens."),
 ("a80", "en", "The Times of Israel", "2022-11-09", "Strikes reportedly hit Iranian convoy at Syria-Iraq border",
  "A convoy of around a dozen trucks was hit by air strikes near the Syrian border town of Abu Kamal late on Tuesday, according to Iraqi and Syrian media reports, which said the vehicles were carrying fuel and weapons for Iran-backed groups. Several reports attributed the strike to Israel, which did not comment. The casualty count was not immediately clear."),
)

# Background sentences (context, statements, non-events) appended to reports.
EXTRA = {
 "a10": "Les forces américaines sont présentes dans le nord-est de la Syrie aux côtés des Forces démocratiques syriennes depuis la campagne contre le groupe État islamique.",
 "a15": "Despite the group's territorial defeat in 2017, its cells still carry out hit-and-run attacks in the rugged areas between Kirkuk, Salahuddin and Diyala provinces.",
 "a16": "Le Premier ministre a ordonné l'ouverture d'une enquête et demandé le renforcement des patrouilles sur les routes rurales de la province.",
 "a18": "Israel rarely comments on individual operations in Syria but has acknowledged hundreds of strikes against what it describes as Iranian targets there.",
 "a19": "La compagnie nationale Syrian Air a annoncé que ses vols seraient transférés vers l'aéroport d'Alep jusqu'à nouvel ordre.",
 "a20": "Syria's foreign ministry condemned what it called repeated Israeli aggression and urged the UN Security Council to take action.",
 "a21": "According to the SDF, more than a dozen of its members have been killed in Turkish drone strikes since the start of the summer. Ankara has threatened a new ground operation in northern Syria.",
 "a24": "Mali's military government, which took power in 2020, has turned to Russian military instructors after falling out with former colonial power France.",
 "a28": "Les transporteurs de la région réclament depuis des mois une escorte militaire pour les véhicules de voyageurs. Le gouvernement n'a pas encore réagi à l'explosion.",
 "a29": "Les routes du centre du Mali sont jonchées d'engins explosifs posés par les groupes jihadistes, qui cherchent à isoler les localités et les camps de l'armée, rappellent les observateurs.",
 "a33": "Humanitarian agencies say hundreds of thousands of people are trapped in towns under jihadist blockade in the north, where food convoys can only travel under military escort.",
 "a35": "The Abadam area, on the shores of Lake Chad, has been a stronghold of the insurgents for years and the military has repeatedly lost and regained positions there.",
 "a36": "Borno State governor Babagana Zulum condemned the attack and called on the federal government to recruit more local volunteers into the security forces.",
 "a37": "The air force said it would sustain its operations in the Lake Chad region, where insurgents have been using islands as hideouts, and that more details would be released after a battle damage assessment.",
 "a38": "Kidnapping for ransom has become a lucrative business in north-west Nigeria, where gangs operate from vast forests and often demand millions of naira for each hostage.",
 "a39": "Le gouverneur de l'État a appelé les habitants à coopérer avec les forces de sécurité et à signaler tout mouvement suspect dans les villages voisins.",
 "a40": "The attack came weeks after the government launched an offensive, backed by clan militias, to drive the militants from central Somalia.",
 "a41": "Hospital staff appealed for blood donations as the wounded overwhelmed the town's main facility.",
 "a42": "Le président Hassan Cheikh Mohamoud a présenté ses condoléances aux familles et promis que l'offensive contre les insurgés se poursuivrait.",
 "a43": "Mortar attacks on the heavily guarded compound, which houses the president's office, have become less frequent in recent years but have never stopped entirely. Officials gave no toll for casualties inside the compound.",
 "a44": "Residents of the area say they have repeatedly asked the authorities to improve security around the palace, which is surrounded by densely populated neighbourhoods. Police did not give a figure for casualties.",
 "a45": "The interior ministry said security would be tightened around government buildings in the capital ahead of a conference of regional leaders planned for later this month.",
 "a48": "The junta has been under mounting pressure since late October, when an alliance of ethnic armed groups launched a coordinated offensive in northern Shan State.",
 "a49": "La junte, au pouvoir depuis le coup d'État de février 2021, fait face à une série d'offensives coordonnées de groupes armés ethniques et de milices pro-démocratie dans plusieurs régions du pays.",
 "a50": "The strikes were part of a wave of attacks on cities across Ukraine that Russia described as retaliation for an explosion on the Crimean Bridge.",
 "a52": "Ukraine's energy ministry said it was working to restore supply and urged people across the country to limit electricity use during the evening peak hours.",
 "a53": "Kherson was recaptured by Ukrainian forces in November, and Russian troops who withdrew across the Dnipro river have shelled it regularly since.",
 "a54": "Le président Volodymyr Zelensky a dénoncé un acte de terreur destiné à intimider la population, tandis que Moscou n'a fait aucun commentaire.",
 "a55": "Les autorités locales ont de nouveau appelé les habitants à évacuer vers des régions plus sûres, en proposant des trains gratuits au départ de la gare de Kherson.",
 "a56": "He urged residents of frontline communities to heed air raid warnings and to evacuate, saying buses would be provided for those who lacked transport.",
 "a57": "La société civile dénonce l'inaction des forces de sécurité et appelle à une journée ville morte à Beni. Les ADF, d'origine ougandaise, sont accusés d'avoir tué des milliers de civils dans la région depuis 2014.",
 "a58": "The Allied Democratic Forces, an Ugandan armed group that pledged allegiance to Islamic State, have killed thousands of civilians in eastern Congo since 2014, despite joint operations by Congolese and Ugandan troops.",
 "a59": "La CODECO, une coalition de milices issues de la communauté lendu, est accusée par l'ONU de crimes pouvant constituer des crimes contre l'humanité. Les autorités provinciales ont promis des renforts.",
 "a60": "Les humanitaires s'inquiètent de l'afflux de déplacés dans les camps déjà surpeuplés de la périphérie de Goma, où les besoins en eau et en nourriture sont énormes.",
 "a61": "Kinshasa accuse le Rwanda de soutenir la rébellion, ce que Kigali dément. Des discussions régionales sont prévues dans les prochains jours à Luanda pour tenter d'obtenir un cessez-le-feu.",
 "a62": "The war in Yemen pits the internationally recognised government, backed by the coalition, against the Iran-aligned Houthis, who control the capital Sanaa and much of the north.",
 "a63": "Le secrétaire général de l'ONU a condamné ce raid et appelé à une enquête rapide, efficace et transparente. Internet a été coupé dans une grande partie du pays.",
 "a64": "Marib, the government's last major stronghold in the north, hosts hundreds of thousands of people displaced from other parts of the country, aid agencies say.",
 "a65": "The ministry said the attack was a war crime and added that the militia had fired dozens of missiles and drones at the city in recent months. Rescue teams were still searching the rubble late in the evening.",
 "a66": "The Taliban say they have secured the country since taking power in August, but Islamic State has carried out a series of deadly attacks, many of them on Shi'ite Muslims.",
 "a67": "L'attaque n'a pas été revendiquée dans l'immédiat. Les talibans affirment avoir ramené la sécurité dans le pays depuis leur prise de pouvoir en août, mais les attentats contre la minorité chiite se multiplient.",
 "a68": "No group immediately claimed responsibility. Relatives of the victims gathered outside the city's main hospital, where doctors said several of the wounded were in critical condition.",
 "a69": "The United Nations has warned that a full-scale assault on the city, home to hundreds of thousands of displaced people, would have catastrophic consequences.",
 "a70": "La ville, où s'entassent des centaines de milliers de déplacés, est encerclée depuis plusieurs semaines, et les Nations unies redoutent un massacre si elle venait à tomber.",
 "a71": "The military, led by army chief General Abdel Fattah al-Burhan, seized power in October, ending a transitional power-sharing arrangement with civilian leaders.",
 "a72": "Resistance committees, which organised the marches, said they would continue to hold protests until the military handed power to a civilian government.",
 "a73": "Organisers said the march had been coordinated with resistance committees in other cities, and that further demonstrations would be announced in the coming days.",
 "a74": "Depuis le début de l'année, une vingtaine d'opposants, d'hommes d'affaires et de journalistes ont été interpellés en Tunisie, accusés pour la plupart de « complot contre la sûreté de l'État ».",
 "a75": "Saied, who shut down parliament in 2021 and began ruling by decree, describes his critics as traitors and has said he is saving the country from chaos.",
 "a76": "Les réseaux sociaux ont été restreints dans la soirée, a annoncé le gouvernement, qui invoque la diffusion de « messages haineux et subversifs ».",
 "a77": "L'opposant, qui conteste les accusations portées contre lui, est donc en principe inéligible à la présidentielle de l'an prochain, selon plusieurs juristes.",
 "a78": "La ville est restée quadrillée par les forces de l'ordre vendredi matin, et la plupart des commerces du marché central n'avaient pas rouvert.",
 "a79": "La route qui relie l'Irak à la Syrie par al-Qaïm est l'un des principaux axes empruntés par les milices pour acheminer du carburant et du matériel.",
 "a80": "Israel has carried out hundreds of strikes in Syria over the past decade, most of them against what it says are Iranian-linked targets.",
}


def main():
    here = Path(__file__).resolve().parent
    arts, groups, seen = [], [], set()
    for g in G:
        ids = []
        for aid, lang, outlet, pub, title, text in g["arts"]:
            assert aid not in seen, aid
            seen.add(aid)
            ids.append(aid)
            if aid in EXTRA:
                text = text + " " + EXTRA[aid]
            arts.append({"id": aid, "text": text, "published": pub, "outlet": outlet, "language": lang, "title": title})
        groups.append({"group": g["group"], "kind": g["kind"], "articles": ids, "note": g["note"]})
    with open(here / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(here / "gold.json", "w", encoding="utf-8") as f:
        json.dump({"groups": groups}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(arts)} articles, {len(groups)} groups")


if __name__ == "__main__":
    main()
