"""Hand-built records for the store's unit tests (no pipeline involved)."""
from __future__ import annotations

from datetime import date

from dateline.records import Article, Claim, DateRange, Event, Mention, Place, PlaceRef, SourceRef, Span


def make_article(aid: str, text: str = None, **kw) -> Article:
    text = text or f"Article {aid}: rockets hit a base near Deir ez-Zor, according to the SOHR."
    return Article(id=aid, text=text, **kw)


def make_event(eid: str, article_id: str, *, country="Syria", admin1="Deir ez-Zor", lat=35.0, lon=40.5,
               day=date(2022, 1, 5), etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
               sources=("SOHR",), actor1="Islamic State", modality="asserted", fatalities=None) -> Event:
    place = PlaceRef(text="Deir ez-Zor", start=0, end=11,
                     place=Place("170794", "Deir ez-Zor", lat, lon, country, "SY", admin1), geo_precision=1) \
        if lat is not None else None
    ev = Span(10, 30, "rockets hit a base", "trigger")
    m = Mention(article_id=article_id, event_type=etype, sub_event_type=sub, trigger=ev, sentence=ev,
                evidence=[ev], attribution=[SourceRef(name=s, kind="monitor/NGO") for s in sources])
    return Event(event_id=eid, event_type=etype, sub_event_type=sub, mentions=[m], article_ids=[article_id],
                 actor1=actor1, place=place, date=DateRange(day, day, 1, "mardi"), fatalities=fatalities,
                 weapons=["rockets"], modality=modality, sources=list(sources),
                 claims=[Claim(source=s, says={"munitions": "3 rockets"}, evidence=[ev]) for s in sources],
                 agreement={"fatalities": "single"}, evidence=[(article_id, ev)], confidence=0.8)
