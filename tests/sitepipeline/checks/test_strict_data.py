"""Every data file in includes/ is loaded strictly: YAML would otherwise keep the last duplicate."""

from __future__ import annotations

import pytest

from conftest import edit, problems_in
from sitepipeline.checks.page_rules import SchemaError, check_page, load_schema
from sitepipeline.checks.plain_language import ConfigError, load_config
from sitepipeline.strict_yaml import Field, check_fields, parse


def test_a_duplicate_key_names_both_lines():
    _, problems = parse("a: 1\nb: 2\na: 3\n", "includes/x.yml")
    assert [str(p) for p in problems] == [
        "includes/x.yml:3: the key 'a' appears twice (first on line 1). "
        "Fix: keep one of the two: YAML would silently keep only the last."]


def test_a_merged_key_may_be_overridden():
    data, problems = parse("base: &b\n  x: 1\n  y: 2\nchild:\n  <<: *b\n  y: 3\n", "x.yml")
    assert problems == [] and data["child"] == {"x": 1, "y": 3}


def test_fields_are_checked_for_presence_type_and_spelling():
    entry, _ = parse("term: disc\nmeans: 3\nfrom: x\n", "g.yml")
    problems = check_fields(entry, [Field("term"), Field("means"), Field("forms", "list", required=False),
                                    Field("also", required=True)], "g.yml", "the entry 'disc'")
    messages = [p.message for p in problems]
    assert messages == ["the entry 'disc' has unknown fields: from", "'means' of the entry 'disc' should be text, not 3",
                        "the entry 'disc' has no 'also'"]


def test_a_duplicate_reference_key_is_caught(project):
    path = project / "includes" / "references.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\nchun2015:\n  authors: X\n", encoding="utf-8")
    problems = problems_in(project)
    assert any(p.startswith("includes/references.yml:") and "the key 'chun2015' appears twice" in p
               for p in problems), problems


def test_an_unknown_reference_field_is_caught(project):
    edit(project / "includes" / "references.yml", "  authors: Chun DS, Baker KC, Hsu WK\n",
         "  authors: Chun DS, Baker KC, Hsu WK\n  jornal: Neurosurg Focus\n")
    assert any("the entry 'chun2015' has unknown fields: jornal" in p for p in problems_in(project))


def test_a_duplicate_glossary_field_is_caught(project):
    path = project / "includes" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- term: arthrodesis\n", "- term: arthrodesis\n  term: fusion\n", 1),
                    encoding="utf-8")
    assert any(p.startswith("includes/glossary.yml:") and "the key 'term' appears twice" in p
               for p in problems_in(project))


def test_a_glossary_field_of_the_wrong_type_is_caught(project):
    path = project / "includes" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- term: arthrodesis\n", "- term: arthrodesis\n  forms: arthrodeses\n", 1),
                    encoding="utf-8")
    assert any("'forms' of the entry 'arthrodesis' should be a list" in p for p in problems_in(project))


def test_a_duplicate_key_in_front_matter_is_caught():
    text = "---\ntitle: A\ntitle: B\ndescription: D\nlast_reviewed: 2026-11-25\nkind: section\n---\nText\n"
    _, problems = check_page("docs/x.md", text, load_schema())
    assert [str(p) for p in problems] == [
        "docs/x.md:3: the key 'title' appears twice (first on line 2). "
        "Fix: keep one of the two: YAML would silently keep only the last."]


def test_a_duplicate_key_in_the_schema_stops_everything(tmp_path):
    path = tmp_path / "page-schema.yml"
    path.write_text("front_matter: {}\nkinds: {}\nkinds: {}\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="the key 'kinds' appears twice"):
        load_schema(path)


def test_a_duplicate_key_in_the_plain_language_limits_stops_everything(tmp_path):
    path = tmp_path / "plain-language.yml"
    path.write_text("reading_level:\n  max_page_smog: 7.0\n  max_page_smog: 9.0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="the key 'max_page_smog' appears twice"):
        load_config(path)
