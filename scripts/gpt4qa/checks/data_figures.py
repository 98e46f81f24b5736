"""Drawn figures show exactly their data: every cell a built page shows in a drawn table is the
cell its data file gives, in order, and every table is placed once where it belongs.

A figure drawn from data whose original has since been dropped in shows the original instead
(the article check holds it to that); its table is then not looked for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import Tag

from gpt4qa.checks.built_site import SitePage
from gpt4qa.core.editions import Edition
from gpt4qa.sources.figure_data import DataTable
from gpt4qa.sources.figures import Figure


def _cells(row: Tag) -> list[str]:
    cells = []
    for cell in row.find_all(["th", "td"]):
        shown = "".join(text for text in cell.find_all(string=True) if text.find_parent(class_="data-mark") is None)
        cells.append(" ".join(shown.split()))
    return cells


def table_faults(label: str, shown: Tag, table: DataTable) -> list[str]:
    """What a shown table gets wrong against its data, one line each."""
    faults = []
    header = shown.find("thead")
    head = _cells(header.find("tr")) if header is not None and header.find("tr") is not None else []
    if head != list(table.columns):
        faults.append(f"{label}: columns are {head}, its data says {list(table.columns)}")
    body = shown.find("tbody")
    rows = [_cells(row) for row in body.find_all("tr")] if body is not None else []
    if len(rows) != len(table.rows):
        faults.append(f"{label}: {len(rows)} rows shown, its data has {len(table.rows)}")
    for number, (cells, data) in enumerate(zip(rows, table.rows), start=1):
        for column, cell, value in zip(table.columns, cells, data):
            if cell != " ".join(value.split()):
                faults.append(f"{label}: row {number}, column {column} shows {cell!r}; its data says {value!r}")
        if len(cells) != len(data):
            faults.append(f"{label}: row {number} shows {len(cells)} cells, its data has {len(data)}")
    return faults


def check_data_figures(pages: list[SitePage], tables: tuple[DataTable, ...], figures: dict[str, Figure],
                       edition: Edition, site_dir: Path, convert: Callable[[str], str] | None = None) -> list[str]:
    """Problems, one a line: a drawn table that shows other values than its data (as `convert`
    converts it, in a converted edition), or is missing."""
    if convert is not None:
        tables = tuple(table.converted(convert) for table in tables)
    by_url = {page.url: page for page in pages if page.is_page}
    problems = []
    for table in tables:
        figure = figures.get(table.figure) if table.figure else None
        if figure is not None and (site_dir / edition.prefix / figure.image_path).is_file():
            continue  # the original is shown; the article check holds the figure to it
        page_src = figure.page if figure is not None else table.page
        url = edition.url(page_src)
        label = f"{figure.label} ({table.id})" if figure is not None else f"editor's table {table.id}"
        label += f" on /{url}"
        page = by_url.get(url)
        shown = page.content.find_all(attrs={"data-table-id": table.id}) if page is not None else []
        if len(shown) != 1:
            problems.append(f"{label}: placed {len(shown)} times, not once")
            continue
        inner = shown[0].find("table")
        if inner is None:
            problems.append(f"{label}: shows no table")
            continue
        problems += table_faults(label, inner, table)
    return problems
