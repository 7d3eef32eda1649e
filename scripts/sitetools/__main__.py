"""The measuring tools' command line: python -m sitetools <tool> [arguments]."""

from __future__ import annotations

import sys

from sitepipeline.command_line import dispatch

TOOLS = {
    "reading-level": ("sitetools.reading_level", "reading-level report and gates: reading-level site"),
    "page-report": ("sitetools.page_report", "one page's problems and reading level: page-report docs/page.md"),
    "links": ("sitetools.check_links", "linkchecker over the built site: links site"),
    "privacy": ("sitetools.check_privacy", "nothing fetched from another host: privacy site"),
    "lighthouse": ("sitetools.lighthouse", "Lighthouse scores; a page below 95 is run five times, median: lighthouse site"),
    "weight": ("sitetools.page_weight", "first-visit weight per page: weight site"),
    "search-eval": ("sitetools.search_eval", "patients' questions put into the site's search: search-eval site"),
    "patient-questions": ("sitetools.patient_questions", "every question has an answering heading"),
    "schema-table": ("sitetools.schema_table", "the README's schema table: schema-table [--write]"),
    "benchmark": ("sitetools.benchmark_build", "build and handout timings: benchmark [--runs N]"),
}


def main(argv: list[str]) -> int:
    return dispatch("sitetools", TOOLS, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
