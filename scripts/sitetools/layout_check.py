"""Layout checks in the browser, for phones and wide screens (tests/sitetools/test_layout.py).

On a phone (320, 375 and 414 px): nothing overflows sideways, the page title sits
above the print buttons, every tap target outside running text is at least
44 by 44 px, and body text is at least 18 px. With text at 200%, nothing
overflows sideways (WCAG 1.4.10 reflow). On a wide screen, lines hold 60 to 75
characters.
"""

from __future__ import annotations

TAP = 44  # px, both ways
BODY_PX = 18
LINE_CHARS = (60, 75)

PHONE_JS = """
const de = document.documentElement, problems = [];
const visible = el => { for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e);
  if (s.opacity === '0' || s.visibility === 'hidden' || s.display === 'none') return false; } return true; };
if (de.scrollWidth > de.clientWidth) problems.push(`scrolls sideways by ${de.scrollWidth - de.clientWidth} px`);
const title = document.querySelector('article h1'), buttons = document.querySelector('.handout-link');
if (title && buttons && buttons.getBoundingClientRect().top < title.getBoundingClientRect().bottom - 1)
  problems.push('the print buttons sit beside the title, not below it');
const text = document.querySelector('article p:not([class])');
if (text && parseFloat(getComputedStyle(text).fontSize) < arguments[1])
  problems.push(`body text is ${getComputedStyle(text).fontSize}, under ${arguments[1]} px`);
for (const el of document.querySelectorAll('a[href], button, label[for], input:not([type=checkbox]), summary')) {
  const box = el.getBoundingClientRect();
  if (!box.width || !box.height || box.right <= 0 || box.left >= innerWidth || !visible(el)) continue;
  // Links inside a sentence are exempt (WCAG 2.5.8's inline exception).
  if (!el.classList.contains('md-button') && el.closest(
      '.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset dd, .md-typeset dt, .md-typeset figcaption')) continue;
  if (box.width < arguments[0] || box.height < arguments[0]) {
    const name = (el.innerText || el.getAttribute('aria-label') || el.title || '').trim().slice(0, 30);
    problems.push(`tap target ${el.tagName.toLowerCase()}.${el.className} "${name}" is ` +
                  `${Math.round(box.width)} x ${Math.round(box.height)} px`);
  }
}
return problems;
"""

SIDEWAYS_AT_DOUBLE_TEXT_JS = """
const de = document.documentElement;
de.style.fontSize = (parseFloat(getComputedStyle(de).fontSize) * 2) + 'px';
const over = de.scrollWidth - de.clientWidth;
de.style.fontSize = '';
return over;
"""

LINE_CHARS_JS = """
const text = [...document.querySelectorAll('article p:not([class]), article li')]
  .find(el => el.innerText.length > 200 && !el.closest('aside'));
if (!text) return null;
const style = getComputedStyle(text), ctx = document.createElement('canvas').getContext('2d');
ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
return Math.round(text.clientWidth / (ctx.measureText(text.innerText).width / text.innerText.length));
"""


def phone_problems(driver) -> list[str]:
    return driver.execute_script(PHONE_JS, TAP, BODY_PX)


def sideways_at_double_text(driver) -> int:
    return driver.execute_script(SIDEWAYS_AT_DOUBLE_TEXT_JS)


def line_chars(driver) -> int | None:
    return driver.execute_script(LINE_CHARS_JS)
