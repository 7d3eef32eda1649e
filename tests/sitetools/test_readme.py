"""The README gives the two set-up commands and matches the page schema."""

from __future__ import annotations

import re

from conftest import ROOT
from sitepipeline.checks.page_rules import load_schema
from sitetools.schema_table import block, readme_block

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_quick_start_is_make_build_then_make_test():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", quick_start, re.S)[0].split()
    assert " ".join(commands) == "make build make test"


def test_readme_schema_tables_match_the_schema():
    assert readme_block(README) == block(load_schema()), \
        "README.md is out of date. Fix: run .venv/bin/python -m sitetools schema-table --write"


def test_readme_table_detects_a_changed_schema():
    schema = load_schema()
    schema["kinds"]["section"]["sections"].insert(1, "What you can do")
    assert readme_block(README) != block(schema)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
