"""Citations: pages write [@key] (or [@a; @b]); includes/references.yml holds the sources.

This module loads and checks the reference list, finds citations in pages and
renders them as numbered links to the References page.
"""

from __future__ import annotations

import re
import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from sitepipeline.checks.page_rules import FENCE, Problem
from sitepipeline import strict_yaml
from sitepipeline.strict_yaml import Field
from sitepipeline.project import find_root

ROOT = find_root()
REFERENCES_PATH = ROOT / "includes" / "references.yml"
REFERENCES_PAGE = "references.md"
REFERENCES_MARKER = "<!-- references -->"

CITATION = re.compile(r"\[@([^\]]*)\]")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^\d{5,9}$")
URL = re.compile(r"^https?://\S+$")
REQUIRED = ("authors", "title", "source", "year")


@dataclass
class Reference:
    key: str
    number: int
    line: int
    authors: str = ""
    title: str = ""
    source: str = ""
    year: int | str = ""
    details: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    accessed: dt.date | None = None

    @property
    def when(self) -> str:
        """The year, or for an undated web page the day it was read."""
        if str(self.year) == "n.d." and self.accessed:
            return f"no date given, read {self.accessed.day} {self.accessed:%B %Y}"
        return str(self.year)

    @property
    def anchor(self) -> str:
        return f"ref-{self.key}"

    @property
    def short(self) -> str:
        first = self.authors.split(",")[0].strip()
        more = " et al." if "," in self.authors else ""
        return f"{first}{more}, {self.year}"

    @property
    def brief_authors(self) -> str:
        names = [name.strip() for name in self.authors.rstrip(".").split(",")]
        names = [name for name in names if name and name != "et al"]
        return ", ".join(names[:3]) + (", et al" if len(names) > 3 or "et al" in self.authors else "")

    def links(self) -> list[tuple[str, str]]:
        found = []
        if self.doi:
            found.append((f"doi:{self.doi}", f"https://doi.org/{self.doi}"))
        if self.pmid:
            found.append((f"PMID {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"))
        if self.url:
            found.append((self.url, self.url))
        return found

    def html(self) -> str:
        parts = [escape(self.authors.rstrip(".")) + ".", escape(self.title.rstrip(".")) + ".",
                 f"<cite>{escape(self.source)}</cite>.",
                 escape(f"{self.year}{';' + self.details if self.details else ''}") + "."]
        if self.accessed:
            parts.append(f"Read on {self.accessed.day} {self.accessed:%B %Y}.")
        links = " ".join(f'<a href="{escape(url)}">{escape(label)}</a>'
                         for label, url in self.links())
        return " ".join(parts) + " " + links


FIELDS = [Field("authors"), Field("title"), Field("source"), Field("year", "any"),
          Field("details", "any", required=False), Field("doi", required=False),
          Field("pmid", required=False), Field("url", required=False),
          Field("accessed", "date", required=False)]


def load_references(path: Path = REFERENCES_PATH,
                    name: str = "includes/references.yml") -> tuple[dict[str, Reference], list[Problem]]:
    """Load the reference list strictly, keeping line numbers for error messages."""
    data, problems = strict_yaml.load(path, name)
    if problems:
        if "the file is missing" in problems[0].message:
            return {}, [Problem(name, 1, "the reference list is missing",
                                "restore includes/references.yml from version control")]
        return {}, problems
    if not isinstance(data, dict):
        return {}, [Problem(name, 1, "the reference list is not a set of 'key:' entries",
                            "write each entry as 'key:' followed by indented 'name: value' lines")]
    references = {}
    for number, (key, entry) in enumerate(data.items(), start=1):
        line = _key_line(path, key)
        if not KEY.match(str(key)):
            problems.append(Problem(name, line, f"the key '{key}' has characters other than a-z, 0-9 and '-'",
                                    "use a key such as 'fairbank2005'"))
        problems += strict_yaml.check_fields(entry, FIELDS, name, f"the entry '{key}'", line)
        if not isinstance(entry, dict):
            continue
        known = {f: str(entry[f]).strip() for f in
                 ("authors", "title", "source", "details", "doi", "pmid", "url") if entry.get(f) is not None}
        reference = Reference(str(key), number, line, year=entry.get("year", ""),
                              accessed=entry.get("accessed"), **known)
        if not (reference.doi or reference.pmid or reference.url):
            problems.append(Problem(name, line, f"the entry '{key}' has no DOI, PMID or URL",
                                    "add 'doi:', 'pmid:' or 'url:' so a reader can find the source"))
        if str(reference.year) == "n.d." and not reference.accessed:
            problems.append(Problem(name, line, f"the undated entry '{key}' has no 'accessed' date",
                                    "add 'accessed: YYYY-MM-DD', the day the page was read, so readers "
                                    "know how current it is"))
        for field_name, pattern, example in (("doi", DOI, "10.1056/NEJMoa070302"),
                                             ("pmid", PMID, "17538085"),
                                             ("url", URL, "https://medlineplus.gov/...")):
            value = getattr(reference, field_name)
            if value and not pattern.match(value):
                problems.append(Problem(name, line, f"the {field_name} of '{key}' looks wrong: {value}",
                                        f"write it like {example}"))
        references[str(key)] = reference
    return references, problems


def _key_line(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def markers(text: str):
    """Each citation marker outside code blocks: (line offset, the line, the match)."""
    in_fence = False
    for offset, line in enumerate(text.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            for match in CITATION.finditer(line):
                yield offset, line, match


def find_citations(path: str, text: str, first_line: int = 1) -> tuple[list[tuple[int, str]], list[Problem]]:
    """Every cited key with its line number, and problems with malformed markers."""
    found, problems = [], []
    for offset, _, match in markers(text):
        for part in match.group(1).split(";"):
            key = part.strip().lstrip("@").strip()
            if not key:
                problems.append(Problem(path, first_line + offset,
                                        f"the citation '{match.group(0)}' names no source",
                                        "write it as [@key] with a key from includes/references.yml"))
            else:
                found.append((first_line + offset, key))
    return found, problems


SENTENCE_END_BEFORE = re.compile(r"[.!?][\"')]?\s?$")


def misplaced_citations(path: str, text: str, references: dict, first_line: int = 1) -> list[Problem]:
    """Markers go after a sentence's full stop, never against a figure, keys in number order."""
    problems = []
    for offset, line, match in markers(text):
        before = line[:match.start()]
        if before.strip() and not SENTENCE_END_BEFORE.search(before):
            words = " ".join(before.split()[-4:])
            problems.append(Problem(path, first_line + offset,
                                    f"the citation '{match.group(0)}' sits inside a sentence, after "
                                    f'"{words}"',
                                    "move it after the sentence's full stop, as in 'stay 2 to 3 days. "
                                    "[@key]', so it is never read as part of a figure"))
        keys = [part.strip().lstrip("@").strip() for part in match.group(1).split(";")]
        numbers = [references[key].number for key in keys if key in references]
        if numbers != sorted(numbers):
            in_order = "; ".join(f"@{key}" for key in sorted(
                (k for k in keys if k in references), key=lambda k: references[k].number))
            problems.append(Problem(path, first_line + offset,
                                    f"the sources in '{match.group(0)}' are not in number order",
                                    f"write them as [{in_order}]"))
    return problems


def unresolved(path: str, cited: list[tuple[int, str]], references: dict) -> list[Problem]:
    return [Problem(path, line, f"the citation '[@{key}]' is not in includes/references.yml",
                    "correct the key or add the source to includes/references.yml")
            for line, key in cited if key not in references]


def render_markers(text: str, references: dict[str, Reference], target: str = REFERENCES_PAGE) -> tuple[str, list[str]]:
    """Replace [@key] markers with numbered links to `target` (the References page, as a
    Markdown link from the page); return the text and the keys cited, in order."""
    cited: list[str] = []

    def replace(match: re.Match) -> str:
        keys = [part.strip().lstrip("@").strip() for part in match.group(1).split(";")]
        if not all(key in references for key in keys):
            return match.group(0)  # left as written: the check names it (make build, make serve)
        links = []
        for key in keys:
            ref = references[key]
            if ref.key not in cited:
                cited.append(ref.key)
            # An accessible name, not a title: a title would make Material set up one
            # tooltip per marker, main-thread work a cheap phone pays for on every page.
            label = escape(f"Source {ref.number}: {ref.short}", quote=True)
            links.append(f'[{ref.number}]({target}#{ref.anchor}){{ aria-label="{label}" }}')
        # Left out of the search index: numbers there only make it bigger.
        return '<sup class="cite" data-search-exclude>[' + ", ".join(links) + "]</sup>"

    lines, in_fence = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        lines.append(line if in_fence else CITATION.sub(replace, line))
    return "\n".join(lines), cited


NO_SOURCES = "This page gives no figures from studies, so it cites no sources."


def sources_list(keys: list[str], references: dict[str, Reference], target: str = REFERENCES_PAGE,
                 empty: str = NO_SOURCES) -> str:
    """The short source list that closes a page."""
    if not keys:
        return empty
    items = []
    for key in sorted(keys, key=lambda k: references[k].number):
        ref = references[key]
        links = ", ".join(f"[{label}]({url})" for label, url in ref.links())
        # The number is written out: WeasyPrint ignores <li value>, and a handout's
        # list must carry the same numbers as the markers in its text.
        items.append(f'<li value="{ref.number}" markdown><span class="source-number">{ref.number}.</span> '
                     f'{escape(ref.brief_authors)}. '
                     f"{escape(ref.title.rstrip('.'))}. *{escape(ref.source)}*, {escape(ref.when)}. "
                     f'{links} <span class="full-entry">([full entry]({target}#{ref.anchor}))</span></li>')
    return '<ol class="sources" data-search-exclude markdown>\n' + "\n".join(items) + "\n</ol>"


def references_list(references: dict[str, Reference]) -> str:
    """The full, numbered reference list for the References page."""
    items = [f'<li id="{ref.anchor}" value="{ref.number}"><span class="source-number">{ref.number}.</span> '
             f'{ref.html()}</li>'
             for ref in references.values()]
    return '<ol class="references">\n' + "\n".join(items) + "\n</ol>"
