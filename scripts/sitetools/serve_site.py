"""Serve a built site on 127.0.0.1 the way a static host would, for the checks.

Like a host, it sends the headers from the site's _headers file, gzips text
files for browsers that accept it, and answers a missing page with 404.html.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from sitepipeline.steps.hosting_files import headers_for, parse_headers

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: dict[str, dict[str, str]] = {}

    def end_headers(self):
        # linkchecker waits between requests to one host unless the server
        # sends this header; without it a full check takes minutes.
        self.send_header("LinkChecker", "allowed")
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (path.is_file() and path.suffix in COMPRESSIBLE
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def built_pages(site: Path) -> list[str]:
    """Every page folder of a built site ('' is the home page), without the handouts."""
    folders = (p.parent.relative_to(site).as_posix() for p in Path(site).glob("**/index.html")
               if "handouts" not in p.parts)
    return sorted("" if folder == "." else folder for folder in folders)


@contextmanager
def serve(directory: Path):
    """Serve a directory on an ephemeral port of 127.0.0.1; yield its base URL."""
    headers_path = Path(directory) / "_headers"
    rules = parse_headers(headers_path.read_text(encoding="utf-8")) if headers_path.is_file() else {}
    handler_class = type("Handler", (_Handler,), {"rules": rules})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
