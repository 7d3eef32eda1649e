"""Every page carries its required front matter and sections; faults get clear errors."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT_PAGES, ROOT, assert_build_fails, edit, problems_in, sections_of
from sitepipeline.checks.page_rules import check_page, load_schema
from sitepipeline.checks.site import check_site



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
    for section in sections_of(page):
        assert any(f"docs/{page}:" in p and f"the required section '## {section}' is missing" in p
                   and f"Fix: add a '## {section}' heading" in p for p in problems), (section, problems)


def test_a_missing_section_fails_the_build_naming_file_and_fix(project):
    edit(project / "docs" / "recovery.md", "## When to get help", "## Getting help")
    assert_build_fails(project, "docs/recovery.md", "the required section '## When to get help' is missing")


def test_sections_out_of_order_are_caught():
    text = ("---\ntitle: T\ndescription: D\nlast_reviewed: 2026-11-24\nkind: section\n---\n"
            "# T\n\nMain.\n{ .main-message }\n\n## Key points\n\n## Sources\n\n## What is not known\n\n"
            "## What you can do\n")
    _, problems = check_page("docs/x.md", text, load_schema())
    assert [str(p) for p in problems] == [
        "docs/x.md:14: the section '## Sources' is out of order. Fix: put the required sections "
        "in this order: Key points, What is not known, What you can do, Sources."]


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
    edit(project / "docs" / "recovery.md", "last_reviewed: 2026-11-25", "last_reviewed: last week")
    problems = problems_in(project)
    assert any("'last_reviewed' is not a date: 'last week'" in p and "2026-11-24" in p for p in problems)


def test_unknown_kind_is_caught(project):
    edit(project / "docs" / "recovery.md", "kind: care-section", "kind: blog")
    problems = problems_in(project)
    assert any("'kind' is 'blog', which is not a known kind" in p and "care-section" in p
               for p in problems)


def test_a_second_title_in_the_page_is_caught(project):
    path = project / "docs" / "outcomes.md"
    line = path.read_text(encoding="utf-8").splitlines().index("## Key points") + 1
    edit(path, "## Key points", "# Results\n\n## Key points")
    problems = problems_in(project)
    assert any(p.startswith(f"docs/outcomes.md:{line}: the page has a second '#' title") and "'##' section" in p
               for p in problems), problems


TITLE = "# Results and success rates"


@pytest.mark.parametrize("new_title, offset, message", [
    # Without it, the first line with text is the main message, one line down.
    ("", 1, "the page does not open with its title. Fix: write '# Results and success rates' as the first "
            "line after the front matter."),
    ("# Results\n", 0, "the title '# Results' is not the front matter title 'Results and success rates'. "
                       "Fix: make the '#' line and 'title:' the same words."),
], ids=["missing", "different"])
def test_a_title_line_missing_or_unlike_the_front_matter_is_caught(project, new_title, offset, message):
    path = project / "docs" / "outcomes.md"
    line = path.read_text(encoding="utf-8").splitlines().index(TITLE) + 1
    edit(path, TITLE + "\n", new_title)
    problems = problems_in(project)
    assert f"docs/outcomes.md:{line + offset}: {message}" in problems, problems


def test_a_page_in_a_folder_inside_docs_is_caught(project):
    (project / "docs" / "more").mkdir()
    (project / "docs" / "outcomes.md").rename(project / "docs" / "more" / "outcomes.md")
    assert any(p.startswith("docs/more/outcomes.md:1: the page is in a folder inside docs/") and
               "move it to docs/outcomes.md" in p for p in problems_in(project))


# The main message, the safety boxes and "What is not known"

SECTION_PAGE = ("---\ntitle: T\ndescription: D\nlast_reviewed: 2026-11-25\nkind: section\n---\n"
                "# T\n\n{message}\n## Key points\n\n- A point.\n\n## What is not known\n\nA gap.\n\n"
                "## What you can do\n\n- A step.\n\n## Sources\n\nThe figures on this page come from these sources.\n")


def section_problems(message: str) -> list[str]:
    _, problems = check_page("docs/x.md", SECTION_PAGE.format(message=message), load_schema())
    return [str(p) for p in problems]


def test_a_page_with_one_main_message_passes():
    assert section_problems("Fusion helps some back problems more than others.\n{ .main-message }\n") == []


def test_a_page_without_a_main_message_is_caught():
    assert section_problems("") == [
        "docs/x.md:10: the page does not open with its main message. Fix: open the page with one short "
        "sentence, the one thing a reader must remember, on its own lines, then the line "
        "'{ .main-message }' directly under it."]


def test_a_main_message_of_two_sentences_is_caught():
    problems = section_problems("Fusion helps some. It does not help all.\n{ .main-message }\n")
    assert problems == ["docs/x.md:9: the main message has 2 sentences. Fix: make it one sentence ending "
                        "with a full stop; put the rest in Key points."]


def test_a_long_main_message_is_caught():
    problems = section_problems(" ".join(["word"] * 31) + ".\n{ .main-message }\n")
    assert any("the main message has 31 words" in p for p in problems), problems


def test_every_content_page_opens_with_its_main_message(built_site):
    for page in CONTENT_PAGES:
        html = (built_site.site / page.removesuffix(".md").removesuffix("index") / "index.html")
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        first = soup.select_one("article h1").find_next_sibling(lambda tag: tag.name != "p" or
                                                                "handout-link" not in tag.get("class", []))
        assert first.name == "p" and "main-message" in first.get("class", []), (page, first)


def test_a_missing_what_is_not_known_section_is_caught(project):
    edit(project / "docs" / "outcomes.md", "## What is not known", "## Gaps")
    assert any("docs/outcomes.md:" in p and "'## What is not known' is missing" in p for p in problems_in(project))


@pytest.mark.parametrize("page", ["recovery.md", "complications.md"])
def test_a_care_page_without_its_emergency_box_is_caught(project, page):
    path = project / "docs" / page
    path.write_text(re.sub(r'!!! danger "Call 911[^"]*"', "!!! note \"Other\"", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    problems = problems_in(project)
    assert any(f"docs/{page}:" in p and "the page has no box for the signs that need the emergency number" in p
               for p in problems), problems


def box_in(text: str, opening: str) -> str:
    """A '!!!' box's Markdown: its opening line, the blank line and its indented list."""
    start = text.index(opening)
    return text[start:text.index("\n\n", text.index("\n\n", start) + 2)]


def test_an_emergency_box_that_leaves_out_a_sign_is_caught(project):
    path = project / "docs" / "recovery.md"
    text = path.read_text(encoding="utf-8")
    box = box_in(text, '!!! danger "Call 911')
    path.write_text(text.replace(box, box.replace("bladder", "b-l-a-d-d-e-r")), encoding="utf-8")
    assert any("docs/recovery.md:" in p and "does not mention: bladder" in p for p in problems_in(project))


def test_a_same_day_box_outside_its_section_is_caught(project):
    path = project / "docs" / "complications.md"
    text = path.read_text(encoding="utf-8")
    box = box_in(text, '!!! warning "Call your care team the same day')
    text = text.replace(box, "").replace("## What you can do", box + "\n\n## What you can do")
    path.write_text(text, encoding="utf-8")
    assert any("docs/complications.md:" in p and "move it into '## When to get help'" in p
               for p in problems_in(project))


def test_the_home_page_shows_the_emergency_box_with_the_key_points(built_site):
    soup = BeautifulSoup((built_site.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one("article .admonition.danger")
    assert box is not None and box.find_previous("h2").get("id") == "key-points"
    text = box.get_text(" ").lower()
    assert all(word in text for word in ("911", "chest pain", "breathing", "legs", "bladder"))
