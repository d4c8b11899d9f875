import time

from typer.testing import CliRunner

from dateline.geo import Gazetteer


def _names(results):
    return {(p.name, p.country_code) for p, _, _ in results}


def test_lookup_transliterated_cities(gaz):
    assert ("Al Mayādīn", "SY") in _names(gaz.lookup("al-Mayadine"))
    assert any(p.country_code == "SY" and p.admin1 == "Deir ez-Zor" for p, _, _ in gaz.lookup("al-Boukamal"))
    assert any(p.feature_code == "ADM1" and p.country_code == "SY" for p, _, _ in gaz.lookup("Deir Ezzor"))


def test_countries_in_french_and_english(gaz):
    assert any(p.feature_code == "PCLI" and p.country_code == "IQ" for p, _, _ in gaz.lookup("Irak"))
    assert any(p.feature_code == "PCLI" and p.country_code == "US" for p, _, _ in gaz.lookup("Etats-Unis"))
    assert any(p.feature_code == "PCLI" and p.country_code == "DE" for p, _, _ in gaz.lookup("Allemagne"))


def test_supplement_sites(gaz):
    for name in ("al-Tanf", "al-Hol", "Rukban", "Bab al-Hawa", "Donbas", "Gaza Strip", "Sahel", "Kakuma camp"):
        assert any(src == "supplement" for _, _, src in gaz.lookup(name)), name


def test_fuzzy_is_blocked_and_fast(gaz):
    t = time.perf_counter()
    found = gaz.fuzzy("al-Chahil")
    assert time.perf_counter() - t < 0.5
    assert any(p.name == "Al-Shuhayl" for p, _, _ in found)


def test_reopening_the_index_is_fast(gaz):
    t = time.perf_counter()
    again = Gazetteer.open(gaz.path)
    assert again.count() > 200_000
    assert time.perf_counter() - t < 2.0


ALL_COUNTRIES = (
    "9990001\tQaryat al-Test\tQaryat al-Test\tQaryat at-Test,Karyet Test\t34.5\t40.5\tP\tPPL\tSY\t\t09\t\t\t\t1200\t\t200\tAsia/Damascus\t2024-01-01\n"
    "9990002\tMuhafazat Test\tMuhafazat Test\t\t34.6\t40.6\tA\tADM1\tSY\t\t09\t\t\t\t50000\t\t200\tAsia/Damascus\t2024-01-01\n"
    "9990003\tJabal Test\tJabal Test\t\t34.7\t40.7\tT\tMT\tSY\t\t09\t\t\t\t0\t\t900\tAsia/Damascus\t2024-01-01\n"
)
ALTERNATE_NAMES = (
    "1\t9990001\tfr\tKaryet el-Testa\t\t\t\t\t\t\n"
    "2\t9990003\ten\tMount Testing\t\t\t\t\t\t\n"
    "3\t9990003\tru\tГора Тест\t\t\t\t\t\t\n"
)


def test_import_geonames_dump(tmp_path):
    from dateline.cli import _register, app
    _register()
    dump, alt = tmp_path / "allCountries.txt", tmp_path / "alternateNamesV2.txt"
    dump.write_text(ALL_COUNTRIES, encoding="utf-8")
    alt.write_text(ALTERNATE_NAMES, encoding="utf-8")
    index = tmp_path / "index.sqlite"
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--alternate-names", str(alt),
                                      "--index", str(index), "--bare"])
    assert result.exit_code == 0, result.output
    assert "imported 3" in result.output
    g = Gazetteer(index)
    village = [p for p, _, _ in g.lookup("Karyet el-Testa")]
    assert village and village[0].geonameid == "9990001" and village[0].admin1 == "Muhafazat Test"
    assert [p.feature_class for p, _, _ in g.lookup("Mount Testing")] == ["T"]
    assert g.lookup("al-Tanf")  # the curated supplement is always there


def test_region_short_names(gaz):
    assert any(p.feature_code == "ADM1" and p.country_code == "CN" for p, _, _ in gaz.lookup("Jiangsu"))
    assert any(p.feature_code == "ADM1" and p.country_code == "CN" for p, _, _ in gaz.lookup("Guangxi"))


def test_index_from_another_builder_is_stale(tmp_path):
    import sqlite3
    from dateline.geo.gazetteer import BUILDER_VERSION, builder_id
    assert builder_id().startswith(BUILDER_VERSION + "-")
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(str(path))
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    db.execute("INSERT INTO meta VALUES ('builder', '4')")
    db.commit()
    assert Gazetteer._stale(path)
    db.execute("UPDATE meta SET v=? WHERE k='builder'", (builder_id(),))
    db.commit()
    db.close()
    assert not Gazetteer._stale(path)
