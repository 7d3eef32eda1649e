"""Broken links and anchors fail the strict build, and linkchecker finds any in the built site."""

from __future__ import annotations

from conftest import assert_build_fails, edit
from sitetools.check_links import broken_anchors, check_site


def test_a_link_to_a_missing_page_fails_the_build(project):
    edit(project / "docs" / "outcomes.md", "## What affects your results",
         "See [the old page](no-such-page.md).\n\n## What affects your results")
    assert_build_fails(project, "Doc file 'outcomes.md' contains a link 'no-such-page.md'")


def test_a_link_to_a_missing_anchor_fails_the_build(project):
    edit(project / "docs" / "recovery.md", "complications.md#non-union", "complications.md#no-such-part")
    assert_build_fails(project, "Doc file 'recovery.md' contains a link 'complications.md#no-such-part'")


def test_a_missing_anchor_on_the_same_page_fails_the_build(project):
    edit(project / "docs" / "outcomes.md", "## What affects your results",
         "Jump to [the end](#no-such-section).\n\n## What affects your results")
    assert_build_fails(project, "'#no-such-section'")


def test_linkchecker_finds_no_broken_link_in_the_built_site(built_site):
    report = check_site(built_site.site)
    assert report.failures == []
    assert report.checked > 50
    assert any(url.startswith("https://doi.org/") for url in report.external)


def test_linkchecker_names_page_and_link_for_broken_links_and_anchors(site_copy):
    site = site_copy
    edit(site / "outcomes" / "index.html", '<h2 id="key-points"',
         '<p><a href="../gone/">gone</a> <a href="../procedure/#no-such-anchor">x</a></p><h2 id="key-points"')
    report = check_site(site)
    assert len(report.failures) == 2, report.failures
    gone, anchor = sorted(report.failures)
    assert gone.startswith("site/outcomes/index.html:") and "'../gone/' is broken (404" in gone
    assert anchor.startswith("site/outcomes/index.html:") and "'../procedure/#no-such-anchor'" in anchor
    assert "Anchor `no-such-anchor'" in anchor


def test_every_broken_anchor_is_named_when_several_links_reach_one_page(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<h2 id="one">One</h2>', encoding="utf-8")
    (site / "index.html").write_text(
        '<a href="a/">page</a>\n<a href="a/#one">good</a>\n<a href="a/#two">bad</a>\n'
        '<a href="./a/#three">bad too</a>\n<a href="#here">same page</a>\n'
        '<a href="https://example.org/#x">elsewhere</a>\n<a href="gone/#x">no page</a>', encoding="utf-8")
    failures = broken_anchors(site)
    assert [f.split(": the link ")[0] for f in failures] == ["site/index.html:3", "site/index.html:4",
                                                             "site/index.html:5"]
    assert "'a/#two' is broken (Anchor `two' not found)" in failures[0]
    assert "Anchor `here' not found" in failures[2] and "Fix: point it at" in failures[2]
