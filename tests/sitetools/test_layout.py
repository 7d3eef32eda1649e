"""Phone and wide-screen layout, in headless Chromium at the real widths."""

from __future__ import annotations

import time

import pytest

from conftest import edit
from sitetools.browser import chromium
from sitetools.layout_check import LINE_CHARS, line_chars, phone_problems, sideways_at_double_text
from sitetools.serve_site import built_pages, serve

PHONES = [320, 375, 414]


@pytest.fixture(scope="module")
def served(built_site):
    with serve(built_site.site) as base:
        yield base, built_pages(built_site.site)


@pytest.mark.parametrize("width", PHONES, ids=[f"{w}px" for w in PHONES])
def test_phone_layout_on_every_page(served, width):
    base, pages = served
    found = {}
    with chromium((width, 800)) as driver:
        for page in pages:
            driver.get(base + (page + "/" if page else ""))
            problems = phone_problems(driver)
            driver.execute_script("window.scrollBy(0, 1)")  # the engine's script starts
            time.sleep(0.3)
            problems += [p for p in phone_problems(driver) if p not in problems]
            if problems:
                found[page or "home"] = problems
    assert found == {}


@pytest.mark.parametrize("width", [320, 375], ids=["320px", "375px"])
def test_no_sideways_scroll_with_text_at_200_percent(served, width):
    base, pages = served
    with chromium((width, 800)) as driver:
        over = {}
        for page in pages:
            driver.get(base + (page + "/" if page else ""))
            if sideways_at_double_text(driver) > 0:
                over[page or "home"] = sideways_at_double_text(driver)
    assert over == {}, "px the page scrolls sideways with text at 200%"


@pytest.mark.parametrize("width", [1280, 1600])
def test_lines_hold_60_to_75_characters_on_a_wide_screen(served, width):
    base, pages = served
    low, high = LINE_CHARS
    with chromium((width, 900)) as driver:
        lengths = {}
        for page in pages:
            driver.get(base + (page + "/" if page else ""))
            lengths[page or "home"] = line_chars(driver)
    measured = {page: chars for page, chars in lengths.items() if chars is not None}
    assert len(measured) >= len(pages) - 2, lengths
    assert {page: chars for page, chars in measured.items() if not low <= chars <= high} == {}


def test_the_layout_checks_name_what_is_wrong(site_copy):
    # Styles go in the stylesheet: the site's Content-Security-Policy blocks style="" attributes.
    site = site_copy
    edit(site / "recovery" / "index.html", '<h2 id="key-points"',
         '<div class="too-wide">Too wide</div><p class="handout-link">'
         '<a class="md-button tiny" href="x.pdf">Tiny</a></p><h2 id="key-points"')
    edit(site / "assets" / "stylesheets" / "site.css", "/* Reading comfort",
         ".too-wide { width: 500px; }\n.md-typeset .handout-link .md-button.tiny { padding: 0; min-height: 0; }\n"
         ".md-typeset p { font-size: 14px; }\n.md-typeset .handout-link { margin-top: -80px !important; }\n.md-content__inner.md-typeset { max-width: none !important; }\n"
         "/* Reading comfort")
    with serve(site) as base:
        with chromium((320, 800)) as driver:
            driver.get(base + "recovery/")
            problems = "\n".join(phone_problems(driver))
        with chromium((1600, 900)) as driver:
            driver.get(base + "recovery/")
            chars = line_chars(driver)
    assert "scrolls sideways by" in problems
    assert 'tap target a.md-button tiny "Tiny" is' in problems
    assert "body text is 14px, under 18 px" in problems
    assert "the print buttons sit beside the title, not below it" in problems
    assert chars > LINE_CHARS[1]
