"""The one-page summary cards, one per handout page, made from the same built page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sitepipeline.checks.page_rules import load_schema, site_folder as slug
from sitepipeline.steps import handouts
from sitepipeline.steps.cards import card_html, make_card
from sitepipeline.steps.handouts import HandoutError, read_section, stylesheets

HANDOUTS = load_schema()["handouts"]["pages"]
ARTICLE = """<article class="md-content__inner"><div class="page-kind-section"><h1 id="t">Title</h1>
<p class="main-message">The one thing to know.</p>
<h2 id="key-points">Key points</h2><ul><li>First point.<sup class="cite"><a href="#s1">1</a></sup></li></ul>
<figure><img src="x.svg" alt="A picture"></figure>
<div class="fill-in"><p>Write here</p></div>
<h2 id="when-to-get-help">When to get help</h2><p>Long text left out.</p>
<div class="admonition danger"><p class="admonition-title">Call 911</p><p>Chest pain</p></div>
<h2 id="what-you-can-do">What you can do</h2><ul><li>Walk each day.</li></ul>
<h2 id="sources">Sources</h2><ol class="sources"><li>A source</li></ol></div>
<aside class="review-status"><p>Last checked: 26 November 2026.</p></aside></article>"""


def section(article: str = ARTICLE) -> handouts.Section:
    soup = BeautifulSoup(article, "html.parser")
    return handouts.Section("docs/page.md", "page", None, 1, "https://example.org/page/", "Title",
                            soup.select_one("article"))


def test_a_card_holds_the_summary_and_leaves_the_rest_out():
    html = card_html(section())
    for kept in ("The one thing to know.", "Key points", "First point.", "Call 911", "Chest pain",
                 "What you can do", "Walk each day.", "Last checked: 26 November 2026.",
                 "https://example.org/page/", "are in the full handout and online at"):
        assert kept in html, kept
    for left_out in ("Long text left out.", "A source", "Write here", "<figure", "When to get help"):
        assert left_out not in html, left_out
    # A page without citations still says where its pictures and fill-in cards are.
    assert "are in the full handout" in card_html(section(ARTICLE.replace('<sup class="cite">', '<sup>')))


@pytest.mark.parametrize("page", HANDOUTS)
def test_every_handout_page_has_a_one_page_card(built_site, page):
    card = built_site.site / "handouts" / f"{slug(page)}-card.pdf"
    reader = PdfReader(card)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert f"Read this page online: http://127.0.0.1:8000/{slug(page)}/" in text
    assert "Last checked against its sources:" in text and "not medical advice" in text
    html = (built_site.site / slug(page) / "index.html").read_text(encoding="utf-8")
    assert f'href="../handouts/{slug(page)}-card.pdf">Print summary card (PDF)</a>' in html


def test_a_card_over_one_page_fails_naming_the_page(built_site, tmp_path):
    long = read_section(built_site.site, "recovery.md", 1)
    points = long.article.find("h2", id="key-points").find_next_sibling("ul")
    for number in range(60):
        points.append(BeautifulSoup(f"<li>An extra point, number {number}.</li>", "html.parser"))
    with pytest.raises(HandoutError, match=r"docs/recovery\.md: the summary card is [2-9] pages, "
                                            r"over its limit of 1\. Fix: shorten"):
        make_card(long, stylesheets(built_site.site, "letter"), tmp_path)
