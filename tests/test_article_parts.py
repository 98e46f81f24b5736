"""Which page holds which part of the article: the table, its errors, and the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpt4qa.core.errors import InputError
from gpt4qa.sources.article import load_article
from gpt4qa.sources.figures import load_table
from gpt4qa.sources.parts import check_figure_pages, load_parts, parse_parts
from helpers import ARTICLE

PARTS = {"parts": [{"page": "index.md"}, {"page": "q01.md", "begins": "01、"}, {"page": "q02.md", "begins": "02、"}]}


def test_each_line_belongs_to_the_part_it_follows():
    parts = parse_parts(PARTS, ARTICLE, Path("parts.yml"))
    lines = ARTICLE.splitlines()
    first_question = lines.index("01、第一个问题") + 1
    assert parts.page_of(1) == "index.md"
    assert parts.page_of(first_question - 1) == "index.md"
    assert parts.page_of(first_question) == "q01.md"
    assert parts.page_of(len(lines)) == "q02.md"


@pytest.mark.parametrize("data, message", [
    ({"parts": []}, r"^parts.yml: expected a non-empty 'parts:' list$"),
    ({"parts": [{"page": "index.md"}, {"page": "q01.md"}]}, r"part 2 \(q01.md\) needs `begins`"),
    ({"parts": [{"page": "index.md"}, {"page": "q01.md", "begins": "09、"}]}, r"part 2 \(q01.md\): no line of .* starts with '09、'"),
    ({"parts": [{"page": "index.md"}, {"page": "q02.md", "begins": "02、"}, {"page": "q01.md", "begins": "01、"}]},
     r"part 3 \(q01.md\): no line of .* after line \d+ starts with '01、'"),
    ({"parts": [{"begins": "01、"}]}, r"part 1 needs a page"),
])
def test_bad_parts_tables(data, message):
    with pytest.raises(InputError, match=message):
        parse_parts(data, ARTICLE, Path("parts.yml"))


def test_real_table_places_every_figure_where_the_figure_table_does():
    check_figure_pages(load_table(), load_article(), load_parts(), Path("figures.yml"))


def test_a_figure_placed_outside_its_part_is_named():
    figures = list(load_table())
    moved = figures[4].__class__(**{**figures[4].__dict__, "page": "q03-training.md"})
    figures[4] = moved
    with pytest.raises(InputError, match=r"figure 5 \(4b918b16876d439\) is placed on q03-training.md, but its article line \d+"):
        check_figure_pages(tuple(figures), load_article(), load_parts(), Path("figures.yml"))
