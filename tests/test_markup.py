"""The markup contract: each set matches, on every built page, exactly what its CSS selector does."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from gpt4qa.checks.anchors import is_public, is_section
from gpt4qa.core import markup
from gpt4qa.core.markup import Marks, is_note_or_term
from gpt4qa.core.text import text_outside

SETS = {name: value for name, value in vars(markup).items() if isinstance(value, Marks)}
# The predicates that CSS states with a combinator, beside the selector they stand for.
PREDICATES = {
    "is_note_or_term": (is_note_or_term, ".editor-note[id], dl.glossary > dt[id]"),
    "is_section": (is_section, "h2[id], h3[id], h4[id], figure[id]"),
    "is_public": (is_public, "h2[id], h3[id], h4[id], figure[id], .editor-note[id], dl.glossary > dt[id]"),
}


def test_the_contract_names_its_sets():
    assert set(SETS) == {"EDITORIAL", "HIDDEN", "UNREAD", "NO_TOOLTIP", "NOT_DESCRIPTION", "PERMALINKS"}


@pytest.mark.parametrize("name", sorted(SETS) + sorted(PREDICATES))
def test_each_set_matches_what_its_selector_matches_on_every_page(pages_site, name):
    marks, css = PREDICATES[name] if name in PREDICATES else (SETS[name], SETS[name].css)
    matched = 0
    for path in sorted(pages_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        found, selected = soup.find_all(marks), soup.select(css)
        assert [id(e) for e in found] == [id(e) for e in selected], f"{name} on {path.relative_to(pages_site)}"
        matched += len(found)
    assert matched > 0, f"{name} matches nothing on the site: the test would prove nothing"


def test_a_set_matches_by_tag_class_attribute_value_and_contained_text():
    soup = BeautifulSoup(
        '<div><p class="x editorial">a</p><p aria-hidden="false">b</p><p aria-hidden="true">c</p>'
        '<span style="color: red; display: none">d</span><span hidden>e</span><figure>f</figure>g</div>',
        "html.parser",
    )
    assert text_outside(soup, markup.EDITORIAL | markup.HIDDEN) == "bg"
    assert text_outside(soup, markup.HIDDEN) == "abfg"
    assert [e.name for e in soup.find_all(Marks(attributes=(("aria-hidden", "false"),)))] == ["p"]


def test_text_outside_reads_as_get_text_does_when_nothing_is_left_out():
    soup = BeautifulSoup("<p>一<!-- 注释 --><b>二</b><script>x()</script>三</p>", "lxml")
    assert text_outside(soup, Marks(tags=("nothing",))) == soup.get_text() == "一二三"
