"""Finish the built pages, whichever engine built them.

- Each page with a handout gets its "Print handout (PDF)" and "Print summary
  card (PDF)" buttons under its title; the home page gets the booklet's. The list is the schema's handouts.
- Review dates are written out for readers: 2026-11-26 becomes 26 November 2026
  (templates get the date as it is written in the front matter; MiniJinja
  cannot call strftime).
- Material's search dialog gets an accessible name (axe: aria-dialog-name).
- The engine's script starts on the reader's first key, touch, click, scroll or
  mouse move, not at load (start_on_interaction.js says why). A line in the
  head swaps the engine's "no-js" class for "js starting" first, so the page is
  laid out as it will be with the script; with JavaScript off it stays "no-js".

It edits the HTML as text, touching only what it adds, and can run twice.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from html import escape
from pathlib import Path

from sitepipeline.checks.page_rules import built_page, site_folder

HANDOUT_LINK = 'class="handout-link"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = SEARCH_DIALOG[:-1] + ' aria-label="Search this site">'
REVIEW_DATE = re.compile(r'(<time datetime="(\d{4}-\d\d-\d\d)">)\2(</time>)')
FIRST_TITLE_END = re.compile(r"</h1>")
ENGINE_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# Inlined into every page without its comments, so the page does not wait for another file.
STARTER = "\n".join(line for line in Path(__file__).with_name("start_on_interaction.js")
                    .read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))


class FinishError(Exception):
    """A page the schema lists was not built, or has no title to put its button under."""


def buttons(links: list[tuple[str, str]]) -> str:
    items = "".join(f'<a class="md-button" href="{href}">{escape(label)}</a>' for href, label in links)
    return f'<p {HANDOUT_LINK}>{items}</p>'


def add_buttons(html: str, links: list[tuple[str, str]], where: str) -> str:
    if HANDOUT_LINK in html:
        return html
    start = html.find("<article")
    match = FIRST_TITLE_END.search(html, start if start >= 0 else 0)
    if match is None:
        raise FinishError(f"{where}: the built page has no '#' title to put its handout button under. "
                          "Fix: write '# Title' as the first line of the page")
    return html[:match.end()] + buttons(links) + html[match.end():]


def readable_date(match: re.Match) -> str:
    day = dt.date.fromisoformat(match.group(2))
    return f"{match.group(1)}{day.day} {day:%B %Y}{match.group(3)}"


HEAD = "<head>"
JS_STARTING = ('<script>document.documentElement.className = '
               'document.documentElement.className.replace("no-js", "js starting")</script>')


def start_on_interaction(html: str) -> str:
    if not ENGINE_SCRIPT.search(html):
        return html
    html = ENGINE_SCRIPT.sub(lambda match: f'<script data-src="{match.group(1)}">\n{STARTER}</script>', html)
    return html.replace(HEAD, HEAD + JS_STARTING, 1)


def finish(site: Path, handout_pages: list[str], words: dict[str, str], booklet: str = "booklet.pdf",
           handout_folder: str = "handouts") -> int:
    """Finish every built page; return how many were changed. `words` holds the buttons'
    labels (`handouts: words:` in the page schema)."""
    links: dict[Path, list[tuple[str, str]]] = {}
    for page in handout_pages:
        path = built_page(site, page)
        if not path.exists():
            raise FinishError(f"docs/{page}: it has a handout but was not built. Fix: run the build first")
        here = site_folder(page) or "."
        href = posixpath.relpath(f"{handout_folder}/{site_folder(page)}.pdf", here)
        card = posixpath.relpath(f"{handout_folder}/{site_folder(page)}-card.pdf", here)
        links[path] = [(href, words["handout_button"]), (card, words["card_button"])]
    links[site / "index.html"] = [(f"{handout_folder}/{booklet}", words["booklet_button"])]
    changed = 0
    for path in sorted(site.rglob("*.html")):
        html = original = path.read_text(encoding="utf-8")
        if path in links:
            html = add_buttons(html, links[path], path.relative_to(site).as_posix())
        html = REVIEW_DATE.sub(readable_date, html)
        html = html.replace(SEARCH_DIALOG, NAMED_DIALOG)
        html = start_on_interaction(html)
        if html != original:
            path.write_text(html, encoding="utf-8")
            changed += 1
    return changed
