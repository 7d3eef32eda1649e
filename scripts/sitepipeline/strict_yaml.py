"""Strict loading of the data files in includes/.

Plain YAML loading keeps the last of two duplicate keys without a word, and
accepts any field. Here a duplicate key, an unknown field, a missing field or a
wrong type becomes a Problem naming the file, the line and the fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitepipeline.problems import Problem


class LineDict(dict):
    """A mapping that remembers the line it starts on (1-based)."""

    line: int = 1


class LineList(list):
    line: int = 1


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(f"duplicate key '{key}'")
        self.key, self.line, self.first = key, line, first


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    # Only the mapping's own keys may not repeat; a key merged in with '<<'
    # may be overridden, which is what merging is for.
    lines: dict = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in lines:
            raise DuplicateKey(str(key), line, lines[key])
        lines[key] = line
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        result[loader.construct_object(key_node, deep=True)] = loader.construct_object(value_node, deep=True)
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def parse(text: str, name: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML text; a syntax error or duplicate key becomes a Problem."""
    try:
        return yaml.load(text, Loader=_Loader), []  # noqa: S506 - a SafeLoader subclass
    except DuplicateKey as error:
        return None, [Problem(name, first_line - 1 + error.line,
                              f"the key '{error.key}' appears twice (first on line "
                              f"{first_line - 1 + error.first})",
                              "keep one of the two: YAML would silently keep only the last")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(name, first_line - 1 + (mark.line + 1 if mark else 1),
                              f"this is not valid YAML ({reason})",
                              "write each entry as 'name: value' with consistent indentation, "
                              "and quote values that contain a colon")]


def load(path: Path, name: str) -> tuple[Any, list[Problem]]:
    """Load a data file strictly. A missing file is a Problem too."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 1, "the file is missing", f"restore {name} from version control")]
    return parse(text, name)


TYPES = {
    "text": (str, "text"),
    "number": ((int, float), "a number"),
    "whole": (int, "a whole number"),
    "date": (dt.date, "a date written YYYY-MM-DD"),
    "list": (list, "a list, such as [a, b]"),
    "mapping": (dict, "a set of 'name: value' lines"),
    "flag": (bool, "true or false"),
    "any": (object, "a value"),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "text"
    required: bool = True


def line_of(value: Any, default: int = 1) -> int:
    return getattr(value, "line", default)


def check_fields(entry: Any, fields: list[Field], name: str, what: str, line: int | None = None) -> list[Problem]:
    """An entry has every required field, no unknown field, and each of the right type."""
    line = line or line_of(entry)
    if not isinstance(entry, dict):
        wanted = ", ".join(f.name for f in fields if f.required)
        return [Problem(name, line, f"{what} is not a set of 'name: value' fields",
                        f"give it these fields: {wanted}")]
    known = {f.name: f for f in fields}
    problems = []
    unknown = [key for key in entry if key not in known]
    if unknown:
        problems.append(Problem(name, line, f"{what} has unknown fields: {', '.join(map(str, unknown))}",
                                f"use only {', '.join(known)}; check the spelling"))
    for field in fields:
        value = entry.get(field.name)
        if value is None or value == "":
            if field.required:
                problems.append(Problem(name, line, f"{what} has no '{field.name}'",
                                        f"add '{field.name}:' with {TYPES[field.type][1]}"))
            continue
        expected, words = TYPES[field.type]
        wrong = not isinstance(value, expected) or (field.type in ("number", "whole") and isinstance(value, bool))
        if field.type == "date" and isinstance(value, dt.datetime):
            wrong = True
        if wrong:
            problems.append(Problem(name, line, f"'{field.name}' of {what} should be {words}, not {value!r}",
                                    f"write '{field.name}:' as {words}"))
    return problems
