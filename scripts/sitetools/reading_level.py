#!/usr/bin/env python3
"""Reading-level report for every page of the built site.

Run it alone, after the web build:
    .venv/bin/python -m sitetools reading-level site
    .venv/bin/python -m sitetools reading-level site --output reports/reading-level.md
    .venv/bin/python -m sitetools reading-level site --fail-on-stale-review   (the deploy workflow)

For each page it prints the Flesch-Kincaid grade (textstat 0.7.3), the SMOG
grade with dictionary syllables (syllables.py, CMU Pronouncing Dictionary),
textstat's own SMOG for comparison, Flesch reading ease, word count, average
sentence length and review date, all computed offline from the page's article
text: headings, list items and table cells count as sentences; navigation, code
and the closing Sources section do not. Limits come from
includes/plain-language.yml. It flags every page over a grade limit and every
page whose review is older than the review limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from sitepipeline.checks.page_rules import built_page, split_front_matter
from sitepipeline.checks.plain_language import Measure, article, load_config, measure, prose, review_age
from sitepipeline.project import find_root

ROOT = find_root()


@dataclass
class PageReport:
    source: str
    measure: Measure
    last_reviewed: dt.date
    flags: list[str]


def report(site: Path, docs: Path, config: dict, today: dt.date) -> list[PageReport]:
    limits, review = config["reading_level"], config["review"]
    reports = []
    for path in sorted(docs.glob("*.md")):
        if path.name in limits["not_measured"]:
            continue
        page, _ = split_front_matter(f"docs/{path.name}", path.read_text(encoding="utf-8"))
        html = built_page(site, path.name).read_text(encoding="utf-8")
        result = measure(prose(article(html)), config.get("syllable_counts"))
        flags = []
        if result.grade > limits["max_page_grade"]:
            flags.append(f"grade {result.grade:.1f} is over {limits['max_page_grade']}")
        if result.smog > limits["max_page_smog"]:
            flags.append(f"SMOG {result.smog:.1f} is over {limits['max_page_smog']}")
        age = review_age(page.meta["last_reviewed"], today)
        if age > review["max_age_days"]:
            flags.append(f"review is {age} days old, over {review['max_age_days']}")
        reports.append(PageReport(f"docs/{path.name}", result, page.meta["last_reviewed"], flags))
    return reports


def site_mean(reports: list[PageReport], measure_name: str = "grade") -> float:
    return statistics.mean(getattr(r.measure, measure_name) for r in reports)


def gate(reports: list[PageReport], config: dict) -> list[str]:
    """What fails the Flesch-Kincaid and SMOG gates, with what to fix first."""
    limits = config["reading_level"]
    failures = []
    for r in reports:
        if r.measure.grade > limits["max_page_grade"]:
            longest = " ".join(f"({n}) {s}" for n, s in enumerate(r.measure.longest, 1))
            failures.append(f"{r.source}: grade {r.measure.grade:.1f} is over {limits['max_page_grade']}. "
                            f"Longest sentences: {longest} Fix: shorter sentences, everyday words")
        if r.measure.smog > limits["max_page_smog"]:
            hard = ", ".join(f"{word} ({count})" for word, count in r.measure.hard_words)
            failures.append(f"{r.source}: SMOG {r.measure.smog:.1f} is over {limits['max_page_smog']}. "
                            f"Most used words of 3 or more syllables: {hard}. Fix: use shorter words "
                            "for some of these, or split long sentences")
    for name, label, limit in (("grade", "grade", "max_site_mean_grade"), ("smog", "SMOG", "max_site_mean_smog")):
        mean = site_mean(reports, name)
        if mean > limits[limit]:
            failures.append(f"site mean {label} {mean:.1f} is over {limits[limit]}. "
                            f"Fix: simplify the pages with the highest {label}")
    return failures


def stale(reports: list[PageReport]) -> list[PageReport]:
    return [r for r in reports if any("review" in flag for flag in r.flags)]


def table(reports: list[PageReport], config: dict) -> str:
    limits = config["reading_level"]
    lines = ["| Page | FK grade | SMOG (dictionary) | SMOG (textstat) | Reading ease | Words | "
             "Words per sentence | Last reviewed | Flags |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in reports:
        m = r.measure
        lines.append(f"| {r.source} | {m.grade:.1f} | {m.smog:.1f} | {m.textstat_smog:.1f} | {m.ease:.1f} | "
                     f"{m.words} | {m.words_per_sentence:.1f} | {r.last_reviewed} | {'; '.join(r.flags) or 'ok'} |")
    mean, mean_smog = site_mean(reports), site_mean(reports, "smog")
    over = [f"grade over {limits['max_site_mean_grade']}"] if mean > limits["max_site_mean_grade"] else []
    over += [f"SMOG over {limits['max_site_mean_smog']}"] if mean_smog > limits["max_site_mean_smog"] else []
    lines.append(f"| **Site mean** | **{mean:.1f}** | **{mean_smog:.1f}** | | | "
                 f"{sum(r.measure.words for r in reports)} | | | {'; '.join(over) or 'ok'} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default=ROOT / "site", type=Path)
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "reading-level.md",
                        help="where to write the table as Markdown")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date to measure review ages from (YYYY-MM-DD)")
    parser.add_argument("--fail-on-stale-review", action="store_true",
                        help="exit 1 when a page's review is too old (used before publishing)")
    parser.add_argument("--fail-on-grade", action="store_true",
                        help="exit 1 when a page or the site mean is over its grade limit")
    args = parser.parse_args(argv[1:])
    config = load_config()
    reports = report(args.site, ROOT / "docs", config, args.today)
    text = table(reports, config)
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(f"# Reading level, {args.today}\n\n{text}\n", encoding="utf-8")
    print(f"\nwritten to {args.output}")
    for r in stale(reports):
        print(f"{r.source}: last reviewed {r.last_reviewed}, more than "
              f"{config['review']['max_age_days']} days before {args.today}. "
              "Fix: check the page against its sources and update last_reviewed")
    failures = gate(reports, config)
    for failure in failures:
        print(failure)
    if args.fail_on_stale_review and stale(reports):
        return 1
    if args.fail_on_grade and failures:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
