"""Glossary tooltips: the first use of each word on a page only, from includes/glossary.yml."""

from __future__ import annotations

from collections import Counter

import markdown
from bs4 import BeautifulSoup

from conftest import ROOT
from sitepipeline.checks.page_rules import built_page
from sitepipeline.glossary import load_glossary

GLOSSARY, _ = load_glossary()
OPTIONS = {"sitepipeline.extensions.glossary_tooltips": {"glossary": str(ROOT / "includes" / "glossary.yml")}}


def convert(text: str) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["sitepipeline.extensions.glossary_tooltips", "md_in_html"],
                             extension_configs=OPTIONS)
    return BeautifulSoup(html, "html.parser")


def meaning(term: str) -> str:
    return next(entry["means"] for entry in GLOSSARY if entry["term"] == term)


def test_only_the_first_use_of_a_word_gets_its_tooltip():
    page = convert("A vertebra is a bone.\n\nEach vertebra heals. The vertebrae join.\n\n- one vertebra")
    tips = page.find_all("abbr")
    assert [(t.get_text(), t["title"]) for t in tips] == [("vertebra", meaning("vertebra"))]
    assert page.find("p").find("abbr") is tips[0]


def test_the_longest_form_wins_and_headings_links_and_code_are_left_alone():
    page = convert("## Bone graft\n\nSee [bone graft](x.md) and `graft`.\n\nA bone graft, then a graft.")
    tips = page.find_all("abbr")
    assert [t.get_text() for t in tips] == ["bone graft"]
    assert tips[0].find_parent("p").get_text() == "A bone graft, then a graft."


def test_several_words_in_one_sentence_each_get_their_first_tooltip():
    page = convert("A brace helps a vertebra, and a brace again, then a bone graft.")
    assert [t.get_text() for t in page.find_all("abbr")] == ["brace", "vertebra", "bone graft"]


def test_the_glossary_page_gets_no_tooltips(built_site):
    glossary = BeautifulSoup(built_page(built_site.site, "glossary.md").read_text(encoding="utf-8"), "html.parser")
    assert not glossary.select("article abbr")


def test_no_built_page_repeats_a_tooltip(built_site):
    for path in sorted((ROOT / "docs").glob("*.md")):
        page = BeautifulSoup(built_page(built_site.site, path.name).read_text(encoding="utf-8"), "html.parser")
        titles = Counter(abbr["title"] for abbr in page.select("article abbr"))
        assert [t for t, n in titles.items() if n > 1] == [], path.name
