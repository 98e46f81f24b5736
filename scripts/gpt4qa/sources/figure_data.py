"""The figures the editor redraws from published numbers (source/figure-data.yml): each a table of
values exactly as its source prints them, with the source cited by the register's id and part.

A table either draws an article figure (`figure:`, shown in place of its card while the original
is missing) or is the editor's supplementary table on a page (`page:`, placed by a line
`::: data-table <id>`). Faults name the file and line: a table without a source, a row whose
cells do not match the columns, an unknown mark rule, an id used twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import FIGURE_DATA_PATH
from gpt4qa.sources.register import Citation, table_citation
from gpt4qa.sources.tables import read_table_with_lines

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MARKS = ("zero-shot-above-sota",)
# A number as a table prints it: 77.2%, 88.4, 298 / 400 …
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class DataTable:
    id: str
    title: str
    source: Citation
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    figure: str | None = None  # the article figure it draws
    page: str | None = None  # the page of an editor's supplementary table
    mark: str | None = None

    @property
    def anchor(self) -> str:
        return f"table-{self.id}"

    def converted(self, convert: Callable[[str], str]) -> DataTable:
        """The table as a converted edition prints it: its title and cells converted."""
        return replace(self, title=convert(self.title), columns=tuple(convert(c) for c in self.columns),
                       rows=tuple(tuple(convert(v) for v in row) for row in self.rows))

    def marked(self) -> list[bool]:
        """Which rows the table's mark rule stars."""
        if self.mark != "zero-shot-above-sota":
            return [False] * len(self.rows)
        gpt4, evaluation, sota = (self.columns.index(name) for name in ("GPT-4", "GPT-4 的评测方式", "SOTA"))
        return [row[evaluation].startswith("0-shot") and first_number(row[gpt4]) > first_number(row[sota])
                for row in self.rows]


def first_number(cell: str) -> float:
    match = _NUMBER.search(cell)
    return float(match.group(0)) if match else float("-inf")


def _cells(raw: object, width: int, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(cell, (str, int, float)) for cell in raw):
        raise InputError(f"{where}: a row is a list of cells as the source prints them")
    if len(raw) != width:
        raise InputError(f"{where}: a row of {len(raw)} cells under {width} columns")
    return tuple(str(cell).strip() for cell in raw)


def parse_figure_data(data: object, lines: list[int], path: Path = FIGURE_DATA_PATH) -> tuple[DataTable, ...]:
    entries = data.get("tables") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"{path}: expected a 'tables:' list")
    tables, seen = [], {}
    for number, entry in enumerate(entries):
        line = lines[number] if number < len(lines) else 0
        where = f"{path}:{line}"
        if not isinstance(entry, dict) or not _ID.match(str(entry.get("id") or "")):
            raise InputError(f"{where}: a table needs an `id` of lower-case ASCII words joined by '-'")
        ident = entry["id"]
        where = f"{where}: table '{ident}'"
        if ident in seen:
            raise InputError(f"{where} is listed twice (first at line {seen[ident]})")
        seen[ident] = line
        if entry.get("source") is None:
            raise InputError(f"{where} needs `source`: {{id: …, part: …}}, where its numbers are printed")
        if bool(entry.get("figure")) == bool(entry.get("page")):
            raise InputError(f"{where} needs either `figure` (the article figure it draws) or `page`")
        if entry.get("mark") not in (None, *MARKS):
            raise InputError(f"{where}: unknown mark {entry['mark']!r} (known: {', '.join(MARKS)})")
        columns = entry.get("columns")
        if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
            raise InputError(f"{where} needs `columns`, the column headings")
        rows = entry.get("rows")
        if not isinstance(rows, list) or not rows:
            raise InputError(f"{where} needs `rows`")
        if not str(entry.get("title") or "").strip():
            raise InputError(f"{where} needs `title`")
        table = DataTable(ident, str(entry["title"]).strip(), table_citation(entry["source"], where),
                          tuple(c.strip() for c in columns),
                          tuple(_cells(row, len(columns), f"{where}, row {n}") for n, row in enumerate(rows, start=1)),
                          line, entry.get("figure"), entry.get("page"), entry.get("mark"))
        if table.mark and not all(name in table.columns for name in ("GPT-4", "GPT-4 的评测方式", "SOTA")):
            raise InputError(f"{where}: mark {table.mark} needs the columns GPT-4, GPT-4 的评测方式 and SOTA")
        tables.append(table)
    return tuple(tables)


def load_figure_data(path: Path = FIGURE_DATA_PATH) -> tuple[DataTable, ...]:
    data, lines = read_table_with_lines(path, "figure data", "tables")
    return parse_figure_data(data, lines, path)
