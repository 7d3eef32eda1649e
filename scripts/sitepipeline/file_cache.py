"""Read a data file once per version of it.

Engines make a new Markdown instance for every page, so an extension that read
its data file in `extendMarkdown` would read it once per page. A function
wrapped in `once_per_version` runs again only when one of its files changes
(its modification time is part of the cache key), so a live preview sees edits.
"""

from __future__ import annotations

from functools import lru_cache, wraps
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def modified(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


def once_per_version(read: Callable[..., T]) -> Callable[..., T]:
    """`read(*paths)`, cached on the paths and their modification times."""
    @lru_cache(maxsize=4)
    def cached(paths: tuple[Path, ...], _versions: tuple[float, ...]) -> T:
        return read(*paths)

    @wraps(read)
    def reader(*paths: Path) -> T:
        return cached(paths, tuple(modified(path) for path in paths))

    return reader
