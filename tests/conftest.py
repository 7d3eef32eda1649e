"""Shared helpers: one strict build of the real site, and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitepipeline.checks.page_rules import load_schema, split_front_matter

ROOT = Path(__file__).resolve().parent.parent

# What a build needs; copied into a temporary folder for tests that break things.
PROJECT_PARTS = ("docs", "includes", "overrides", "mkdocs.yml")


@dataclass
class Build:
    site: Path
    returncode: int
    log: str


def run_build(project: Path, site: Path, engine: str = "mkdocs", **env: str) -> Build:
    """The build as `make build` runs it, without the PDF handouts: the checks, the strict
    engine build (never with -v or -q) and the steps after it."""
    result = subprocess.run(
        [sys.executable, "-m", "sitepipeline", "build", "--engine", engine, "--site-dir", str(site),
         "--no-handouts"],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    return Build(site, result.returncode, result.stdout + result.stderr)


def run_handouts(project: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    """The handout step of `make build`, with the project's own script."""
    return subprocess.run(
        [sys.executable, "-m", "sitepipeline", "handouts", str(site), *args],
        cwd=project, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The whole `make build`: the strict web build, then the PDF handouts."""
    build = run_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, f"the strict build failed:\n{build.log}"
    handouts = run_handouts(ROOT, build.site)
    assert handouts.returncode == 0, f"the handouts failed:\n{handouts.stdout}{handouts.stderr}"
    build.log += handouts.stdout + handouts.stderr
    return build


@pytest.fixture
def site_copy(built_site, tmp_path) -> Path:
    """A copy of the built site that a test may break."""
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)
    return site


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
    """What the pre-build check (python -m sitepipeline check) reports for a copy of the project."""
    from sitepipeline.checks.site import check_site

    return [str(problem) for problem in check_site(project / "docs")]


# `make check` runs the tests that examine the real pages and data without a browser, in
# under a minute: schema, citations, evidence, strict data, glossary, reading level, seed
# facts, patients' questions, icon arrays. Its one build (the built_site fixture) is the
# strict build with the handouts, so handout page limits are checked too. Tests of the
# checkers on broken copies of the project, rendering details and browser tests run in
# `make test`.
CONTENT_FILES = {"test_page_schema.py", "test_citations.py", "test_evidence.py", "test_strict_data.py",
                 "test_glossary_tooltips.py", "test_plain_language.py", "test_seed_facts.py",
                 "test_patient_questions.py", "test_icon_arrays.py", "test_readme.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in CONTENT_FILES and "project" not in item.fixturenames:
            item.add_marker(pytest.mark.content)
