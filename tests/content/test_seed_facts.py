"""Every fact of the seed article is on the built site, in the site's own words."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

SEED = ROOT / "research" / "seed-article.txt"
FACTS = yaml.safe_load((ROOT / "tests" / "seed_facts.yml").read_text(encoding="utf-8"))
TITLE = "The Back Surgery Fusion Outcomes"


def normal(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2014", "-")
    return " ".join(text.lower().split())


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8").replace(TITLE, " ")
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def page_text(site, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return normal(article.get_text(" "))


def test_every_seed_sentence_is_covered_by_a_fact():
    quotes = [normal(fact["seed"]) for fact in FACTS]
    missing = [s for s in seed_sentences() if not any(q in normal(s) for q in quotes)]
    assert missing == [], "seed sentences with no entry in tests/seed_facts.yml"


def test_every_fact_quotes_the_seed():
    seed = normal(SEED.read_text(encoding="utf-8"))
    assert [f["seed"] for f in FACTS if normal(f["seed"]) not in seed] == []


def missing_phrases(site, fact: dict) -> list[str]:
    text = page_text(site, fact["page"])
    return [phrase for phrase in fact["says"] if normal(phrase) not in text]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f["seed"][:40])
def test_fact_is_on_its_page(built_site, fact):
    page = fact["page"] or "home"
    assert missing_phrases(built_site.site, fact) == [], \
        f"site/{page}: the seed fact '{fact['seed']}' is not stated in full"


def test_a_dropped_fact_is_caught(site_copy):
    site = site_copy
    path = site / "complications" / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace("Nerve damage", "Other").replace(
        "nerve damage", "other"), encoding="utf-8")
    fact = next(f for f in FACTS if "nerve damage" in f["says"])
    assert missing_phrases(site, fact) == ["nerve damage"]
