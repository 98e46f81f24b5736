"""Figures drawn from published numbers: the data file, the drawn tables, and the build's check
that a page shows exactly its data."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gpt4qa.checks.data_figures import table_faults
from gpt4qa.core.errors import InputError
from gpt4qa.render.data_figures import DRAWN_MARK, render_data_tables, table_html
from gpt4qa.sources.figure_data import load_figure_data
from gpt4qa.sources.register import Register, Source

DATA = """\
tables:
  - id: vision
    figure: abc123
    title: 基准成绩
    source: {id: report, part: Table 1}
    mark: zero-shot-above-sota
    columns: [基准, GPT-4, GPT-4 的评测方式, SOTA]
    rows:
      - [A, 78.0%, 0-shot, 71.8%（X）]
      - [B, 77.2%, 0-shot, 84.3%（Y）]
      - [C, 78.5%, 4-shot, 58.6%（Z）]
  - id: exams
    page: q02.md
    title: 考试
    source: {id: report, part: Table 2}
    columns: [考试, GPT-4]
    rows:
      - [LSAT, 163 (~88th)]
"""
REGISTER = Register(Path("sources.yml"), {"report": Source("report", "报告", "机构", "2023-03", "https://example.org/r",
                                                            "primary", "2026-12-01", 2)})


def tables(tmp_path: Path, text: str = DATA):
    path = tmp_path / "figure-data.yml"
    path.write_text(text, encoding="utf-8")
    return load_figure_data(path)


def test_the_mark_stars_the_zero_shot_rows_above_sota(tmp_path):
    vision, _ = tables(tmp_path)
    assert vision.marked() == [True, False, False]
    html = table_html(vision)
    assert html.count('class="data-row--marked"') == 1 and html.count("★") == 1


@pytest.mark.parametrize("old, new, message", [
    ("    source: {id: report, part: Table 1}\n", "",
     "figure-data.yml:2: table 'vision' needs `source`: {id: …, part: …}, where its numbers are printed"),
    ("      - [B, 77.2%, 0-shot, 84.3%（Y）]", "      - [B, 77.2%, 0-shot]", "figure-data.yml:2: table 'vision', row 2: a row of 3 cells under 4 columns"),
    ("    mark: zero-shot-above-sota", "    mark: best-first", "figure-data.yml:2: table 'vision': unknown mark 'best-first'"),
    ("    page: q02.md\n", "", "figure-data.yml:12: table 'exams' needs either `figure`"),
])
def test_a_broken_table_is_one_line_naming_file_line_and_table(tmp_path, old, new, message):
    with pytest.raises(InputError) as error:
        tables(tmp_path, DATA.replace(old, new))
    assert str(error.value).startswith(f"{tmp_path}/{message}")
    assert "\n" not in str(error.value)


def test_a_supplementary_table_is_placed_by_its_line_with_the_drawn_mark_and_source(tmp_path):
    by_id = {t.id: t for t in tables(tmp_path)}
    out = render_data_tables("前文。\n\n::: data-table exams\n", page_src="q02.md", tables=by_id, register=REGISTER)
    figure = BeautifulSoup(out, "html.parser").find("figure")
    assert figure["id"] == "table-exams" and figure["data-table-id"] == "exams"
    assert DRAWN_MARK in figure.figcaption.get_text()
    assert figure.figcaption.find("a")["href"] == "https://example.org/r"
    with pytest.raises(InputError, match=r"^docs/q03.md:1: places data table 'exams', which belongs on q02.md$"):
        render_data_tables("::: data-table exams\n", page_src="q03.md", tables=by_id, register=REGISTER)
    with pytest.raises(InputError, match=r"^docs/q02.md:1: places data table 'nope', which source/figure-data.yml"):
        render_data_tables("::: data-table nope\n", page_src="q02.md", tables=by_id, register=REGISTER)


def test_the_check_names_a_number_that_is_not_its_data(tmp_path):
    vision, _ = tables(tmp_path)
    shown = BeautifulSoup(table_html(vision).replace("78.5%", "87.5%"), "html.parser").find("table")
    assert table_faults("图 5 (vision) on /q02/", shown, vision) == [
        "图 5 (vision) on /q02/: row 3, column GPT-4 shows '87.5%'; its data says '78.5%'"]
    assert table_faults("x", BeautifulSoup(table_html(vision), "html.parser").find("table"), vision) == []


def test_the_projects_vision_table_stars_the_articles_four_of_eight():
    [vision] = [t for t in load_figure_data() if t.id == "visual-inputs"]
    assert len(vision.rows) == 8 and sum(vision.marked()) == 4


def test_figure_5_is_drawn_and_the_q2_tables_are_on_their_page(pages_site):
    page = BeautifulSoup((pages_site / "q02-improvements" / "index.html").read_text(encoding="utf-8"), "html.parser")
    drawn = page.select_one("#fig-5")
    assert "figure-drawn" in drawn["class"] and len(drawn.select("tbody tr")) == 8
    assert DRAWN_MARK in drawn.figcaption.get_text() and "原图未收录" not in drawn.get_text()
    assert [f["id"] for f in page.select("figure.data-figure")] == ["table-academic-benchmarks", "table-simulated-exams"]
    listing = BeautifulSoup((pages_site / "figures" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "编者据出处数据重制" in listing.select("article table tbody tr")[4].get_text()
