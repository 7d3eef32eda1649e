"""Tools a reader acts with: the decision aid, fill-in cards, help resources, and the About page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from sitepipeline.checks.page_rules import built_page

FILL_INS = {
    "recovery.md": "My care team's phone numbers",
    "complications.md": "My care team's phone numbers",
    "long-term-outcomes.md": "My surgery record",
    "what-is-spinal-fusion.md": "My back problem and what I have tried",
}


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup(built_page(site, page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page, title", FILL_INS.items())
def test_fill_in_cards_have_labelled_fields(built_site, page, title):
    cards = [card for card in soup(built_site.site, page).select("article .fill-in")
             if title in card.get_text(" ")]
    assert cards, f"docs/{page} has no fill-in card '{title}'"
    fields = cards[0].find_all("input")
    assert len(fields) >= 3
    for field in fields:
        label = field.find_parent("label")
        assert label is not None and label.get_text(strip=True), f"docs/{page}: a field without a label"


def test_the_decision_aid_sets_the_options_side_by_side(built_site):
    page = soup(built_site.site, "conclusions.md")
    heading = page.find("h2", id="your-options-side-by-side")
    table = heading.find_next("table")
    assert table is not None and table.find_previous("h2") is heading
    columns = [th.get_text(" ", strip=True).lower() for th in table.select("thead th")]
    assert len(columns) >= 4
    options = " ".join(tr.find("td").get_text(" ").lower() for tr in table.select("tbody tr"))
    for option in ("exercise", "fusion", "wait"):
        assert option in options, f"the options table has no row for '{option}'"
    assert len(table.select("tbody tr")) >= 4


def test_the_decision_aid_has_a_values_exercise_and_says_what_is_not_known(built_site):
    page = soup(built_site.site, "conclusions.md")
    values = page.find("h2", id="what-matters-most-to-you")
    boxes = [li for li in values.find_all_next("li", class_="task-list-item")
             if li.find_previous("h2") is values]
    assert len(boxes) >= 4, "the values exercise needs boxes to tick"
    assert page.find("h2", id="what-is-not-known") is not None


def test_help_resources_are_the_checked_ones(built_site):
    text = " ".join(soup(built_site.site, "index.md").select_one("article").get_text(" ").split())
    assert "1-800-QUIT-NOW" in text and "988" in text
    links = [a["href"] for a in soup(built_site.site, "index.md").select("article a[href^='https://decisionaid']")]
    assert "https://decisionaid.ohri.ca/decguide.html" in links


def test_about_names_owner_licence_contact_and_review_status(built_site):
    text = " ".join(soup(built_site.site, "about.md").select_one("article").get_text(" ").split())
    for phrase in ("Spinal Fusion Outcomes project", "CC BY 4.0", "No doctor has checked this site yet",
                   "Open an issue", "no ties"):
        assert phrase in text, phrase


def test_the_report_link_appears_only_when_the_tracker_is_known(built_site, tmp_path):
    assert "Report a mistake" not in built_page(built_site.site, "outcomes.md").read_text(encoding="utf-8")
    build = run_build(ROOT, tmp_path / "site", REPORT_URL="https://example.org/fusion/issues")
    assert build.returncode == 0, build.log
    page = soup(build.site, "outcomes.md")
    link = page.find("a", string="Report a mistake")
    assert link is not None and link["href"] == "https://example.org/fusion/issues"
