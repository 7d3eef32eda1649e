#!/usr/bin/env python3
"""One page's problems and reading level, from its Markdown, without building the site.

For writers at work on a page:
    .venv/bin/python -m sitetools page-report docs/outcomes.md [docs/recovery.md ...]

It prints every problem the build would report for the page (schema, citations,
evidence table) and the page's Flesch-Kincaid grade and SMOG grade (dictionary
syllables), each against its limit, with the hardest words. The page is rendered
with the Markdown extensions named in mkdocs.yml, so the text measured is close
to the built page's; the build's own report (scripts/sitetools/reading_level.py) is the gate.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import yaml

from sitepipeline.checks.site import check_site
from sitepipeline.glossary import GLOSSARY_MARKER, glossary_markdown, load_glossary
from sitepipeline.checks.page_rules import ROOT, split_front_matter
from sitepipeline.checks.plain_language import article, load_config, measure, prose


def _extensions() -> tuple[list[str], dict]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}))
        names.append(name)
        options[name] = settings or {}
    return names, options


def render(path: Path) -> str:
    page, _ = split_front_matter(str(path), path.read_text(encoding="utf-8"))
    body = re.sub(r"\s*\[@[^\]]*\]", "", page.body)
    # The build writes the Glossary page's list from includes/glossary.yml.
    body = body.replace(GLOSSARY_MARKER, glossary_markdown(load_glossary()[0]))
    names, options = _extensions()
    html = markdown.markdown(f"# {page.meta.get('title', '')}\n\n{body}", extensions=names,
                             extension_configs=options)
    return f"<article>{html}</article>"


def main(argv: list[str]) -> int:
    config = load_config()
    limits = config["reading_level"]
    wanted = [Path(arg) for arg in argv[1:]] or sorted((ROOT / "docs").glob("*.md"))
    problems = [str(p) for p in check_site(ROOT / "docs")]
    failed = False
    for path in wanted:
        name = path.resolve().relative_to(ROOT).as_posix()
        own = [p for p in problems if p.startswith(f"{name}:")]
        print(f"== {name}: {len(own)} problem(s)")
        for problem in own:
            print(f"  {problem}")
        result = measure(prose(article(render(path))), config.get("syllable_counts"))
        print(f"  Flesch-Kincaid grade {result.grade:.1f} (limit {limits['max_page_grade']}), "
              f"SMOG {result.smog:.1f} (limit {limits['max_page_smog']}; site mean limit "
              f"{limits['max_site_mean_smog']}), {result.words} words")
        print("  hardest words: " + ", ".join(f"{w} ({n})" for w, n in result.hard_words))
        failed |= bool(own) or result.smog > limits["max_page_smog"] or result.grade > limits["max_page_grade"]
    other = [p for p in problems if not any(p.startswith(f"{path.resolve().relative_to(ROOT).as_posix()}:")
                                            for path in wanted)]
    if other:
        print(f"({len(other)} problem(s) elsewhere in the project)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
