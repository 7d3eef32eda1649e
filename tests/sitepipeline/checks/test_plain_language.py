"""Plain language you can measure: reading level, explained words, cited figures, reader tools."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import CONTENT_PAGES, ROOT, assert_build_fails, edit, problems_in, sections_of
from sitepipeline.checks.page_rules import built_page
from sitepipeline.checks.plain_language import (FIGURES, article, load_config, measure, prose,
                            uncited_figures, unexplained_key_words, unexplained_words)
from sitepipeline.checks.syllables import syllables
from sitepipeline.glossary import forms, load_glossary
from sitetools.reading_level import gate, report, stale

# The suite's verdict must not change with the calendar: review ages are
# measured from this fixed day, not from today.
TODAY = dt.date(2026, 11, 26)
CONFIG = load_config()
GLOSSARY, _ = load_glossary()
MEASURED = [p.name for p in sorted((ROOT / "docs").glob("*.md"))
            if p.name not in CONFIG["reading_level"]["not_measured"]]


def built(site, page: str) -> str:
    return built_page(site, page).read_text(encoding="utf-8")


# Reading level

def test_every_page_and_the_site_mean_pass_the_grade_gate(built_site):
    reports = report(built_site.site, ROOT / "docs", CONFIG, TODAY)
    assert [r.source for r in reports] == [f"docs/{p}" for p in MEASURED]
    assert gate(reports, CONFIG) == []


def test_the_grade_gate_names_page_grade_and_longest_sentences(site_copy):
    site = site_copy
    hard = ("<p>Postoperative rehabilitation necessitates comprehensive multidisciplinary "
            "coordination encompassing physiotherapeutic intervention, pharmacological "
            "optimisation, psychological accommodation of persistent symptomatology, occupational "
            "reintegration considerations and longitudinal radiographical surveillance "
            "methodologies throughout the consolidation interval.</p>") * 12
    edit(site / "outcomes" / "index.html", '<h2 id="key-points"', hard + '<h2 id="key-points"')
    failures = gate(report(site, ROOT / "docs", CONFIG, TODAY), CONFIG)
    outcomes = [f for f in failures if f.startswith("docs/outcomes.md: grade ")]
    assert outcomes, failures
    assert "is over 7.0" in outcomes[0] and "Longest sentences: (1) Postoperative" in outcomes[0]
    assert "(3)" in outcomes[0]
    smog = [f for f in failures if f.startswith("docs/outcomes.md: SMOG ")]
    assert smog and "is over 7.0. Most used words of 3 or more syllables: " in smog[0], failures
    assert "accommodation (12)" in smog[0] and "Fix: use shorter words" in smog[0]


def test_the_smog_gate_uses_dictionary_syllables():
    assert [syllables(w) for w in ("surgery", "medicine", "laminectomy", "vertebrae", "non-union")] == [3, 3, 5, 3, 3]
    assert syllables("spondylolisthesis", CONFIG["syllable_counts"]) == 6
    assert syllables("zorbleflax") == 3  # no list has it: vowel groups
    text = "Surgery can help. Medicine can help too. You may heal."
    assert measure(text).smog > measure(text).textstat_smog


def test_a_site_mean_smog_over_its_limit_fails(built_site):
    strict = {**CONFIG, "reading_level": {**CONFIG["reading_level"], "max_site_mean_smog": 3.0}}
    failures = gate(report(built_site.site, ROOT / "docs", CONFIG, TODAY), strict)
    assert any(f.startswith("site mean SMOG ") and "is over 3.0" in f for f in failures), failures


def test_measured_text_leaves_out_sources_navigation_and_code():
    html = ('<nav>Menu item</nav><article><h1>Title</h1><p>One short line.</p><pre>code here</pre>'
            '<h2 id="sources">Sources</h2><ol class="sources"><li>Cited paper title</li></ol></article>')
    text = prose(article(html))
    assert text == "Title. One short line."
    assert measure(text).words == 4


def test_headings_list_items_and_cells_count_as_sentences():
    html = "<article><h2>Key points</h2><ul><li>First item</li><li>Second item</li></ul>" \
           "<table><tr><td>A cell</td></tr></table></article>"
    assert prose(article(html)) == "Key points. First item. Second item. A cell."


# Figures are cited, and risks are also given in words

@pytest.mark.parametrize("page", MEASURED)
def test_every_figure_is_cited_in_its_sentence_or_paragraph(built_site, page):
    body = article(built(built_site.site, page), keep_citations=True)
    assert uncited_figures(body, CONFIG["unsourced_claims"]) == [], \
        f"docs/{page}: these sentences give a figure with no citation"


def test_an_uncited_figure_is_named():
    body = article("<article><p>Most people go home after 3 days. They rest.</p>"
                   "<ul><li>About 30% get an infection.</li>"
                   "<li>About 1 in 4 do well <sup class='cite'>[1]</sup>.</li></ul></article>",
                   keep_citations=True)
    assert uncited_figures(body) == ["Most people go home after 3 days.", "About 30% get an infection."]


@pytest.mark.parametrize("text", ["It takes 6 months.", "It takes 6 to 12 months.", "About 2.9% a year.",
                                  "Three in 4 went back.", "By about a year.", "For a few days."])
def test_figures_are_recognised(text):
    assert FIGURES.search(text)


@pytest.mark.parametrize("text", ["Walk several times a day.", "Rate pain from 0 to 10.",
                                  "One of the small bones.", "Recovery takes months."])
def test_plain_words_are_not_taken_for_figures(text):
    assert not FIGURES.search(text)


def test_every_percentage_is_also_given_in_words(built_site):
    for page in MEASURED:
        for element in article(built(built_site.site, page), keep_citations=True).find_all(["p", "li"]):
            text = " ".join(element.get_text(" ").split())
            if re.search(r"\d\s?%", text):
                assert re.search(r"\b\w+ in (?:every )?\d+\b|\bout of \d+", text), \
                    f"docs/{page}: give the risk in words too, like 'about 1 in 10': {text}"


# Medical words are explained

@pytest.mark.parametrize("page", MEASURED)
def test_medical_words_used_on_a_page_are_in_the_glossary(built_site, page):
    text = prose(article(built(built_site.site, page)))
    assert unexplained_words(text, CONFIG["medical_words"], GLOSSARY) == [], \
        f"docs/{page} uses medical words the glossary does not explain"


def test_an_unexplained_medical_word_is_caught():
    text = "You may need a discectomy. Your vertebrae heal."
    glossary = [{"term": "vertebra", "forms": ["vertebrae"]}]
    assert unexplained_words(text, ["discectomy", "vertebrae"], glossary) == ["discectomy"]


def test_glossary_page_and_tooltips_come_from_one_source(built_site):
    glossary = BeautifulSoup(built(built_site.site, "glossary.md"), "html.parser")
    terms = [" ".join(dt_.get_text(" ").split()).lower() for dt_ in glossary.select("article dt")]
    assert terms == sorted(entry["term"].lower() for entry in GLOSSARY)
    outcomes = BeautifulSoup(built(built_site.site, "outcomes.md"), "html.parser")
    tooltips = {abbr.get_text(): abbr["title"] for abbr in outcomes.select("article abbr")}
    entry = next(e for e in GLOSSARY if e["term"] == "spondylolisthesis")
    assert tooltips["spondylolisthesis"] == entry["means"]
    assert not glossary.select("article abbr"), "the Glossary page should not tooltip itself"


def test_glossary_lists_everyday_names(built_site):
    text = BeautifulSoup(built(built_site.site, "glossary.md"), "html.parser").get_text(" ")
    assert "Also called: failed fusion, bones not joining, pseudarthrosis." in " ".join(text.split())


def test_every_glossary_form_gets_a_capitalised_tooltip_too():
    assert forms({"term": "vertebra", "forms": ["vertebrae"]}) == ["vertebra", "vertebrae", "Vertebra", "Vertebrae"]


def test_a_missing_glossary_fails_the_build(project):
    (project / "includes" / "glossary.yml").unlink()
    assert_build_fails(project, "includes/glossary.yml", "the glossary is missing")


def test_a_word_in_two_glossary_entries_is_caught(project):
    edit(project / "includes" / "glossary.yml", "  forms: [fractures]", "  forms: [fractures, disc]")
    assert any("'disc' is in two entries" in p for p in problems_in(project))


def test_a_glossary_entry_without_a_meaning_is_caught(project):
    path = project / "includes" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- term: kyphosis\n", encoding="utf-8")
    assert any(p.startswith("includes/glossary.yml:") and "needs a 'term' and what it 'means'" in p
               for p in problems_in(project))


# Tools for the reader

def test_lists_have_seven_items_or_fewer(built_site):
    for page in MEASURED:
        if page == "glossary.md":
            continue
        for listing in article(built(built_site.site, page)).find_all(["ul", "ol"]):
            items = listing.find_all("li", recursive=False)
            assert len(items) <= 7, f"docs/{page}: a list of {len(items)} items: {items[0].get_text()[:60]}"


@pytest.mark.parametrize("page", [p for p in CONTENT_PAGES if "What you can do" in sections_of(p)])
def test_what_you_can_do_is_a_list_of_steps(built_site, page):
    body = BeautifulSoup(built(built_site.site, page), "html.parser")
    heading = body.find("h2", id="what-you-can-do")
    assert heading is not None and heading.find_next_sibling().name == "ul", page


@pytest.mark.parametrize("page, heading", [("conclusions.md", "questions-to-ask-your-surgeon"),
                                           ("procedure.md", "getting-ready-for-surgery")])
def test_checklists_print_as_boxes_to_tick(built_site, page, heading):
    body = BeautifulSoup(built(built_site.site, page), "html.parser")
    section = body.find("h2", id=heading)
    checklist = section.find_next("ul", class_="task-list")
    assert checklist is not None and len(checklist.select("li.task-list-item")) >= 5


def test_illustrations_are_local_svg_with_alt_text_and_caption(built_site):
    images = sorted(p.name for p in (ROOT / "docs" / "assets" / "images").glob("*"))
    assert all(name.endswith(".svg") for name in images), images
    used = []
    for page in MEASURED:
        for figure in BeautifulSoup(built(built_site.site, page), "html.parser").select(
                "article figure:not(.icon-array)"):
            image = figure.find("img")
            assert re.fullmatch(r"(\.\./)?assets/images/[\w-]+\.svg", image["src"]), image["src"]
            assert len(image.get("alt", "")) > 40, image
            assert figure.find("figcaption").get_text(strip=True)
            used.append(image["src"].rsplit("/", 1)[1])
    assert sorted(set(used)) == images, "every drawing is used, and every drawing used is in docs/assets/images"
    for name in images:
        svg = (ROOT / "docs" / "assets" / "images" / name).read_text(encoding="utf-8")
        assert "<title" in svg and "<desc" in svg and "http://www.w3.org/2000/svg" in svg
        assert not re.search(r"(?:href|src)=\"https?:", svg)


# Trust: review dates

def test_no_page_review_is_out_of_date_on_the_fixed_day(built_site):
    assert stale(report(built_site.site, ROOT / "docs", CONFIG, TODAY)) == []


def test_an_old_review_is_flagged_and_blocks_publishing(built_site):
    later = TODAY + dt.timedelta(days=CONFIG["review"]["max_age_days"] + 1)
    flagged = stale(report(built_site.site, ROOT / "docs", CONFIG, later))
    assert [r.source for r in flagged] == [f"docs/{p}" for p in MEASURED]
    result = subprocess.run([sys.executable, "-m", "sitetools", "reading-level", str(built_site.site),
                             "--fail-on-stale-review", "--today", later.isoformat(),
                             "--output", str(built_site.site.parent / "rl.md")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/outcomes.md: last reviewed 2026-11-25, more than 365 days before" in result.stdout


def test_report_prints_and_writes_the_table(built_site, tmp_path):
    output = tmp_path / "reading-level.md"
    result = subprocess.run([sys.executable, "-m", "sitetools", "reading-level", str(built_site.site),
                             "--fail-on-grade", "--fail-on-stale-review", "--today", TODAY.isoformat(),
                             "--output", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "| Page | FK grade | SMOG (dictionary) | SMOG (textstat) | Reading ease | Words |" in result.stdout
    assert "| **Site mean** |" in output.read_text(encoding="utf-8")


def test_publishing_checks_review_dates_before_upload():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") + step.get("uses", "") for step in steps]
    check = next(i for i, run in enumerate(runs) if "sitetools reading-level" in run and "--fail-on-stale-review" in run)
    upload = next(i for i, run in enumerate(runs) if "upload-pages-artifact" in run)
    assert check < upload


@pytest.mark.parametrize("page", [p for p in MEASURED if p != "glossary.md"])
def test_key_words_are_explained_on_every_page_that_uses_them(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8").split("## Sources")[0]
    assert unexplained_key_words(text, CONFIG["explain_on_each_page"]) == [], \
        f"docs/{page} uses these words without explaining them in its own text"


def test_a_page_that_uses_a_key_word_without_explaining_it_is_caught():
    words = CONFIG["explain_on_each_page"]
    assert unexplained_key_words("Fusing more levels makes it less likely to join.", words) == ["level"]
    assert unexplained_key_words("See [the risks](complications.md#non-union).", words) == []
    assert unexplained_key_words("A level is one joint: two bones and the\ndisc between them. Fuse 2 levels.",
                                 words) == []
