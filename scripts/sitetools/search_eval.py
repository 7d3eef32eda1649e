#!/usr/bin/env python3
"""Ask the site's own search the questions patients ask, and count the right answers.

Run it alone, after the build:
    .venv/bin/python -m sitetools search-eval [site]

Each question in tests/search_questions.yml (short searches) and
tests/patient_questions.yml (real patients' questions) is typed into Material's search
box in headless Chromium, the real built search, offline. A question is
answered when one of its pages is among the first 3 results. It prints every
miss with what came up instead, and the score.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

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


def _results(driver) -> list[str]:
    """The page of each result, in order: Material shows one result per page."""
    items = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    return [page_of(item.find_element(By.CSS_SELECTOR, "a.md-search-result__link").get_attribute("href"))
            for item in items]


def _meta(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text


def search(driver, query: str) -> list[str]:
    """Type a query as a reader would, and read the results once they settle."""
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys(query)
    found, settled, deadline = None, 0, time.monotonic() + 10
    while time.monotonic() < deadline and settled < 3:
        time.sleep(0.2)
        current = (_meta(driver), _results(driver))
        settled = settled + 1 if current == found and "Type to start" not in current[0] else 0
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
