#!/usr/bin/env python3
"""Write the files a static host needs into the built site: _headers and robots.txt.

Run it alone:  .venv/bin/python -m sitepipeline hosting site https://example.org/
The build (python -m sitepipeline build) runs it after the engine.

_headers (read by Netlify, Cloudflare Pages and similar hosts) sets a strict
Content-Security-Policy: everything from the site itself, nothing from any
other host. Material for MkDocs puts three small inline scripts in every page;
they are allowed by their SHA-256 hashes, which this script computes from the
built pages, so no other inline script can run.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

HEADERS_FILE = "_headers"


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for script in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("src") or script.get("type") == "application/json":
                continue
            digest = hashlib.sha256(script.string.encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(hashes)


def content_security_policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers_file(hashes: list[str]) -> str:
    return "\n".join([
        "# Security and privacy headers for every page (Netlify / Cloudflare Pages format).",
        "# Written by scripts/sitepipeline/steps/hosting_files.py: do not edit by hand.",
        "/*",
        f"  Content-Security-Policy: {content_security_policy(hashes)}",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
        "",
    ])


def robots_file(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """The rules of a _headers file: path pattern -> header name -> value."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name.strip()] = value.strip()
    return rules


def write(site: Path, site_url: str) -> None:
    (site / HEADERS_FILE).write_text(headers_file(inline_script_hashes(site)), encoding="utf-8")
    (site / "robots.txt").write_text(robots_file(site_url), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: hosting_files.py SITE_DIR SITE_URL")
        return 2
    write(Path(argv[1]), argv[2])
    print(f"wrote {argv[1]}/{HEADERS_FILE} and {argv[1]}/robots.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
