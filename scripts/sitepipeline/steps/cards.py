"""One-page summary cards: the sheet a nurse hands over at discharge.

Besides each section's full handout, site/handouts/<slug>-card.pdf holds, from
the same built page: the title with the page's address and QR code, the main
message, the sections named under `handouts: card_sections:` in the page
schema (Key points, What you can do) without their figures and fill-in tools,
every warning box, a line saying that the pictures, fill-in cards and sources
are in the full handout and online, and the review date.
It must fit on one page of Letter and of A4; a card that does not stops the
build, naming the page.
"""

from __future__ import annotations

import copy
import time
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from sitepipeline.steps.handouts import (
    _WORDS, HandoutError, Result, Section, document, header, render,
)

CARD_LIMIT = 1
BOXES = ".admonition.warning, .admonition.danger"
SECTIONS = ("Key points", "What you can do")  # where the schema is silent


def card_name(slug: str) -> str:
    return f"{slug}-card.pdf"


def section_content(article: Tag, title: str) -> list[Tag]:
    """The "## title" heading and what follows it up to the next "##"; boxes (added apart),
    fill-in tools and figures are left out, for room."""
    heading = next((h for h in article.find_all("h2") if h.get_text(" ", strip=True) == title), None)
    if heading is None:
        return []
    found = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if (sibling.name != "figure" and not sibling.select_one(BOXES)
                and not {"admonition", "fill-in", "icon-array-holder"} & set(sibling.get("class") or [])):
            found.append(sibling)
    return found


def card_html(section: Section, sections: tuple[str, ...] = SECTIONS) -> str:
    article = copy.copy(section.article)
    parts = [header(section, str(article.find("h1")))]
    message = article.select_one(".main-message")
    if message:
        parts.append(str(message))
    for title in sections:
        parts += [str(tag) for tag in section_content(article, title)]
    parts += [str(box) for box in article.select(BOXES)]
    # Every card says where the rest is: its sentences may point to a picture or fill-in card it leaves out.
    parts.append(f'<p class="card-sources">{escape(_WORDS["card_sources"])} {section.url}</p>')
    review = article.select_one(".review-status")
    if review:
        parts.append(str(review))
    return f'<div class="handout-card">{"".join(parts)}</div>'


def make_card(section: Section, sheets, out: Path, sections: tuple[str, ...] = SECTIONS) -> Result:
    start = time.perf_counter()
    rendered = render(document(section.title, card_html(section, sections)), section.path, sheets)
    if len(rendered.pages) > CARD_LIMIT:
        raise HandoutError(
            f"{section.source}: the summary card is {len(rendered.pages)} pages, over its limit of "
            f"{CARD_LIMIT}. Fix: shorten the main message, the Key points or 'What you can do'")
    path = out / card_name(section.slug)
    rendered.write_pdf(path)
    return Result(path.name, len(rendered.pages), time.perf_counter() - start, section.title, section.url)
