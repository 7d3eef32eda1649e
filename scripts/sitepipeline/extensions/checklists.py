"""Checklist boxes named for screen readers, as a Python-Markdown extension.

pymdownx.tasklist writes a checkbox with no accessible name; each box gets the
text of its own item as its aria-label, so a screen reader says what is ticked.

Configure in mkdocs.yml (after pymdownx.tasklist):
    markdown_extensions:
      - sitepipeline.extensions.checklists
"""

from __future__ import annotations

import re
from html import escape

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# With or without pymdownx.tasklist's custom_checkbox (which wraps the box in a label).
TASK_ITEM = re.compile(r'(<li class="task-list-item">(?:<label class="task-list-control">)?'
                       r'<input type="checkbox" disabled(?: checked)?)(/?>)(.*?)</li>', re.DOTALL)


def label_boxes(html: str) -> str:
    def label(match: re.Match) -> str:
        text = " ".join(re.sub(r"<[^>]+>", "", match.group(3)).split())
        return f'{match.group(1)} aria-label="{escape(text, quote=True)}"{match.group(2)}{match.group(3)}</li>'

    return TASK_ITEM.sub(label, html)


class ChecklistLabels(Postprocessor):
    def run(self, text: str) -> str:
        return label_boxes(text)


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML is put back (30), so every list item is in the text.
        md.postprocessors.register(ChecklistLabels(md), "checklist_labels", 5)


def makeExtension(**kwargs) -> ChecklistExtension:  # noqa: N802 - the name Python-Markdown looks for
    return ChecklistExtension(**kwargs)
