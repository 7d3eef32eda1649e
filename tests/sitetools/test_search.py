"""Search answers patients' questions: the real built search, in headless Chromium."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import ROOT
from sitepipeline.glossary import forms, load_glossary
from sitetools.browser import PHONE, chromium
from sitetools.search_eval import QUESTION_FILES, TOP, Answer, evaluate, load_questions, score, wait_for_index
from sitetools.serve_site import serve

QUESTIONS = load_questions()


def test_the_question_set_covers_the_site():
    assert len(QUESTIONS) >= 40
    pages = {p.stem for p in (ROOT / "docs").glob("*.md")} - {"index", "references"}
    expected = {page for question in QUESTIONS for page in question["answer"]}
    assert expected <= pages, expected - pages
    assert pages - {"glossary"} <= expected, "every page should answer some question"
    assert len({q["ask"].lower() for q in QUESTIONS}) == len(QUESTIONS)


# The target for both sets is 95% in the top 3 (python -m sitetools search-eval prints the score
# against it). Today the short searches reach 98% (45 of 46) and the real patients'
# questions 95% (118 of 124).
FLOORS = {"search_questions.yml": 0.95, "patient_questions.yml": 0.95}


@pytest.mark.parametrize("questions", QUESTION_FILES, ids=lambda path: path.name)
def test_patients_questions_find_their_page_in_the_top_three(built_site, questions):
    answers = evaluate(built_site.site, load_questions((questions,)))
    misses = [(a.ask, a.expected, a.found[:TOP]) for a in answers if not a.hit]
    print(f"{len(answers) - len(misses)} of {len(answers)} questions answered in the top {TOP}")
    assert score(answers) >= FLOORS[questions.name], misses


def test_a_right_page_below_the_top_three_is_a_miss():
    assert not Answer("q", ["recovery"], ["glossary", "about", "outcomes", "recovery"]).hit
    assert Answer("q", ["recovery", "procedure"], ["glossary", "procedure"]).hit
    assert not Answer("q", ["recovery"], []).hit
    assert score([Answer("a", ["x"], ["x"]), Answer("b", ["x"], ["y"])]) == 0.5


def test_search_by_keyboard_alone_on_a_phone(built_site):
    with serve(built_site.site) as base, chromium(PHONE) as driver:
        driver.get(base)
        ActionChains(driver).send_keys("/").perform()
        box = driver.switch_to.active_element
        assert "md-search__input" in box.get_attribute("class")
        wait_for_index(driver)
        box = driver.switch_to.active_element
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        box.send_keys("log roll")
        time.sleep(1.0)
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
        focused = driver.switch_to.active_element
        assert "md-search-result__link" in focused.get_attribute("class")
        chosen = urlparse(focused.get_attribute("href")).path
        assert chosen in ("/recovery/", "/hospital-stay/"), "both pages explain the log roll"
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        time.sleep(1.0)
        assert urlparse(driver.current_url).path == chosen


def test_boilerplate_is_left_out_of_the_index(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert index["config"]["separator"].endswith("|\\.(?!\\d)"), "decimals such as 2.9 stay whole"
    locations = [doc["location"] for doc in index["docs"]]
    assert not any(loc.startswith("references/") for loc in locations)
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "doi.org" not in text and "full entry" not in text


def test_lay_words_stand_beside_the_medical_words_they_explain():
    glossary, _ = load_glossary()
    pages = {p.name: " ".join(p.read_text(encoding="utf-8").lower().split())
             for p in (ROOT / "docs").glob("*.md") if p.name not in ("glossary.md", "references.md")}
    missing = []
    for entry in glossary:
        if not entry.get("also_called"):
            continue
        hosts = [name for name, text in pages.items()
                 if any(re.search(rf"\b{re.escape(form.lower())}\b", text) for form in forms(entry))]
        if hosts and not any(lay.lower() in pages[name] for name in hosts for lay in entry["also_called"]):
            missing.append((entry["term"], entry["also_called"], hosts))
    assert missing == [], "write an everyday name next to the medical word on its page"
