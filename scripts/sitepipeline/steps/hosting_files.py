#!/usr/bin/env python3
"""Write the files a static host needs into the built site: _headers and robots.txt.

Run it alone:  .venv/bin/python -m sitepipeline hosting site https://example.org/
The build (python -m sitepipeline build) runs it after the engine.

_headers (read by Netlify, Cloudflare Pages and similar hosts) sets a strict
Content-Security-Policy: everything from the site itself, nothing from any
other host. The engine and the finish_pages step put a few small inline
scripts in every page; they are allowed by their SHA-256 hashes, which this
script computes from the built pages, so no other inline script can run.

It also sets how long a browser keeps each file, so that a repeat visit costs
almost nothing: a file whose name carries a fingerprint of its content (the
engine's bundle.a5f9d56c.min.js) never changes, so it is kept for a year; a
page is kept for 5 minutes, so a corrected page reaches readers quickly. Other
files get the host's default (checked again on each visit). Each address gets
at most one Cache-Control rule: Cloudflare joins the values of two matching rules.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

HEADERS_FILE = "_headers"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
KEEP_FINGERPRINTED = "public, max-age=31536000, immutable"
KEEP_PAGE = "public, max-age=300"


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


def fingerprinted_files(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and FINGERPRINTED.search(p.name))


def page_addresses(site: Path) -> list[str]:
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("/" if folder == "." else f"/{folder}/" for folder in folders) + ["/404.html"]


def cache_rules(site: Path, base: str = "/") -> list[str]:
    prefix = base.rstrip("/")
    lines = []
    for paths, lifetime in ((fingerprinted_files(site), KEEP_FINGERPRINTED), (page_addresses(site), KEEP_PAGE)):
        for path in paths:
            lines += [prefix + path, f"  Cache-Control: {lifetime}"]
    return lines


def headers_file(hashes: list[str], caching: list[str] | None = None) -> str:
    return "\n".join([
        "# Security and privacy headers for every page (Netlify / Cloudflare Pages format).",
        "# Written by scripts/sitepipeline/steps/hosting_files.py: do not edit by hand.",
        "/*",
        f"  Content-Security-Policy: {content_security_policy(hashes)}",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
        *(["# How long a browser keeps each file (see hosting_files.py)."] + caching if caching else []),
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


def matches(pattern: str, path: str) -> bool:
    """Whether a _headers rule applies to an address ("/*" matches all)."""
    return pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1]))


def headers_for(rules: dict[str, dict[str, str]], path: str) -> dict[str, str]:
    """The headers a host sends for one address: every rule that matches it."""
    headers: dict[str, str] = {}
    for pattern, values in rules.items():
        if matches(pattern, path):
            headers.update(values)
    return headers


def caching_problems(site: Path, rules: dict[str, dict[str, str]]) -> list[str]:
    """Files kept too long or not long enough by a _headers file's rules, and doubled rules."""
    problems = []
    for path in page_addresses(site) + fingerprinted_files(site) + ["/assets/stylesheets/site.css"]:
        matching = [pattern for pattern, values in rules.items() if "Cache-Control" in values
                    and matches(pattern, path)]
        keep = headers_for(rules, path).get("Cache-Control", "")
        wanted = (KEEP_FINGERPRINTED if FINGERPRINTED.search(path) else
                  KEEP_PAGE if path.endswith("/") or path == "/404.html" else "")
        if len(matching) > 1:
            problems.append(f"{path}: {len(matching)} rules set Cache-Control ({', '.join(matching)}); "
                            "a host joins them. Fix: one rule per address")
        elif keep != wanted:
            problems.append(f"{path}: Cache-Control is {keep or 'not set'!r}, wanted {wanted or 'not set'!r}. "
                            "Fix: write _headers with hosting_files.py")
    return problems


def write(site: Path, site_url: str) -> None:
    caching = cache_rules(site, urlparse(site_url).path or "/")
    (site / HEADERS_FILE).write_text(headers_file(inline_script_hashes(site), caching), encoding="utf-8")
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
