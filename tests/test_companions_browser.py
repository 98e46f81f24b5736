"""In Chromium: glossary tooltips open on hover, keyboard focus and tap; every glossary term and
every editor's note can be linked to; related questions resolve; a followed section link is
highlighted for a moment (still, when the reader asks for less motion); reading time shows."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from helpers import add_style, checked_page
from test_accessibility import axe_violations
from test_publish import PAGES

ANSWERS = [url for url in PAGES if url.startswith("q")]
LANDED = """ident => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
  () => done(document.querySelector(':target')?.id === ident))))"""


def tip_of(tab, term: str):
    button = tab.locator(f".gloss__term[data-term='{term}']")
    return button, tab.locator(f"#{button.get_attribute('aria-describedby')}")


def test_a_tooltip_opens_on_hover_with_the_definition_and_esc_closes_it(page, served_pages):
    page.goto(served_pages + "q06-safety/")
    button, tip = tip_of(page, "rlhf")
    assert not tip.is_visible()
    button.hover()
    tip.wait_for(state="visible")
    assert "基于人类反馈的强化学习" in tip.inner_text()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_a_tooltip_opens_on_keyboard_focus(page, served_pages):
    page.goto(served_pages + "q06-safety/")
    button, tip = tip_of(page, "rbrm")
    page.locator("h1").click()  # start from the text, then move by keyboard only
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.term") == "rbrm":
            break
    else:
        pytest.fail("Tab never reached the RBRM term")
    tip.wait_for(state="visible")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == tip.get_attribute("id")
    assert "零样本" in tip.inner_text()


def test_a_tooltip_opens_on_tap_within_a_phone_screen(browser, served_pages):
    with checked_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as tab:
        tab.goto(served_pages + "q08-trends/")
        for term in tab.locator(".gloss__term").all():
            term.scroll_into_view_if_needed()
            term.tap()
            tip = tab.locator(f"#{term.get_attribute('aria-describedby')}")
            tip.wait_for(state="visible")
            box = tip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{term.inner_text()}'s tooltip leaves the screen"
            tip.tap()  # a tap anywhere but on a term closes it
            tip.wait_for(state="hidden")
        assert tab.locator(".gloss__tip:visible").count() == 0


def test_the_tooltip_check_fails_when_tooltips_never_open(page, served_pages):
    page.goto(served_pages + "q06-safety/")
    add_style(page, ".md-typeset .gloss .gloss__tip { display: none !important; }")
    button, tip = tip_of(page, "rlhf")
    button.hover()
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with pytest.raises(PlaywrightTimeout):
        tip.wait_for(state="visible", timeout=1000)


def test_an_open_tooltip_has_no_axe_violations(page, served_pages):
    page.goto(served_pages + "q02-improvements/", wait_until="networkidle")
    page.locator(".gloss__term").first.click()
    assert axe_violations(page) == []


def test_every_glossary_term_has_an_anchor_that_lands(page, served_pages, pages_site):
    soup = BeautifulSoup((pages_site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    terms = [dt["id"] for dt in soup.select("dl.glossary > dt[id]")]
    assert len(terms) >= 30
    for ident in terms:
        page.goto(served_pages + f"glossary/#{ident}")
        page.wait_for_function(LANDED, arg=ident)


def test_the_notes_index_lists_every_note_and_each_link_lands_on_it(page, served_pages, pages_site):
    held = 0
    for url in PAGES:
        if url in ("notes/", "print_page/", "glossary/"):
            continue
        held += len(BeautifulSoup((pages_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
                    .select(".editor-note[id] > .admonition"))
    page.goto(served_pages + "notes/")
    links = page.eval_on_selector_all("article ol a[href*='#note-']", "links => links.map(a => a.href)")
    assert len(links) == held >= 20
    assert page.locator("article table").inner_text().count("\n") >= 5  # a row for each kind
    for href in links:
        page.goto(href)
        ident = href.split("#")[1]
        page.wait_for_function(LANDED, arg=ident)
        assert page.evaluate("document.querySelector(':target').matches('.editor-note')")


@pytest.mark.parametrize("url", ANSWERS)
def test_related_questions_lead_to_other_answers(page, served_pages, url):
    page.goto(served_pages + url)
    links = page.eval_on_selector_all(".related-questions a", "links => links.map(a => a.href)")
    assert 2 <= len(links) <= 3
    for href in links:
        assert href != served_pages + url
        response = page.request.get(href)
        assert response.ok and href.removeprefix(served_pages) in ANSWERS


@pytest.mark.parametrize("url", ANSWERS)
def test_reading_time_shows_under_the_title(page, served_pages, url):
    page.goto(served_pages + url)
    note = page.locator("h1 + .reading-time")
    assert note.is_visible() and note.inner_text().startswith("阅读约 ")


def test_a_followed_section_link_is_highlighted_for_a_moment(page, served_pages):
    page.goto(served_pages + "q10-agi/")
    page.goto(served_pages + "q02-improvements/#steerability")  # the last section: it cannot scroll to the top
    page.wait_for_function(LANDED, arg="steerability")
    style = page.evaluate("(() => { const s = getComputedStyle(document.querySelector(':target'));"
                          " return [s.animationName, s.backgroundColor]; })()")
    assert style[0] == "target-highlight"
    assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent")  # lit now, fading later
    page.wait_for_function("() => getComputedStyle(document.querySelector(':target')).backgroundColor === 'rgba(0, 0, 0, 0)'",
                           timeout=5000)


def test_the_highlight_stays_still_when_the_reader_asks_for_less_motion(browser, served_pages):
    with checked_page(browser, reduced_motion="reduce") as tab:
        tab.goto(served_pages + "q09-paper/#red-team")
        tab.wait_for_function(LANDED, arg="red-team")
        style = tab.evaluate("(() => { const s = getComputedStyle(document.querySelector(':target'));"
                             " return [s.animationName, s.outlineStyle]; })()")
        assert style == ["none", "solid"]
