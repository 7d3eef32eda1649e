#!/usr/bin/env python3
"""Find anything in a built site that would make a reader's browser contact another host.

Run it alone:  .venv/bin/python -m sitetools privacy [site-dir]

It looks at <link href>, <script src>, <img src/srcset>, <iframe src>,
<source src/srcset>, <video>/<audio> src and CSS url(...), in HTML files
(including style attributes and <style> blocks) and in CSS files.
Ordinary <a href> links to other sites are fine: nothing is fetched until the
reader follows one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ASSET_ATTRIBUTES = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
# <link> relations that name a page without the browser fetching it.
NOT_FETCHED = {"canonical", "alternate", "author", "help", "license", "next", "prev"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def _external(value: str) -> list[str]:
    candidates = [part.strip().split(" ")[0] for part in value.split(",")] if "," in value else [value.strip()]
    return [c for c in candidates if EXTERNAL.match(c)]


def external_assets(site: Path) -> list[str]:
    """Every reference to another host's asset, as 'file: tag attribute=url'."""
    found = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attributes in ASSET_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                if tag == "link" and set(element.get("rel") or []) <= NOT_FETCHED and element.get("rel"):
                    continue
                for attribute in attributes:
                    for url in _external(element.get(attribute) or ""):
                        found.append(f"{name}: <{tag} {attribute}> loads {url}")
        styles = [element.get("style", "") for element in soup.find_all(style=True)]
        styles += [element.get_text() for element in soup.find_all("style")]
        for style in styles:
            found += [f"{name}: CSS url() loads {url}" for url in CSS_URL.findall(style)
                      if EXTERNAL.match(url)]
    for path in sorted(site.rglob("*.css")):
        name = path.relative_to(site).as_posix()
        found += [f"{name}: CSS url() loads {url}" for url in CSS_URL.findall(path.read_text(encoding="utf-8"))
                  if EXTERNAL.match(url)]
    return found


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "site"
    found = external_assets(site)
    for line in found:
        print(f"{line}. Fix: serve the file from this site instead")
    print(f"{len(found)} references to other hosts in {site}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
