"""Real patients' questions: each one is answered under a heading that exists."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from sitetools.patient_questions import check, load, unlinked_answers

# The topics patients asked about that the site must answer (issue 12), one page each.
TOPIC_PAGES = ("neck-fusion", "types-of-fusion", "getting-ready", "hospital-stay",
               "pain-medicines", "daily-life", "living-with-a-fusion", "faq")


def test_every_question_is_answered_under_a_heading_that_exists():
    questions, problems = load()
    problems += check(questions, ROOT / "docs")
    assert [str(p) for p in problems] == []


def test_at_least_80_real_questions_cover_every_topic():
    questions, _ = load()
    assert len(questions) >= 80
    per_page = {page: sum(q["page"] == page for q in questions) for page in TOPIC_PAGES}
    assert all(count >= 5 for page, count in per_page.items() if page != "faq"), per_page
    assert all(q["source"].startswith(("https://", "http://")) for q in questions)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "questions.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "daily-life.md").write_text("---\ntitle: Daily life\n---\n\n## When can I drive?\n\nText.\n",
                                        encoding="utf-8")
    return docs


def test_a_heading_the_page_lacks_is_named_with_the_fix(tmp_path):
    path = _write(tmp_path, "- ask: when can i drive\n  source: https://example.org/forum/1\n"
                            "  page: daily-life\n  section: Can I drive?\n")
    questions, problems = load(path, "q.yml")
    problems += check(questions, _docs(tmp_path), "q.yml")
    assert [str(p) for p in problems] == [
        "q.yml:1: the question 'when can i drive' is answered under the heading 'Can I drive?', "
        "which daily-life.md does not have. Fix: copy the heading text exactly from the page, "
        "or answer the question on the page under that heading."]


def test_a_missing_page_a_missing_source_and_a_repeat_are_named(tmp_path):
    path = _write(tmp_path,
                  "- ask: can I fly\n  source: a forum\n  page: travel\n  section: Can I fly?\n"
                  "- ask: When can I drive\n  source: https://example.org/2\n  page: daily-life\n"
                  "  section: When can I drive?\n  also: [nowhere]\n"
                  "- ask: when can I drive\n  source: https://example.org/3\n  page: daily-life\n"
                  "  section: When can I drive?\n")
    questions, problems = load(path, "q.yml")
    messages = "\n".join(str(p) for p in problems + check(questions, _docs(tmp_path), "q.yml"))
    assert "q.yml:1: the question 'can I fly' has no web address as its source" in messages
    assert "q.yml:1: the question 'can I fly' names the page 'travel', which does not exist" in messages
    assert "q.yml:5: the question 'When can I drive' names the page 'nowhere'" in messages
    assert "q.yml:10: the question 'when can I drive' is listed twice (also at line 5)" in messages


def test_an_unknown_field_is_named(tmp_path):
    path = _write(tmp_path, "- ask: when can i drive\n  source: https://example.org/1\n"
                            "  page: daily-life\n  section: When can I drive?\n  url: https://x\n")
    _, problems = load(path, "q.yml")
    assert [str(p) for p in problems] == [
        "q.yml:1: the question 'when can i drive' has unknown fields: url. "
        "Fix: use only ask, source, page, section, also; check the spelling."]


def test_each_short_answer_links_to_its_full_answer():
    faq = ROOT / "docs" / "faq.md"
    assert [str(p) for p in unlinked_answers(faq)] == []
    assert faq.read_text(encoding="utf-8").count("\n### ") >= 25


def test_a_short_answer_without_a_link_is_named(tmp_path):
    page = tmp_path / "faq.md"
    page.write_text("---\ntitle: Q\n---\n\n## Daily life\n\n### When can I drive?\n\n"
                    "After 2 to 4 weeks.\n\n### Can I fly?\n\nYes. [Full answer](daily-life.md#can-i-fly)\n",
                    encoding="utf-8")
    assert [str(p) for p in unlinked_answers(page)] == [
        "docs/faq.md:7: the answer to 'When can I drive?' has no link to its full answer. "
        "Fix: end the answer with [Full answer](page.md#heading)."]
