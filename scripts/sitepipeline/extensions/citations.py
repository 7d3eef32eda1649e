"""Citations as a Python-Markdown extension.

- Every [@key] (or [@a; @b]) becomes a numbered link to the References page.
- A page with a '## Sources' heading gets its own short source list at the end
  (the page schema makes Sources the last section).
- The page that holds the references marker gets the full numbered list.

The pre-build check (python -m sitepipeline check) has already refused
unknown keys and misplaced markers, so this extension only renders.

Configure in mkdocs.yml:
    markdown_extensions:
      - sitepipeline.extensions.citations:
          references: includes/references.yml
          references_page: references.md

Pages sit at the top of the docs folder, so `references_page` is the link to
the References page from every page.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from sitepipeline.citations import (NO_SOURCES, REFERENCES_MARKER, REFERENCES_PAGE, Reference,
                                    load_references, references_list, render_markers, sources_list)
from sitepipeline.file_cache import once_per_version


class CitationError(Exception):
    """The reference file is broken: the pre-build check names the file, line and fix."""


@once_per_version
def load(path: Path) -> dict[str, Reference]:
    references, problems = load_references(path)
    if problems:
        raise CitationError("; ".join(map(str, problems)) + ". Fix: run python -m sitepipeline check")
    return references


class CitationPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: "CitationExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        config = self.extension.getConfigs()
        references = load(Path(config["references"]))
        target = config["references_page"]
        text, cited = render_markers("\n".join(lines), references, target)
        if REFERENCES_MARKER in text:
            text = text.replace(REFERENCES_MARKER, references_list(references))
        if re.search(rf"^##\s+{re.escape(config['sources_heading'])}\s*$", text, re.MULTILINE):
            text = text.rstrip() + "\n\n" + sources_list(cited, references, target, config["no_sources"]) + "\n"
        return text.split("\n")


class CitationExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "references": ["includes/references.yml", "the reference file"],
            "references_page": [REFERENCES_PAGE, "the References page, as linked from a page"],
            "sources_heading": ["Sources", "the heading after which a page's source list goes"],
            "no_sources": [NO_SOURCES, "the words for a page that cites nothing"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before raw HTML blocks are set aside (20),
        # so the <sup> and <ol markdown> it writes are read like the page's own HTML.
        md.preprocessors.register(CitationPreprocessor(md, self), "sitepipeline_citations", 27)


def makeExtension(**kwargs) -> CitationExtension:  # noqa: N802 - the name Python-Markdown looks for
    return CitationExtension(**kwargs)
