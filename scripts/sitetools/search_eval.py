#!/usr/bin/env python3
"""Ask the site's own search the questions patients ask, and count the right answers.

Run it alone, after the build:
    .venv/bin/python -m sitetools search-eval [site]

Each question in tests/search_questions.yml (short searches) and
tests/patient_questions.yml (real patients' questions) is put into Material's search
box in headless Chromium, the real built search, offline. A question is
answered when one of its pages is among the first 3 results. It prints every
miss with what came up instead, and the score.

The question is set in the box at once and the box's input and keyup events
fired, which is what Material searches on, rather than typed key by key: the
results are the same (checked on 60 questions), and 170 questions take about
1.5 minutes instead of 10. tests/sitetools/test_search.py still types a search
by keyboard alone.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml
from selenium.webdriver.common.by import By

from sitetools.browser import DESKTOP, chromium
from sitetools.serve_site import serve
from sitepipeline.project import find_root

ROOT = find_root()
QUESTION_FILES = (ROOT / "tests" / "search_questions.yml", ROOT / "tests" / "patient_questions.yml")
TOP = 3
TARGET = 0.95


@dataclass
class Answer:
    ask: str
    expected: list[str]
    found: list[str]  # the pages of the first results, in order

    @property
    def hit(self) -> bool:
        return any(page in self.expected for page in self.found[:TOP])


def page_of(url: str) -> str:
    return urlparse(url).path.strip("/").split("/")[0] or "home"


def load_questions(paths: tuple[Path, ...] = QUESTION_FILES) -> list[dict]:
    """Every question as {ask, answer: [pages]}; a patient question's answer is its page and 'also'."""
    questions = []
    for path in paths:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            answer = entry.get("answer") or [entry["page"], *entry.get("also", [])]
            questions.append({"ask": entry["ask"], "answer": answer})
    return questions


# Put the query in the box as typing leaves it, and fire the events Material searches on.
SET_QUERY = """
const box = document.querySelector('input.md-search__input');
box.value = arguments[0];
box.dispatchEvent(new Event('input', {bubbles: true}));
box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
"""
# The results line ("3 matching documents") and each result's address, in order: one call.
READ_RESULTS = """
const meta = document.querySelector('.md-search-result__meta');
const links = [...document.querySelectorAll('.md-search-result__item')]
  .map(item => item.querySelector('a.md-search-result__link')).filter(Boolean);
return [meta ? meta.textContent : '', links.map(link => link.href)];
"""


def search(driver, query: str) -> list[str]:
    """The page of each result for a query, in order (Material shows one result per page),
    read once the results have settled."""
    driver.execute_script(SET_QUERY, query)
    found, settled, deadline = None, 0, time.monotonic() + 10
    while time.monotonic() < deadline and settled < 3:
        time.sleep(0.1)
        meta, links = driver.execute_script(READ_RESULTS)
        current = (meta, [page_of(link) for link in links])
        settled = settled + 1 if current == found and "Type to start" not in meta else 0
        found = current
    return found[1] if found else []


def wait_for_index(driver) -> None:
    """The search index loads in a web worker after the page: wait until it answers."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if search(driver, "spine"):
            return
    raise RuntimeError("the search index did not load within 30 s")


def evaluate(site: Path, questions: list[dict]) -> list[Answer]:
    answers = []
    with serve(site) as base, chromium(DESKTOP) as driver:
        driver.get(base)
        driver.find_element(By.CSS_SELECTOR, ".md-search__input").click()
        wait_for_index(driver)
        for question in questions:
            answers.append(Answer(question["ask"], question["answer"], search(driver, question["ask"])))
    return answers


def score(answers: list[Answer]) -> float:
    return sum(answer.hit for answer in answers) / len(answers)


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    answers = evaluate(site, load_questions())
    for answer in answers:
        if not answer.hit:
            print(f"miss: '{answer.ask}' wants {', '.join(answer.expected)}; "
                  f"top {TOP}: {', '.join(answer.found[:TOP]) or 'no results'}")
    hits = sum(answer.hit for answer in answers)
    print(f"{hits} of {len(answers)} questions ({score(answers):.0%}) find a right page in the top "
          f"{TOP} (target {TARGET:.0%})")
    return 0 if score(answers) >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
