"""Both engines build the same site: MkDocs + Material (the default) and Zensical.

The content pipeline is Markdown extensions and build steps around the engine,
so each page's article must come out the same. What Zensical does its own way
is declared once, below, with the reason; the README's "Engines" section
explains it to maintainers.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_PARTS, ROOT, run_build, run_handouts

# What Zensical 0.0.73 does differently from Material 9.8.1, and why the site accepts it.
DECLARED_DIFFERENCES = {
    "search index": "Zensical writes search.json and Material search/search_index.json; each "
                    "engine's own search script reads its own index, with its own ranking.",
    "data-search-exclude": "Zensical reads the attribute while it builds its search index and then "
                           "removes it from the page; Material leaves it in the HTML.",
    "skip-link target": "Zensical puts an empty <a id=\"__skip\"> at the top of the article for its "
                        "'Skip to content' link; Material links to the content's own wrapper.",
    "theme assets": "Each engine ships its own theme stylesheets and scripts under assets/.",
}


def article_parts(site: Path, page: Path) -> dict:
    """What a reader must get the same from either engine, from one page's article."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert article is not None, f"{page.relative_to(site)} has no article"
    text = lambda tag: " ".join(tag.get_text(" ").split())  # noqa: E731
    return {
        "headings": [(h.name, h.get("id"), text(h)) for h in article.find_all(["h1", "h2", "h3", "h4"])],
        "citations": [(a["href"], text(a)) for a in article.select("sup.cite a")],
        "sources": [text(li) for li in article.select("ol.sources li")],
        "references": [li.get("id") for li in article.select("ol.references li")],
        "tooltips": [(abbr.get("title"), text(abbr)) for abbr in article.find_all("abbr")],
        "icon arrays": [(f.get("id"), [svg.get("aria-label") for svg in f.find_all("svg")])
                        for f in article.select("figure.icon-array")],
        "handout links": [(a["href"], text(a)) for a in article.select(".handout-link a")],
        "main message": [text(p) for p in article.select(".main-message")],
        "checklist labels": [box.get("aria-label") for box in article.select("input[type=checkbox]")],
    }


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    if not Path(sys.executable).with_name("zensical").exists():
        pytest.fail("Zensical is not installed. Fix: run 'make test', which installs "
                    "requirements-zensical.txt")
    project = tmp_path_factory.mktemp("zensical") / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    build = run_build(project, project.parent / "site", engine="zensical")
    assert build.returncode == 0, f"the Zensical build failed:\n{build.log}"
    return build


def test_declared_differences_are_explained_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Engines" in readme
    engines = readme.split("## Engines", 1)[1].split("\n## ", 1)[0]
    for name in DECLARED_DIFFERENCES:
        assert name in engines, f"the README's Engines section does not explain '{name}'"


def test_both_engines_build_the_same_pages(built_site, zensical_site):
    material = sorted(p.relative_to(built_site.site) for p in built_site.site.rglob("index.html"))
    zensical = sorted(p.relative_to(zensical_site.site) for p in zensical_site.site.rglob("index.html"))
    assert material == zensical


def test_each_article_is_the_same_on_both_engines(built_site, zensical_site):
    different = []
    for page in sorted(built_site.site.rglob("index.html")):
        relative = page.relative_to(built_site.site)
        ours, theirs = article_parts(built_site.site, page), article_parts(zensical_site.site,
                                                                            zensical_site.site / relative)
        different += [f"{relative}: {part}" for part in ours if ours[part] != theirs[part]]
    assert different == []


def test_the_comparison_sees_a_missing_citation(built_site, tmp_path):
    broken = tmp_path / "outcomes.html"
    html = (built_site.site / "outcomes" / "index.html").read_text(encoding="utf-8")
    broken.write_text(html.replace('<sup class="cite"', '<sup class="gone"', 1), encoding="utf-8")
    ours = article_parts(built_site.site, built_site.site / "outcomes" / "index.html")
    assert article_parts(tmp_path, broken)["citations"] != ours["citations"]


def test_both_engines_run_the_steps_after_the_build(built_site, zensical_site):
    for site in (built_site.site, zensical_site.site):
        assert (site / "_headers").exists() and (site / "robots.txt").exists()
        home = (site / "index.html").read_text(encoding="utf-8")
        # Material's dialog gets its name after the build; Zensical names it itself ("Search").
        assert re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*aria-label="[^"]+"', home)
        assert "Print all sections as a booklet (PDF)" in home


def test_nothing_but_the_site_is_published(built_site, zensical_site):
    for site in (built_site.site, zensical_site.site):
        published = {path.relative_to(site).parts[0] for path in site.rglob("*")}
        assert not published & {"hooks", "overrides", "includes", "scripts", "main.html"}, published
        assert not list(site.rglob("*.py"))


def test_handouts_build_from_the_zensical_site(zensical_site):
    result = run_handouts(ROOT, zensical_site.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (zensical_site.site / "handouts" / "booklet.pdf").exists()
