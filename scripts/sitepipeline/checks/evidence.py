"""The evidence table: every figure a page states, with its source's own words.

includes/evidence.yml holds one row per finding of one source. A row lists the
figures the pages may state from it, each as "page figure = source's words"
when the page rounds or rewrites it ("27 = 26.5"), or alone when the page uses
the source's own number. The check reads each page's Markdown: every number in
a paragraph, list item or table row must appear in a row of a source that the
same block cites. A number that no row of its cited sources holds, or a number
with no citation at all, stops the build with the page, the line, the sentence
and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitepipeline import strict_yaml
from sitepipeline.markdown_blocks import Block, blocks, sentence_with
from sitepipeline.problems import Problem
from sitepipeline.strict_yaml import Field

ANALYSES = ("randomised trial", "as-treated analysis", "registry study", "observational study",
            "meta-analysis", "review", "guideline", "patient information page")
ROW = [Field("id"), Field("source"), Field("figures", "list"), Field("quote"), Field("where"),
       Field("population"), Field("follow_up"), Field("analysis"), Field("checked", "date")]

NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.])\d+(?:\.\d+)?(?![\d\w])")
# "27 in 100", "63 out of 100", "1 in every 1,000": the denominator is not a figure of its own.
DENOMINATOR = re.compile(r"\b(?:in|out of|of)\s+(?:every\s+)?(?:100|1,000)\b")
CITATION = re.compile(r"\[@([^\]]*)\]")


def normal(number: str) -> str:
    return number.replace(",", "")


@dataclass
class Row:
    id: str
    source: str
    figures: dict[str, str]  # page figure -> how the source writes it
    line: int


def _figure_pairs(figures: list) -> list[tuple[str, str]]:
    pairs = []
    for figure in figures:
        page, _, source = str(figure).partition("=")
        pairs.append((normal(page.strip()), source.strip() or page.strip()))
    return pairs


def _in_quote(words: str, quote: str) -> bool:
    if NUMBER.fullmatch(words):
        pattern = rf"(?<![\d.]){re.escape(words)}(?![\d])"
        return re.search(pattern, quote) is not None or re.search(pattern, quote.replace(",", "")) is not None
    return words.lower() in quote.lower()


def load_evidence(path: Path, name: str, references: dict) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Rows by source key. Each row's figures must be found in its own quote."""
    data, problems = strict_yaml.load(path, name)
    if problems:
        return {}, problems
    if not isinstance(data, list):
        return {}, [Problem(name, 1, "the evidence table is not a list of rows",
                            "write each row as '- id:' followed by its indented fields")]
    rows: dict[str, list[Row]] = {}
    seen: set[str] = set()
    for entry in data:
        line = strict_yaml.line_of(entry)
        what = f"the row '{entry.get('id')}'" if isinstance(entry, dict) and entry.get("id") else "a row"
        found = strict_yaml.check_fields(entry, ROW, name, what)
        problems += found
        if found:
            continue
        if entry["id"] in seen:
            problems.append(Problem(name, line, f"the row id '{entry['id']}' is used twice",
                                    "give every row its own id"))
        seen.add(entry["id"])
        if entry["source"] not in references:
            problems.append(Problem(name, line, f"{what} names the source '{entry['source']}', which is "
                                    "not in includes/references.yml",
                                    "use a key from includes/references.yml, or add the source there first"))
        if entry["analysis"] not in ANALYSES:
            problems.append(Problem(name, line, f"{what} has the analysis '{entry['analysis']}'",
                                    f"use one of: {', '.join(ANALYSES)}"))
        pairs = _figure_pairs(entry["figures"])
        for page_figure, words in pairs:
            if not NUMBER.fullmatch(page_figure):
                problems.append(Problem(name, line, f"{what} lists '{page_figure}', which is not a number",
                                        "write each figure as the page writes it, such as 27, or 27 = 26.5"))
            elif not _in_quote(words, entry["quote"]):
                problems.append(Problem(name, line, f"{what} gives the figure {page_figure} as '{words}', "
                                        "which its quote does not contain",
                                        "quote the source's own words that hold this figure, or correct it"))
        rows.setdefault(entry["source"], []).append(
            Row(entry["id"], entry["source"], dict(pairs), line))
    return rows, problems


def figures_in(text: str, not_figures: list[re.Pattern]) -> list[str]:
    """The numbers a reader would take as figures, in order."""
    for pattern in [DENOMINATOR, *not_figures]:
        text = pattern.sub(" ", text)
    return [normal(match.group(0)) for match in NUMBER.finditer(text)]


def check_figures(path: str, body: str, first_line: int, rows: dict[str, list[Row]],
                  not_figures: list[re.Pattern], unsourced: set[str] = frozenset()) -> list[Problem]:
    """Every number on a page is cited, and a row of a cited source holds it.

    unsourced: sentences that quote a figure only to say no reliable source supports it.
    """
    problems = []
    for block in blocks(body, first_line):
        keys = [part.strip().lstrip("@").strip() for match in CITATION.finditer(block.text)
                for part in match.group(1).split(";")]
        plain = CITATION.sub(" ", block.text)
        for figure in figures_in(plain, not_figures):
            sentence = sentence_with(plain, figure)
            if sentence in unsourced:
                continue
            if not keys:
                problems.append(Problem(path, block.line, f'the figure {figure} in "{sentence}" has no citation',
                                        "end the sentence with [@key] for the source that gives it, and "
                                        "record the figure in includes/evidence.yml"))
                continue
            if not any(figure in row.figures for key in keys for row in rows.get(key, [])):
                problems.append(Problem(path, block.line,
                                        f'the figure {figure} in "{sentence}" is in no evidence row of its '
                                        f"sources ({', '.join(keys)})",
                                        "correct the figure, or add it to a row of includes/evidence.yml "
                                        "with the source's own words"))
    return problems
