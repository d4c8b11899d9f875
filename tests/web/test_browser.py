"""The page in Debian's chromium (Playwright), against the real app and store.

Screenshots go to tests/web/artifacts/ (gitignored)."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    # Offline by default: any request leaving the loopback server fails the test.
    pg.outside = []
    pg.route("**/*", lambda route: (route.continue_() if route.request.url.startswith("http://127.0.0.1")
                                    else (pg.outside.append(route.request.url), route.abort())))
    yield pg
    ctx.close()


def test_markers_panel_evidence_and_filter(page, page_base, seed_db, artifacts):
    page.goto(page_base + "/")
    page.wait_for_selector(".leaflet-marker-icon", timeout=15000)
    page.wait_for_selector("#list li")
    page.wait_for_selector("#timeline rect.bar")
    assert page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 50  # country outlines
    page.screenshot(path=str(artifacts / "page-map.png"))
    n_before = page.locator("#list li").count()
    assert n_before >= 1

    # a click on a marker opens the event panel with its evidence highlighted
    page.locator(".leaflet-marker-icon").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    page.wait_for_selector("#articles mark.ev", timeout=10000)
    assert page.locator("#panel-body dl.facts").inner_text()
    marks = page.locator("#articles mark.ev")
    assert marks.count() >= 1
    page.screenshot(path=str(artifacts / "page-event.png"), full_page=True)

    # a filter changes the list
    types = page.locator("#f-type option").all_inner_texts()
    assert len(types) >= 2
    status_before = page.inner_text("#status")
    page.select_option("#f-type", index=1)
    page.wait_for_function("(s) => document.querySelector('#status').textContent !== s", arg=status_before)
    page.fill("#f-country", "Narnia")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('0 events')")
    assert page.locator("#list li").count() == 0
    page.click("#f-reset")
    page.wait_for_function("(n) => document.querySelectorAll('#list li').length === n", arg=n_before)
    assert not page.errors, page.errors
    assert not page.outside, page.outside


def test_contradictions_side_by_side(page, api_base, artifacts):
    page.goto(api_base + "/#event=seed-e1")
    page.wait_for_selector("table.claims")
    heads = page.locator("table.claims thead th").all_inner_texts()
    assert any("OSDH" in h for h in heads) and any("al-Araby" in h for h in heads)
    bad = page.locator("table.claims td.contradict").all_inner_texts()
    assert "3 roquettes" in bad and "dix explosions" in bad
    page.wait_for_selector("#articles mark.frame")
    framed = page.locator("#articles mark.frame").all_inner_texts()
    assert any("occupation américaine" in t for t in framed)
    evidence = page.locator("#articles mark.ev").all_inner_texts()
    assert "3 roquettes" in evidence
    page.screenshot(path=str(artifacts / "page-contradictions.png"), full_page=True)


def test_article_text_cannot_inject_script(page, api_base, artifacts):
    page.goto(api_base + "/#event=hostile-e1")
    page.wait_for_selector("#articles mark.ev")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#articles img, #articles script, #panel-body img, #list img").count() == 0
    assert "<img src=x" in page.inner_text("#articles")
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#panel-body dl.facts")
    page.screenshot(path=str(artifacts / "page-hostile.png"), full_page=True)
    assert not page.errors, page.errors


def test_timeline_brush_filters_dates(page, api_base):
    page.goto(api_base + "/")
    page.wait_for_selector("#timeline rect.bar")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    # drag over the first few weeks only (the seed's January 2022, not the 2023 article)
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.05, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('#f-since').value !== ''")
    assert page.input_value("#f-since").startswith("2021-12") or page.input_value("#f-since").startswith("2022")
    page.wait_for_function("() => !document.querySelector('#status').textContent.startsWith('4 events')")
    ids = page.eval_on_selector_all("#list li", "els => els.map(e => e.dataset.id)")
    assert "hostile-e1" not in ids and ids
    page.click("#tl-clear")
    page.wait_for_function("() => document.querySelector('#status').textContent.startsWith('4 events')")


def test_phone_width(browser, api_base, artifacts):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.goto(api_base + "/#event=seed-e1")
    pg.wait_for_selector("table.claims")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page is {width}px wide on a 390px phone"
    pg.screenshot(path=str(artifacts / "page-phone.png"), full_page=True)
    ctx.close()
