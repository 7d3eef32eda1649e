"""The evidence table: every figure a page states is backed by its source's own words."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, assert_build_fails, edit, problems_in
from sitepipeline.checks.evidence import ANALYSES, check_figures, figures_in, load_evidence
from sitepipeline.checks.plain_language import load_config, not_figure_patterns
from sitepipeline.checks.site import check_site
from sitepipeline.citations import load_references

REFERENCES, _ = load_references()
NOT_FIGURES = not_figure_patterns(load_config())


def rows_for(text: str, tmp_path):
    path = tmp_path / "evidence.yml"
    path.write_text(text, encoding="utf-8")
    return load_evidence(path, "includes/evidence.yml", REFERENCES)


ROW = """- id: glassman2000-test
  source: glassman2000
  figures: ["27 = 26.5", "14 = 14.2", "357"]
  quote: the nonunion rate was 14.2% for nonsmokers and 26.5% for patients who continued to smoke (357 patients)
  where: abstract
  population: adults after lower back fusion
  follow_up: 1 year
  analysis: observational study
  checked: 2026-11-25
"""


def test_the_evidence_table_loads_and_every_row_is_complete():
    rows, problems = load_evidence(ROOT / "includes" / "evidence.yml", "includes/evidence.yml", REFERENCES)
    assert problems == []
    flat = [row for group in rows.values() for row in group]
    assert len(flat) >= 20
    assert {row.source for row in flat} <= set(REFERENCES)


def test_every_figure_on_every_page_is_in_the_evidence_table():
    problems = [str(p) for p in check_site(ROOT / "docs") if "figure" in p.message]
    assert problems == []


def test_a_figure_no_source_supports_names_page_sentence_and_figure(project):
    edit(project / "docs" / "outcomes.md", "## Sources",
         "Bones did not join in 45 in 100 people who kept smoking. [@glassman2000]\n\n## Sources")
    problems = problems_in(project)
    assert any(p.startswith("docs/outcomes.md:") and "the figure 45 in \"Bones did not join in 45 in 100 "
               "people who kept smoking.\" is in no evidence row of its sources (glassman2000)" in p
               and "Fix: correct the figure, or add it to a row of includes/evidence.yml" in p
               for p in problems), problems


def test_a_figure_with_no_citation_is_named(project):
    edit(project / "docs" / "outcomes.md", "## Sources", "Most people go home after 3 days.\n\n## Sources")
    problems = problems_in(project)
    assert any(p.startswith("docs/outcomes.md:") and 'the figure 3 in "Most people go home after 3 days." '
               "has no citation" in p for p in problems), problems


def test_an_unsupported_figure_stops_the_build(project):
    edit(project / "docs" / "recovery.md", "## Sources",
         "Most people stay 9 days. [@mayo-spinal-fusion]\n\n## Sources")
    assert_build_fails(project, "docs/recovery.md", "the figure 9", "is in no evidence row")


def test_a_rounded_figure_and_the_source_number_are_both_checked(tmp_path):
    rows, problems = rows_for(ROW, tmp_path)
    assert problems == []
    body = "Bones did not join in 27 in 100 people who kept smoking. [@glassman2000]\n"
    assert check_figures("docs/x.md", body, 1, rows, NOT_FIGURES) == []
    wrong = "Bones did not join in 26 in 100 people who kept smoking. [@glassman2000]\n"
    assert [p.message for p in check_figures("docs/x.md", wrong, 1, rows, NOT_FIGURES)] == [
        'the figure 26 in "Bones did not join in 26 in 100 people who kept smoking." is in no evidence '
        "row of its sources (glassman2000)"]


def test_a_figure_backed_only_by_an_uncited_source_is_caught(tmp_path):
    rows, _ = rows_for(ROW, tmp_path)
    body = "Bones did not join in 27 in 100 people who kept smoking. [@chun2015]\n"
    assert len(check_figures("docs/x.md", body, 1, rows, NOT_FIGURES)) == 1


def test_a_row_whose_quote_does_not_hold_its_figure_is_caught(tmp_path):
    _, problems = rows_for(ROW.replace('"357"', '"358"'), tmp_path)
    assert [str(p) for p in problems] == [
        "includes/evidence.yml:1: the row 'glassman2000-test' gives the figure 358 as '358', which its "
        "quote does not contain. Fix: quote the source's own words that hold this figure, or correct it."]


@pytest.mark.parametrize("change, message", [
    (("  where: abstract\n", ""), "the row 'glassman2000-test' has no 'where'"),
    (("  where: abstract\n", "  where: abstract\n  page: 3\n"), "the row 'glassman2000-test' has unknown fields: page"),
    (("source: glassman2000", "source: nobody2099"), "names the source 'nobody2099', which is not in"),
    (("checked: 2026-11-25", "checked: last week"), "'checked' of the row 'glassman2000-test' should be a date"),
    (("analysis: observational study", "analysis: a good study"), "has the analysis 'a good study'"),
    (("  where: abstract\n", "  where: abstract\n  where: results\n"), "the key 'where' appears twice"),
])
def test_a_broken_row_is_named_with_its_line_and_fix(tmp_path, change, message):
    _, problems = rows_for(ROW.replace(*change), tmp_path)
    assert any(message in str(p) and str(p).startswith("includes/evidence.yml:") and "Fix:" in str(p)
               for p in problems), problems


def test_every_row_names_a_known_kind_of_analysis():
    text = (ROOT / "includes" / "evidence.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"^  analysis: (.+)$", text, re.MULTILINE))
    assert used and used <= set(ANALYSES)


@pytest.mark.parametrize("text, figures", [
    ("About 27 in 100 people, and 14 out of 100 others.", ["27", "14"]),
    ("Call 911 now. In a 2016 trial, at Stage 2.", []),
    ("It ranged from 1,000 to 3,216,187 people, or 2.5 a year.", ["1000", "3216187", "2.5"]),
    ("Rate your pain from 0 to 10. Call 1-800-QUIT-NOW.", []),
])
def test_what_counts_as_a_figure(text, figures):
    assert figures_in(text, NOT_FIGURES) == figures


def test_an_unsourced_claim_passes_only_word_for_word(tmp_path):
    rows, _ = rows_for(ROW, tmp_path)
    claim = "Some pages say 70 to 90 in 100 people feel much better."
    body = claim + " We found no reliable source for that.\n"
    assert check_figures("docs/x.md", body, 1, rows, NOT_FIGURES, {claim}) == []
    changed = body.replace("70 to 90", "60 to 90")
    assert len(check_figures("docs/x.md", changed, 1, rows, NOT_FIGURES, {claim})) == 2
