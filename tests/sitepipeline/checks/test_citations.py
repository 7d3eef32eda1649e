"""Citations resolve to the References page; every reference is cited and findable."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import ROOT, assert_build_fails, edit, problems_in
from sitepipeline.checks.site import check_site
from sitepipeline.citations import find_citations, load_references, misplaced_citations



def test_every_reference_is_complete_and_cited():
    references, problems = load_references()
    assert problems == []
    assert len(references) >= 10
    assert check_site(ROOT / "docs") == []


def test_an_unresolved_citation_is_named_with_file_and_line(project):
    edit(project / "docs" / "outcomes.md", "[@austevoll2017]", "[@austevol2017]")
    problems = problems_in(project)
    assert any(p.startswith("docs/outcomes.md:")
               and "the citation '[@austevol2017]' is not in includes/references.yml" in p
               and "Fix: correct the key or add the source" in p for p in problems), problems


def test_an_unresolved_citation_fails_the_build(project):
    edit(project / "docs" / "recovery.md", "[@sherman-spine-health]", "[@nobody2099]")
    assert_build_fails(project, "docs/recovery.md", "[@nobody2099]")


def test_an_empty_citation_is_caught(project):
    edit(project / "docs" / "outcomes.md", "[@austevoll2017]", "[@]")
    assert any("docs/outcomes.md:" in p and "names no source" in p for p in problems_in(project))


def test_a_reference_cited_nowhere_is_caught(project):
    with open(project / "includes" / "references.yml", "a", encoding="utf-8") as handle:
        handle.write("\nunused2020:\n  authors: Doe J\n  title: A study\n  source: A journal\n"
                     "  year: 2020\n  pmid: \"12345678\"\n")
    problems = problems_in(project)
    assert any(p.startswith("includes/references.yml:") and "'unused2020' is cited on no page" in p
               for p in problems), problems


def test_a_reference_without_doi_pmid_or_url_is_caught(project):
    path = project / "includes" / "references.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("hilibrand1999:")
    block = text[start:text.index("\n\n", start)]
    path.write_text(text.replace(block, block.replace("  doi: 10.2106/00004623-199904000-00009\n", "")
                                 .replace("  doi: 10.2106/00004623-199904000-00009", "")),
                    encoding="utf-8")
    problems = problems_in(project)
    assert any(p.startswith("includes/references.yml:") and "'hilibrand1999' has no DOI, PMID or URL" in p
               for p in problems), problems


def test_a_reference_missing_authors_is_caught(project):
    edit(project / "includes" / "references.yml",
         "  authors: Chun DS, Baker KC, Hsu WK\n", "")
    assert any("'chun2015' has no 'authors'" in p for p in problems_in(project))


def test_a_malformed_doi_is_caught(project):
    edit(project / "includes" / "references.yml", "doi: 10.3171/2015.7.FOCUS15292", "doi: focus15292")
    assert any("the doi of 'chun2015' looks wrong" in p for p in problems_in(project))


def test_citations_in_code_blocks_are_ignored():
    cited, problems = find_citations("x.md", "Text [@a].\n```\n[@b]\n```\nMore [@c; @d].\n")
    assert cited == [(1, "a"), (5, "c"), (5, "d")] and problems == []


def test_built_citations_link_to_reference_entries(built_site):
    references, _ = load_references()
    refs_page = BeautifulSoup((built_site.site / "references" / "index.html").read_text(encoding="utf-8"),
                              "html.parser")
    entries = {li["id"]: li for li in refs_page.select("ol.references li")}
    assert set(entries) == {ref.anchor for ref in references.values()}
    for ref in references.values():
        links = [a["href"] for a in entries[ref.anchor].find_all("a")]
        assert links, f"{ref.key} has no link"
    outcomes = BeautifulSoup((built_site.site / "outcomes" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
    markers = outcomes.select("sup.cite a")
    assert markers
    for marker in markers:
        page, anchor = marker["href"].split("#")
        assert page == "../references/" and anchor in entries, marker


# Citation markers sit after the sentence, never against a figure

def test_a_citation_inside_a_sentence_is_caught(project):
    edit(project / "docs" / "outcomes.md", "## Sources",
         "Most people stay 2 to 3 days [@mayo-spinal-fusion] in the ward.\n\n## Sources")
    problems = problems_in(project)
    assert any(p.startswith("docs/outcomes.md:") and "the citation '[@mayo-spinal-fusion]' sits inside a "
               'sentence, after "2 to 3 days"' in p and "move it after the sentence's full stop" in p
               for p in problems), problems


def test_a_citation_after_the_full_stop_passes():
    references, _ = load_references()
    text = "Most people stay 2 to 3 days. [@mayo-spinal-fusion]\nThey walk.[@mayo-spinal-fusion]\n"
    assert misplaced_citations("docs/x.md", text, references) == []


def test_sources_out_of_number_order_are_caught():
    references, _ = load_references()
    problems = misplaced_citations("docs/x.md", "Both say so. [@fairbank2005; @brox2003]\n", references)
    assert [str(p) for p in problems] == [
        "docs/x.md:1: the sources in '[@fairbank2005; @brox2003]' are not in number order. "
        "Fix: write them as [@brox2003; @fairbank2005]."]


def test_undated_web_sources_show_when_they_were_read(built_site):
    refs_page = (built_site.site / "references" / "index.html").read_text(encoding="utf-8")
    assert "Read on 25 November 2026." in refs_page
    references, _ = load_references()
    assert all(ref.accessed for ref in references.values() if str(ref.year) == "n.d.")


def test_an_undated_source_without_a_reading_date_is_caught(project):
    edit(project / "includes" / "references.yml", "  accessed: 2026-11-25\n  url: https://www.nice", 
         "  url: https://www.nice")
    edit(project / "includes" / "references.yml", "  year: 2016\n  url: https://www.nice",
         "  year: \"n.d.\"\n  url: https://www.nice")
    assert any("the undated entry 'nice-ng59' has no 'accessed' date" in p for p in problems_in(project))
