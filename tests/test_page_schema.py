"""Every page carries its required front matter and sections; faults get clear errors."""

from __future__ import annotations

import re

import pytest

from check_pages import check_site
from conftest import CONTENT_PAGES, ROOT, assert_build_fails, edit, problems_in
from page_rules import check_page, load_schema



def test_every_page_meets_the_schema():
    assert [str(p) for p in check_site(ROOT / "docs")] == []


def test_every_page_in_docs_has_a_known_kind():
    schema = load_schema()
    for path in (ROOT / "docs").rglob("*.md"):
        page, _ = check_page(path.name, path.read_text(encoding="utf-8"), schema)
        assert page.meta["kind"] in schema["kinds"], path


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_removing_every_section_heading_is_caught(project, page):
    path = project / "docs" / page
    path.write_text(re.sub(r"(?m)^## ", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = problems_in(project)
    assert any(f"docs/{page}:" in p and "the required section '## Key points' is missing" in p
               and "Fix: add a '## Key points' heading" in p for p in problems), problems


def test_a_missing_section_fails_the_build_naming_file_and_fix(project):
    edit(project / "docs" / "recovery.md", "## When to call your doctor", "## Getting help")
    assert_build_fails(project, "docs/recovery.md", "the required section '## When to call your doctor' is missing")


def test_sections_out_of_order_are_caught():
    text = ("---\ntitle: T\ndescription: D\nlast_reviewed: 2026-11-24\nkind: care-section\n---\n"
            "## Key points\n\n## Sources\n\n## When to call your doctor\n\n## What you can do\n")
    _, problems = check_page("docs/x.md", text, load_schema())
    assert [str(p) for p in problems] == [
        "docs/x.md:9: the section '## Sources' is out of order. Fix: put the required sections "
        "in this order: Key points, When to call your doctor, What you can do, Sources."]


def test_key_points_must_come_first(project):
    edit(project / "docs" / "outcomes.md", "## Key points", "## Before you read\n\nHello.\n\n## Key points")
    problems = problems_in(project)
    assert any("docs/outcomes.md:" in p and "the first section is '## Before you read'" in p
               and "make '## Key points' the first section" in p for p in problems), problems


def test_sources_must_come_last(project):
    path = project / "docs" / "procedure.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Afterword\n\nMore.\n", encoding="utf-8")
    problems = problems_in(project)
    assert any("docs/procedure.md:" in p and "the last section is '## Afterword'" in p for p in problems)


def test_headings_inside_code_blocks_do_not_count(project):
    path = project / "docs" / "outcomes.md"
    text = path.read_text(encoding="utf-8").replace("## Key points", "```\n## Key points\n```")
    path.write_text(text, encoding="utf-8")
    assert any("'## Key points' is missing" in p for p in problems_in(project))


def test_malformed_front_matter_is_named_with_its_line(project):
    edit(project / "docs" / "outcomes.md", "title: Results and success rates",
         "title: Results: of: spinal fusion\n  bad indent: [")
    problems = problems_in(project)
    assert any(re.match(r"docs/outcomes\.md:\d+: the front matter is not valid YAML", p)
               and "Fix:" in p for p in problems), problems


def test_malformed_front_matter_fails_the_build(project):
    edit(project / "docs" / "glossary.md", "kind: reference", "kind: [reference")
    assert_build_fails(project, "docs/glossary.md", "not valid YAML")


def test_missing_front_matter_is_caught(project):
    path = project / "docs" / "about.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("---", 2)[2], encoding="utf-8")
    problems = problems_in(project)
    assert "docs/about.md:1: the page has no front matter. Fix: start the file with a '---' line" in \
        " ".join(problems)


def test_unclosed_front_matter_is_caught(project):
    path = project / "docs" / "about.md"
    path.write_text("---\ntitle: About\n\n# About\n", encoding="utf-8")
    assert any("docs/about.md:1: the front matter is never closed" in p for p in problems_in(project))


@pytest.mark.parametrize("key", ["title", "description", "last_reviewed", "kind"])
def test_each_required_front_matter_key_is_enforced(project, key):
    path = project / "docs" / "recovery.md"
    path.write_text(re.sub(rf"(?m)^{key}:.*\n", "", path.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    problems = problems_in(project)
    assert any(f"docs/recovery.md:2: the front matter has no '{key}'" in p and f"add '{key}:'" in p
               for p in problems), problems


def test_review_date_must_be_a_date(project):
    edit(project / "docs" / "recovery.md", "last_reviewed: 2026-11-24", "last_reviewed: last week")
    problems = problems_in(project)
    assert any("'last_reviewed' is not a date: 'last week'" in p and "2026-11-24" in p for p in problems)


def test_unknown_kind_is_caught(project):
    edit(project / "docs" / "recovery.md", "kind: care-section", "kind: blog")
    problems = problems_in(project)
    assert any("'kind' is 'blog', which is not a known kind" in p and "care-section" in p
               for p in problems)


def test_a_second_title_in_the_page_is_caught(project):
    edit(project / "docs" / "outcomes.md", "## Key points", "# Results\n\n## Key points")
    problems = problems_in(project)
    assert any(p.startswith("docs/outcomes.md:8: the page has its own '#' title") and "front matter" in p
               for p in problems), problems
