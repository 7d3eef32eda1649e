#!/usr/bin/env python3
"""Time the web build and the PDF handouts, and print the medians and their ratio.

Run it alone:  .venv/bin/python scripts/benchmark_build.py [--runs 5]

Target: all handouts plus the booklet take less time than the web build.
Each step is timed as a whole command, as `make build` runs it. It also times
starting Python and importing WeasyPrint alone: no handout step can take less.
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

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv[1:])
    web, pdf, floor = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        for run in range(1, args.runs + 1):
            web.append(timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]))
            pdf.append(timed([sys.executable, "scripts/make_handouts.py", str(site)]))
            floor.append(timed([sys.executable, "-c", "import weasyprint"]))
            print(f"run {run}: web build {web[-1]:.2f} s, handouts {pdf[-1]:.2f} s, "
                  f"importing WeasyPrint {floor[-1]:.2f} s")
    web_median, pdf_median = statistics.median(web), statistics.median(pdf)
    print(f"median of {args.runs} runs: web build {web_median:.2f} s, handouts and booklet "
          f"{pdf_median:.2f} s, ratio handouts/web {pdf_median / web_median:.2f} "
          f"(target: below 1.00) on {os.cpu_count()} cores; importing WeasyPrint alone "
          f"{statistics.median(floor):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
