"""Citations: pages write [@key] (or [@a; @b]); includes/references.yml holds the sources.

This module loads and checks the reference list, finds citations in pages and
renders them as numbered links to the References page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from page_rules import FENCE, Problem

ROOT = Path(__file__).resolve().parent.parent
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
    extra: dict = field(default_factory=dict)

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
        links = " ".join(f'<a href="{escape(url)}">{escape(label)}</a>'
                         for label, url in self.links())
        return " ".join(parts) + " " + links


def load_references(path: Path = REFERENCES_PATH,
                    name: str = "includes/references.yml") -> tuple[dict[str, Reference], list[Problem]]:
    """Load the reference list, keeping line numbers for error messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [Problem(name, 1, "the reference list is missing",
                            "restore includes/references.yml from version control")]
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(name, mark.line + 1 if mark else 1,
                            f"the reference list is not valid YAML ({getattr(error, 'problem', error)})",
                            "write each entry as 'key:' followed by indented 'name: value' lines")]
    references, problems = {}, []
    for number, (key_node, value_node) in enumerate(getattr(node, "value", []) or [], start=1):
        key, line = key_node.value, key_node.start_mark.line + 1
        entry = yaml.safe_load(yaml.serialize(value_node)) if value_node is not None else None
        if not isinstance(entry, dict):
            problems.append(Problem(name, line, f"the entry '{key}' has no fields",
                                    "give it authors, title, source, year and a doi, pmid or url"))
            continue
        if not KEY.match(key):
            problems.append(Problem(name, line, f"the key '{key}' has characters other than a-z, 0-9 and '-'",
                                    "use a key such as 'fairbank2005'"))
        known = {f: str(entry.pop(f)).strip() for f in
                 ("authors", "title", "source", "details", "doi", "pmid", "url") if f in entry}
        year = entry.pop("year", "")
        reference = Reference(key, number, line, year=year, extra=entry, **known)
        for field_name in REQUIRED:
            if not getattr(reference, field_name):
                problems.append(Problem(name, line, f"the entry '{key}' has no '{field_name}'",
                                        f"add '{field_name}:' to the entry"))
        if not (reference.doi or reference.pmid or reference.url):
            problems.append(Problem(name, line, f"the entry '{key}' has no DOI, PMID or URL",
                                    "add 'doi:', 'pmid:' or 'url:' so a reader can find the source"))
        for field_name, pattern, example in (("doi", DOI, "10.1056/NEJMoa070302"),
                                             ("pmid", PMID, "17538085"),
                                             ("url", URL, "https://medlineplus.gov/...")):
            value = getattr(reference, field_name)
            if value and not pattern.match(value):
                problems.append(Problem(name, line, f"the {field_name} of '{key}' looks wrong: {value}",
                                        f"write it like {example}"))
        if entry:
            problems.append(Problem(name, line, f"the entry '{key}' has unknown fields: {', '.join(entry)}",
                                    "use only authors, title, source, year, details, doi, pmid and url"))
        references[key] = reference
    return references, problems


def find_citations(path: str, text: str, first_line: int = 1) -> tuple[list[tuple[int, str]], list[Problem]]:
    """Every cited key with its line number, and problems with malformed markers."""
    found, problems, in_fence = [], [], False
    for offset, line in enumerate(text.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in CITATION.finditer(line):
            for part in match.group(1).split(";"):
                key = part.strip().lstrip("@").strip()
                if not key:
                    problems.append(Problem(path, first_line + offset,
                                            f"the citation '{match.group(0)}' names no source",
                                            "write it as [@key] with a key from includes/references.yml"))
                else:
                    found.append((first_line + offset, key))
    return found, problems


def unresolved(path: str, cited: list[tuple[int, str]], references: dict) -> list[Problem]:
    return [Problem(path, line, f"the citation '[@{key}]' is not in includes/references.yml",
                    "correct the key or add the source to includes/references.yml")
            for line, key in cited if key not in references]


def render_markers(text: str, references: dict[str, Reference], page_uri: str) -> tuple[str, list[str]]:
    """Replace [@key] markers with numbered links; return the text and the keys cited, in order."""
    target = posixpath.relpath(REFERENCES_PAGE, posixpath.dirname(page_uri) or ".")
    cited: list[str] = []

    def replace(match: re.Match) -> str:
        links = []
        for part in match.group(1).split(";"):
            ref = references[part.strip().lstrip("@").strip()]
            if ref.key not in cited:
                cited.append(ref.key)
            links.append(f'[{ref.number}]({target}#{ref.anchor} "{ref.short}")')
        return '<sup class="cite">[' + ", ".join(links) + "]</sup>"

    lines, in_fence = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        lines.append(line if in_fence else CITATION.sub(replace, line))
    return "\n".join(lines), cited


def sources_list(keys: list[str], references: dict[str, Reference], page_uri: str) -> str:
    """The short source list that closes a page."""
    if not keys:
        return "This page gives no figures from studies, so it cites no sources."
    target = posixpath.relpath(REFERENCES_PAGE, posixpath.dirname(page_uri) or ".")
    items = []
    for key in sorted(keys, key=lambda k: references[k].number):
        ref = references[key]
        links = ", ".join(f"[{label}]({url})" for label, url in ref.links())
        items.append(f'<li value="{ref.number}" markdown>{escape(ref.brief_authors)}. '
                     f"{escape(ref.title.rstrip('.'))}. *{escape(ref.source)}*, {ref.year}. "
                     f'{links} <span class="full-entry">([full entry]({target}#{ref.anchor}))</span></li>')
    return '<ol class="sources" data-search-exclude markdown>\n' + "\n".join(items) + "\n</ol>"


def references_list(references: dict[str, Reference]) -> str:
    """The full, numbered reference list for the References page."""
    items = [f'<li id="{ref.anchor}" value="{ref.number}">{ref.html()}</li>'
             for ref in references.values()]
    return '<ol class="references">\n' + "\n".join(items) + "\n</ol>"
