"""`make serve`: the live preview prints the check's file:line: fix when a page breaks, and
keeps running."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from conftest import edit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_served(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_page_broken_while_serving_is_named_and_the_server_keeps_running(project, tmp_path):
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "sitepipeline", "serve", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                  stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 60
            while "Serving on http://127.0.0.1:" not in log.read_text() and time.monotonic() < deadline:
                time.sleep(0.5)
            assert "all pages pass" in log.read_text(), log.read_text()
            edit(project / "includes" / "references.yml", "fairbank2005:", "fairbank2005x:")
            while "problem(s)" not in log.read_text().split("all pages pass", 1)[1] and time.monotonic() < deadline:
                time.sleep(0.5)
            after = log.read_text().split("all pages pass", 1)[1]
            assert "the citation '[@fairbank2005]' is not in includes/references.yml" in after
            assert "Fix: correct the key or add the source" in after
            assert server.poll() is None, f"the server stopped:\n{log.read_text()}"
        finally:
            server.terminate()
            server.wait(timeout=20)
    # Stopping the preview stops the engine's server too: no process is left holding the port.
    deadline = time.monotonic() + 10
    while is_served(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not is_served(port), f"the engine's server still answers on port {port} after the preview stopped"

