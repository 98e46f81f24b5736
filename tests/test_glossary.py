"""The glossary table and what it gives the pages: tooltips, related questions, reading time;
and the notes index's anchors."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ARTICLE_PATH
from gpt4qa.render import glossary
from gpt4qa.render.caveats import add_titles, find_caveats
from gpt4qa.render.notes_index import Note, notes_markdown
from gpt4qa.render.reading_time import count_units, reading_time_in
from gpt4qa.sources import glossary as glossary_table
from gpt4qa.sources.bundle import Sources

ARTICLE = "GPT-4 用 RLHF 训练。RLHF 之后又用了 ARC 的评测，ARCH 不是术语。\n"
TABLE = {
    "groups": [{"id": "training", "title": "训练"}],
    "terms": [
        {"id": "rlhf", "term": "RLHF", "group": "training", "variants": ["RLHF"], "definition": "基于人类反馈的强化学习。",
         "sources": [{"id": "instructgpt", "part": "摘要"}]},
        {"id": "arc", "term": "ARC", "group": "training", "variants": ["ARC"], "definition": "对齐研究中心。",
         "sources": [{"id": "metr-2023", "part": "全文"}]},
    ],
}


def table(**changes):
    data = {"groups": TABLE["groups"], "terms": [dict(t) for t in TABLE["terms"]]}
    data["terms"][0].update(changes)
    return data


def test_the_sites_glossary_has_thirty_terms_each_written_in_the_article():
    terms = glossary_table.load_glossary(ARTICLE_PATH.read_text(encoding="utf-8")).terms
    assert len(terms) >= 30
    assert len({t.id for t in terms}) == len(terms)


def test_a_variant_the_article_never_writes_fails_naming_the_entry():
    with pytest.raises(InputError, match=r"^source/glossary.yml: term 'rlhf': variant 'RLAIF' never occurs in the article$"):
        glossary_table.parse_glossary(table(variants=["RLAIF"]), ARTICLE, path="source/glossary.yml")


@pytest.mark.parametrize("changes, message", [
    ({"group": "nope"}, "term 'rlhf': unknown group 'nope'"),
    ({"sources": None}, r"^g.yml: term 'rlhf' needs `sources`, a list of \{id: …, part: …\} it was checked against$"),
    ({"sources": [{"id": "instructgpt"}]}, r"^g.yml: term 'rlhf': a source is cited as \{id: …, part: …\}"),
    ({"definition": ""}, "term 'rlhf' needs `definition`"),
    ({"id": "arc"}, "term 'arc' is listed twice"),
    ({"id": "RLHF"}, "id must be lower-case"),
])
def test_a_broken_entry_fails_with_one_line(changes, message):
    with pytest.raises(InputError, match=message) as error:
        glossary_table.parse_glossary(table(**changes), ARTICLE, path="g.yml")
    assert "\n" not in str(error.value)


def tooltips(html: str) -> tuple[BeautifulSoup, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    done = glossary.tooltips_in(soup, glossary_table.parse_glossary(table(), ARTICLE), "p")
    return soup, done


def test_only_the_first_occurrence_in_the_authors_text_becomes_a_tooltip():
    soup, done = tooltips(
        "<h2>RLHF 简介</h2><p><a href='#'>RLHF</a> 与 <code>RLHF</code></p>"
        "<div class='admonition'><p>RLHF</p></div><p>先讲 RLHF，再讲 RLHF 与 ARC；ARCH 不算。</p>"
    )
    assert done == ["rlhf", "arc"]
    terms = soup.select(".gloss__term")
    assert [t.get_text() for t in terms] == ["RLHF", "ARC"]
    assert terms[0].find_parent("p").get_text().startswith("先讲 RLHF")
    tip = soup.select_one("#gloss-p-rlhf")
    assert tip["role"] == "tooltip" and tip.has_attr("data-search-exclude") and "editorial" in tip["class"]
    assert terms[0]["aria-describedby"] == "gloss-p-rlhf"


def test_the_text_around_a_tooltip_is_unchanged():
    html = "<p>先讲 RLHF，再讲 ARC。</p>"
    soup, _ = tooltips(html)
    for tip in soup.select(".gloss__tip"):
        tip.decompose()
    assert soup.get_text() == BeautifulSoup(html, "html.parser").get_text()


def test_related_pages_weigh_rare_shared_terms_above_common_ones():
    related = glossary.related_pages({
        "a.md": {"llm", "rlhf"}, "b.md": {"llm"}, "c.md": {"llm", "rlhf"}, "d.md": {"llm", "agi"}, "e.md": {"agi"},
    })
    assert related["a.md"][0] == ("c.md", ["rlhf", "llm"])
    assert [page for page, _ in related["a.md"]] == ["c.md", "b.md", "d.md"]
    assert all(page != "a.md" for page, _ in related["a.md"])
    assert related["e.md"] == [("d.md", ["agi"])]


def test_every_answer_has_two_or_three_related_questions():
    sources = Sources()
    companions = glossary.companions(sources.article.text, sources.parts, sources.glossary)
    assert len(companions.related) == 10
    assert all(2 <= len(links) <= 3 for links in companions.related.values())


def test_reading_time_counts_characters_and_latin_words_once():
    assert count_units("GPT-4 的参数量是 175B。") == 7  # GPT-4, 的, 参, 数, 量, 是, 175B
    soup = BeautifulSoup("<h1>标题</h1><p>" + "字" * 600 + "<span class='gloss__tip'>不读</span></p>", "html.parser")
    assert reading_time_in(soup) == 602
    note = soup.select_one("h1 + p.reading-time")
    assert note.get_text().startswith("阅读约 3 分钟") and note.has_attr("data-search-exclude")


PAGE = "第一句。\n\n!!! opinion qualifies=\"第一句\"\n\n    作者的看法。\n\n第二句。\n\n!!! opinion qualifies=\"第二句\"\n\n    又一条。\n"


def test_a_notes_anchor_stays_when_another_note_is_added_before_it():
    before = {c.sentence: c.anchor for c in find_caveats(PAGE, "p.md")}
    added = "第零句。\n\n!!! speculation qualifies=\"第零句\"\n\n    新加的。\n\n" + PAGE
    after = {c.sentence: c.anchor for c in find_caveats(added, "p.md")}
    assert after["第二句。"] == before["第二句。"] and len(after) == 3


def test_each_note_is_wrapped_in_its_anchor():
    soup_lines = add_titles(PAGE, "p.md").split("\n")
    anchors = [c.anchor for c in find_caveats(PAGE, "p.md")]
    assert [line for line in soup_lines if line.startswith("<div")] == [
        f'<div class="editor-note" id="{anchor}" markdown>' for anchor in anchors]
    assert soup_lines.count("</div>") == 2


def test_two_notes_of_a_kind_on_one_sentence_fail():
    twice = "第一句。\n\n!!! opinion qualifies=\"第一句\"\n\n    一。\n\n!!! opinion qualifies=\"第一句\"\n\n    二。\n"
    with pytest.raises(InputError, match=r"^p.md:7: caveat 'opinion' qualifies “第一句” as an earlier"):
        find_caveats(twice, "p.md")


def test_the_notes_index_counts_each_kind_and_links_each_note():
    notes = [Note("q.md", "Q", c) for c in find_caveats(PAGE, "p.md")]
    markdown = notes_markdown(notes)
    assert "| [个人观点](#opinion) | 2 |" in markdown
    assert markdown.count("](q.md#note-opinion-") == 2
    assert "“第二句。”" in markdown
