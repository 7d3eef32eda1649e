#!/usr/bin/env python3
"""Lighthouse scores for every page, mobile preset, in Debian's Chromium.

Run it alone, after the build and `npm ci`:
    .venv/bin/python -m sitetools lighthouse [site]

The site is served on 127.0.0.1 as a static host would serve it (gzip, the
_headers file, 404.html); every other host is blocked. It prints the four
category scores per page. Target: 100 everywhere. The tests hold
accessibility, best practices and SEO at 100 and performance at 95 or more
(simulated throttling makes performance noisy, so a page below 95 is measured
five times and the median run counts, as Lighthouse's own guide to variability advises).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitetools.browser import CHROMIUM, FLAGS
from sitetools.serve_site import built_pages, serve
from sitepipeline.project import find_root

ROOT = find_root()
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Simulated throttling makes performance vary from run to run on a busy
# 2-core machine: total blocking time on one page ranged from 51 to 212 ms in
# three runs in a row here. Below this score a page is measured four times more
# and the median of the five runs is reported, as Lighthouse's guide to
# variability advises (five runs, median).
RECHECK_BELOW = 95
RUNS = 5


@dataclass
class Scores:
    page: str
    scores: dict[str, int]
    failing: list[str]  # audits below full marks, for the report


def audit(url: str, folder: Path) -> dict:
    report = folder / "report.json"
    flags = " ".join(f'"{flag}"' if " " in flag else flag for flag in FLAGS)
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                   check=True, capture_output=True, timeout=300,
                   env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(report.read_text(encoding="utf-8"))


def _scores(report: dict) -> dict[str, int]:
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def score_site(site: Path, selection: list[str] | None = None) -> list[Scores]:
    results = []
    with serve(site) as base, tempfile.TemporaryDirectory() as folder:
        for page in selection if selection is not None else built_pages(site):
            url = base + (page + "/" if page else "")
            report = audit(url, Path(folder))
            scores = _scores(report)
            if scores["performance"] < RECHECK_BELOW:
                runs = [report] + [audit(url, Path(folder)) for _ in range(RUNS - 1)]
                report = sorted(runs, key=lambda run: run["categories"]["performance"]["score"])[RUNS // 2]
                scores = _scores(report)
            failing = [f"{category}: {ref['id']} ({report['audits'][ref['id']].get('displayValue', '')})"
                       for category in CATEGORIES for ref in report["categories"][category]["auditRefs"]
                       if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 1
                       and report["audits"][ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual")]
            results.append(Scores(page or "(home)", scores, failing))
    return results


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    print(f"{'Page':28} {'Perf':>5} {'A11y':>5} {'BP':>5} {'SEO':>5}")
    results = []
    for result in score_site(site):
        results.append(result)
        s = result.scores
        print(f"{result.page:28} {s['performance']:5} {s['accessibility']:5} {s['best-practices']:5} {s['seo']:5}")
        for item in result.failing:
            print(f"    below full marks: {item}")
    lowest = {name: min(r.scores[name] for r in results) for name in CATEGORIES}
    print("lowest: " + ", ".join(f"{name} {score}" for name, score in lowest.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
