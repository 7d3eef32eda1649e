#!/usr/bin/env python3
"""Make the printable PDF handouts from the built site.

Run it alone, after the web build:
    .venv/bin/python -m sitepipeline handouts site            # US Letter, the default
    .venv/bin/python -m sitepipeline handouts site --paper a4

For every page listed under "handouts" in includes/page-schema.yml it writes
site/handouts/<slug>.pdf, and site/handouts/booklet.pdf: a cover, a table of
contents, then every handout in reading order, each of its pages also numbered
as a page of the booklet. The text comes from the built HTML pages, so a
handout never holds a second copy of any sentence, and the styling comes from
the site's one print stylesheet.

A handout longer than its page limit stops the script with an error that
names the page and its page count.

For speed, the handouts are laid out in two processes (the test machines have
two cores). The booklet lays each section out again with its booklet page
numbers and writes every page as one document (WeasyPrint's Document.copy), so
each font is embedded once, not once per section.
"""

from __future__ import annotations

import argparse
import base64
import copy
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlparse

import segno
from bs4 import BeautifulSoup
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from sitepipeline.checks.page_rules import built_page, load_schema, site_folder

STYLESHEETS = ("assets/stylesheets/fonts.css", "assets/stylesheets/print.css")
PAPER = {"letter": "letter", "a4": "A4"}
# The words come from `handouts: words:` in the page schema; these stand in where it is silent.
WORDS = {
    "language": "en",
    "booklet_title": "Printed sections",
    "booklet_from": "Printed sections from",
    "booklet_notice": "",
    "contents": "Contents",
    "read_online": "Read this page online:",
    "qr_code": "QR code for",
    "notes": "Notes",
    "handout_button": "Print handout (PDF)",
    "booklet_button": "Print all sections as a booklet (PDF)",
    "booklet_page": "Booklet page",
    "of": "of",
    "card_button": "Print summary card (PDF)",
    "card_sources": "This card is a short summary. The pictures, fill-in cards and sources it mentions are in the full handout and online at",
}
_WORDS: dict[str, str] = dict(WORDS)  # set before the worker processes fork, so they share it


def words(schema: dict) -> dict[str, str]:
    return {**WORDS, **((schema.get("handouts") or {}).get("words") or {})}


WORKERS = 2


class HandoutError(Exception):
    pass


@dataclass
class Section:
    source: str      # docs/<page>.md
    slug: str        # the page's folder in the site
    path: Path       # its built HTML, the base for relative addresses
    limit: int
    url: str         # the page's full web address
    title: str
    article: BeautifulSoup


@dataclass
class Result:
    name: str
    pages: int
    seconds: float
    title: str = ""  # a handout's page title and web address, for the booklet
    url: str = ""
    notes: bool = False  # whether its notes box fitted


def built_section(site: Path, page: str) -> Path:
    path = built_page(site, page)
    if not path.is_file():
        raise HandoutError(f"docs/{page}: the built page {path} is missing. "
                           "Fix: run the web build (mkdocs build) before the handouts")
    return path


def read_section(site: Path, page: str, limit: int) -> Section:
    slug = site_folder(page)
    path = built_section(site, page)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    canonical = soup.find("link", rel="canonical")
    if canonical is None:
        raise HandoutError(f"docs/{page}: the built page has no web address. Fix: set site_url")
    article = soup.select_one("article.md-content__inner")
    for element in article.select(".headerlink, .md-content__button, .handout-link, script"):
        element.decompose()
    url = canonical["href"]
    for link in article.find_all("a", href=True):
        # Links in a PDF must work from anywhere: make them full web addresses.
        if not urlparse(link["href"]).scheme:
            link["href"] = urljoin(url, link["href"])
    for image in article.find_all("img", src=True):
        image["src"] = (path.parent / image["src"]).resolve().as_uri() \
            if not urlparse(image["src"]).scheme else image["src"]
    title = article.find("h1").get_text(" ", strip=True)
    return Section(f"docs/{page}", slug, path, limit, url, title, article)


def qr_code(url: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, border=0)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def header(section: Section, heading, anchor: str = "") -> str:
    """The title, with the page's full web address and a QR code for it beside it."""
    # The table sits in a block: a table alone cannot span the columns of a two-column page.
    anchor = f' id="{anchor}"' if anchor else ""
    return (f'<div class="handout-top"{anchor}><table class="handout-head"><tr><td>{heading}'
            f'<p class="handout-address">{escape(_WORDS["read_online"])} {section.url}</p></td>'
            f'<td class="handout-qr"><img src="{qr_code(section.url)}" '
            f'alt="{escape(_WORDS["qr_code"])} {section.url}"></td></tr></table></div>')


def section_html(section: Section, notes: bool, anchor: str = "") -> str:
    article = copy.copy(section.article)
    heading = article.find("h1")
    heading.replace_with(BeautifulSoup(header(section, str(heading), anchor), "html.parser"))
    body = article.decode_contents()
    if notes:
        body += f'<section class="handout-notes"><h2>{escape(_WORDS["notes"])}</h2></section>'
    return body


def document(title: str, body: str, html_class: str = "") -> str:
    return (f'<!doctype html><html lang="{_WORDS["language"]}" class="{html_class}"><head><meta charset="utf-8">'
            f'<title>{title}</title></head><body class="handout"><div class="md-typeset">{body}'
            "</div></body></html>")


FONTS = FontConfiguration()  # @font-face rules need one shared configuration


def stylesheets(site: Path, paper: str, names: list[str] | None = None) -> list[CSS]:
    """The site's own print stylesheets (`handouts: stylesheets:` in the schema), then the paper."""
    sheets = []
    for sheet in names or STYLESHEETS:
        if not (site / sheet).exists():
            raise HandoutError(f"{site / sheet}: the print stylesheet is not in the built site. Fix: put it "
                               "in docs/, or list the site's own under 'handouts: stylesheets:' in the schema")
        sheets.append(CSS(filename=str(site / sheet), font_config=FONTS))
    sheets.append(CSS(string=f"@page {{ size: {PAPER[paper]}; }}", font_config=FONTS))
    return sheets


def render(html: str, base: Path, sheets: list[CSS]):
    return HTML(string=html, base_url=str(base)).render(stylesheets=sheets, font_config=FONTS)


def lay_out(section: Section, sheets: list[CSS], notes: bool, anchor: str = ""):
    return render(document(section.title, section_html(section, notes, anchor)), section.path, sheets)


def make_handout(section: Section, sheets: list[CSS], out: Path) -> Result:
    start = time.perf_counter()
    # Room for the clinician's notes where it fits; never at the cost of the limit.
    notes = True
    rendered = lay_out(section, sheets, notes)
    if len(rendered.pages) > section.limit:
        notes = False
        rendered = lay_out(section, sheets, notes)
    if len(rendered.pages) > section.limit:
        raise HandoutError(
            f"{section.source}: the handout is {len(rendered.pages)} pages, over its limit of "
            f"{section.limit}. Fix: shorten the page, or raise its limit under 'handouts' in "
            "includes/page-schema.yml (never above max_pages)")
    path = out / f"{section.slug}.pdf"
    rendered.write_pdf(path)
    return Result(path.name, len(rendered.pages), time.perf_counter() - start, section.title, section.url, notes)


def booklet_numbers(first: int, total: int) -> CSS:
    """Each page's number in the booklet, at its top right: the booklet's pages are counted on
    from `first` (print.css styles the box; the section's own "Page X of Y" stays)."""
    label = f'"{_WORDS["booklet_page"]} " counter(booklet) " {_WORDS["of"]} {total}"'
    return CSS(string=f"@page {{ counter-increment: booklet; @top-right {{ content: {label}; }} }} "
                      f"@page :first {{ counter-reset: booklet {first - 1}; }}", font_config=FONTS)


def booklet_front(handouts: list[Result], starts: list[int], total: int, sheets: list[CSS], base: Path):
    """The booklet's cover and contents, each section's first page number written in."""
    address = handouts[0].url.rsplit("/", 2)[0] + "/"
    toc = "".join(f'<li><a href="#booklet-section-{number}" data-page="{start}">{escape(h.title)}</a></li>'
                  for number, (h, start) in enumerate(zip(handouts, starts)))
    notice = f"<p>{escape(_WORDS['booklet_notice'])}</p>" if _WORDS["booklet_notice"] else ""
    body = (f'<section class="booklet-cover"><h1>{escape(_WORDS["booklet_title"])}</h1>'
            f"<p>{escape(_WORDS['booklet_from'])} {address}</p>{notice}</section>"
            f'<nav class="booklet-toc"><h2>{escape(_WORDS["contents"])}</h2><ol>{toc}</ol></nav>')
    return render(document(_WORDS["booklet_title"], body, html_class="booklet-front"), base,
                  sheets + [booklet_numbers(1, total)])


def make_booklet(site: Path, handouts: list[Result], sections: list[Section], sheets: list[CSS],
                 out: Path) -> Result:
    """The cover, the contents, then every section laid out again with its booklet page numbers,
    all written as one PDF, so that each font is embedded once (Document.copy)."""
    start = time.perf_counter()
    front_pages = 2
    while True:  # the contents' length decides where the sections start
        total = front_pages + sum(h.pages for h in handouts)
        starts = [front_pages + 1 + sum(h.pages for h in handouts[:n]) for n in range(len(handouts))]
        front = booklet_front(handouts, starts, total, sheets, site / "index.html")
        if len(front.pages) == front_pages:
            break
        front_pages = len(front.pages)
    pages = list(front.pages)
    for number, (section, handout, first) in enumerate(zip(sections, handouts, starts)):
        laid_out = lay_out(section, sheets + [booklet_numbers(first, total)], handout.notes,
                           anchor=f"booklet-section-{number}")
        if len(laid_out.pages) != handout.pages:
            raise HandoutError(f"{section.source}: {len(laid_out.pages)} pages in the booklet but "
                               f"{handout.pages} in its handout. Fix: print.css must lay both out alike")
        pages += laid_out.pages
    path = out / "booklet.pdf"
    front.copy(pages).write_pdf(path)
    return Result(path.name, len(pages), time.perf_counter() - start)


_SHEETS: list[CSS] = []  # made before the worker processes fork, so they share it


def worker_pool(site: Path, paper: str, names: list[str] | None = None) -> ProcessPoolExecutor:
    """WORKERS processes that share the stylesheets and fonts, loaded once before they fork."""
    _SHEETS[:] = stylesheets(site, paper, names)
    return ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork"))


def _handout_job(site: Path, page: str, limit: int, out: Path) -> Result:
    return make_handout(read_section(site, page, limit), _SHEETS, out)


def _card_job(site: Path, page: str, out: Path, sections: tuple[str, ...]) -> Result:
    from sitepipeline.steps.cards import make_card  # cards.py builds on this module
    return make_card(read_section(site, page, 1), _SHEETS, out, sections)


LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def site_address(site: Path) -> str:
    """The built site's web address: the home page's canonical link ("" if it has none)."""
    home = site / "index.html"
    if not home.exists():
        return ""
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
    return canonical["href"] if canonical else ""


def loopback_warning(address: str) -> str:
    """A warning when the built site's address (site_address) is this machine, which no reader can open."""
    if urlparse(address).hostname not in LOOPBACK_HOSTS:
        return ""
    return (f"warning: the handouts print the address {address} and a QR code for it, which only this "
            "computer can open. Fix: set SITE_URL to the published address, for example "
            "SITE_URL=https://clinic.example.org/fusion/ make build")


def make_all(site: Path, paper: str = "", out: Path | None = None, schema: dict | None = None,
             echo=print) -> list[Result]:
    schema = schema or load_schema()
    _WORDS.update(words(schema))
    paper = paper or schema["handouts"]["default_paper"]
    out = out or site / "handouts"
    out.mkdir(parents=True, exist_ok=True)
    pages = schema["handouts"]["pages"]
    for page in pages:  # before any work starts
        built_section(site, page)
    results = []
    card_sections = tuple((schema.get("handouts") or {}).get("card_sections") or ("Key points", "What you can do"))
    with worker_pool(site, paper, (schema.get("handouts") or {}).get("stylesheets")) as pool:
        jobs = [pool.submit(_handout_job, site, page, limit, out) for page, limit in pages.items()]
        cards = [pool.submit(_card_job, site, page, out, card_sections) for page in pages]
        try:
            for number, job in enumerate(jobs, start=1):
                result = job.result()
                echo(f"handout {number}/{len(jobs)}: {result.name}, {result.pages} pages "
                     f"({paper}), {result.seconds:.1f} s")
                results.append(result)
            handout_results = list(results)
            for job in cards:
                result = job.result()
                echo(f"summary card: {result.name}, {result.pages} page ({paper}), {result.seconds:.1f} s")
                results.append(result)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    sections = [read_section(site, page, limit) for page, limit in pages.items()]
    result = make_booklet(site, handout_results, sections, _SHEETS, out)
    echo(f"booklet: {result.name}, {result.pages} pages ({paper}), {result.seconds:.1f} s")
    results.append(result)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site")
    parser.add_argument("--paper", choices=sorted(PAPER), default="",
                        help="paper size (default: handouts.default_paper in the schema)")
    parser.add_argument("--out", type=Path, help="where to write the PDFs (default: SITE/handouts)")
    args = parser.parse_args(argv[1:])
    start = time.perf_counter()
    warning = loopback_warning(site_address(args.site))
    if warning:
        print(warning, file=sys.stderr)
    try:
        results = make_all(args.site, args.paper, args.out)
    except HandoutError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    cards = sum(result.name.endswith("-card.pdf") for result in results)
    print(f"{len(results) - cards - 1} handouts, {cards} summary cards and 1 booklet written in "
          f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
