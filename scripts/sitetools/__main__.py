"""The measuring tools' command line: python -m sitetools <tool> [arguments]."""

from __future__ import annotations

import sys
from importlib import import_module

TOOLS = {
    "reading-level": ("sitetools.reading_level", "reading-level report and gates: reading-level site"),
    "page-report": ("sitetools.page_report", "one page's problems and reading level: page-report docs/page.md"),
    "links": ("sitetools.check_links", "linkchecker over the built site: links site"),
    "privacy": ("sitetools.check_privacy", "nothing fetched from another host: privacy site"),
    "lighthouse": ("sitetools.lighthouse", "Lighthouse scores; a page below 95 is run five times, median: lighthouse site"),
    "weight": ("sitetools.page_weight", "first-visit weight per page: weight site"),
    "search-eval": ("sitetools.search_eval", "patients' questions typed into search: search-eval site"),
    "patient-questions": ("sitetools.patient_questions", "every question has an answering heading"),
    "schema-table": ("sitetools.schema_table", "the README's schema table: schema-table [--write]"),
    "benchmark": ("sitetools.benchmark_build", "build and handout timings: benchmark [--runs N]"),
}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in TOOLS:
        lines = [f"  {name:17} {help}" for name, (_, help) in TOOLS.items()]
        print("usage: python -m sitetools <tool> [arguments]\n" + "\n".join(lines), file=sys.stderr)
        return 2
    module, _ = TOOLS[argv[1]]
    return import_module(module).main([f"sitetools {argv[1]}", *argv[2:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
