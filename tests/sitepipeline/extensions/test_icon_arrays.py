"""Icon arrays: drawn from the evidence table, with text alternatives, on screen and on paper."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, assert_build_fails, edit
from sitepipeline import strict_yaml
from sitepipeline.checks.page_rules import built_page, load_schema
from sitepipeline.extensions.icon_arrays import (IconArrayError, load_arrays, text_alternative_problems)

OPTIONS = {"arrays": str(ROOT / "includes" / "icon-arrays.yml"),
           "evidence": str(ROOT / "includes" / "evidence.yml")}


def convert(text: str, **options) -> str:
    return markdown.markdown(text, extensions=["sitepipeline.extensions.icon_arrays"],
                             extension_configs={"sitepipeline.extensions.icon_arrays": {**OPTIONS, **options}})


def evidence_rows() -> dict:
    rows, _ = strict_yaml.load(ROOT / "includes" / "evidence.yml", "includes/evidence.yml")
    return {row["id"]: row for row in rows}


def test_an_icon_array_is_drawn_with_its_numbers_in_words():
    html = convert("Before.\n\n!icon-array smoking-bones-not-joined\n\nAfter.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("figure.icon-array figcaption").get_text() == \
        "How many had bones that did not join, by smoking"
    grids = soup.select("figure.icon-array svg")
    labels = [svg["aria-label"] for svg in grids]
    assert labels == ["Kept smoking after surgery: 27 out of 100 had bones that did not join",
                      "Did not smoke: 14 out of 100 had bones that did not join"]
    assert all(svg["role"] == "img" and svg.find("title").get_text() == svg["aria-label"] for svg in grids)
    shown = [" ".join(p.get_text(" ").split()) for p in soup.select(".icon-array-label")]
    assert shown == labels
    assert soup.find_all("p")[0].get_text() == "Before." and soup.find_all("p")[-1].get_text() == "After."
    assert text_alternative_problems(html) == []


def test_the_drawing_fills_exactly_the_count():
    html = convert("!icon-array next-level-surgery-10-years")
    paths = BeautifulSoup(html, "html.parser").select("svg path")
    filled, outlined = paths[0]["d"].count("z") // 2, paths[1]["d"].count("z") // 2
    assert (filled, outlined) == (22, 78)


def test_a_text_alternative_without_the_numbers_is_caught():
    html = convert("!icon-array smoking-bones-not-joined").replace("27 out of 100 had", "some had", 2)
    assert text_alternative_problems(html) == [
        "icon-array-smoking-bones-not-joined: the text alternative does not state the 27 out of 100 the "
        "picture shows. Fix: draw it with !icon-array, which writes it"]
    bare = ('<figure class="icon-array" id="x"><div class="icon-array-group"><p class="icon-array-label">'
            "5 out of 100</p><svg></svg></div></figure>")
    assert "no role=\"img\"" in text_alternative_problems(bare)[0]


def test_a_count_the_evidence_row_does_not_give_is_caught(tmp_path):
    path = tmp_path / "icon-arrays.yml"
    text = (ROOT / "includes" / "icon-arrays.yml").read_text(encoding="utf-8").replace("count: 27", "count: 30")
    path.write_text(text, encoding="utf-8")
    _, problems = load_arrays(path, "includes/icon-arrays.yml", evidence_rows())
    assert any("the icon array 'smoking-bones-not-joined' shows 30 in 100, which its evidence row "
               "'glassman2000-nonunion' does not give" in str(p) for p in problems), problems


def test_an_array_naming_a_missing_row_is_caught(tmp_path):
    path = tmp_path / "icon-arrays.yml"
    path.write_text("- id: x\n  evidence: nobody\n  title: T\n  outcome: O\n  groups:\n"
                    "    - label: L\n      count: 5\n", encoding="utf-8")
    _, problems = load_arrays(path, "includes/icon-arrays.yml", evidence_rows())
    assert [str(p) for p in problems] == [
        "includes/icon-arrays.yml:1: the icon array 'x' names the evidence row 'nobody', which "
        "includes/evidence.yml does not have. Fix: use the id of a row in includes/evidence.yml."]


def test_an_unknown_array_on_a_page_is_named():
    with pytest.raises(IconArrayError, match="the icon array 'no-such-array' is not in includes/icon-arrays.yml"):
        convert("!icon-array no-such-array")


def test_an_unknown_array_stops_the_build(project):
    edit(project / "docs" / "outcomes.md", "## Sources", "!icon-array no-such-array\n\n## Sources")
    assert_build_fails(project, "the icon array 'no-such-array' is not in includes/icon-arrays.yml")


def test_the_site_shows_three_to_five_icon_arrays_each_with_its_numbers(built_site):
    shown = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        html = built_page(built_site.site, path.name).read_text(encoding="utf-8")
        assert text_alternative_problems(html) == [], path.name
        shown += [f["id"] for f in BeautifulSoup(html, "html.parser").select("figure.icon-array")]
    assert 3 <= len(set(shown)) <= 5, shown


def test_icon_arrays_print_in_the_handouts(built_site):
    pages = load_schema()["handouts"]["pages"]
    printed = 0
    for page in pages:
        html = built_page(built_site.site, page).read_text(encoding="utf-8")
        if "icon-array" not in html:
            continue
        text = " ".join(p.extract_text() for p in PdfReader(built_site.site / "handouts" /
                                                            f"{page.removesuffix('.md')}.pdf").pages)
        assert "out of 100" in " ".join(text.split()), page
        printed += 1
    assert printed >= 2
