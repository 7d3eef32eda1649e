"""The browser's own print (Ctrl+P) gives a clean page: checked in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from conftest import CONTENT_PAGES, sections_of
from sitepipeline.checks.page_rules import site_folder
from sitetools.browser import CHROMIUM, FLAGS
from sitetools.serve_site import serve

CHROMIUM_FLAGS = (*FLAGS, "--no-pdf-header-footer")
SCREEN_ONLY = ("Table of contents", "Print all sections as a booklet (PDF)", "Skip to content",
               "Back to top", "Made with", "Search", "Spinal fusion outcomes\nHome")


def chromium() -> str:
    path = shutil.which(CHROMIUM)
    assert path, "Chromium is missing. Fix: run 'make test', which installs Debian's chromium"
    return path


def print_page(url: str, pdf, profile) -> str:
    subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf}", url],
                   check=True, capture_output=True, timeout=120)
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.fixture(scope="module")
def printed(built_site, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("printed")
    texts = {}
    with serve(built_site.site) as base:
        for page in CONTENT_PAGES:
            url = base + (site_folder(page) + "/").lstrip("/")
            texts[page] = print_page(url, folder / f"{page}.pdf", folder / "profile")
    return texts


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_browser_print_shows_the_content(printed, page):
    text = printed[page]
    assert sections_of(page)[0] in text and "Sources" in text
    assert "Last checked against its sources:" in text


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_browser_print_hides_navigation_and_buttons(printed, page):
    text = printed[page]
    assert [word for word in SCREEN_ONLY if word in text] == []
    if page != "index.md":  # the home page names this button, and lists every page, in its text
        assert "Print handout (PDF)" not in text
        # The site's navigation lists every page; printed, its entries do not show up together.
        assert not ("Recovery stages" in text and "About this site" in text and "Glossary" in text)


def test_the_print_check_sees_navigation_when_it_is_there(site_copy, tmp_path):
    """Without the print stylesheet, the same check finds the navigation."""
    site = site_copy
    (site / "assets" / "stylesheets" / "print.css").write_text("", encoding="utf-8")
    css = site / "assets" / "stylesheets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") +
                   "@media print { .md-sidebar, .md-header { display: block !important; } }",
                   encoding="utf-8")
    with serve(site) as base:
        text = print_page(base + "outcomes/", tmp_path / "out.pdf", tmp_path / "profile")
    assert [word for word in SCREEN_ONLY if word in text] != []
