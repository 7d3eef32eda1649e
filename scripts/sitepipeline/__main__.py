"""The pipeline's command line: python -m sitepipeline <step> [arguments].

`make build` runs `build`: the checks, the engine, then the steps after it.
`make check` runs `check`. Each step also runs on its own.
"""

from __future__ import annotations

import sys
from importlib import import_module

STEPS = {
    "build": ("sitepipeline.build", "the whole build: build [--engine zensical] [--site-dir DIR] [--no-handouts]"),
    "serve": ("sitepipeline.serve", "live preview, with the checks after every save: serve"),
    "check": ("sitepipeline.checks.site", "check pages, references, evidence and glossary: check [docs]"),
    "hosting": ("sitepipeline.steps.hosting_files", "write _headers and robots.txt: hosting site [site_url]"),
    "handouts": ("sitepipeline.steps.handouts", "make the PDF handouts and booklet: handouts site [--paper a4]"),
}


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in STEPS:
        lines = [f"  {name:9} {help}" for name, (_, help) in STEPS.items()]
        print("usage: python -m sitepipeline <step> [arguments]\n" + "\n".join(lines), file=sys.stderr)
        return 2
    module, _ = STEPS[argv[1]]
    return import_module(module).main([f"sitepipeline {argv[1]}", *argv[2:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
