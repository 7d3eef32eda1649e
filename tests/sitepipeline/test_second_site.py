"""The pipeline is not about spinal fusion: a tiny site on another subject builds with it.

Two pages, its own small includes/ and its own words, built with the same
installed package on both engines, checks first and steps after.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build, run_handouts

FILES = {
    "mkdocs.yml": """\
site_name: Knee care
site_url: https://clinic.example.org/knee/
theme:
  name: material
  custom_dir: overrides
  font: false
strict: true
plugins:
  - search
  - privacy:
      assets_fetch: false
      assets_exclude:
        - unpkg.com/mermaid@*
        - unpkg.com/pyodide@*
        - unpkg.com/ace-builds@*
        - unpkg.com/glightbox@*
        - unpkg.com/resize-observer-polyfill*
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.tasklist
  - sitepipeline.extensions.citations:
      references: includes/references.yml
      no_sources: Nothing on this page comes from a study.
  - sitepipeline.extensions.checklists
  - sitepipeline.extensions.icon_arrays:
      arrays: includes/icon-arrays.yml
      evidence: includes/evidence.yml
  - sitepipeline.extensions.glossary_tooltips:
      glossary: includes/glossary.yml
nav:
  - Home: index.md
  - After knee surgery: after.md
  - References: references.md
""",
    "docs/references.md": """\
---
title: References
description: Every source this site cites.
kind: reference
---

# References

<!-- references -->
""",
    "docs/index.md": """\
---
title: Knee care
description: A tiny test site.
kind: home
---

# Knee care

Rest your knee, then move it a little each day.
{ .main-message }

## What to read

Read [After knee surgery](after.md).
""",
    "docs/after.md": """\
---
title: After knee surgery
description: What to do in the first weeks.
kind: leaflet
---

# After knee surgery

Ice helps the swelling go down.
{ .main-message }

## In short

- Walk a little each day. [@kneeorg]
- [ ] Put ice on your knee.

## Sources
""",
    "includes/page-schema.yml": """\
front_matter:
  title:
    type: text
    help: the page title
  description:
    type: text
    help: one sentence about the page
  kind:
    type: kind
    help: the kind of page
kinds:
  home:
    about: The front page.
    ends_fixed: false
    main_message: true
    sections: [What to read]
  reference:
    about: A look-up page.
    ends_fixed: false
    sections: []
  leaflet:
    about: A one-sheet leaflet.
    ends_fixed: true
    main_message: true
    sections: [In short, Sources]
handouts:
  default_paper: a4
  max_pages: 2
  stylesheets: [leaflet.css]
  words:
    language: en
    booklet_title: Knee care leaflets
    booklet_from: Printed from
    booklet_notice: ""
    contents: In this booklet
    read_online: "Online at:"
    qr_code: QR code for
    notes: Your notes
    handout_button: Print this leaflet
    card_button: Print the one-page summary
    card_sources: Sources are listed on the leaflet and online at
    booklet_button: Print every leaflet
  pages:
    after.md: 1
""",
    "includes/references.yml": """\
kneeorg:
  authors: Example Knee Society
  title: Walking after knee surgery
  source: Example Knee Society
  year: 2024
  url: https://knee.example.org/walking
""",
    "includes/glossary.yml": """\
- term: swelling
  means: a part of the body that gets bigger, often after an injury
""",
    "includes/evidence.yml": "[]\n",
    "includes/icon-arrays.yml": "[]\n",
    "includes/plain-language.yml": "not_figures: []\n",
    "docs/leaflet.css": "@page { margin: 2cm; } body { font-size: 12pt; }\n",
    "overrides/main.html": '{% extends "base.html" %}\n',
}


@pytest.fixture(scope="module")
def knee_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("knee")
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    return project


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_site_on_another_subject_builds_on_both_engines(knee_site, tmp_path, engine):
    project = tmp_path / "project"
    shutil.copytree(knee_site, project)
    build = run_build(project, tmp_path / "site", engine=engine)
    assert build.returncode == 0, build.log
    page = BeautifulSoup((build.site / "after" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    assert article.select_one("sup.cite a")["href"] == "../references/#ref-kneeorg"
    references = BeautifulSoup((build.site / "references" / "index.html").read_text(encoding="utf-8"),
                               "html.parser")
    assert references.select_one("ol.references li")["id"] == "ref-kneeorg"
    assert [li.get_text(" ", strip=True)[:2] for li in article.select("ol.sources li")] == ["1."]
    assert article.select_one("abbr")["title"].startswith("a part of the body")
    assert article.select_one("input[type=checkbox]")["aria-label"] == "Put ice on your knee."
    assert [a.get_text() for a in article.select(".handout-link a")] == ["Print this leaflet",
                                                                         "Print the one-page summary"]
    home = BeautifulSoup((build.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in home.select(".handout-link a")] == ["Print every leaflet"]
    assert "Nothing on this page comes from a study." not in article.get_text()
    assert (build.site / "_headers").exists()
    text = " ".join(page.get_text(" ").split()).lower()
    assert "spinal" not in text and "fusion" not in text


def test_its_handouts_use_its_own_words(knee_site, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(knee_site, project)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    result = run_handouts(project, build.site)
    assert result.returncode == 0, result.stdout + result.stderr
    from pypdf import PdfReader

    booklet = PdfReader(build.site / "handouts" / "booklet.pdf")
    cover = booklet.pages[0].extract_text()
    assert "Knee care leaflets" in cover and "In this booklet" in cover and "spinal" not in cover.lower()
    leaflet = PdfReader(build.site / "handouts" / "after.pdf").pages[0].extract_text()
    assert "Online at:" in leaflet
    card = PdfReader(build.site / "handouts" / "after-card.pdf").pages[0].extract_text()
    assert "Online at:" in card and "spinal" not in card.lower()
