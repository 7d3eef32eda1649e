"""MkDocs hook: check every page before the build, then render citations.

The checks themselves live in scripts/ so they also run on their own
(scripts/check_pages.py) and under pytest.
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from check_pages import check_site  # noqa: E402
from glossary import GLOSSARY_MARKER, GLOSSARY_PAGE, glossary_markdown, load_glossary  # noqa: E402
import hosting_files  # noqa: E402
from page_rules import load_schema, site_folder  # noqa: E402
from citations import (REFERENCES_MARKER, REFERENCES_PAGE, load_references,  # noqa: E402
                       references_list, render_markers, sources_list)

SOURCES_HEADING = re.compile(r"^##\s+Sources\s*$", re.MULTILINE)
TASK_ITEM = re.compile(r'(<li class="task-list-item"><label class="task-list-control">'
                       r'<input type="checkbox" disabled)(/?>)(.*?)</li>', re.DOTALL)
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_references: dict = {}
_handouts: dict = {}
_glossary: list = []


def _references_path(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "includes" / "references.yml"


def on_config(config):
    problems = check_site(Path(config.docs_dir), references_path=_references_path(config))
    if problems:
        listing = "\n".join(f"  {problem}" for problem in problems)
        raise PluginError(f"{len(problems)} problem(s) in the pages:\n{listing}")
    _references.clear()
    _references.update(load_references(_references_path(config))[0])
    _handouts.clear()
    _handouts.update(load_schema()["handouts"]["pages"])
    _glossary[:] = load_glossary(Path(config.config_file_path).resolve().parent / "includes" / "glossary.yml")[0]
    return config


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    # The page's heading is its front matter title: one source, and the nav
    # in mkdocs.yml keeps its short labels.
    markdown = f"# {page.meta['title']}\n\n{markdown}"
    # The PDFs are written after the web build by scripts/make_handouts.py.
    if uri in _handouts:
        page.meta["handout"] = f"handouts/{site_folder(uri)}.pdf"
    if page.is_homepage:
        page.meta["booklet"] = "handouts/booklet.pdf"
    markdown, cited = render_markers(markdown, _references, uri)
    if uri == REFERENCES_PAGE:
        markdown = markdown.replace(REFERENCES_MARKER, references_list(_references))
    if SOURCES_HEADING.search(markdown):
        # The schema makes "Sources" the last section, so the list goes at the end.
        markdown = markdown.rstrip() + "\n\n" + sources_list(cited, _references, uri) + "\n"
    if uri == GLOSSARY_PAGE:
        # The marker stays, so the tooltip extension knows to leave this page alone.
        markdown = markdown.replace(GLOSSARY_MARKER, GLOSSARY_MARKER + "\n\n" + glossary_markdown(_glossary))
    # Tooltips on first use come from the sitepipeline.glossary_tooltips extension.
    return markdown


def on_page_content(html, page, config, files):
    # A checklist's boxes are named by their item's text, for screen readers.
    def label(match: re.Match) -> str:
        text = " ".join(re.sub(r"<[^>]+>", "", match.group(3)).split())
        return f'{match.group(1)} aria-label="{escape(text, quote=True)}"{match.group(2)}{match.group(3)}</li>'

    return TASK_ITEM.sub(label, html)


def on_post_page(output, page, config):
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search this site">', 1)


def on_post_template(output, template_name, config):
    # The same for templates rendered without a page, such as 404.html.
    return on_post_page(output, None, config)


def on_post_build(config):
    # _headers (strict Content-Security-Policy) and robots.txt for static hosts.
    hosting_files.write(Path(config.site_dir), config.site_url)
