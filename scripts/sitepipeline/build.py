"""The whole build, around whichever engine makes the HTML.

    python -m sitepipeline build                      # MkDocs + Material, the default
    python -m sitepipeline build --engine zensical    # the same site with Zensical
    python -m sitepipeline build --site-dir /tmp/site --no-handouts

1. Checks that must stop a build: page schema, references, evidence table,
   glossary (the same step as `python -m sitepipeline check`).
2. The engine, which runs the Markdown extensions named in mkdocs.yml.
3. Steps after the engine: handout buttons, review dates and the search
   dialog's name (finish_pages), then _headers and robots.txt (hosting_files).
4. The PDF handouts and the booklet, unless --no-handouts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from sitepipeline.checks.page_rules import load_schema
from sitepipeline.checks.site import check_site
from sitepipeline.project import CONFIG_FILE, find_root
from sitepipeline.steps import hosting_files
from sitepipeline.steps.finish_pages import FinishError, finish
from sitepipeline.steps.handouts import HandoutError, loopback_warning, make_all, site_address, words

ENGINES = ("mkdocs", "zensical")


def run_checks(root: Path) -> bool:
    problems = check_site(root / "docs")
    if problems:
        listing = "\n".join(f"  {problem}" for problem in problems)
        print(f"{len(problems)} problem(s) in the pages:\n{listing}")
    return not problems


def run_engine(engine: str, root: Path, site: Path) -> int:
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
        return subprocess.run(command, cwd=root).returncode
    # Zensical writes into the project folder only, to `site_dir` of mkdocs.yml (site/).
    zensical = Path(sys.executable).with_name("zensical")
    if not zensical.exists():
        print(f"{zensical}: Zensical is not installed. Fix: run 'make build ENGINE=zensical', "
              "which installs it from requirements-zensical.txt")
        return 1
    result = subprocess.run([str(zensical), "build", "--clean", "-f", CONFIG_FILE], cwd=root)
    built = root / "site"
    if result.returncode == 0 and built.resolve() != site.resolve():
        shutil.rmtree(site, ignore_errors=True)
        shutil.move(str(built), str(site))
    return result.returncode


def build(root: Path, site: Path, engine: str = "mkdocs", handouts: bool = True, paper: str = "") -> int:
    if not run_checks(root):
        return 1
    if run_engine(engine, root, site) != 0:
        return 1
    schema = load_schema(root / "includes" / "page-schema.yml")
    try:
        finish(site, list(schema["handouts"]["pages"]), words(schema))
        address = site_address(site)
        hosting_files.write(site, address)
        if handouts:
            warning = loopback_warning(address)
            if warning:
                print(warning, file=sys.stderr)
            make_all(site, paper, schema=schema)
    except (FinishError, HandoutError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=argv[0], description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--no-handouts", dest="handouts", action="store_false")
    parser.add_argument("--paper", default="", help="letter or a4 (default: the schema's)")
    args = parser.parse_args(argv[1:])
    root = find_root()
    site = args.site_dir if args.site_dir.is_absolute() else root / args.site_dir
    return build(root, site, args.engine, args.handouts, args.paper)
