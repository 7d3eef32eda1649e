"""`python -m sitepipeline` and `python -m sitetools`: one dispatcher, a usage list for a wrong command."""

from __future__ import annotations

import pytest

from sitepipeline.__main__ import STEPS
from sitepipeline.__main__ import main as pipeline
from sitetools.__main__ import TOOLS
from sitetools.__main__ import main as tools


@pytest.mark.parametrize("main, program, commands", [(pipeline, "sitepipeline", STEPS), (tools, "sitetools", TOOLS)])
@pytest.mark.parametrize("argv", [[], ["no-such-command"]], ids=["none", "unknown"])
def test_a_missing_or_unknown_command_prints_every_command(capsys, main, program, commands, argv):
    assert main([program, *argv]) == 2
    usage = capsys.readouterr().err
    assert usage.startswith(f"usage: python -m {program} <command> [arguments]")
    for name, (_, help) in commands.items():
        assert f"  {name} " in usage and help in usage


def test_a_command_gets_its_arguments_with_its_name_first(capsys):
    # schema-table without --write prints the README's table and returns 0.
    assert tools(["sitetools", "schema-table"]) == 0
    assert "|" in capsys.readouterr().out
