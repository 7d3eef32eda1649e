"""The citations extension on its own: Markdown in, HTML out, no site build."""

from __future__ import annotations

import markdown
import pytest

from conftest import ROOT
from sitepipeline.extensions.citations import CitationError

OPTIONS = {"sitepipeline.extensions.citations": {"references": str(ROOT / "includes" / "references.yml")}}


def render(text: str, **options) -> str:
    config = {"sitepipeline.extensions.citations": {**OPTIONS["sitepipeline.extensions.citations"], **options}}
    return markdown.markdown(text, extensions=["sitepipeline.extensions.citations", "md_in_html", "attr_list"],
                             extension_configs=config)


def test_a_marker_becomes_a_numbered_link_to_the_references_page():
    html = render("Fusion helped a little. [@fairbank2005]\n")
    assert '<sup class="cite" data-search-exclude>[<a aria-label="Source ' in html
    assert 'href="references.md#ref-fairbank2005"' in html
    assert "[@fairbank2005]" not in html


def test_two_keys_become_two_links_in_one_marker():
    html = render("Both trials agree. [@brox2003; @fairbank2005]\n")
    assert html.count('class="cite"') == 1
    assert 'href="references.md#ref-brox2003"' in html and 'href="references.md#ref-fairbank2005"' in html


def test_a_page_with_a_sources_heading_gets_its_own_list_at_the_end():
    html = render("A figure. [@fairbank2005]\n\n## Sources\n\nThe figures come from these sources.\n")
    assert html.rstrip().endswith("</ol>")
    assert '<ol class="sources" data-search-exclude' in html
    assert "Fairbank" in html.split('class="sources"')[1]


def test_a_page_that_cites_nothing_says_so_in_its_own_words():
    html = render("No figures here.\n\n## Sources\n", no_sources="Nothing here comes from a study.")
    assert "Nothing here comes from a study." in html


def test_the_references_marker_becomes_the_full_list():
    html = render("# References\n\n<!-- references -->\n")
    assert '<ol class="references">' in html and 'id="ref-fairbank2005"' in html


def test_code_is_left_alone():
    html = render("```\n[@fairbank2005]\n```\n")
    assert "[@fairbank2005]" in html and 'class="cite"' not in html


def test_the_references_page_link_is_configurable():
    assert 'href="../sources.md#ref-fairbank2005"' in render("A. [@fairbank2005]\n",
                                                             references_page="../sources.md")


def test_a_broken_reference_file_stops_with_its_problem(tmp_path):
    broken = tmp_path / "references.yml"
    broken.write_text("fairbank2005:\n  title: no authors\n", encoding="utf-8")
    with pytest.raises(CitationError, match="Fix: run python -m sitepipeline check"):
        render("A. [@fairbank2005]\n", references=str(broken))


def test_an_unknown_key_is_left_as_written_for_the_check_to_name():
    # The pre-build check stops `make build` on it; during `make serve` the page still renders.
    html = render("A. [@no-such-source]\n")
    assert "[@no-such-source]" in html and 'class="cite"' not in html
