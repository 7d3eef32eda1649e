"""The strict build passes, is configured to catch faults, and stays private."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from conftest import CONTENT_PAGES, ROOT, assert_build_fails, edit, run_build, sections_of
from sitepipeline.checks.page_rules import built_page
from sitetools.check_privacy import external_assets


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)


def nav_pages(config: dict) -> list[str]:
    """Every page in the nav, in order, with the pages of nav sections in place."""
    def walk(items: list) -> list[str]:
        pages = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            pages += walk(value) if isinstance(value, list) else [value]
        return pages

    return walk(config["nav"])


def test_strict_build_passes_without_warnings(built_site):
    assert built_site.returncode == 0
    assert "WARNING" not in built_site.log, built_site.log


def test_every_nav_page_is_built(built_site):
    for page in nav_pages(mkdocs_config()):
        assert built_page(built_site.site, page).is_file(), f"{page} was not built"


def test_validation_turns_broken_links_and_anchors_into_warnings():
    config = mkdocs_config()
    assert config["strict"] is True
    assert config["validation"] == {"omitted_files": "warn", "absolute_links": "warn",
                                    "unrecognized_links": "warn", "anchors": "warn"}


def test_theme_loads_no_web_fonts():
    assert mkdocs_config()["theme"]["font"] is False


def test_the_build_never_passes_verbose_or_quiet_to_mkdocs():
    # -v turns anchor checking off (MkDocs issue 3991); -q would hide the warnings that fail it.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\t\$\(BIN\)/python -m sitepipeline build ", makefile, re.MULTILINE)
    source = (ROOT / "scripts" / "sitepipeline" / "build.py").read_text(encoding="utf-8")
    commands = re.findall(r'\[sys\.executable, "-m", "mkdocs", "build"[^\]]*\]', source)
    assert len(commands) == 1, commands
    assert '"--strict"' in commands[0]
    assert not re.search(r'"(-v|-q|--verbose|--quiet)"', commands[0]), commands[0]


def test_built_site_loads_nothing_from_other_hosts(built_site):
    assert external_assets(built_site.site) == []


def test_privacy_check_catches_an_external_font_and_script(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/">'
        '<script src="//cdn.example.net/x.js"></script>'
        '<img srcset="a.png 1x, https://img.example.com/b.png 2x">'
        '<div style="background: url(https://example.com/bg.png)"></div>', encoding="utf-8")
    (tmp_path / "extra.css").write_text('@font-face { src: url("https://fonts.gstatic.com/f.woff2"); }',
                                        encoding="utf-8")
    found = external_assets(tmp_path)
    assert len(found) == 5, found
    assert any("index.html: <link href> loads https://fonts.googleapis.com" in line for line in found)
    assert any("index.html: <script src> loads //cdn.example.net/x.js" in line for line in found)
    assert any("extra.css: CSS url() loads https://fonts.gstatic.com/f.woff2" in line for line in found)
    assert not any("example.org" in line for line in found)


def test_an_external_image_fails_the_strict_build(project):
    edit(project / "docs" / "outcomes.md", "## What affects your results",
         "![A chart](https://images.example.com/chart.png)\n\n## What affects your results")
    assert_build_fails(project, "https://images.example.com/chart.png")


def test_no_page_uses_mermaid(built_site):
    # Mermaid is the one external script Material loads on demand (see mkdocs.yml).
    for page in built_site.site.rglob("*.html"):
        assert 'class="mermaid"' not in page.read_text(encoding="utf-8"), page


def test_site_url_defaults_to_a_local_address(built_site):
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/outcomes/</loc>" in sitemap


def test_site_url_comes_from_the_environment(project):
    build = run_build(project, project / "site", SITE_URL="https://clinic.example.org/fusion/")
    assert build.returncode == 0, build.log
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://clinic.example.org/fusion/outcomes/</loc>" in sitemap


def test_every_page_shows_review_date_and_status(built_site):
    for page in nav_pages(mkdocs_config()):
        soup = BeautifulSoup(built_page(built_site.site, page).read_text(encoding="utf-8"), "html.parser")
        status = soup.select_one("aside.review-status")
        assert status is not None, f"{page} shows no review status"
        text = " ".join(status.get_text().split())
        assert re.search(r"Last checked against its sources: \d{1,2} \w+ \d{4}\.", text), text
        assert "No doctor has checked this site yet." in text
        assert "education, not medical advice" in text


def test_home_page_says_education_not_medical_advice(built_site):
    text = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'id="education-not-medical-advice"' in text
    assert "It is not medical advice." in text


def test_content_pages_end_with_their_sources(built_site):
    for page in CONTENT_PAGES:
        first = sections_of(page)[0].lower().replace(" ", "-")
        soup = BeautifulSoup(built_page(built_site.site, page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        headings = [h.get("id") for h in article.find_all("h2")]
        assert headings[0] == first and headings[-1] == "sources", (page, headings)
        assert article.select("ol.sources li"), f"{page} lists no sources"
