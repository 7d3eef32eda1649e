"""Measuring tools for the built site: browser checks, Lighthouse, page weight,
search evaluation, link and privacy checks, the reading-level report and the
build benchmark. The tests use them; the build does not.
"""
