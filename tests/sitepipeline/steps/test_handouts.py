"""The PDF handouts: one per section and a booklet, made from the built pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, edit, problems_in, run_handouts, sections_of
from sitepipeline.checks.page_rules import load_schema, site_folder as slug, split_front_matter
from sitepipeline.steps.handouts import loopback_warning, make_all, site_address

SCHEMA = load_schema()
HANDOUTS = SCHEMA["handouts"]["pages"]
ARTIFACTS = ROOT / "test-artifacts" / "handouts"
TITLE_POINTS = 20  # a section's title in print.css
NAVIGATION = ("Table of contents", "Print handout", "Skip to content", "Back to top", "Search",
              "Made with", "How this site is reviewed")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def front_matter(page: str) -> dict:
    parsed, _ = split_front_matter(page, (ROOT / "docs" / page).read_text(encoding="utf-8"))
    return parsed.meta


def text_sizes(path: Path) -> Counter:
    """Characters of body text per font size in points.

    A section's Sources list is reference material, set smaller on purpose, and on a
    well-sourced page it can be longer than the text; it runs from its heading to the
    next section's title, so it is left out.
    """
    sizes: Counter = Counter()
    in_sources = False

    def visit(text, cm, tm, font, size):
        nonlocal in_sources
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            points = round(size * scale, 1)
            if text.strip() == "Sources":
                in_sources = True
            elif points >= TITLE_POINTS:
                in_sources = False
            if not in_sources:
                sizes[points] += len(text.strip())

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_build_writes_every_handout_and_the_booklet(built_site):
    for page in HANDOUTS:
        assert (built_site.site / "handouts" / f"{slug(page)}.pdf").is_file(), page
    assert (built_site.site / "handouts" / "booklet.pdf").is_file()
    assert f"handout 1/{len(HANDOUTS)}: " in built_site.log
    assert f"{len(HANDOUTS)} handouts, {len(HANDOUTS)} summary cards and 1 booklet written in" in built_site.log


def test_every_section_in_the_schema_has_a_handout():
    sections = [path.name for path in (ROOT / "docs").glob("*.md")
                if front_matter(path.name)["kind"] in ("section", "care-section", "decision", "questions")]
    assert sorted(sections) == sorted(HANDOUTS)


@pytest.mark.parametrize("page", HANDOUTS)
def test_handout_fits_its_limit_on_letter(built_site, page):
    pages = len(PdfReader(built_site.site / "handouts" / f"{slug(page)}.pdf").pages)
    assert 1 <= pages <= HANDOUTS[page] <= SCHEMA["handouts"]["max_pages"]


def test_handouts_fit_their_limits_on_a4(built_site, tmp_path):
    results = make_all(built_site.site, "a4", tmp_path, echo=lambda line: None)
    assert len(results) == 2 * len(HANDOUTS) + 1
    for page, result in zip(HANDOUTS, results[:len(HANDOUTS)], strict=True):
        assert result.name == f"{slug(page)}.pdf"
        assert len(PdfReader(tmp_path / result.name).pages) == result.pages <= HANDOUTS[page]
    for page, card in zip(HANDOUTS, results[len(HANDOUTS):-1], strict=True):
        assert card.name == f"{slug(page)}-card.pdf"
        assert len(PdfReader(tmp_path / card.name).pages) == card.pages == 1, "a summary card is one page on A4"


@pytest.mark.parametrize("page", HANDOUTS)
def test_handout_has_title_sections_review_date_and_address(built_site, page):
    meta = front_matter(page)
    text = pdf_text(built_site.site / "handouts" / f"{slug(page)}.pdf")
    flat = " ".join(text.split())
    assert meta["title"] in flat
    sections = sections_of(page)
    for section in sections:
        assert section in text, f"{page}: the handout has no '{section}'"
    assert text.index(sections[0]) < text.index("Sources")
    assert f"Last checked against its sources: {meta['last_reviewed'].strftime('%-d %B %Y')}" in flat
    assert f"Read this page online: http://127.0.0.1:8000/{slug(page)}/" in flat
    pages = len(PdfReader(built_site.site / "handouts" / f"{slug(page)}.pdf").pages)
    assert f"Page 1 of {pages}" in flat


@pytest.mark.parametrize("page", HANDOUTS)
def test_handout_has_no_navigation(built_site, page):
    text = pdf_text(built_site.site / "handouts" / f"{slug(page)}.pdf")
    assert [word for word in NAVIGATION if word in text] == []


@pytest.mark.parametrize("name", [f"{slug(p)}.pdf" for p in HANDOUTS] + ["booklet.pdf"])
def test_fonts_are_embedded_and_body_text_is_12pt(built_site, name):
    reader = PdfReader(built_site.site / "handouts" / name)
    for number, page in enumerate(reader.pages, start=1):
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font)["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                f"{name} page {number}: {font['/BaseFont']} is not embedded"
            assert "Atkinson-Hyperlegible" in font["/BaseFont"]
    size, _ = text_sizes(built_site.site / "handouts" / name).most_common(1)[0]
    assert size >= 12


def test_booklet_has_cover_contents_and_every_section(built_site):
    reader = PdfReader(built_site.site / "handouts" / "booklet.pdf")
    cover, contents = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Spinal fusion: a guide for patients" in cover and "not medical advice" in cover
    assert "Contents" in contents
    text = pdf_text(built_site.site / "handouts" / "booklet.pdf")
    positions = [text.index(front_matter(page)["title"], 200) for page in HANDOUTS]
    assert positions == sorted(positions), "the sections are not in reading order"
    for page in HANDOUTS:
        # The contents line gives the page number where the section starts.
        title = front_matter(page)["title"]
        line = next(line for line in contents.splitlines() if line.startswith(title))
        number = int(line.rstrip().split()[-1])
        assert title in reader.pages[number - 1].extract_text(), (title, number)


def test_booklet_pages_are_the_handout_pages_numbered_in_the_booklet(built_site):
    booklet = PdfReader(built_site.site / "handouts" / "booklet.pdf")
    handouts = [PdfReader(built_site.site / "handouts" / f"{slug(page)}.pdf") for page in HANDOUTS]
    front = len(booklet.pages) - sum(len(handout.pages) for handout in handouts)
    assert front == 2, "the booklet should be a cover, a contents page, then the handouts"
    number = front
    for page, handout in zip(HANDOUTS, handouts):
        for handout_page in handout.pages:
            number += 1
            text = booklet.pages[number - 1].extract_text()
            label = f"Booklet page {number} of {len(booklet.pages)}\n"
            assert label in text, (page, number)
            assert text.replace(label, "") == handout_page.extract_text(), (page, number)


def test_booklet_embeds_each_font_once(built_site):
    booklet = PdfReader(built_site.site / "handouts" / "booklet.pdf")
    files = {}
    for page in booklet.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font)["/FontDescriptor"].get_object()
            embedded = next(descriptor.raw_get(key) for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor)
            files.setdefault(font["/BaseFont"].split("+")[-1], set()).add(embedded.idnum)
    assert files and all(len(ids) == 1 for ids in files.values()), files


def test_booklet_contents_link_to_each_section_and_bookmark_it(built_site):
    booklet = PdfReader(built_site.site / "handouts" / "booklet.pdf")
    contents = booklet.pages[1]
    named = booklet.named_destinations
    targets = {booklet.get_page_number(named[link.get_object()["/Dest"]].page) + 1
               for link in contents.get("/Annots", [])}
    starts = {int(line.rstrip().split()[-1]) for line in contents.extract_text().splitlines()
              if any(line.startswith(front_matter(page)["title"]) for page in HANDOUTS)}
    assert targets == starts and len(starts) == len(HANDOUTS)
    bookmarks = [item["/Title"] for item in booklet.outline if not isinstance(item, list)]
    assert bookmarks == [front_matter(page)["title"] for page in HANDOUTS]


def test_a_handout_over_its_limit_fails_naming_page_and_count(built_site, project):
    site = project / "site"
    shutil.copytree(built_site.site, site)
    edit(project / "includes" / "page-schema.yml", "    procedure.md: 4", "    procedure.md: 1")
    result = run_handouts(project, site)
    assert result.returncode == 1
    assert re.search(r"docs/procedure\.md: the handout is [2-4] pages, over its limit of 1\.", result.stderr)
    assert "Fix: shorten the page" in result.stderr


def test_a_limit_above_four_pages_is_refused(project):
    edit(project / "includes" / "page-schema.yml", "    complications.md: 4", "    complications.md: 6")
    problems = problems_in(project)
    assert any(p.startswith("includes/page-schema.yml:") and "'complications.md' is 6" in p
               and "from 1 to 4" in p for p in problems), problems


def test_a_handout_for_a_missing_page_is_refused(project):
    edit(project / "includes" / "page-schema.yml", "    procedure.md: 4", "    results.md: 4")
    assert any("the handout page 'results.md' is not in docs/" in p for p in problems_in(project))


def test_every_handout_page_links_to_its_pdf(built_site):
    for page in HANDOUTS:
        html = (built_site.site / slug(page) / "index.html").read_text(encoding="utf-8")
        assert f'href="../handouts/{slug(page)}.pdf">Print handout (PDF)</a>' in html, page
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="handouts/booklet.pdf">Print all sections as a booklet (PDF)</a>' in home


def test_page_one_of_each_handout_as_png_for_a_look(built_site):
    """Writes test-artifacts/handouts/*.png (handouts, summary cards, booklet): look at them
    before changing print styles."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in [slug(p) for p in HANDOUTS] + [f"{slug(p)}-card" for p in HANDOUTS] + ["booklet"]:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(built_site.site / "handouts" / f"{name}.pdf"), str(ARTIFACTS / name)],
                       check=True, timeout=60)
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("page", HANDOUTS)
def test_a_handouts_source_numbers_match_its_citation_markers(built_site, page):
    html = BeautifulSoup((built_site.site / slug(page) / "index.html").read_text(encoding="utf-8"), "html.parser")
    cited = {int(a.get_text()) for a in html.select("article sup.cite a")}
    listed = {int(span.get_text().rstrip(".")) for span in html.select("article ol.sources .source-number")}
    assert cited and cited == listed, page
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(built_site.site / "handouts" / f"{slug(page)}.pdf")
                             .pages).split())
    sources = text.split("Sources", 1)[-1]
    for number in cited:
        assert re.search(rf"(?<!\d){number}\. \w", sources), f"{page}: source {number} is not numbered {number}."


def test_a_local_address_is_warned_about_once_naming_site_url(built_site, tmp_path):
    # The test build has no SITE_URL, so its pages carry http://127.0.0.1:8000/.
    assert built_site.log.count("warning: the handouts print the address http://127.0.0.1:8000/") == 1
    assert "Fix: set SITE_URL to the published address" in built_site.log
    published = tmp_path / "site"
    published.mkdir()
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    (published / "index.html").write_text(home.replace("http://127.0.0.1:8000/", "https://clinic.example.org/"),
                                          encoding="utf-8")
    assert loopback_warning(site_address(published)) == ""
