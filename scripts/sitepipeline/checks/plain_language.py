"""Plain-language measures over the built pages.

Used by scripts/sitetools/reading_level.py (the report) and by the tests. Limits and
word lists live in includes/plain-language.yml; glossary terms in
includes/glossary.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import warnings

with warnings.catch_warnings():
    # textstat 0.7.3 imports pkg_resources, which setuptools marks as deprecated.
    warnings.simplefilter("ignore", UserWarning)
    import textstat
from bs4 import BeautifulSoup, Tag

from sitepipeline.glossary import forms
from sitepipeline import strict_yaml
from sitepipeline.checks.syllables import hard_words, smog
from sitepipeline.project import find_root

ROOT = find_root()
CONFIG_PATH = ROOT / "includes" / "plain-language.yml"

BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "td", "th", "dt", "dd", "figcaption")
FURNITURE = ".headerlink, .handout-link, aside.review-status, pre, code, script, .md-source-file"
CITATIONS = "sup.cite"
WORD_NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
SPAN_NUMBER = rf"(?:{WORD_NUMBER}|a few|several)"
FIGURES = re.compile(
    r"\d+(?:\.\d+)?\s?%|\bper ?cent\b"                                             # percentages
    rf"|\b{WORD_NUMBER}\s+(?:in|out of)\s+(?:every\s+)?{WORD_NUMBER}\b"            # rates: 1 in 4
    rf"|\b{SPAN_NUMBER}(?:\s*(?:to|-|\u2013|or)\s*{SPAN_NUMBER})?\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\b"                                    # time spans
    r"|\ba (?:year|month)\b",
    re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


class ConfigError(Exception):
    """includes/plain-language.yml is broken: nothing can be measured against it."""


def load_config(path: Path = CONFIG_PATH) -> dict:
    data, problems = strict_yaml.load(path, "includes/plain-language.yml")
    if problems:
        raise ConfigError("; ".join(map(str, problems)))
    return data


def not_figure_patterns(config: dict) -> list[re.Pattern]:
    """Numbers that are not figures from a source: the emergency number, stage names, years."""
    return [re.compile(entry["pattern"]) for entry in config.get("not_figures", [])]


def _without_nested_lists(element: Tag) -> Tag:
    """A copy of an element without the lists nested inside it."""
    copy = BeautifulSoup(str(element), "html.parser").find(element.name)
    for nested in copy.find_all(["ul", "ol"]):
        nested.decompose()
    return copy


def _text(element: Tag) -> str:
    # Removed citation markers leave a space before the full stop: take it out.
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(element.get_text(" ").split()))


def article(html: str, keep_citations: bool = False) -> Tag:
    """The page's article without screen furniture, code, or its closing Sources section.

    The figure check keeps the citation markers; the reading-level measure does not.
    """
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("article") or soup
    for element in body.select(FURNITURE if keep_citations else f"{FURNITURE}, {CITATIONS}"):
        element.decompose()
    sources = body.find("h2", id="sources")
    if sources is not None:
        for sibling in list(sources.find_next_siblings()):
            sibling.decompose()
        sources.decompose()
    return body


def blocks(body: Tag) -> list[tuple[Tag, str]]:
    """Each heading, paragraph, list item and table cell with its own text."""
    found = []
    for element in body.find_all(BLOCKS):
        if element.name == "p" and element.find_parent(["li", "td", "th", "dd"]):
            continue
        text = _text(_without_nested_lists(element))
        if text:
            found.append((element, text))
    return found


def prose(body: Tag) -> str:
    """The text a reader reads, each block ended as a sentence."""
    parts = []
    for _, text in blocks(body):
        text = text.rstrip(":;,")
        parts.append(text if text.endswith((".", "!", "?")) else text + ".")
    return " ".join(parts)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


@dataclass
class Measure:
    grade: float
    smog: float  # with dictionary syllables (syllables.py), the gated SMOG
    textstat_smog: float  # textstat 0.7.3's own SMOG, for comparison only
    ease: float
    words: int
    words_per_sentence: float
    longest: list[str]
    hard_words: list[tuple[str, int]]


def measure(text: str, syllable_counts: dict[str, int] | None = None) -> Measure:
    """Reading measures of one page's prose. syllable_counts: words the dictionary lacks."""
    split = sentences(text)
    longest = sorted(split, key=lambda s: len(s.split()), reverse=True)[:3]
    return Measure(textstat.flesch_kincaid_grade(text), smog(split, syllable_counts),
                   textstat.smog_index(text), textstat.flesch_reading_ease(text),
                   textstat.lexicon_count(text), textstat.avg_sentence_length(text), longest,
                   hard_words(split, syllable_counts))


def uncited_figures(body: Tag, unsourced_claims: list[dict] | None = None) -> list[str]:
    """Sentences with a percentage, rate or time span and no citation in their paragraph.

    Call it on the article before citation markers are removed. unsourced_claims: sentences
    quoted only to say no reliable source supports them (includes/plain-language.yml).
    """
    allowed = {claim["text"] for claim in unsourced_claims or []}
    found = []
    for element in body.find_all(["p", "li", "td", "dd"]):
        if element.name == "p" and element.find_parent(["li", "td", "dd"]):
            continue
        if element.find_parent("figure", class_="icon-array"):
            continue  # drawn from the evidence table, beside a cited sentence
        own = _without_nested_lists(element)
        if own.select("sup.cite"):
            continue
        found += [sentence for sentence in sentences(_text(own))
                  if FIGURES.search(sentence) and sentence not in allowed]
    return found


def unexplained_words(text: str, medical_words: list[str], glossary: list[dict]) -> list[str]:
    """Listed medical words used in the text that no glossary entry explains."""
    explained = {form.lower() for entry in glossary for form in forms(entry)}
    found = []
    for word in medical_words:
        if re.search(rf"\b{re.escape(word)}(?:s|es)?\b", text, re.IGNORECASE):
            if not ({word, word + "s", word + "es"} & explained):
                found.append(word)
    return found


def unexplained_key_words(text: str, explain_on_each_page: dict[str, list[str]]) -> list[str]:
    """Key words a page uses without its own explanation (a handout has no tooltips).

    Link targets such as `complications.md#non-union` are not read, so they do not count.
    """
    flat = " ".join(re.sub(r"\]\([^)]*\)", "]", text).split()).lower()
    return [word for word, phrases in explain_on_each_page.items()
            if re.search(rf"\b{re.escape(word)}(?:s|e)?\b", flat)
            and not any(" ".join(phrase.split()).lower() in flat for phrase in phrases)]


def review_age(last_reviewed: dt.date, today: dt.date) -> int:
    return (today - last_reviewed).days
