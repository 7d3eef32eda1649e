"""The pipeline's command line: python -m sitepipeline <step> [arguments].

`make build` runs `build`: the checks, the engine, then the steps after it.
`make check` runs `check`. Each step also runs on its own.
"""

from __future__ import annotations

import sys

from sitepipeline.command_line import dispatch

STEPS = {
    "build": ("sitepipeline.build", "the whole build: build [--engine zensical] [--site-dir DIR] [--no-handouts]"),
    "serve": ("sitepipeline.serve", "live preview, with the checks after every save: serve"),
    "check": ("sitepipeline.checks.site", "check pages, references, evidence and glossary: check [docs]"),
    "hosting": ("sitepipeline.steps.hosting_files", "write _headers and robots.txt: hosting site [site_url]"),
    "handouts": ("sitepipeline.steps.handouts", "make the PDF handouts and booklet: handouts site [--paper a4]"),
}


def main(argv: list[str]) -> int:
    return dispatch("sitepipeline", STEPS, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
