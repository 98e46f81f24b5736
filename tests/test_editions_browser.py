"""In Chromium: the language switch opens the same page, and the same section when followed from a
section link, in the other edition, both ways; the Traditional edition searches its own pages
through the theme's own search box, in its own interface strings."""

from __future__ import annotations

import pytest

from gpt4qa.run.search_driver import SearchBox, page_key
from helpers import checked_page

SECTION = "q02-improvements/#context-window"


@pytest.fixture
def tab(browser):
    with checked_page(browser) as page:
        yield page


def switch(tab, lang: str) -> None:
    tab.locator(".md-header .md-select").hover()
    with tab.expect_navigation():
        tab.locator(f'.md-select__link[hreflang="{lang}"]').click()


@pytest.mark.parametrize("start, lang, lands", [
    (SECTION, "zh-Hant", "zh-Hant/" + SECTION),
    ("zh-Hant/" + SECTION, "zh-Hans", SECTION),
    ("q05-reasoning/", "zh-Hant", "zh-Hant/q05-reasoning/"),
    ("zh-Hant/", "zh-Hans", ""),
])
def test_the_switch_opens_the_same_page_and_section_in_the_other_edition(tab, served_pages, start, lang, lands):
    tab.goto(served_pages + start)
    switch(tab, lang)
    assert tab.url == served_pages + lands
    assert tab.evaluate("document.documentElement.lang") == lang
    if "#" in lands:
        ident = lands.split("#")[1]
        tab.wait_for_function("ident => document.querySelector(':target')?.id === ident", arg=ident)


def test_the_traditional_edition_searches_its_own_pages_in_either_script(tab, served_pages):
    base = served_pages + "zh-Hant/"
    box = SearchBox(tab, base)
    for query in ("邏輯性和準確性有什麼改進", "逻辑性和准确性有什么改进"):
        hrefs = box.results(query)
        assert hrefs and all(href.startswith(base) for href in hrefs), hrefs
        assert page_key(hrefs[0], base) == "q05"
    assert tab.locator(".md-search__input").get_attribute("placeholder") == "搜尋"
