#!/usr/bin/env python3
"""Real patients' questions, and where on the site each one is answered.

tests/patient_questions.yml holds questions that patients and families asked in
public (forums, clinic FAQ pages, patient Q&A services), each with the address
where it was read and the page and heading of the site that answers it. This
module checks that every answering heading exists; scripts/sitetools/search_eval.py puts
the questions to the built search.

    .venv/bin/python -m sitetools patient-questions [tests/patient_questions.yml]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sitepipeline.checks.page_rules import FENCE, split_front_matter
from sitepipeline import strict_yaml
from sitepipeline.problems import Problem
from sitepipeline.project import find_root

ROOT = find_root()
QUESTIONS = ROOT / "tests" / "patient_questions.yml"
# ask: the patient's words; source: where they were read; page and section: the
# page and heading that answer it; also: other pages that count as right in search.
FIELDS = [strict_yaml.Field("ask"), strict_yaml.Field("source"), strict_yaml.Field("page"),
          strict_yaml.Field("section"), strict_yaml.Field("also", "list", required=False)]
HEADING = re.compile(r"^#{2,4}\s+(.+?)\s*#*\s*$")


def page_headings(path: Path) -> set[str]:
    """The '##' to '####' headings of a page, without attribute lists."""
    page, _ = split_front_matter(path.name, path.read_text(encoding="utf-8"))
    if page is None:
        return set()
    found, in_fence = set(), False
    for line in page.body.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := HEADING.match(line)):
            found.add(re.sub(r"\s*\{[^}]*\}\s*$", "", match.group(1)).strip())
    return found


def load(path: Path = QUESTIONS, name: str = "tests/patient_questions.yml") -> tuple[list, list[Problem]]:
    data, problems = strict_yaml.load(path, name)
    if problems:
        return [], problems
    if not isinstance(data, list):
        return [], [Problem(name, 1, "the file is not a list of questions",
                            "start each question with '- ask:'")]
    for entry in data:
        problems += strict_yaml.check_fields(entry, FIELDS, name, f"the question '{entry.get('ask', '')}'"
                                             if isinstance(entry, dict) else "a question")
    return [entry for entry in data if isinstance(entry, dict)], problems


def check(questions: list, docs: Path, name: str = "tests/patient_questions.yml") -> list[Problem]:
    """Each question needs a web source, an existing page and an existing heading on it."""
    problems, seen, headings = [], {}, {}
    for entry in questions:
        line = strict_yaml.line_of(entry)
        ask = str(entry.get("ask", "")).strip()
        if ask.lower() in seen:
            problems.append(Problem(name, line, f"the question '{ask}' is listed twice "
                                    f"(also at line {seen[ask.lower()]})", "keep one of them"))
        seen.setdefault(ask.lower(), line)
        if not str(entry.get("source", "")).startswith(("https://", "http://")):
            problems.append(Problem(name, line, f"the question '{ask}' has no web address as its source",
                                    "write the address of the page where a patient asked it"))
        for page in [entry.get("page"), *entry.get("also", [])]:
            if not (docs / f"{page}.md").is_file():
                problems.append(Problem(name, line, f"the question '{ask}' names the page '{page}', "
                                        "which does not exist",
                                        f"write the name of a file in {docs.name}/ without '.md'"))
        page = entry.get("page")
        if (docs / f"{page}.md").is_file():
            if page not in headings:
                headings[page] = page_headings(docs / f"{page}.md")
            if entry.get("section") not in headings[page]:
                problems.append(Problem(name, line, f"the question '{ask}' is answered under the heading "
                                        f"'{entry.get('section')}', which {page}.md does not have",
                                        "copy the heading text exactly from the page, or answer the "
                                        "question on the page under that heading"))
    return problems


def unlinked_answers(path: Path) -> list[Problem]:
    """On the page of short answers, each '###' question must link to its full answer."""
    page, problems = split_front_matter(path.name, path.read_text(encoding="utf-8"))
    if page is None:
        return problems
    questions, current, in_fence = [], None, False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("#"):
            current = [page.body_start + offset, line.lstrip("#").strip(), ""] if line.startswith("### ") else None
            if current:
                questions.append(current)
        elif current:
            current[2] += line + "\n"
    return [Problem(f"docs/{path.name}", line, f"the answer to '{question}' has no link to its full answer",
                    "end the answer with [Full answer](page.md#heading)")
            for line, question, answer in questions if not re.search(r"\]\([\w-]+\.md(#[\w-]+)?\)", answer)]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else QUESTIONS
    questions, problems = load(path, str(path))
    problems += check(questions, ROOT / "docs", str(path))
    for problem in problems:
        print(problem)
    print(f"{len(questions)} questions, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
