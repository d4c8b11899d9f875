"""Words around toponyms, per language: feature hints, location cues, metonymy verbs.

Data, not algorithm: kept apart so that adding a language means adding a table.
"""
from __future__ import annotations

# Words that introduce a place and say what kind it is ("le gisement al-Omar",
# "la province de Deir Ezzor", "the village of X"). Stripped from the span,
# kept as a hint: site (S/L/T/H features), admin (A), town (P).
FEATURE_WORDS = {
    "fr": {
        "site": ["gisement", "champ pétrolier", "champ gazier", "base", "base militaire", "base aérienne", "camp",
                 "aéroport", "aéroport international", "aéroport militaire", "aérodrome", "poste-frontière", "point de passage", "barrage", "désert", "vallée", "plaine",
                 "montagne", "mont", "prison", "port", "raffinerie", "centrale", "camp de réfugiés", "forêt",
                 "forêt classée", "réserve", "parc national", "collines", "lac", "fleuve", "rivière"],
        "admin": ["province", "gouvernorat", "région", "département", "préfecture", "district", "wilaya",
                  "état", "canton", "comté", "oblast"],
        "town": ["ville", "village", "localité", "bourg", "commune", "quartier", "faubourg", "cité"],
    },
    "en": {
        "site": ["oil field", "oilfield", "gas field", "base", "air base", "airbase", "military base", "camp",
                 "refugee camp", "airport", "airfield", "crossing", "border crossing", "dam", "desert", "valley",
                 "plain", "mount", "prison", "port", "refinery", "plant", "forest", "forest reserve",
                 "game reserve", "national park", "hills", "mountains", "lake", "river"],
        "admin": ["province", "governorate", "region", "department", "district", "state", "county", "oblast",
                  "prefecture"],
        "town": ["town", "city", "village", "hamlet", "neighbourhood", "neighborhood", "suburb"],
    },
}
# Particles between a feature word and the name ("province de", "village of").
LINKERS = {"fr": ["de la", "de l'", "d'", "de", "du", "des", "d'al", "de l"], "en": ["of", "of the"]}

# Prepositions that put an event at a place ("à", "in", "near"). The value is the
# precision the phrase implies: 1 at the place, 2 near it.
LOCATION_CUES = {
    "fr": {"à": 1, "au": 1, "aux": 1, "dans": 1, "en": 1, "sur": 1, "vers": 2, "près de": 2, "près d'": 2,
           "aux abords de": 2, "les abords de": 2, "abords de": 2, "autour de": 2, "non loin de": 2,
           "à proximité de": 2, "dans l'entourage de": 2, "aux environs de": 2, "environs de": 2,
           "au nord de": 2, "au sud de": 2, "à l'est de": 2, "à l'ouest de": 2, "dans la région de": 2,
           "campagne de": 2, "périphérie de": 2, "entre": 2},
    "en": {"in": 1, "at": 1, "into": 1, "on": 1, "inside": 1, "near": 2, "outside": 2, "around": 2,
           "close to": 2, "north of": 2, "south of": 2, "east of": 2, "west of": 2, "outskirts of": 2,
           "on the outskirts of": 2, "in the vicinity of": 2, "near the": 2, "from": 1, "towards": 2, "toward": 2,
           "between": 2},
}

# Words after which a place is where a road or a journey leads, not where the event happened
# ("blocked the main road to Busia", "sur la route de Gao", "a convoy bound for Kidal").
DIRECTION_WORDS = {
    "fr": ["route de", "route vers", "route menant à", "route reliant", "route qui mène à", "en direction de",
           "à destination de", "en route vers", "axe", "route nationale"],
    "en": ["road to", "route to", "highway to", "way to", "heading to", "headed to", "bound for", "en route to",
           "road from", "highway linking", "road linking", "road between"],
}

# Words after which a place is where a shot came from, not where the event happened ("missiles
# fired from the direction of the Golan Heights", "des roquettes tirées depuis Gaza").
ORIGIN_WORDS = {
    "fr": ["tirés depuis", "tirées depuis", "tiré depuis", "tirée depuis", "lancés depuis", "lancées depuis",
           "lancé depuis", "lancée depuis", "en provenance de", "depuis la direction de", "depuis le territoire de"],
    "en": ["fired from", "launched from", "from the direction of", "fired from the direction of", "coming from",
           "originating from", "from the territory of"],
}

# Verbs whose subject is a government or an institution named by its seat or
# country: "Washington n'envisage pas", "Moscow said". A place subject of one
# of these is a metonym (a reference to a state actor, not to a location).
METONYMY_VERBS = {
    "fr": {"envisager", "dire", "déclarer", "annoncer", "affirmer", "accuser", "refuser", "vouloir", "décider",
           "menacer", "exiger", "condamner", "démentir", "nier", "réclamer", "appeler", "estimer", "juger",
           "répondre", "riposter", "soutenir", "reconnaître", "promettre", "prévenir", "avertir", "craindre",
           "considérer", "souhaiter", "demander", "rejeter", "saluer", "dénoncer"},
    "en": {"say", "announce", "declare", "claim", "accuse", "refuse", "want", "decide", "threaten", "demand",
           "condemn", "deny", "call", "urge", "warn", "insist", "respond", "retaliate", "support", "back",
           "recognize", "recognise", "promise", "reject", "welcome", "denounce", "impose", "sanction",
           "consider", "plan", "expel", "summon", "agree", "sign", "order", "approve"},
}

# Organisations named after a place ("l'agence officielle Sana", "SANA news agency", "Al Mayadeen TV"): a
# name right after one of these heads (adjectives such as "officielle syrienne", "state-run" may come
# between) or right before one of the trailing words is the organisation, not a place, unless a
# location cue precedes it ("la radio de Goma" keeps Goma: "de" links a place to the outlet).
ORGANISATION_HEADS = {
    "fr": ["agence", "agence de presse", "agence d'information", "journal", "quotidien", "hebdomadaire",
           "télévision", "télévision d'état", "chaîne", "chaîne de télévision", "radio", "radio d'état",
           "site d'information", "média", "médias d'état", "organe de presse"],
    "en": ["agency", "news agency", "newspaper", "daily", "weekly", "tv", "television", "channel", "broadcaster",
           "radio", "news outlet", "news site", "outlet", "wire service"],
}
# Words that may stand between such a head and the name besides adjectives ("agence de presse officielle",
# "state-run news agency").
ORGANISATION_FILLERS = {"fr": ["officielle", "officiel", "publique", "public", "nationale", "national",
                               "gouvernementale", "progouvernementale"],
                        "en": ["state", "state-run", "state-owned", "official", "news", "government", "national",
                               "semi-official", "pro-government", "public"]}
ORGANISATION_TAILS = {
    "fr": ["tv", "télévision", "radio", "fm"],
    "en": ["news agency", "agency", "newspaper", "tv", "television", "radio", "broadcaster", "channel", "fm"],
}

# Entity labels that are places in each pipeline; others need a strong gazetteer match plus a cue.
PLACE_LABELS = {"fr": {"LOC"}, "en": {"GPE", "LOC", "FAC"}}
# Organisation-like entities whose names often contain a place ("Kentucky State Police"); person names do not count.
OTHER_LABELS = {"fr": {"MISC", "ORG"}, "en": {"ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC"}}
# Leading words dropped from an entity span ("the Sahel", "la Syrie").
LEADING_DETERMINERS = {"the", "le", "la", "les", "l'", "l", "du", "des", "de", "d'"}

# Words that name regions somewhere ("Central", "Western", "Southern District") but are
# ordinary words when they stand alone in text: never a toponym by themselves.
GENERIC_NAMES = {"central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
                 "capital", "coast", "centre", "center", "island", "river", "lake", "valley", "city", "state",
                 "county", "province", "region", "district", "national", "new", "saint", "port", "mount",
                 "southern district", "northern district", "central district", "south east", "north east",
                 "south west", "north west", "centre", "nord", "sud", "est", "ouest", "union", "federal",
                 "victoria", "george", "mary", "grace", "hope", "liberty", "independence", "media", "police",
                 "university", "court", "lakes", "forest", "park", "reserve", "hills", "mountains", "commonwealth", "atlantic", "pacific", "crescent", "market", "station", "hospital", "airport", "parliament", "congress"}

# News outlets and agencies whose names look like places ("al-Araby", "Alhurra", "Xinhua" is also a
# town in Hunan): never toponyms unless a location cue puts something at them. Outlets named exactly
# like a place they are commonly confused with in conflict news (Al Mayadeen, SANA, Fars) are left out:
# their place reading is the more frequent one in the text we parse.
MEDIA_OUTLETS = {
    "Al Jazeera", "Al Arabiya", "Al-Araby", "Al-Araby al-Jadeed", "Al-Araby Al-Jadid", "The New Arab", "New Arab", "Al-Hurra",
    "Alhurra", "Asharq Al-Awsat", "Al-Monitor", "Al-Masdar", "Al-Akhbar", "Al-Ahram", "Al-Watan", "Al-Quds al-Arabi",
    "Rudaw", "Enab Baladi", "Xinhua", "Interfax", "Anadolu", "TASS", "RIA Novosti", "Sputnik", "Yonhap", "Kyodo",
    "Bernama", "Tasnim", "Al-Sumaria", "Shafaq", "Baladi News", "Orient News", "Step News",
}
