"""The JSON API, over HTTP, against the real app served by uvicorn on a real store."""
from __future__ import annotations

import subprocess
import time

import httpx
import pytest

from web_server import WRITE_TOKEN, dateline_cmd, free_port


@pytest.fixture(scope="module")
def http(api_base):
    with httpx.Client(base_url=api_base, timeout=10) as c:
        yield c


def test_events_page_shape(http):
    r = http.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"events", "total", "limit", "offset"}
    assert body["total"] == 4 and len(body["events"]) == 4
    assert body["limit"] == 100 and body["offset"] == 0
    ev = body["events"][0]
    for key in ("event_id", "article_ids", "event_type", "sub_event_type", "actor1", "actor2", "country",
                "admin1", "location", "latitude", "longitude", "geo_precision", "date_earliest",
                "date_latest", "time_precision", "fatalities", "fatalities_low", "fatalities_high",
                "modality", "sources", "claims", "contradictions", "agreement", "confidence",
                "evidence", "framing"):
        assert key in ev, key


@pytest.mark.parametrize("query, expected", [
    ("country=syria", {"seed-e1", "seed-e2"}),
    ("country=Mali", {"hostile-e1"}),
    ("admin1=Deir ez-Zor", {"seed-e1", "seed-e2"}),
    ("type=Battles", {"hostile-e1"}),
    ("type=Air/drone strike", {"seed-e2"}),
    ("actor=pro-iran", {"seed-e1"}),
    ("source=OSDH", {"seed-e1"}),
    ("modality=foiled", {"seed-e3"}),
    ("since=2023-01-01", {"hostile-e1"}),
    ("until=2022-01-02", {"seed-e1", "seed-e2"}),
    ("since=2022-01-03&until=2022-01-03", {"seed-e1", "seed-e2", "seed-e3"}),
    ("bbox=40,34,41,36", {"seed-e1", "seed-e2"}),
    ("bbox=-10,10,10,25", {"hostile-e1"}),
    ("q=dix explosions", {"seed-e1", "seed-e2", "seed-e3"}),  # the article text matches
    ("q=Kidal", {"hostile-e1"}),
    ("country=Syria&type=Shelling/artillery/missile attack", {"seed-e1"}),
    ("country=Narnia", set()),
])
def test_filters(http, query, expected):
    r = http.get("/api/events?" + query)
    assert r.status_code == 200, r.text
    body = r.json()
    assert {e["event_id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)


def test_paging(http):
    a = http.get("/api/events?limit=2&offset=0").json()
    b = http.get("/api/events?limit=2&offset=2").json()
    assert a["total"] == b["total"] == 4
    ids = [e["event_id"] for e in a["events"] + b["events"]]
    assert len(ids) == len(set(ids)) == 4


def test_limit_is_clamped(http):
    r = http.get("/api/events?limit=100000000")
    assert r.status_code == 200 and r.json()["limit"] == 500


@pytest.mark.parametrize("query, status, words", [
    ("since=not-a-date", 422, "date"),
    ("since=not-a-date&limit=100000000", 422, "date"),
    ("until=2022-13-45", 422, "date"),
    ("since=2022-02-01&until=2022-01-01", 422, "since must be on or before until"),
    ("limit=0", 422, "greater than"),
    ("limit=abc", 422, "integer"),
    ("offset=-1", 422, "greater than"),
    ("offset=99999999999", 422, "less than"),
    ("bbox=1,2,3", 422, "bbox"),
    ("bbox=a,b,c,d", 422, "bbox"),
    ("bbox=10,10,0,0", 422, "minlon"),
    ("bbox=0,0,200,10", 422, "range"),
    ("bbox=nan,0,1,1", 422, "finite"),
    ("q=" + "x" * 201, 422, "200"),
    ("q=a%00b", 422, "control"),
    ("country=%FF%FE", 200, ""),
    ("q=%25%27%22;drop table events;--", 200, ""),
])
def test_bad_parameters_are_4xx_with_a_message(http, query, status, words):
    r = http.get("/api/events?" + query)
    assert r.status_code == status, r.text
    assert words.lower() in r.text.lower()


def test_sql_metacharacters_are_values_not_sql(http):
    r = http.get("/api/events", params={"actor": "' OR 1=1 --", "q": "%_"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert http.get("/api/events").json()["total"] == 4


def test_event_detail(http):
    r = http.get("/api/events/seed-e1")
    assert r.status_code == 200
    ev = r.json()
    assert ev["event_id"] == "seed-e1"
    assert ev["sources"] == ["al-Mayadeen", "OSDH", "al-Araby"]
    assert {c["source"] for c in ev["claims"]} == {"al-Mayadeen", "OSDH", "al-Araby"}
    assert ev["contradictions"][0]["field"] == "munitions"
    assert ev["contradictions"][0]["values"] == {"OSDH": "3 roquettes", "al-Araby": "dix explosions"}
    assert ev["agreement"]["munitions"] == "contradict"
    assert "mentions" in ev
    assert any(s["text"] == "3 roquettes" for s in ev["evidence"])


def test_event_evidence_points_into_article_text(http):
    ev = http.get("/api/events/seed-e1").json()
    art = http.get(f"/api/articles/{ev['article_ids'][0]}").json()
    for s in ev["evidence"] + ev["framing"]:
        assert art["text"][s["start"]:s["end"]] == s["text"]


def test_article(http):
    r = http.get("/api/articles/seed-al-omar")
    assert r.status_code == 200
    art = r.json()
    assert art["article_id"] == "seed-al-omar" and "al-Omar" in art["text"]
    assert art["spans"] and all({"start", "end", "text"} <= set(s) for s in art["spans"])


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/articles/nope", "/api/events/" + "x" * 301,
                                  "/api/events/a%20b", "/api/events/..%2f..%2fetc"])
def test_unknown_ids_are_404(http, path):
    assert http.get(path).status_code in (404, 422)


def test_geojson(http):
    r = http.get("/api/events.geojson")
    assert r.status_code == 200
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 4
    assert len(fc["features"]) == 4
    f = next(f for f in fc["features"] if f["id"] == "seed-e1")
    assert f["geometry"] == {"type": "Point", "coordinates": [40.5, 35.08]}
    assert f["properties"]["event_type"] == "Explosions/Remote violence"
    only_mali = http.get("/api/events.geojson?country=Mali").json()
    assert [f["id"] for f in only_mali["features"]] == ["hostile-e1"]


def test_stats(http):
    st = http.get("/api/stats").json()
    assert st["total"] == 4
    assert st["by_type"]["Explosions/Remote violence"] == 2
    assert st["by_country"]["Syria"] == 2
    assert sum(st["by_week"].values()) == 4 and "2021-W52" in st["by_week"]  # 2022-01-01 is in ISO week 2021-W52
    assert http.get("/api/stats?country=Mali").json()["total"] == 1


def test_openapi_and_docs(http):
    schema = http.get("/openapi.json").json()
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
              "/api/events.geojson", "/api/stats"):
        assert p in schema["paths"], p
    docs = http.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle-" in docs.text
    assert "cdn." not in docs.text  # works offline


def test_page_and_static(http):
    r = http.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    for name in ("leaflet-1.9.4.js", "leaflet-1.9.4.css", "leaflet.markercluster-1.5.3.js",
                 "countries-110m-world-atlas-2.0.2.geojson"):
        assert name in r.text or name.endswith(".geojson")
        assert http.get(f"/static/vendor/{name}").status_code == 200
    assert http.get("/static/dateline.js").status_code == 200
    assert http.get("/events/seed-e1").headers["location"] == "/#event=seed-e1"


def test_writes_refused_without_token_configured(http):
    r = http.post("/api/events/merge", json={"event_ids": ["seed-e1", "seed-e2"]},
                  headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert http.post("/api/events/seed-e1/split", json={"article_ids": ["seed-al-omar"]}).status_code == 403
    assert http.get("/api/events").json()["total"] == 4


def test_write_token(write_base):
    with httpx.Client(base_url=write_base, timeout=10) as c:
        body = {"event_ids": ["seed-e1", "seed-e2"]}
        assert c.post("/api/events/merge", json=body).status_code == 401
        assert c.post("/api/events/merge", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/api/events/merge", json=body, headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
        assert ok.status_code == 200, ok.text
        # The merged-away event's link keeps working: a permanent redirect to the event that absorbed it.
        moved = c.get("/api/events/seed-e2")
        assert moved.status_code == 308 and moved.headers["location"] == "/api/events/seed-e1"
        assert moved.headers["x-dateline-merged"] == "merged"
        followed = c.get("/api/events/seed-e2", follow_redirects=True)
        assert followed.status_code == 200 and followed.json()["event_id"] == "seed-e1"
        assert c.get("/api/events/never-was").status_code == 404
        bad = c.post("/api/events/merge", json={"event_ids": ["one"]},
                     headers={"Authorization": f"Bearer {WRITE_TOKEN}"})
        assert bad.status_code == 422


def test_cli_serve_binds_loopback_by_default(curated_db):
    port = free_port()
    p = subprocess.Popen(dateline_cmd() + ["serve", "--db", str(curated_db), "--port", str(port)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(80):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            pytest.fail("dateline serve did not answer")
        assert r.status_code == 200 and r.json()["total"] == 4
        out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            assert f"127.0.0.1:{port}" in out.stdout and f"0.0.0.0:{port}" not in out.stdout
    finally:
        p.terminate()
        p.wait(10)


def test_cli_serve_refuses_a_missing_database(tmp_path):
    p = subprocess.run(dateline_cmd() + ["serve", "--db", str(tmp_path / "typo.db")],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "no database at" in p.stderr
    assert not (tmp_path / "typo.db").exists()


def test_page_script_never_uses_html_sinks():
    from pathlib import Path
    js = (Path(__file__).resolve().parents[2] / "src/dateline/web/static/dateline.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, sink


def test_security_headers(http):
    h = http.get("/api/events?limit=1").headers
    assert h["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in h["content-security-policy"]
