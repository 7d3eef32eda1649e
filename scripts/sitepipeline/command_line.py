"""The one dispatcher behind `python -m sitepipeline` and `python -m sitetools`."""

from __future__ import annotations

import sys
from importlib import import_module

# name -> (module with a main(argv), one line of help)
Commands = dict[str, tuple[str, str]]


def dispatch(program: str, commands: Commands, argv: list[str]) -> int:
    """Run `program <command> [arguments]`: the command's module gets argv with its name first."""
    if len(argv) < 2 or argv[1] not in commands:
        width = max(map(len, commands)) + 2
        lines = [f"  {name:{width}}{help}" for name, (_, help) in commands.items()]
        print(f"usage: python -m {program} <command> [arguments]\n" + "\n".join(lines), file=sys.stderr)
        return 2
    module, _ = commands[argv[1]]
    return import_module(module).main([f"{program} {argv[1]}", *argv[2:]])
