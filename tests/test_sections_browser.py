"""In Chromium: a linked section lands below the sticky header, and 复制链接 copies its URL."""

import pytest

from gpt4qa.checks.anchors import read_contract
from helpers import add_style

SECTIONS = [a for a in read_contract() if "#" in a and "#fig-" not in a]
# The browser has scrolled to the target once it is :target and the scroll has come to rest (the
# same position ten frames running, a task apart: a smooth scroll takes longer on a machine under
# load, and was seen standing still for three frames mid-way under two test workers).
LANDED = """async ident => {
  if (document.querySelector(':target')?.id !== ident) return false;
  let last = -1, still = 0;
  while (still < 10) {
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
  }
  return true;
}"""
# Pages with section headings (editor's notes and glossary terms land too, but are not headings).
PAGES_WITH_SECTIONS = sorted({a.split("#")[0] for a in SECTIONS if "#note-" not in a and not a.startswith("/glossary/")})


def test_at_least_three_pages_have_sections():
    assert len(PAGES_WITH_SECTIONS) >= 3


@pytest.mark.parametrize("url", PAGES_WITH_SECTIONS)
def test_every_section_lands_below_the_header(page, served_pages, url):
    # The page loaded and its fonts in place first: what is measured is where the scroll margin puts
    # a section, not a line above it still being set in a fallback face on a machine under load.
    page.goto(served_pages + url.lstrip("/"))
    page.wait_for_function("async () => { await document.fonts.ready; return true; }")
    for anchor in [a for a in SECTIONS if a.startswith(url + "#")]:
        page.goto(served_pages + anchor.lstrip("/"))
        ident = anchor.split("#")[1]
        page.wait_for_function(LANDED, arg=ident)
        header = page.locator(".md-header").bounding_box()
        heading = page.locator(f"[id='{ident}']").bounding_box()
        header_bottom = header["y"] + header["height"]
        # Below the header, and near it, unless the page is too short to scroll that far.
        at_bottom = page.evaluate("innerHeight + scrollY >= document.documentElement.scrollHeight - 2")
        assert heading["y"] >= header_bottom, f"{anchor} lands under the header"
        assert at_bottom or heading["y"] <= header_bottom + 60, f"{anchor} lands {heading['y'] - header_bottom}px low"


def test_landing_check_fails_without_the_scroll_margin(page, served_pages):
    page.goto(served_pages + "q02-improvements/")
    add_style(page, ".md-typeset :target { scroll-margin-top: 0 !important; }")
    page.goto(served_pages + "q02-improvements/#evals")
    page.wait_for_function(LANDED, arg="evals")
    header = page.locator(".md-header").bounding_box()
    heading = page.locator("#evals").bounding_box()
    assert heading["y"] < header["y"] + header["height"]  # hidden under the sticky header


def test_copy_link_by_keyboard_copies_and_announces(browser, served_pages):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_pages.split("/gpt")[0])
    tab = context.new_page()
    tab.goto(served_pages + "q02-improvements/")
    button = tab.locator("#context-window .copy-link")
    assert button.get_attribute("aria-label") == "复制本节链接：2） 支持更长的上下文窗口"
    button.focus()
    assert tab.evaluate("document.activeElement.classList.contains('copy-link')")
    # Visible on keyboard focus (after the fade-in transition).
    tab.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
    tab.keyboard.press("Enter")
    expected = served_pages + "q02-improvements/#context-window"
    tab.wait_for_function("() => document.getElementById('copy-link-status')?.textContent.length > 0")
    assert tab.evaluate("navigator.clipboard.readText()") == expected
    assert button.inner_text() == "已复制"
    assert tab.locator("#copy-link-status").get_attribute("role") == "status"
    assert tab.locator("#copy-link-status").inner_text() == f"已复制链接：{expected}"
    context.close()


def test_every_section_heading_has_a_permalink_and_copy_control(page, served_pages):
    for url in PAGES_WITH_SECTIONS:
        page.goto(served_pages + url.lstrip("/"))
        headings = page.locator("article h2[id]")
        assert headings.count() > 0
        assert page.locator("article h2[id] > .headerlink").count() == headings.count()
        assert page.locator("article h2[id] > button.copy-link").count() == headings.count()
