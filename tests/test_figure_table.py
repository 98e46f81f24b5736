from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.sources.article import parse_article
from gpt4qa.sources.figures import check_pages, load_table, match_article, parse_table
from helpers import ARTICLE

TABLE_PATH = Path(__file__).resolve().parent.parent / "source" / "figures.yml"


def entry(ident, **over):
    return {"id": ident, "page": "index.md", "caption": "图注", "alt": "描述", **over}


def test_numbers_follow_table_order():
    figures = parse_table({"figures": [entry("a"), entry("b")]})
    assert [(f.number, f.label, f.image_path) for f in figures] == [
        (1, "图 1", "images/jueJin/a.png"),
        (2, "图 2", "images/jueJin/b.png"),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"figures": []}, "non-empty 'figures:' list"),
        ({"figures": [entry("a", caption="")]}, "figure 1 needs non-empty"),
        ({"figures": [entry("a", alt="图片")]}, "placeholder alt text"),
        ({"figures": [entry("a"), entry("a")]}, "two figures with one id 'a'"),
        ({"figures": [entry("a", source={"title": "报告", "part": "图 3", "url": "https://x.org/"})]},
         r"^figures.yml: figure 1 \(a\): a source is cited as \{id: …, part: …\} \(the register's id, and the "
         r"section, figure, table or page\)$"),
        ({"figures": [entry("a", source={"id": "gpt4-report"})]}, r"figure 1 \(a\): a source is cited as"),
    ],
)
def test_bad_tables(data, message):
    with pytest.raises(InputError, match=message):
        parse_table(data, Path("figures.yml"))


def test_table_must_match_the_article():
    article = parse_article(ARTICLE, Path("a.md"))
    with pytest.raises(InputError, match="no entry for figure.*bbb222"):
        match_article(parse_table({"figures": [entry("aaa111")]}), article)
    with pytest.raises(InputError, match="does not cite: ccc"):
        match_article(parse_table({"figures": [entry("aaa111"), entry("bbb222"), entry("ccc")]}), article)


def test_project_table_lists_25_figures_with_real_alt_text():
    figures = load_table(TABLE_PATH)
    assert len(figures) == 25
    assert len({f.alt for f in figures}) == 25  # each alt text describes its own figure


def test_entry_naming_a_missing_page(tmp_path):
    (tmp_path / "index.md").write_text("x")
    figures = parse_table({"figures": [entry("a"), entry("b", page="q99.md")]})
    check_pages(figures[:1], tmp_path)
    with pytest.raises(InputError, match=r"figure 2 \(b\) names page 'q99.md', which is not in"):
        check_pages(figures, tmp_path, Path("figures.yml"))


def test_source_is_read_with_the_line_of_its_entry(tmp_path):
    table = tmp_path / "figures.yml"
    table.write_text("figures:\n  - id: a\n    page: index.md\n    caption: 图注\n    alt: 替代文字\n"
                     "    source: {id: gpt4-report, part: 图 3}\n", encoding="utf-8")
    [figure] = load_table(table)
    assert (figure.source.id, figure.source.part, figure.source.where) == (
        "gpt4-report", "图 3", f"{table}:2: figure 1 (a)")
