"""The glossary: includes/glossary.yml is the one source of the Glossary page and the tooltips."""

from __future__ import annotations

from pathlib import Path

from sitepipeline.checks.page_rules import Problem
from sitepipeline import strict_yaml
from sitepipeline.extensions.glossary_tooltips import forms  # noqa: F401 - one definition, shared
from sitepipeline.strict_yaml import Field
from sitepipeline.project import find_root

ROOT = find_root()
GLOSSARY_PATH = ROOT / "includes" / "glossary.yml"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- glossary -->"
ENTRY = [Field("term"), Field("means"), Field("forms", "list", required=False),
         Field("also_called", "list", required=False)]


def load_glossary(path: Path = GLOSSARY_PATH,
                  name: str = "includes/glossary.yml") -> tuple[list[dict], list[Problem]]:
    entries, problems = strict_yaml.load(path, name)
    if problems:
        if "the file is missing" in problems[0].message:
            return [], [Problem(name, 1, "the glossary is missing",
                                "restore includes/glossary.yml from version control")]
        return [], [Problem(p.path, p.line, p.message.replace("this is not valid YAML", "the glossary is not valid YAML"),
                            p.fix) for p in problems]
    entries = entries or []
    seen: dict[str, str] = {}
    good = []
    for number, entry in enumerate(entries, start=1):
        line = strict_yaml.line_of(entry)
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("means"):
            problems.append(Problem(name, line, f"entry {number} needs a 'term' and what it 'means'",
                                    "give every entry 'term:' and 'means:'"))
            continue
        found = strict_yaml.check_fields(entry, ENTRY, name, f"the entry '{entry['term']}'")
        problems += found
        if found:
            continue
        good.append(entry)
        for form in forms(entry):
            if form in seen and seen[form] != entry["term"]:
                problems.append(Problem(name, line, f"'{form}' is in two entries: '{seen[form]}' and "
                                        f"'{entry['term']}'", "keep each word in one entry"))
            seen[form] = entry["term"]
    return good, problems


def glossary_markdown(entries: list[dict]) -> str:
    """The Glossary page's list, A to Z."""
    items = []
    for entry in sorted(entries, key=lambda e: e["term"].lower()):
        term = entry["term"][0].upper() + entry["term"][1:]
        lines = [f"{term}", f":   {entry['means']}"]
        if entry.get("forms"):
            lines.append(f"\n    Also written: {', '.join(entry['forms'])}.")
        if entry.get("also_called"):
            lines.append(f"\n    Also called: {', '.join(entry['also_called'])}.")
        items.append("\n".join(lines))
    return "\n\n".join(items)
