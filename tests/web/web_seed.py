"""A small curated database for the web tests, written through the real store API.

It holds the seed article with three hand-coded events (the al-Omar rocket
attack told by three sources that contradict each other, the US strike on
al-Mayadin, a foiled attack) plus a hostile article whose text carries HTML and
script, to prove the page never runs article content. The pipeline-built
database (`dateline ingest`) is used where it works; this one does not depend
on the analysis stages, so the API contract is testable on its own.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dateline.records import (Article, Claim, Contradiction, DateRange, Event, Place, PlaceRef,
                              Span)

SHARED = Path("/work/shared")
SEED = SHARED / "eval/seed/syria-al-omar-2022-01.txt"

HOSTILE_TEXT = (
    "Clashes erupted near Kidal on 3 March 2023 <img src=x onerror=\"window.__pwned=1\"> "
    "between the army and rebels, killing at least 5 people, according to local sources. "
    "<script>window.__pwned=2</script> The so-called liberation forces denied the toll."
)


def _span(text: str, phrase: str, label: str) -> Span:
    i = text.index(phrase)
    return Span(i, i + len(phrase), phrase, label)


def _place(name, lat, lon, admin1, country="Syria", cc="SY", gid="0") -> Place:
    return Place(geonameid=gid, name=name, latitude=lat, longitude=lon, country=country,
                 country_code=cc, admin1=admin1, feature_class="P")


def seed_article() -> Article:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else (
        "plusieurs roquettes ont été tiré sur un campement US. L’OSDH a rendu compte de 3 roquettes. "
        "dix explosions ont été entendues dans la zone où se trouve la base. l’occupation américaine.")
    a = Article(id="seed-al-omar", text=text, outlet="seed", title="Syrie : roquettes sur al-Omar",
                language="fr", published=date(2022, 1, 1), published_precision="month",
                source_file=str(SEED))
    return a


def seed_events(a: Article) -> list[Event]:
    t = a.text
    rockets = _span(t, "plusieurs roquettes ont été tiré sur un campement US", "trigger")
    osdh = _span(t, "3 roquettes", "claim")
    araby = _span(t, "dix explosions ont été entendues", "claim")
    framing = [(a.id, _span(t, "occupation américaine", "loaded"))]
    if "groupes de résistance" in t:
        framing.append((a.id, _span(t, "groupes de résistance", "loaded")))
    e1 = Event(
        event_id="seed-e1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", article_ids=[a.id],
        actor1="Pro-Iran militias", actor2="US forces",
        place=PlaceRef("gisement al-Omar", 0, 0, _place("Al-Omar oil field", 35.08, 40.5, "Deir ez-Zor"), 2),
        date=DateRange(date(2022, 1, 1), date(2022, 1, 31), 3, "la semaine passée"),
        fatalities=0, fatalities_low=0, fatalities_high=0, weapons=["rocket"], modality="asserted",
        sources=["al-Mayadeen", "OSDH", "al-Araby"],
        claims=[
            Claim("al-Mayadeen", "sources de l'opposition syrienne", {"munitions": "plusieurs roquettes"}, [rockets]),
            Claim("OSDH", None, {"munitions": "3 roquettes", "actor1": "milices pro Iran"}, [osdh]),
            Claim("al-Araby", None, {"munitions": "dix explosions"}, [araby]),
        ],
        contradictions=[Contradiction("munitions", {"OSDH": "3 roquettes", "al-Araby": "dix explosions"})],
        agreement={"munitions": "contradict", "actor1": "single", "location": "agree"},
        evidence=[(a.id, rockets), (a.id, osdh), (a.id, araby)], framing=framing, confidence=0.8,
    )
    strike_phrase = "l’artillerie et les drones de combat américains ont pilonné"
    strike = _span(t, strike_phrase, "trigger") if strike_phrase in t else rockets
    e2 = Event(
        event_id="seed-e2", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        article_ids=[a.id], actor1="US forces",
        place=PlaceRef("al-Mayadine", 0, 0, _place("Al Mayadin", 35.02, 40.45, "Deir ez-Zor"), 1),
        date=DateRange(date(2022, 1, 1), date(2022, 1, 31), 3), fatalities=0, modality="asserted",
        sources=["al-Araby"], claims=[Claim("al-Araby", None, {"fatalities": 0}, [strike])],
        agreement={"fatalities": "single"}, evidence=[(a.id, strike)], confidence=0.6,
    )
    e3 = Event(
        event_id="seed-e3", event_type="Strategic developments", sub_event_type="Disrupted weapons use",
        article_ids=[a.id], actor1="Iraqi security forces",
        place=PlaceRef("Bagdad", 0, 0, _place("Baghdad", 33.34, 44.4, "Baghdad", "Iraq", "IQ"), 1),
        date=DateRange(date(2022, 1, 3), date(2022, 1, 4), 2), modality="foiled",
        sources=["seed"], evidence=[(a.id, rockets)], confidence=0.4,
    )
    return [e1, e2, e3]


def hostile_article() -> Article:
    return Article(id="hostile-kidal", text=HOSTILE_TEXT, outlet="<b>Evil</b> Times",
                   title="<script>alert(1)</script>", language="en", published=date(2023, 3, 4),
                   published_precision="day")


def hostile_events(a: Article) -> list[Event]:
    t = a.text
    trig = _span(t, "Clashes erupted near Kidal", "trigger")
    img = _span(t, "<img src=x onerror=\"window.__pwned=1\">", "evil")
    return [Event(
        event_id="hostile-e1", event_type="Battles", sub_event_type="Armed clash", article_ids=[a.id],
        actor1="<img src=x onerror=alert(1)>", actor2="Rebels",
        place=PlaceRef("Kidal", 0, 0, _place("Kidal", 18.44, 1.41, "Kidal", "Mali", "ML"), 1),
        date=DateRange(date(2023, 3, 3), date(2023, 3, 3), 1), fatalities=5, fatalities_low=5,
        fatalities_high=None, modality="asserted", sources=["local sources", "liberation forces"],
        claims=[Claim("local sources", None, {"fatalities": 5}, [_span(t, "killing at least 5 people", "toll")]),
                Claim("liberation forces", None, {"fatalities": 0}, [])],
        contradictions=[Contradiction("fatalities", {"local sources": 5, "liberation forces": 0})],
        agreement={"fatalities": "contradict"},
        evidence=[(a.id, trig), (a.id, img)], framing=[(a.id, _span(t, "so-called liberation forces", "loaded"))],
        confidence=0.7,
    )]


def build_curated(db_path: Path) -> Path:
    """Write the curated articles and events to a new SQLite store at db_path."""
    from dateline.store import open_store
    store = open_store(str(db_path))
    try:
        for art, make in ((seed_article(), seed_events), (hostile_article(), hostile_events)):
            if store.article_id_for_hash(art.content_hash) is None:
                store.add_article(art)
            store.save_article_events(art, make(art))
    finally:
        store.close()
    return db_path
