#!/usr/bin/env python3
"""What a first visit to each page transfers, gzip-compressed as a server would send it.

Run it alone, after the build:
    .venv/bin/python -m sitetools weight [site]

Each page is loaded in headless Chromium with its cache off; every file the
browser fetches (the page, CSS, fonts, images) is counted at its gzip size.
That is the first visit, and BUDGET holds it. The engine's script and its
search worker wait for the reader's first scroll, touch or key, so the script
also prints what a page weighs after a first scroll; the search index waits
for the reader to go to search, so neither figure counts it. The tests fail when a
page is over BUDGET, naming the page and its largest files.
"""

from __future__ import annotations

import gzip
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from sitetools.browser import DESKTOP, chromium
from sitetools.serve_site import built_pages, serve
from sitepipeline.project import find_root

ROOT = find_root()
BUDGET = 75 * 1024  # bytes, compressed, for a first visit to any page
SETTLE = 1.5  # seconds after load for the search index and worker to arrive


@dataclass
class PageWeight:
    page: str
    total: int
    files: list[tuple[str, int]]  # (path, compressed bytes), largest first
    after_scroll: int = 0  # the total once the reader has scrolled (the engine's script started)


def compressed_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=6)))


def local_file(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/")
    target = site / path
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def _fetched(site: Path, driver, url: str) -> dict[str, int]:
    fetched = [url] + driver.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)")
    files = {}
    for received in fetched:
        target = local_file(site, received)
        if target is not None:
            files[target.relative_to(site).as_posix()] = compressed_size(target)
    return files


def weigh(site: Path, pages: list[str] | None = None) -> list[PageWeight]:
    """Every built page, or only `pages` (folder names, "" for home)."""
    results = []
    with serve(site) as base, chromium(DESKTOP) as driver:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for page in built_pages(site) if pages is None else pages:
            url = base + (page + "/" if page else "")
            driver.get(url)
            time.sleep(SETTLE)
            files = _fetched(site, driver, url)
            driver.execute_script("window.scrollBy(0, 1)")
            time.sleep(SETTLE)
            after = _fetched(site, driver, url)
            ordered = sorted(files.items(), key=lambda item: item[1], reverse=True)
            results.append(PageWeight(page or "(home)", sum(files.values()), ordered, sum(after.values())))
    return results


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    results = weigh(site)
    print(f"{'Page':28} {'KB (gzip)':>10} {'scrolled':>9}  Largest files")
    for result in results:
        largest = ", ".join(f"{name} {size / 1024:.1f}" for name, size in result.files[:3])
        flag = "  OVER BUDGET" if result.total > BUDGET else ""
        print(f"{result.page:28} {result.total / 1024:10.1f} {result.after_scroll / 1024:9.1f}  {largest}{flag}")
    print(f"budget {BUDGET / 1024:.0f} KB a first visit; heaviest page "
          f"{max(r.total for r in results) / 1024:.1f} KB, {max(r.after_scroll for r in results) / 1024:.1f} KB "
          f"once scrolled (the engine's script and search worker); whole site "
          f"{sum(compressed_size(p) for p in site.rglob('*') if p.is_file() and 'handouts' not in p.parts) / 1024:.1f} KB "
          f"(without the PDF handouts)")
    return 1 if any(r.total > BUDGET for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
