"""The site as readers meet it, in headless Chromium: accessibility, privacy, keyboard, no JavaScript, weight."""

from __future__ import annotations

import os
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, edit
from sitetools.browser import DESKTOP, PHONE, axe_violations, chromium, console_errors, missing_tools, requested_urls
from sitetools.page_weight import BUDGET, weigh
from sitetools.serve_site import serve

PAGES = [""] + sorted(p.stem + "/" for p in (ROOT / "docs").glob("*.md") if p.stem != "index")
NOT_FOUND = "no-such-page/"  # served with the site's 404 page
FOCUS = """const el = document.activeElement, style = getComputedStyle(el);
return {search: !!el.closest('.md-search'), nav: !!el.closest('.md-nav'),
        article: !!el.closest('article') && !el.closest('.handout-link'),
        handout: !!el.closest('.handout-link'), text: (el.innerText || el.placeholder || '').trim(),
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};"""


def test_browser_tools_are_installed():
    assert missing_tools() == [], "Fix: run 'make test', which installs chromium, chromedriver and axe-core"


@pytest.fixture(scope="module")
def served(built_site):
    with serve(built_site.site) as base:
        yield base


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone-375px", "desktop-1280px"])
def test_no_accessibility_violations_and_no_other_hosts(served, size):
    problems = {}
    with chromium(size) as driver:
        for page in PAGES + [NOT_FOUND]:
            driver.get(served + page)
            violations = axe_violations(driver)
            outside = [url for url in requested_urls(driver)
                       if not url.startswith(served) and not url.startswith(("data:", "blob:"))]
            errors = [e for e in console_errors(driver) if not (page == NOT_FOUND and "404" in e)]
            if violations or outside or errors:
                problems[page or "home"] = {
                    "axe": [(v["id"], v["help"], v["nodes"][0]["target"]) for v in violations],
                    "other hosts": outside, "console errors": errors}
    assert problems == {}


def test_axe_and_network_log_catch_a_faulty_page(site_copy):
    site = site_copy
    edit(site / "outcomes" / "index.html", '<h2 id="key-points"',
         '<img src="../assets/images/spine.svg"><img src="http://tracker.example.com/pixel.gif" alt="">'
         '<h2 id="key-points"')
    with serve(site) as base, chromium(PHONE) as driver:
        driver.get(base + "outcomes/")
        ids = [v["id"] for v in axe_violations(driver)]
        urls = requested_urls(driver)
    assert "image-alt" in ids
    assert "http://tracker.example.com/pixel.gif" in urls


def test_keyboard_reaches_search_navigation_content_and_handout_with_a_visible_ring(served):
    reached = {}
    with chromium(DESKTOP) as driver:
        driver.get(served + "outcomes/")
        for _ in range(80):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            focus = driver.execute_script(FOCUS)
            for part in ("search", "nav", "article", "handout"):
                if focus[part] and part not in reached:
                    reached[part] = focus
            if len(reached) == 4:
                break
    assert sorted(reached) == ["article", "handout", "nav", "search"], reached
    assert [part for part, focus in reached.items() if not focus["ring"]] == []
    assert reached["handout"]["text"] == "Print handout (PDF)"


def test_search_opens_from_the_keyboard(served):
    with chromium(PHONE) as driver:
        driver.get(served)
        time.sleep(0.5)
        ActionChains(driver).send_keys("/").perform()
        ActionChains(driver).send_keys("graft").perform()
        time.sleep(1.0)
        results = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
        assert results, "typing after '/' gave no search results"


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone-375px", "desktop-1280px"])
def test_the_engine_script_starts_on_the_first_touch_and_the_page_looks_the_same(served, size):
    script = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/bundle.')).length"
    state = """const box = el => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
    return {classes: document.documentElement.className,
            search: Math.max(...[...document.querySelectorAll('.md-search__form, .md-header__button[for=__search]')]
                             .map(el => el.getBoundingClientRect().width)),
            title: box(document.querySelector('article h1')), nav: box(document.querySelector('.md-nav--primary'))};"""
    with chromium(size) as driver:
        driver.get(served + "recovery/")
        time.sleep(1.0)
        before = driver.execute_script(state)
        assert driver.execute_script(script) == 0, "the engine's script should wait for the reader"
        assert before["classes"].split() == ["js", "starting"]
        ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "article h1")).click().perform()
        deadline = time.monotonic() + 10
        while "starting" in driver.execute_script(state)["classes"] and time.monotonic() < deadline:
            time.sleep(0.2)
        after = driver.execute_script(state)
        assert driver.execute_script(script) == 1
        assert "js" in after["classes"].split() and "starting" not in after["classes"]
        assert console_errors(driver) == []
    assert before["search"] > 0, "the search box or button shows before the script starts"
    assert before["title"] == after["title"], "the page must not move when the script starts"


@pytest.mark.parametrize("size, link, title", [
    (DESKTOP, '.md-nav--primary a[href="../recovery/"]', "Recovery stages"),
    (PHONE, "a.md-footer__link--next", "Risks and complications")], ids=["sidebar", "next-link"])
def test_pages_read_and_navigate_without_javascript(served, size, link, title):
    with chromium(size, javascript=False) as driver:
        driver.get(served + "outcomes/")
        assert driver.execute_script("return document.documentElement.classList.contains('no-js')")
        heading = driver.find_element(By.CSS_SELECTOR, "article h1")
        assert heading.is_displayed() and heading.text == "Results and success rates"
        assert driver.find_element(By.CSS_SELECTOR, "#key-points + ul").is_displayed()
        target = driver.find_element(By.CSS_SELECTOR, link)
        driver.execute_script("arguments[0].scrollIntoView()", target)
        target.click()
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text == title


def test_first_visit_to_every_page_is_under_the_weight_budget(built_site):
    heavy = [(w.page, w.total, w.files[:3]) for w in weigh(built_site.site) if w.total > BUDGET]
    assert heavy == [], f"pages over {BUDGET // 1024} KB compressed, with their largest files"


def test_the_weight_check_names_a_heavy_page(site_copy):
    site = site_copy
    (site / "assets" / "images" / "heavy.png").write_bytes(os.urandom(120 * 1024))
    edit(site / "glossary" / "index.html", "</body>", '<img src="../assets/images/heavy.png" alt="x"></body>')
    weights = {w.page: w for w in weigh(site, ["glossary", "outcomes"])}
    assert weights["glossary"].total > BUDGET
    assert weights["glossary"].files[0][0] == "assets/images/heavy.png"
    assert weights["outcomes"].total <= BUDGET


def test_the_search_index_loads_only_when_the_reader_goes_to_search(served):
    def index_requests(driver) -> int:
        return driver.execute_script("return performance.getEntriesByType('resource')"
                                     ".filter(e => e.name.includes('search_index.json')).length")

    with chromium(PHONE) as driver:
        driver.get(served + "recovery/")
        time.sleep(1.5)
        assert index_requests(driver) == 0, "a first visit should not fetch the search index"
        ActionChains(driver).send_keys("/").perform()
        deadline = time.monotonic() + 10
        while index_requests(driver) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert index_requests(driver) == 1, "going to search should fetch the index once"
