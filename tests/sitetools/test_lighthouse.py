"""Lighthouse, mobile preset, on every page: accessibility, best practices and SEO at 100."""

from __future__ import annotations

import pytest

from sitetools.lighthouse import score_site
from sitetools.serve_site import built_pages


@pytest.fixture(scope="module")
def scores(built_site):
    return score_site(built_site.site)


def test_every_page_scores_100_for_accessibility_best_practices_and_seo(scores):
    below = {s.page: {k: v for k, v in s.scores.items() if k != "performance" and v < 100}
             for s in scores}
    assert {page: low for page, low in below.items() if low} == {}


def test_every_page_scores_at_least_95_for_performance(scores):
    # Simulated throttling makes this score noisy; 95 leaves room for that.
    slow = {s.page: (s.scores["performance"], s.failing) for s in scores if s.scores["performance"] < 95}
    assert slow == {}


def test_every_page_was_scored(built_site, scores):
    assert [s.page for s in scores] == [page or "(home)" for page in built_pages(built_site.site)]
