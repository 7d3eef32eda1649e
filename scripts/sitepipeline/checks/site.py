#!/usr/bin/env python3
"""Check every page in docs/ against the page schema and the reference list.

Run it alone:  .venv/bin/python -m sitepipeline check [docs-dir]
The build (python -m sitepipeline build) runs the same checks before the engine.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitepipeline.citations import (REFERENCES_MARKER, REFERENCES_PAGE, find_citations,
                       load_references, misplaced_citations, unresolved)
from sitepipeline.glossary import GLOSSARY_MARKER, GLOSSARY_PAGE, load_glossary
from sitepipeline.checks.page_rules import (ROOT, SCHEMA_PATH, Problem, check_handouts, check_page,
                        load_schema)
from sitepipeline.checks.plain_language import load_config, not_figure_patterns
from sitepipeline.checks.evidence import check_figures, load_evidence


def display(path: Path, project: Path) -> str:
    """A path as the writer knows it: relative to the project, e.g. docs/outcomes.md."""
    try:
        return path.resolve().relative_to(project).as_posix()
    except ValueError:
        return str(path)


def check_site(docs_dir: Path, schema_path: Path | None = None,
               references_path: Path | None = None, glossary_path: Path | None = None,
               evidence_path: Path | None = None) -> list[Problem]:
    project = docs_dir.resolve().parent
    schema_path = schema_path or project / SCHEMA_PATH.relative_to(ROOT)
    schema = load_schema(schema_path)
    references_path = references_path or project / "includes" / "references.yml"
    references, problems = load_references(references_path, display(references_path, project))
    problems += check_handouts(schema, docs_dir, schema_path, display(schema_path, project))
    glossary_path = glossary_path or project / "includes" / "glossary.yml"
    problems += load_glossary(glossary_path, display(glossary_path, project))[1]
    evidence_path = evidence_path or project / "includes" / "evidence.yml"
    rows, evidence_problems = load_evidence(evidence_path, display(evidence_path, project), references)
    problems += evidence_problems
    language_path = project / "includes" / "plain-language.yml"
    language = load_config(language_path)
    not_figures = not_figure_patterns(language)
    unsourced = {claim["text"] for claim in language.get("unsourced_claims", [])}
    cited_anywhere: set[str] = set()
    pages = sorted(docs_dir.rglob("*.md"))
    if not pages:
        return [Problem(display(docs_dir, project), 1, "there are no Markdown pages", "add pages to docs/")]
    for path in pages:
        name = display(path, project)
        if path.parent != docs_dir:
            # Links to the References page are written from the top of docs/.
            problems.append(Problem(name, 1, "the page is in a folder inside docs/",
                                    f"move it to docs/{path.name}: every page sits at the top of docs/"))
        text = path.read_text(encoding="utf-8")
        page, page_problems = check_page(name, text, schema)
        problems += page_problems
        if page is None:
            # Still count its citations, so one broken header does not also
            # report every source it cites as unused.
            cited_anywhere.update(key for _, key in find_citations(name, text)[0])
            continue
        cited, citation_problems = find_citations(name, page.body, page.body_start)
        problems += citation_problems + unresolved(name, cited, references)
        problems += misplaced_citations(name, page.body, references, page.body_start)
        if not evidence_problems:
            problems += check_figures(name, page.body, page.body_start, rows, not_figures, unsourced)
        cited_anywhere.update(key for _, key in cited)
        for special, marker, what in ((REFERENCES_PAGE, REFERENCES_MARKER, "References"),
                                      (GLOSSARY_PAGE, GLOSSARY_MARKER, "Glossary")):
            if path.relative_to(docs_dir).as_posix() == special and marker not in page.body:
                problems.append(Problem(name, page.body_start, f"the {what} page has no place for its list",
                                        f"add the line {marker} where the list should go"))
    for key, ref in references.items():
        if key not in cited_anywhere:
            problems.append(Problem(display(references_path, project), ref.line, f"the source '{key}' is cited on no page",
                                    f"cite it with [@{key}] where its figure is used, or remove it"))
    return problems


def main(argv: list[str]) -> int:
    docs_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "docs"
    problems = check_site(docs_dir)
    for problem in problems:
        print(problem)
    pages = len(list(docs_dir.rglob("*.md")))
    print(f"{pages} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
