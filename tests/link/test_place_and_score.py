"""Linking: place compatibility, sub-type agreement and coarse-place candidate search (no model needed)."""
from dateline.link import place
from dateline.link.linker import MemoryIndex
from dateline.link.score import blocked, features, params


def _report(rid, **kw):
    r = {"event_id": rid, "article_ids": [rid], "event_type": "Battles", "sub_event_type": "Armed clash",
         "date_earliest": "2022-06-13", "date_latest": "2022-06-13", "geo_precision": 1}
    r.update(kw)
    return r


DOUENTZA = dict(location="Douentza", country="Mali", admin1="Mopti", latitude=15.006, longitude=-2.952)
BURKINA = dict(location="Burkina Faso", country="Burkina Faso", admin1=None, latitude=12.5, longitude=-1.67,
               geo_precision=3)
MALI = dict(location="Mali", country="Mali", admin1=None, latitude=17.0, longitude=-4.0, geo_precision=3)
KIEV_REGION = dict(location="Kiev", country="Ukraine", admin1="Kiev", latitude=50.45, longitude=30.79,
                   geo_precision=3)
LVIV = dict(location="Lviv", country="Ukraine", admin1="L'viv", latitude=49.84, longitude=24.03)
KAYAH = dict(location="Kayah", country="Myanmar", admin1="Kayah", latitude=19.61, longitude=97.18, geo_precision=3)
LOIKAW = dict(location="Loikaw", country="Myanmar", admin1="Kayah", latitude=19.68, longitude=97.21)


def test_levels():
    assert place.level(_report("a", **DOUENTZA)) == place.POINT
    assert place.level(_report("a", **MALI)) == place.COUNTRY
    assert place.level(_report("a", **KAYAH)) == place.ADMIN1
    assert place.level(_report("a", location="West Africa", latitude=12.0, longitude=-3.0, geo_precision=3)) \
        == place.NOWHERE
    assert place.level(_report("a")) == place.NOWHERE


def test_country_level_place_is_compatible_with_a_town_in_it_or_across_a_land_border():
    town = _report("a", **DOUENTZA)
    assert blocked(town, _report("b", **MALI)) is None
    assert blocked(town, _report("b", **BURKINA)) is None  # "near the border with Burkina Faso"
    across = features(town, _report("b", **BURKINA), None)["place"]
    inside = features(town, _report("b", **MALI), None)["place"]
    assert across < inside
    far = _report("b", location="Iraq", country="Iraq", latitude=33.0, longitude=44.0, geo_precision=3)
    assert blocked(town, far) == "country"


def test_two_country_level_places_in_neighbouring_countries_stay_apart():
    assert blocked(_report("a", **MALI), _report("b", **BURKINA)) == "country"


def test_region_and_town_in_another_far_region_are_apart():
    assert blocked(_report("a", **KIEV_REGION), _report("b", **LVIV)) == "place"


def test_region_containing_the_town_agrees_strongly():
    f = features(_report("a", **KAYAH), _report("b", **LOIKAW), None)
    assert f["place"] >= float(params()["coarse_admin1_score"])


def test_two_towns_far_apart_are_apart():
    other = dict(location="Mopti", country="Mali", admin1="Mopti", latitude=14.49, longitude=-4.2)
    assert blocked(_report("a", **DOUENTZA), _report("b", **other)) == "place"


def test_related_subtypes_score_as_partial_agreement():
    drone = _report("a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", **DOUENTZA)
    downed = _report("b", event_type="Strategic developments", sub_event_type="Disrupted weapons use", **DOUENTZA)
    clash = _report("c", **DOUENTZA)
    assert features(drone, downed, None)["subtype"] == float(params()["related_subtype_score"])
    assert features(drone, clash, None)["subtype"] == float(params()["other_subtype_score"])
    assert features(clash, clash, None)["subtype"] == 1.0


def test_memory_index_finds_a_country_level_report_far_from_its_centre_point():
    index = MemoryIndex()
    country = _report("b", **MALI)  # Mali's centre point is ~250 km from Douentza
    index.assign(country, "b")
    found = [r["event_id"] for r in index.candidates(_report("a", **DOUENTZA))]
    assert found == ["b"]
    index.assign(_report("a", **DOUENTZA), "a")
    assert "a" in [r["event_id"] for r in index.candidates(_report("c", **MALI))]


def test_memory_index_still_blocks_far_towns():
    index = MemoryIndex()
    index.assign(_report("b", location="Gao", country="Mali", latitude=16.27, longitude=-0.04), "b")
    assert index.candidates(_report("a", **DOUENTZA)) == []
