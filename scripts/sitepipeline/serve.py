"""Live preview: the engine's own server, plus the content checks on every save.

    python -m sitepipeline serve          # make serve

The engine rebuilds the pages when docs/, includes/ or mkdocs.yml change
(`watch:` in mkdocs.yml). The checks that stop `make build` run here too, after
each save, and print the same file:line: problem. Fix: lines; the server keeps
running, so the writer mends the page and looks again. No handouts are made.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from sitepipeline.checks.site import check_site
from sitepipeline.project import CONFIG_FILE, find_root

WATCHED = ("docs", "includes", CONFIG_FILE)


def snapshot(root: Path) -> dict[Path, float]:
    files = []
    for name in WATCHED:
        path = root / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return {path: path.stat().st_mtime for path in files}


def report(root: Path) -> None:
    problems = check_site(root / "docs")
    for problem in problems:
        print(problem, flush=True)
    print(f"checks: {len(problems)} problem(s)" + ("" if problems else ", all pages pass"), flush=True)


def stop_on_terminate(*_) -> None:
    # SIGTERM (a process manager, a test) would end Python without running `finally`, and the
    # engine's server would keep the port. Leave through SystemExit instead.
    sys.exit(0)


def main(argv: list[str]) -> int:
    root = find_root()
    signal.signal(signal.SIGTERM, stop_on_terminate)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *argv[1:]], cwd=root)
    seen = snapshot(root)
    report(root)
    try:
        while server.poll() is None:
            time.sleep(1)
            now = snapshot(root)
            if now != seen:
                seen = now
                report(root)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.terminate()
        server.wait()
    return 0
