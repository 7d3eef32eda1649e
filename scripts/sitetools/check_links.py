#!/usr/bin/env python3
"""Check every internal link and anchor in a built site with linkchecker.

Run it alone:  .venv/bin/python -m sitetools links [site-dir]

linkchecker, on the site served on 127.0.0.1, finds links to pages that do not
exist. Anchors are checked here instead, page by page from the built HTML:
linkchecker checks each page once and, when two links reach the same page, may
skip the anchor of the second, depending on thread timing, so its anchor
reports came and went. External links are listed, never fetched.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from sitetools.serve_site import serve
from sitepipeline.project import find_root

ROOT = find_root()
CONFIG = Path(__file__).with_name("linkcheckerrc")


@dataclass
class LinkReport:
    checked: int
    external: list[str]
    failures: list[str]


def _page_path(url: str, base: str) -> str:
    path = url.removeprefix(base).split("#")[0] or ""
    return path + "index.html" if path == "" or path.endswith("/") else path


def _target(page: str, href: str) -> tuple[str, str] | None:
    """The site file and fragment an internal link points to, or None if it leaves the site."""
    parts = urlparse(href)
    if parts.scheme or parts.netloc or not parts.fragment:
        return None
    return _page_path(unquote(urljoin(page, href)).lstrip("/"), ""), unquote(parts.fragment)


def broken_anchors(site: Path) -> list[str]:
    """Every link to a part of a page (#anchor) where that page has no such id."""
    pages = {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
             for path in sorted(site.rglob("*.html"))}
    ids = {page: {tag["id"] for tag in soup.find_all(id=True)}
           | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
           for page, soup in pages.items()}
    failures = []
    for page, soup in pages.items():
        for link in soup.find_all("a", href=True):
            target = _target(page, link["href"])
            if target is None or target[0] not in ids:
                continue  # missing pages are linkchecker's to report
            path, fragment = target
            if fragment not in ids[path]:
                failures.append(f"{site.name}/{page}:{link.sourceline}: the link '{link['href']}' is broken "
                                f"(Anchor `{fragment}' not found). Fix: point it at a page or anchor that exists")
    return failures


def check_site(site: Path) -> LinkReport:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with serve(site) as base:
        result = subprocess.run(
            [str(linkchecker), "--config", str(CONFIG), "--no-status", "--verbose",
             "--output", "csv", base],
            capture_output=True, text=True, timeout=600)
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    records = list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"))
    failures, external = [], []
    for record in records:
        url, parent = record["url"], record["parentname"]
        if not url.startswith(base):
            external.append(url)
            continue
        problem = record["warningstring"] if record["valid"] == "True" else record["result"]
        if record["valid"] != "True" or record["warningstring"]:
            where = f"{site.name}/{_page_path(parent, base)}" if parent else site.name
            failures.append(f"{where}:{record['line']}: the link '{record['urlname']}' is broken "
                            f"({problem.strip()}). Fix: point it at a page or anchor that exists")
    if result.returncode not in (0, 1) or not records:
        failures.append(f"linkchecker did not run (exit {result.returncode}): {result.stderr.strip()}")
    return LinkReport(len(records), sorted(set(external)), failures + broken_anchors(site))


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"{site}: there is no built site here. Fix: run 'make build' first")
        return 1
    report = check_site(site)
    for failure in report.failures:
        print(failure)
    print(f"{report.checked} links checked, {len(report.external)} external links listed "
          f"but not fetched, {len(report.failures)} broken")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
