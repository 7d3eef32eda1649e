"""Check Markdown pages against the page schema (includes/page-schema.yml).

Every problem names the file, the line, what is wrong and how to fix it, so
that a writer can mend a page without reading this code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sitepipeline import strict_yaml
from sitepipeline.markdown_blocks import FENCE  # noqa: F401 - also used by citations.py
from sitepipeline.problems import Problem
from sitepipeline.project import find_root

ROOT = find_root()
SCHEMA_PATH = ROOT / "includes" / "page-schema.yml"

H1 = re.compile(r"^#\s+\S")
H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass
class Page:
    path: str
    meta: dict
    body: str
    body_start: int  # 1-based line number of the first body line


def site_folder(page: str) -> str:
    """The folder the build puts a docs page in: outcomes.md -> outcomes, index.md -> ''."""
    return page.removesuffix(".md").removesuffix("index").rstrip("/")


def built_page(site: Path, page: str) -> Path:
    """The built HTML of a docs page: outcomes.md -> site/outcomes/index.html."""
    return site / site_folder(page) / "index.html"


class SchemaError(Exception):
    """The schema itself is broken: nothing can be checked against it."""


def load_schema(path: Path = SCHEMA_PATH, name: str = "includes/page-schema.yml") -> dict:
    data, problems = strict_yaml.load(path, name)
    if problems:
        raise SchemaError("; ".join(map(str, problems)))
    return data


def split_front_matter(path: str, text: str) -> tuple[Page | None, list[Problem]]:
    """Separate YAML front matter from the Markdown body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, [Problem(path, 1, "the page has no front matter",
                              "start the file with a '---' line, the front matter "
                              "keys, and a closing '---' line")]
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        return None, [Problem(path, 1, "the front matter is never closed",
                              "add a '---' line after the last front matter key")]
    raw = "\n".join(lines[1:index])
    meta, problems = strict_yaml.parse(raw, path, first_line=2)
    if problems:
        problem = problems[0]
        if "is not valid YAML" in problem.message:
            problem = Problem(path, problem.line, problem.message.replace("this is", "the front matter is"),
                              "write each key as 'name: value' on its own line and put "
                              "quotes around values that contain a colon")
        return None, [problem]
    meta = meta or {}
    if not isinstance(meta, dict):
        return None, [Problem(path, 2, "the front matter is not a list of 'name: value' keys",
                              "write each key as 'name: value' on its own line")]
    body = "\n".join(lines[index + 1:])
    return Page(path, meta, body, index + 2), []


def headings(page: Page) -> list[tuple[int, str]]:
    """The page's '##' headings with their line numbers, skipping code blocks."""
    found, in_fence = [], False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else H2.match(line)
        if match:
            title = re.sub(r"\s*\{[^}]*\}\s*$", "", match.group(1)).strip()
            found.append((page.body_start + offset, title))
    return found


def check_front_matter(page: Page, schema: dict) -> list[Problem]:
    problems = []
    for key, rule in schema["front_matter"].items():
        value = page.meta.get(key)
        if value in (None, ""):
            problems.append(Problem(page.path, 2, f"the front matter has no '{key}'",
                                    f"add '{key}:' with {rule['help']}"))
            continue
        kind = rule["type"]
        if kind == "text" and not isinstance(value, str):
            problems.append(Problem(page.path, 2, f"'{key}' should be text, not {value!r}",
                                    f"give '{key}' {rule['help']}"))
        elif kind == "date" and not isinstance(value, dt.date):
            problems.append(Problem(page.path, 2, f"'{key}' is not a date: {value!r}",
                                    f"write {rule['help']}, for example 2026-11-24"))
        elif kind == "kind" and value not in schema["kinds"]:
            known = ", ".join(schema["kinds"])
            problems.append(Problem(page.path, 2, f"'{key}' is '{value}', which is not a known kind",
                                    f"use one of: {known}"))
    return problems


def check_sections(page: Page, schema: dict) -> list[Problem]:
    kind = schema["kinds"].get(page.meta.get("kind"))
    if kind is None:
        return []  # reported by check_front_matter
    required = kind["sections"]
    found = headings(page)
    titles = [title for _, title in found]
    problems = []
    position = -1
    for name in required:
        if name not in titles:
            problems.append(Problem(page.path, page.body_start,
                                    f"the required section '## {name}' is missing",
                                    f"add a '## {name}' heading in this order: "
                                    + ", ".join(required)))
            continue
        index = titles.index(name)
        if index < position:
            problems.append(Problem(page.path, found[index][0],
                                    f"the section '## {name}' is out of order",
                                    "put the required sections in this order: "
                                    + ", ".join(required)))
        position = max(position, index)
    if kind.get("ends_fixed") and required and found and not problems:
        if titles[0] != required[0]:
            problems.append(Problem(page.path, found[0][0],
                                    f"the first section is '## {titles[0]}'",
                                    f"make '## {required[0]}' the first section of the page"))
        if titles[-1] != required[-1]:
            problems.append(Problem(page.path, found[-1][0],
                                    f"the last section is '## {titles[-1]}'",
                                    f"make '## {required[-1]}' the last section of the page"))
    return problems


def check_title(page: Page) -> list[Problem]:
    """The page opens with '# Title', the same words as 'title:' in its front matter, and has
    no second '#' title. Every engine shows it as written; no build step has to add it."""
    title = str(page.meta.get("title", "")).strip()
    problems, first, in_fence = [], True, False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip():
            continue
        if first:
            first = False
            written = line[1:].strip() if H1.match(line) else None
            if written is None:
                return [Problem(page.path, page.body_start + offset, "the page does not open with its title",
                                f"write '# {title}' as the first line after the front matter")]
            if written != title:
                problems.append(Problem(page.path, page.body_start + offset,
                                        f"the title '# {written}' is not the front matter title '{title}'",
                                        "make the '#' line and 'title:' the same words"))
        elif H1.match(line):
            problems.append(Problem(page.path, page.body_start + offset, "the page has a second '#' title",
                                    "make it a '##' section, or delete it"))
    if first:
        problems.append(Problem(page.path, page.body_start, "the page does not open with its title",
                                f"write '# {title}' as the first line after the front matter"))
    return problems


MAIN_MESSAGE = re.compile(r"^\{:?\s*\.main-message\s*\}\s*$")
ADMONITION = re.compile(r'^!!!\s+([\w-]+)(?:\s+"(.*)")?\s*$')
CITATION_MARK = re.compile(r"\s*\[@[^\]]*\]")
MAX_MESSAGE_WORDS = 30


def check_main_message(page: Page, schema: dict) -> list[Problem]:
    """Pages of a kind with main_message open with one sentence set apart as the main message."""
    kind = schema["kinds"].get(page.meta.get("kind")) or {}
    if not kind.get("main_message"):
        return []
    lines = page.body.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() and not H1.match(line)), None)
    fix = ("open the page with one short sentence, the one thing a reader must remember, on its own "
           "lines, then the line '{ .main-message }' directly under it")
    if start is None:
        return [Problem(page.path, page.body_start, "the page has no main message", fix)]
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    paragraph = lines[start:end]
    if not paragraph or not MAIN_MESSAGE.match(paragraph[-1].strip()):
        return [Problem(page.path, page.body_start + start,
                        "the page does not open with its main message", fix)]
    text = CITATION_MARK.sub("", " ".join(line.strip() for line in paragraph[:-1]))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    problems = []
    if len(sentences) != 1 or not text.rstrip().endswith((".", "!", "?")):
        problems.append(Problem(page.path, page.body_start + start,
                                f"the main message has {len(sentences)} sentences",
                                "make it one sentence ending with a full stop; put the rest in Key points"))
    if len(text.split()) > MAX_MESSAGE_WORDS:
        problems.append(Problem(page.path, page.body_start + start,
                                f"the main message has {len(text.split())} words",
                                f"keep it to {MAX_MESSAGE_WORDS} words or fewer"))
    return problems


def boxes(page: Page) -> list[tuple[int, str, str, str, str]]:
    """Each '!!!' box: line, type, title, the '##' section it sits in, and its text."""
    found, section, in_fence = [], "", False
    lines = page.body.splitlines()
    for offset, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = H2.match(line)
        if heading:
            section = re.sub(r"\s*\{[^}]*\}\s*$", "", heading.group(1)).strip()
            continue
        match = ADMONITION.match(line.strip())
        if match:
            content = []
            for following in lines[offset + 1:]:
                if following.strip() and not following.startswith("    "):
                    break
                content.append(following.strip())
            found.append((page.body_start + offset, match.group(1), match.group(2) or "", section,
                          " ".join(content)))
    return found


def check_boxes(page: Page, schema: dict) -> list[Problem]:
    """The safety boxes a kind of page must carry, in their section, saying what they must."""
    kind = schema["kinds"].get(page.meta.get("kind")) or {}
    found = boxes(page)
    problems = []
    for rule in kind.get("boxes", []):
        example = f'!!! {rule["admonition"]} "{rule["title"]} ..."'
        matches = [box for box in found if box[1] == rule["admonition"] and box[2].startswith(rule["title"])]
        if not matches:
            problems.append(Problem(page.path, page.body_start,
                                    f"the page has no box for {rule['help']}",
                                    f"add the box '{example}' in '## {rule['section']}' with the signs, "
                                    "each on its own line"))
            continue
        line, _, title, section, text = matches[0]
        if section != rule["section"]:
            problems.append(Problem(page.path, line, f"the box '{title}' is in '## {section or '(top)'}'",
                                    f"move it into '## {rule['section']}'"))
        said = f"{title} {text}".lower()
        missing = [word for word in rule.get("mentions", []) if str(word).lower() not in said]
        if missing:
            problems.append(Problem(page.path, line, f"the box '{title}' does not mention: {', '.join(map(str, missing))}",
                                    f"add each of these to the box ({rule['help']})"))
    return problems


def check_page(path: str, text: str, schema: dict) -> tuple[Page | None, list[Problem]]:
    page, problems = split_front_matter(path, text)
    if page is None:
        return None, problems
    problems = (check_front_matter(page, schema) + check_title(page) + check_sections(page, schema)
                + check_main_message(page, schema) + check_boxes(page, schema))
    return page, problems


def check_handouts(schema: dict, docs_dir: Path, schema_path: Path, name: str) -> list[Problem]:
    """The handout list names real pages, each with a limit from 1 to max_pages."""
    handouts = schema.get("handouts") or {}
    lines = schema_path.read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if line.strip().startswith(text)), 1)

    if not handouts.get("pages"):
        return [Problem(name, line_of("handouts:"), "there is no 'handouts' list of pages",
                        "add 'handouts:' with 'default_paper', 'max_pages' and 'pages'")]
    problems = []
    most = handouts.get("max_pages", 4)
    if handouts.get("default_paper") not in ("letter", "a4"):
        problems.append(Problem(name, line_of("default_paper:"), "'default_paper' is not 'letter' or 'a4'",
                                "set default_paper: letter or default_paper: a4"))
    for page, limit in handouts["pages"].items():
        if not (docs_dir / page).is_file():
            problems.append(Problem(name, line_of(f"{page}:"), f"the handout page '{page}' is not in docs/",
                                    "name a page that exists, such as outcomes.md"))
        if not isinstance(limit, int) or not 1 <= limit <= most:
            problems.append(Problem(name, line_of(f"{page}:"),
                                    f"the handout limit of '{page}' is {limit!r}",
                                    f"give a whole number of pages from 1 to {most}; 2 is one "
                                    "double-sided sheet"))
    return problems
