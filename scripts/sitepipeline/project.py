"""Where the project is: the folder that holds mkdocs.yml.

Every path the pipeline reads by default (includes/, docs/) is found from
here, so the same package builds any project: it is run from that project's
folder, as MkDocs itself is.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_FILE = "mkdocs.yml"


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: the working folder) with a mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return here
