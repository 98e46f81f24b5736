"""The sources register: each source once, cited by id and part, rendered from the register."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.render.caveats import add_titles
from gpt4qa.render.citations import render_citations
from gpt4qa.render.sources_page import CitedBy, sources_markdown
from gpt4qa.sources.register import Citation, load_register, page_citations
from gpt4qa.sources.tables import item_lines

REGISTER = """\
sources:
  - id: report
    title: A Report
    publisher: Lab
    date: 2023-03
    url: https://example.org/report
    kind: primary
    checked: 2026-12-01
  - id: digest
    title: 某报道
    publisher: 某媒体
    date: unknown
    url: https://example.com/news
    kind: secondary
    reason: 一手来源未公开
    checked: 2026-12-01
"""


def register(tmp_path: Path, text: str = REGISTER):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return load_register(path)


def test_the_register_reads_each_source_with_its_line(tmp_path):
    sources = register(tmp_path).sources
    assert [(s.id, s.line, s.kind, s.shown_date) for s in sources.values()] == [
        ("report", 2, "primary", "2023-03"), ("digest", 9, "secondary", "日期不详")]


@pytest.mark.parametrize("old, new, message", [
    ("    url: https://example.org/report", "    url: http://example.org/report",
     "sources.yml:2: source 'report': address 'http://example.org/report' is not an https:// address"),
    ("    reason: 一手来源未公开\n", "",
     "sources.yml:9: source 'digest' is secondary and gives no reason why no primary source is cited (add `reason:`)"),
    ("    publisher: Lab\n", "", "sources.yml:2: source 'report' needs publisher"),
    ("  - id: digest", "  - id: report", "sources.yml:9: source 'report' is listed twice (first at line 2)"),
    ("    kind: primary", "    kind: official", "sources.yml:2: source 'report': kind must be primary or secondary"),
    ("    date: 2023-03\n", "    date: March 2023\n", "sources.yml:2: source 'report': date 'March 2023' is not YYYY"),
    ("  - id: report", "  - id: Report_1", "sources.yml:2: source id 'Report_1' must be lower-case"),
])
def test_a_broken_entry_is_one_line_naming_file_and_line(tmp_path, old, new, message):
    with pytest.raises(InputError) as error:
        register(tmp_path, REGISTER.replace(old, new))
    assert str(error.value) == f"{tmp_path / 'sources.yml'}:{message.split(':', 1)[1]}" or \
        str(error.value).startswith(f"{tmp_path / 'sources.yml'}:{message.split(':', 1)[1]}")
    assert "\n" not in str(error.value)


def test_an_unknown_id_fails_where_it_is_cited(tmp_path):
    with pytest.raises(InputError, match=r"^docs/q02.md:7: cites unknown source 'reprot' \(add it to .*sources.yml, "
                                         r"or use one of its ids\)$"):
        register(tmp_path).check_cited([Citation("report", "§1", "docs/q02.md:5"), Citation("reprot", "§1", "docs/q02.md:7")])


def test_a_source_nothing_cites_fails_naming_its_line(tmp_path):
    with pytest.raises(InputError, match=r"sources.yml:9: source 'digest' is cited by no note, glossary entry or figure"):
        register(tmp_path).check_cited([Citation("report", "§1", "docs/q02.md:5")])


def test_citations_are_found_with_their_page_and_line():
    markdown = "正文。\n\n!!! erratum qualifies=\"正文\"\n\n    见[§5、图 7](src:report)与[附录](src:digest)。\n"
    assert page_citations(markdown, "docs/q05.md") == [
        Citation("report", "§5、图 7", "docs/q05.md:5", 5), Citation("digest", "附录", "docs/q05.md:5", 5)]


def test_a_citation_renders_title_publisher_date_part_and_the_register_entry(tmp_path):
    markdown = "    见[§5、图 7](src:report)。\n"
    assert render_citations(markdown, register(tmp_path), "q05.md") == (
        "    见Lab《[A Report](https://example.org/report)》（2023-03；§5、图 7；[参考来源](sources.md#report){data-search-exclude}）。\n")
    with pytest.raises(InputError, match=r"^docs/q05.md:2: cites unknown source 'nope'"):
        render_citations("正文\n[§1](src:nope)\n", register(tmp_path), "q05.md")


def test_a_note_that_links_an_address_directly_is_refused():
    text = '正文第一句。\n\n!!! erratum qualifies="正文第一句"\n\n    见[报告](https://example.org/report)。\n'
    with pytest.raises(InputError, match=r"^docs/q03.md:3: caveat 'erratum' links https://example.org/report directly: "
                                         r"cite it from source/sources.yml as \[part\]\(src:id\)$"):
        add_titles(text, "docs/q03.md")


def test_the_sources_page_groups_by_publisher_and_lists_who_cites_each(tmp_path):
    page = sources_markdown(register(tmp_path), [CitedBy("report", "Q5 · 第 1 条编者注", "q05.md#note-erratum-abc123")])
    assert "## Lab { .editorial }" in page and "## 某媒体 { .editorial }" in page
    assert "### A Report { #report .editorial }" in page
    assert "- [Q5 · 第 1 条编者注](q05.md#note-erratum-abc123)" in page
    assert "二手来源（未引一手来源的原因：一手来源未公开）" in page
    assert "search:\n  exclude: true" in page


def test_the_projects_register_is_whole():
    sources = load_register().sources
    assert len(sources) >= 30
    assert all(s.url.startswith("https://") for s in sources.values())
    assert all(s.kind == "primary" or s.reason for s in sources.values())


def test_item_lines_name_where_each_entry_starts():
    assert item_lines(REGISTER, "sources") == [2, 9]
    assert item_lines("not: [a list", "sources") == []
