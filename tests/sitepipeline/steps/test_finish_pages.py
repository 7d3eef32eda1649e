"""The steps after either engine that finish the built pages' HTML."""

from __future__ import annotations

from sitepipeline.steps.finish_pages import JS_STARTING, start_on_interaction

PAGE = ('<html class="no-js"><head><link rel="stylesheet" href="a.css"></head><body><article>'
        '<h1>Title</h1></article><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '</body></html>')


def test_the_engine_script_waits_for_the_reader():
    html = start_on_interaction(PAGE)
    assert '<script src="../assets/javascripts/bundle' not in html
    assert '<script data-src="../assets/javascripts/bundle.a5f9d56c.min.js">' in html
    assert html.index(JS_STARTING) < html.index('<link rel="stylesheet"'), "the class must be set before the page paints"
    assert "DOMContentLoaded" in html and "//" not in html.split("data-src=")[1], "comments are left out"


def test_finishing_twice_changes_nothing_more():
    once = start_on_interaction(PAGE)
    assert start_on_interaction(once) == once


def test_a_page_without_the_engine_script_is_left_as_it_is():
    page = PAGE.replace('<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>', "")
    assert start_on_interaction(page) == page
