"""Glossary tooltips on the first use of each word on a page, as a Python-Markdown extension.

Each entry of the glossary file (term, forms, means) becomes an <abbr title="...">
around the first place on the page where the term or one of its forms appears,
and nowhere else: calmer to read, and fewer tooltips for the browser to set up.
Headings, links, code and existing <abbr> elements are left alone. The page
named `skip_page_marker` in its text (the Glossary page) gets none; instead,
the full A-to-Z list is written under that marker.

Configure in mkdocs.yml:
    markdown_extensions:
      - sitepipeline.extensions.glossary_tooltips:
          glossary: includes/glossary.yml
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from sitepipeline import strict_yaml
from sitepipeline.file_cache import once_per_version

SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg"}


def forms(entry: dict) -> list[str]:
    """Every spelling of an entry, capitalised forms included."""
    written = [entry["term"], *entry.get("forms", [])]
    return list(dict.fromkeys(written + [form[0].upper() + form[1:] for form in written]))


class GlossaryError(Exception):
    """The glossary file is missing or broken: no page can be built with its tooltips."""


@once_per_version
def load_entries(path: Path) -> list[dict]:
    data, problems = strict_yaml.load(path, str(path))
    if problems and "the file is missing" in problems[0].message:
        raise GlossaryError(f"{path}: the glossary is missing. Fix: restore {path} from version control")
    if problems:
        raise GlossaryError("; ".join(map(str, problems)))
    return [entry for entry in data or [] if isinstance(entry, dict) and entry.get("term") and entry.get("means")]


class FirstUseTooltips(Treeprocessor):
    def __init__(self, md: Markdown, entries: list[dict], skip_marker: str):
        super().__init__(md)
        self.skip_marker = skip_marker
        # One pattern for all forms, longest first so "bone graft" wins over "graft".
        self.meaning: dict[str, tuple[str, str]] = {}
        for entry in entries:
            for form in forms(entry):
                self.meaning.setdefault(form, (entry["term"], entry["means"]))
        names = sorted(self.meaning, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None

    def run(self, root: etree.Element) -> None:
        if self.pattern is None or self._skipped():
            return
        self.used: set[str] = set()
        self._walk(root)

    def _skipped(self) -> bool:
        return any(self.skip_marker in str(block) for block in self.md.htmlStash.rawHtmlBlocks)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        if element.text:
            element.text = self._wrap_text(element, element.text, at=0)
        for child in list(element):
            self._walk(child)
            if child.tail:
                child.tail = self._wrap_tail(element, child)

    def _first(self, text: str):
        for match in self.pattern.finditer(text):
            term = self.meaning[match.group(1)][0]
            if term not in self.used:
                return match, term
        return None, None

    def _abbr(self, word: str, term: str) -> etree.Element:
        abbr = etree.Element("abbr")
        abbr.set("title", self.meaning[word][1])
        abbr.text = word
        self.used.add(term)
        return abbr

    def _wrap_text(self, parent: etree.Element, text: str, at: int) -> str:
        match, term = self._first(text)
        if match is None:
            return text
        abbr = self._abbr(match.group(1), term)
        abbr.tail = text[match.end():]
        parent.insert(at, abbr)
        # Later uses in the rest of this text may name other entries for the first time.
        self._wrap_following(parent, abbr)
        return text[:match.start()]

    def _wrap_tail(self, parent: etree.Element, child: etree.Element) -> str:
        match, term = self._first(child.tail)
        if match is None:
            return child.tail
        abbr = self._abbr(match.group(1), term)
        abbr.tail = child.tail[match.end():]
        parent.insert(list(parent).index(child) + 1, abbr)
        self._wrap_following(parent, abbr)
        return child.tail[:match.start()]

    def _wrap_following(self, parent: etree.Element, abbr: etree.Element) -> None:
        if abbr.tail:
            abbr.tail = self._wrap_tail(parent, abbr)


class GlossaryList(Preprocessor):
    """The Glossary page: every entry, A to Z, under the marker (which stays, so the
    tooltips leave that page alone)."""

    def __init__(self, md: Markdown, entries: list[dict], marker: str):
        super().__init__(md)
        self.entries, self.marker = entries, marker

    def run(self, lines: list[str]) -> list[str]:
        from sitepipeline.glossary import glossary_markdown  # that module imports forms() from here

        text = "\n".join(lines)
        if self.marker not in text:
            return lines
        return text.replace(self.marker, self.marker + "\n\n" + glossary_markdown(self.entries), 1).split("\n")


class GlossaryTooltipExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "glossary": ["includes/glossary.yml", "the glossary data file"],
            "skip_page_marker": ["<!-- glossary -->", "a page holding this text gets no tooltips"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        entries = load_entries(Path(self.getConfig("glossary")))
        md.preprocessors.register(GlossaryList(md, entries, self.getConfig("skip_page_marker")),
                                  "glossary_list", 26)
        # After inline processing (priority 20), before the table of contents is read.
        md.treeprocessors.register(FirstUseTooltips(md, entries, self.getConfig("skip_page_marker")),
                                   "glossary_tooltips", 6)


def makeExtension(**kwargs) -> GlossaryTooltipExtension:  # noqa: N802 - the name Python-Markdown looks for
    return GlossaryTooltipExtension(**kwargs)
