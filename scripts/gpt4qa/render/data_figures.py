"""Figures drawn from published numbers: a table of the values as the source prints them, labelled
as the editor's redrawing, with its source. No script runs in the reader's browser; the table
prints as text in the PDF and follows the light and dark schemes through the theme's table style.

An article figure with data (图 5) is drawn in place of its card while the original is missing;
an editor's supplementary table is placed by a line `::: data-table <id>` on its page.
"""

from __future__ import annotations

import html
import re

from gpt4qa.core.errors import InputError
from gpt4qa.render.citations import cite_html
from gpt4qa.sources.figure_data import DataTable
from gpt4qa.sources.register import Register

DRAWN_MARK = "编者据出处数据重制，非原图"
SUPPLEMENT_LABEL = "编者补充表"
_PLACEMENT = re.compile(r"^(?P<indent>[ \t]*):::[ \t]+data-table[ \t]+(?P<id>\S+)[ \t]*$", re.M)


def table_html(table: DataTable) -> str:
    """The values as a table (one line: a raw HTML block), the marked rows starred."""
    escape = html.escape
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in table.columns)
    rows = []
    for cells, marked in zip(table.rows, table.marked()):
        star = '<span class="data-mark" title="零样本成绩高于 SOTA">★</span>' if marked else ""
        first, *rest = cells
        opening = '<tr class="data-row--marked">' if marked else "<tr>"
        rows.append(f'{opening}<th scope="row">{escape(first)}{star}</th>'
                    + "".join(f"<td>{escape(cell)}</td>" for cell in rest) + "</tr>")
    return (f'<div class="data-table"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>")


def drawn_note(table: DataTable, register: Register) -> str:
    """What a drawn figure says it is: the editor's redrawing, its source, and what the stars mean."""
    legend = ""
    if table.mark:
        legend = (f'<span class="data-legend">★ 标出以零样本评测、成绩高于 SOTA 的 {sum(table.marked())} 个基准。'
                  "</span>")
    return (f'<span class="figure-drawn">{DRAWN_MARK}。</span>'
            f'<span class="figure-source">出处：{cite_html(table.source, register)}</span>{legend}')


def supplement_html(table: DataTable, register: Register, indent: str = "") -> str:
    caption = (f'<figcaption><span class="figure-number">{SUPPLEMENT_LABEL}</span> {html.escape(table.title)} '
               f"{drawn_note(table, register)}</figcaption>")
    lines = (f'<figure class="data-figure" id="{table.anchor}" data-table-id="{table.id}">', caption,
             table_html(table), "</figure>")
    return "\n".join(indent + line for line in lines)


def render_data_tables(markdown: str, *, page_src: str, tables: dict[str, DataTable], register: Register) -> str:
    """Replace each `::: data-table <id>` line with its table; a table of another page, or one the
    data does not have, raises InputError naming the page and line."""

    def replace(match: re.Match[str]) -> str:
        ident = match.group("id")
        table = tables.get(ident)
        line = markdown.count("\n", 0, match.start()) + 1
        if table is None or table.page is None:
            raise InputError(f"docs/{page_src}:{line}: places data table '{ident}', which source/figure-data.yml "
                             "does not list as a supplementary table")
        if table.page != page_src:
            raise InputError(f"docs/{page_src}:{line}: places data table '{ident}', which belongs on {table.page}")
        return supplement_html(table, register, match.group("indent"))

    return _PLACEMENT.sub(replace, markdown)
