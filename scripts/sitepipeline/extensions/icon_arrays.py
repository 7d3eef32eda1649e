"""Icon arrays: 100 small figures of people, some filled, drawn as SVG from the evidence table.

A page writes a line of its own:  !icon-array slipped-vertebra-5-years
includes/icon-arrays.yml says which evidence row the array shows and how many of
each group of 100 people had the outcome. Every count must be a figure of that
row, so a picture can never show a number the source does not give. The SVG is
inline, so it prints in the browser and in the PDF handouts, and carries a text
alternative that states the numbers; a visible legend states them too.

Configure in mkdocs.yml:
    markdown_extensions:
      - sitepipeline.extensions.icon_arrays:
          arrays: includes/icon-arrays.yml
          evidence: includes/evidence.yml
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape
from pathlib import Path

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from sitepipeline import strict_yaml
from sitepipeline.file_cache import once_per_version
from sitepipeline.problems import Problem
from sitepipeline.strict_yaml import Field

MARKER = re.compile(r"^!icon-array\s+([a-z0-9-]+)\s*$")
ARRAY = [Field("id"), Field("evidence"), Field("title"), Field("outcome"), Field("groups", "list")]
GROUP = [Field("label"), Field("count", "whole")]
PER_ROW, SIZE = 10, 14  # 10 figures a row, each in a 14-unit cell


class IconArrayError(Exception):
    """A page names an icon array the data file does not define, or the data is wrong."""


def load_arrays(path: Path, name: str, evidence_rows: dict[str, dict]) -> tuple[dict[str, dict], list[Problem]]:
    """Arrays by id. evidence_rows: each evidence row by id, with its 'figures' list."""
    data, problems = strict_yaml.load(path, name)
    if problems:
        return {}, problems
    arrays: dict[str, dict] = {}
    for entry in data or []:
        what = f"the icon array '{entry.get('id')}'" if isinstance(entry, dict) else "an icon array"
        found = strict_yaml.check_fields(entry, ARRAY, name, what)
        for group in (entry.get("groups") or []) if isinstance(entry, dict) else []:
            found += strict_yaml.check_fields(group, GROUP, name, f"a group of {what}", strict_yaml.line_of(entry))
        problems += found
        if found:
            continue
        row = evidence_rows.get(entry["evidence"])
        if row is None:
            problems.append(Problem(name, entry.line, f"{what} names the evidence row '{entry['evidence']}', "
                                    "which includes/evidence.yml does not have",
                                    "use the id of a row in includes/evidence.yml"))
            continue
        stated = {str(f).partition("=")[0].strip() for f in row["figures"]}
        for group in entry["groups"]:
            if not 0 <= group["count"] <= 100:
                problems.append(Problem(name, entry.line, f"{what} has a count of {group['count']}",
                                        "give a whole number from 0 to 100: the people out of 100"))
            elif str(group["count"]) not in stated:
                problems.append(Problem(name, entry.line,
                                        f"{what} shows {group['count']} in 100, which its evidence row "
                                        f"'{entry['evidence']}' does not give",
                                        "use a figure listed in that row, or correct the row"))
        entry["source"] = row["source"]
        arrays[entry["id"]] = entry
    return arrays, problems


def text_alternative(array: dict, group: dict) -> str:
    """What one grid shows, in words: its count out of 100."""
    return f"{group['label']}: {group['count']} out of 100 {array['outcome']}"


FILLED, OUTLINE = "#1d3f8f", "#555555"  # both at least 3:1 against white (WCAG 1.4.11)
SCALE = 1.5  # drawn size against the viewBox: each figure about 21 CSS pixels


HEAD = "a2.6 2.6 0 1 0-5.2 0a2.6 2.6 0 1 0 5.2 0z"
BODY = "v-4.2a4 4 0 0 1 8 0v4.2z"


def _person(x: float, y: float) -> str:
    """One figure as path commands: a head and a rounded body, 10 units wide."""
    return f"M{x + 2.6:g} {y + 3}{HEAD}m-6.6 10{BODY}"


def svg(array: dict, group: dict) -> str:
    """A 10 by 10 grid of figures, the first `count` filled, the rest outlined.

    Plain paths with fill attributes, so browsers and WeasyPrint draw them alike.
    """
    had, rest = [], []
    for person in range(100):
        x = (person % PER_ROW) * SIZE + SIZE / 2
        y = (person // PER_ROW) * SIZE
        (had if person < group["count"] else rest).append(_person(x, y))
    side = PER_ROW * SIZE
    label = escape(text_alternative(array, group), quote=True)
    return (f'<svg class="icon-array-grid" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
            f'viewBox="0 -1 {side} {side + 2}" width="{side * SCALE:g}" height="{(side + 2) * SCALE:g}">'
            f"<title>{label}</title>"
            f'<path fill="{FILLED}" d="{"".join(had)}"/>'
            f'<path fill="#ffffff" stroke="{OUTLINE}" stroke-width="1" d="{"".join(rest)}"/></svg>')


def figure_html(array: dict) -> str:
    """The caption, then each group's grid under its label. The label repeats the grid's text
    alternative for sighted readers, so screen readers are given only the picture's."""
    groups = "".join(
        f'<div class="icon-array-group"><p class="icon-array-label" aria-hidden="true">'
        f'<strong>{escape(group["label"])}:</strong> {group["count"]} out of 100 {escape(array["outcome"])}</p>'
        f"{svg(array, group)}</div>" for group in array["groups"])
    # Left out of the search index: the sentence beside it gives the same numbers.
    return (f'<figure class="icon-array" id="icon-array-{array["id"]}" data-search-exclude>'
            f'<figcaption>{escape(array["title"])}</figcaption>'
            f'<div class="icon-array-groups">{groups}</div></figure>')


class IconArrayProcessor(BlockProcessor):
    def __init__(self, parser, arrays: dict[str, dict]):
        super().__init__(parser)
        self.arrays = arrays

    def test(self, parent, block) -> bool:
        return bool(MARKER.match(block.strip()))

    def run(self, parent, blocks) -> None:
        array_id = MARKER.match(blocks.pop(0).strip()).group(1)
        if array_id not in self.arrays:
            raise IconArrayError(f"the icon array '{array_id}' is not in includes/icon-arrays.yml. Fix: "
                                 "add it there, or correct the name after !icon-array")
        holder = etree.SubElement(parent, "div")
        holder.set("class", "icon-array-holder")
        holder.text = self.parser.md.htmlStash.store(figure_html(self.arrays[array_id]))


class IconArrayExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "arrays": ["includes/icon-arrays.yml", "the icon array data file"],
            "evidence": ["includes/evidence.yml", "the evidence table"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        arrays_path, evidence_path = Path(self.getConfig("arrays")), Path(self.getConfig("evidence"))
        arrays = read_arrays(arrays_path, evidence_path)
        md.parser.blockprocessors.register(IconArrayProcessor(md.parser, arrays), "icon_array", 105)


@once_per_version
def read_arrays(arrays_path: Path, evidence_path: Path) -> dict[str, dict]:
    evidence, problems = strict_yaml.load(evidence_path, str(evidence_path))
    rows = {row["id"]: row for row in evidence or [] if isinstance(row, dict) and "id" in row}
    arrays, more = load_arrays(arrays_path, str(arrays_path), rows)
    if problems or more:
        raise IconArrayError("; ".join(map(str, problems + more)))
    return arrays


def makeExtension(**kwargs) -> IconArrayExtension:  # noqa: N802 - the name Python-Markdown looks for
    return IconArrayExtension(**kwargs)


def text_alternative_problems(html: str) -> list[str]:
    """Icon arrays in a built page whose pictures do not state, as text, the number each shows."""
    from bs4 import BeautifulSoup

    problems = []
    for figure in BeautifulSoup(html, "html.parser").select("figure.icon-array"):
        name = figure.get("id", "an icon array")
        groups = figure.select(".icon-array-group")
        if not groups:
            problems.append(f"{name}: it shows no group of 100. Fix: draw it with !icon-array")
        for group in groups:
            graphic = group.find("svg")
            label = graphic.get("aria-label", "") if graphic else ""
            if graphic is None or graphic.get("role") != "img" or not label:
                problems.append(f"{name}: a picture has no role=\"img\" and aria-label, so a screen reader "
                                "skips it. Fix: draw it with !icon-array, which adds both")
                continue
            shown = re.findall(r"\b(\d+) out of 100\b", group.select_one(".icon-array-label").get_text(" "))
            title = graphic.find("title")
            filled = graphic.find("path")["d"].count("z") // 2 if graphic.find("path") else -1
            if (len(shown) != 1 or f"{shown[0]} out of 100" not in label or title is None
                    or title.get_text() != label or filled != int(shown[0])):
                problems.append(f"{name}: the text alternative does not state the {filled} out of 100 the "
                                "picture shows. Fix: draw it with !icon-array, which writes it")
    return problems
