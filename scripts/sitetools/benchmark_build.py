#!/usr/bin/env python3
"""Time the web build and the PDF handouts, and print the medians and their ratio.

Run it alone:  .venv/bin/python -m sitetools benchmark [--runs 5]

Target: all handouts plus the booklet take less time than the web build.
Each step is timed as a whole command, as `make build` runs it. Two more
figures show what no handout step made with WeasyPrint can beat on this
machine: starting Python and importing WeasyPrint alone, and the least
handout step (each handout laid out and written once, in the same number of
processes, with no notes box to try and no booklet).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = find_root()

import sitepipeline.steps.handouts as handouts
from sitepipeline.project import find_root


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def _lay_out_once(site: Path, page: str, limit: int, out: Path) -> None:
    section = handouts.read_section(site, page, limit)
    handouts.lay_out(section, handouts._SHEETS, notes=False).write_pdf(out / f"{section.slug}.pdf")


def least_handout_step(site: Path, out: Path) -> None:
    schema = handouts.load_schema()["handouts"]
    with handouts.worker_pool(site, schema["default_paper"]) as pool:
        jobs = [pool.submit(_lay_out_once, site, page, limit, out) for page, limit in schema["pages"].items()]
        for job in jobs:
            job.result()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--least", nargs=2, type=Path, metavar=("SITE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])
    if args.least:
        least_handout_step(*args.least)
        return 0
    web, pdf, floor, least = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        for run in range(1, args.runs + 1):
            web.append(timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]))
            pdf.append(timed([sys.executable, "-m", "sitepipeline", "handouts", str(site)]))
            floor.append(timed([sys.executable, "-c", "import weasyprint"]))
            least.append(timed([sys.executable, __file__, "--least", str(site), folder]))
            print(f"run {run}: web build {web[-1]:.2f} s, handouts {pdf[-1]:.2f} s, "
                  f"importing WeasyPrint {floor[-1]:.2f} s, least handout step {least[-1]:.2f} s")
    web_median, pdf_median = statistics.median(web), statistics.median(pdf)
    print(f"median of {args.runs} runs: web build {web_median:.2f} s, handouts and booklet "
          f"{pdf_median:.2f} s, ratio handouts/web {pdf_median / web_median:.2f} "
          f"(target: below 1.00) on {os.cpu_count()} cores")
    print(f"what no WeasyPrint handout step can beat: importing WeasyPrint alone "
          f"{statistics.median(floor):.2f} s; the least handout step {statistics.median(least):.2f} s, "
          f"ratio least/web {statistics.median(least) / web_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
