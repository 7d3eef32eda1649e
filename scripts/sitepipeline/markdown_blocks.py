"""Markdown pages read as the blocks a reader sees: paragraphs, list items, table rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?")
HEADING = re.compile(r"^#{1,6}\s+")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"(.*)")?\s*$')
ATTRIBUTES = re.compile(r"\{:?\s*[.#][^}]*\}|\{\s*width=[^}]*\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")


@dataclass
class Block:
    line: int
    text: str


def _clean(line: str) -> str:
    line = LINK_TARGET.sub("]", line)
    line = ATTRIBUTES.sub(" ", line)
    line = HTML_TAG.sub(" ", line)
    line = re.sub(r"!?\[([^\]@][^\]]*)\]", r"\1", line)  # link and image text, not [@citations]
    line = line.replace("**", "").replace("__", "")
    return line.strip()


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """Each paragraph, list item, table row, heading and box title with its first line."""
    body = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    found: list[Block] = []
    current: Block | None = None
    in_fence = False

    def close() -> None:
        nonlocal current
        if current and current.text.strip():
            current.text = " ".join(current.text.split())
            found.append(current)
        current = None

    for offset, raw in enumerate(body.splitlines()):
        number = first_line + offset
        if FENCE.match(raw):
            in_fence = not in_fence
            close()
            continue
        if in_fence:
            continue
        if not raw.strip():
            close()
            continue
        admonition = ADMONITION.match(raw)
        if admonition:
            close()
            if admonition.group(1):
                found.append(Block(number, admonition.group(1)))
            continue
        stripped = raw.strip()
        if stripped.startswith("!icon-array"):
            close()  # checked against the evidence table by icon_arrays.py
            continue
        if stripped.startswith("|"):
            close()
            if not re.fullmatch(r"[|:\-\s]+", stripped):
                found.append(Block(number, " ".join(_clean(stripped.replace("|", " ")).split())))
            continue
        if HEADING.match(stripped) or LIST_ITEM.match(raw):
            close()
            current = Block(number, _clean(LIST_ITEM.sub("", HEADING.sub("", stripped), count=1)))
            if HEADING.match(stripped):
                close()
            continue
        text = _clean(stripped)
        if current is None:
            current = Block(number, text)
        else:
            current.text += " " + text
    close()
    return found


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def sentence_with(text: str, figure: str) -> str:
    for sentence in sentences(text):
        if figure in sentence.replace(",", ""):
            return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(sentence.split()))
    return text
