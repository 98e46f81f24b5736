"""Accessibility in Chromium: axe-core finds nothing on any page of either edition in either
colour scheme, and
the keyboard alone reaches search, navigation, the copy-link controls and the PDF."""

from __future__ import annotations

import pytest

from helpers import ROOT, checked_page
from test_publish import PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run make test (it runs npm ci) or npm ci --omit=dev")
    # Evaluated rather than added as a <script>, which the page's content security policy refuses.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async rules => (await axe.run(document, {runOnly: {type: 'tag', values: rules}})).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)",
        RULES,
    )
    return found


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser):
    with checked_page(browser, color_scheme=request.param) as tab:
        yield tab


@pytest.mark.parametrize("url", [edition + url for edition in ("", "zh-Hant/") for url in PAGES + ["404.html"]])
def test_no_axe_violations(scheme_page, served_pages, url):
    # Once loaded, the theme's scripts have run (they are the body's last); waiting for the network
    # to fall quiet besides would add half a second of idling to every page.
    scheme_page.goto(served_pages + url, wait_until="load")
    scheme_page.wait_for_function("() => document.fonts.status === 'loaded'")
    assert axe_violations(scheme_page) == []


def test_axe_reports_a_nameless_dialog_and_dim_text(page, served_pages):
    page.goto(served_pages)
    page.evaluate("""() => {
      document.querySelector('.md-search').removeAttribute('aria-label');
      const faint = document.createElement('p');
      faint.textContent = '这是一段对比度不足的浅色文字 faint text';
      // Styled through CSSOM: the page's content security policy refuses a style attribute.
      Object.assign(faint.style, {color: '#ddd', background: '#fff'});
      document.querySelector('article').append(faint);
    }""")
    ids = {violation.split(":")[0] for violation in axe_violations(page)}
    assert {"aria-dialog-name", "color-contrast"} <= ids


def focus_trail(page, presses: int = 250) -> list[str]:
    trail = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        trail.append(page.evaluate("""() => {
          const e = document.activeElement;
          return [e.tagName.toLowerCase(), e.className || '', e.getAttribute('href') || ''].join('|');
        }"""))
    return trail


def test_keyboard_reaches_search_navigation_copy_link_and_pdf(page, served_pages):
    page.goto(served_pages + "q02-improvements/")
    trail = focus_trail(page)
    assert any("md-search__input" in step for step in trail), "search"
    assert any("md-nav__link" in step and "q03-training" in step for step in trail), "navigation"
    assert any("copy-link" in step for step in trail), "copy link"
    assert any(step.endswith("gpt-4-qa.pdf") for step in trail), "PDF"
    # And the search box, once reached, takes a query from the keyboard.
    page.keyboard.press("Escape")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("RBRM")
    page.wait_for_selector(".md-search-result__item")
