"""The data files behind the extensions are read once per version, and again after an edit."""

from __future__ import annotations

import os

from sitepipeline.file_cache import once_per_version


def test_a_file_is_read_once_until_it_changes(tmp_path):
    data = tmp_path / "glossary.yml"
    data.write_text("first", encoding="utf-8")
    reads = []

    @once_per_version
    def read(path):
        reads.append(path)
        return path.read_text(encoding="utf-8")

    assert [read(data) for _ in range(3)] == ["first"] * 3
    assert len(reads) == 1, "a new Markdown instance per page must not read the file again"

    data.write_text("second", encoding="utf-8")
    stat = data.stat()
    os.utime(data, (stat.st_atime, stat.st_mtime + 5))  # a later version, even on a coarse clock
    assert read(data) == "second", "a live preview must see the edit"
    assert len(reads) == 2


def test_a_missing_file_reaches_the_reader_so_it_can_name_the_fix(tmp_path):
    @once_per_version
    def read(path):
        return "missing" if not path.exists() else "there"

    assert read(tmp_path / "absent.yml") == "missing"
