"""The checklist extension on its own: each box is named by its item's text."""

from __future__ import annotations

import markdown
import pytest


@pytest.mark.parametrize("custom", [True, False])
def test_each_box_gets_its_items_text_as_its_name(custom):
    html = markdown.markdown("- [ ] A grabber, about **2 feet** long.\n- [x] Slip-on shoes.\n",
                             extensions=["pymdownx.tasklist", "sitepipeline.extensions.checklists"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": custom}})
    assert 'aria-label="A grabber, about 2 feet long."' in html
    assert 'aria-label="Slip-on shoes."' in html


def test_without_the_extension_the_boxes_have_no_name():
    html = markdown.markdown("- [ ] Slip-on shoes.\n", extensions=["pymdownx.tasklist"])
    assert "aria-label" not in html


def test_quotes_in_an_item_cannot_break_out_of_the_label():
    html = markdown.markdown('- [ ] Say "no" <b>twice</b>.\n',
                             extensions=["pymdownx.tasklist", "sitepipeline.extensions.checklists"])
    assert 'aria-label="Say &quot;no&quot; twice."' in html
