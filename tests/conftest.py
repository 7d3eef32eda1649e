"""Shared helpers: one strict build of the real site, and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

# What a build needs; copied into a temporary folder for tests that break things.
PROJECT_PARTS = ("docs", "includes", "overrides", "scripts", "mkdocs.yml")


@dataclass
class Build:
    site: Path
    returncode: int
    log: str


def run_build(project: Path, site: Path, **env: str) -> Build:
    """The strict build, as `make build` runs it (never with -v or -q)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    return Build(site, result.returncode, result.stdout + result.stderr)


def run_handouts(project: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    """The handout step of `make build`, with the project's own script."""
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "make_handouts.py"), str(site), *args],
        cwd=project, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The whole `make build`: the strict web build, then the PDF handouts."""
    build = run_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, f"the strict build failed:\n{build.log}"
    handouts = run_handouts(ROOT, build.site)
    assert handouts.returncode == 0, f"the handouts failed:\n{handouts.stdout}{handouts.stderr}"
    build.log += handouts.stdout
    return build


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project that a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / part)
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


from page_rules import load_schema, split_front_matter  # noqa: E402  (scripts/ is on the path now)

SCHEMA = load_schema()
# Home and every page with a handout, in booklet order (includes/page-schema.yml).
CONTENT_PAGES = ("index.md", *SCHEMA["handouts"]["pages"])


def sections_of(page: str) -> list[str]:
    """The required sections of a page's kind, in order (includes/page-schema.yml)."""
    parsed, _ = split_front_matter(page, (ROOT / "docs" / page).read_text(encoding="utf-8"))
    return SCHEMA["kinds"][parsed.meta["kind"]]["sections"]


def assert_build_fails(project: Path, *messages: str) -> None:
    """The strict build of a broken copy must stop, and its log must say each message."""
    build = run_build(project, project / "site")
    assert build.returncode != 0, "the build passed but should have failed"
    for message in messages:
        assert message in build.log, f"{message!r} is not in the build log:\n{build.log}"


def problems_in(project: Path) -> list[str]:
    """What scripts/check_pages.py reports for a copy of the project."""
    from check_pages import check_site

    return [str(problem) for problem in check_site(project / "docs")]
