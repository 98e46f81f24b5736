"""Which page holds which part of the article (source/parts.yml), line by line.

A part begins at the first article line, after the previous part's, that starts with its
`begins` text; the first part starts at the top (the title included). Pure functions: the build
hook, the article check and the tests read the table the same way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import ARTICLE_PATH, PARTS_PATH
from gpt4qa.sources.tables import read_table


@dataclass(frozen=True)
class Parts:
    """Start lines (1-based, article file lines) and the page of each part."""

    starts: tuple[int, ...]
    pages: tuple[str, ...]

    def page_of(self, line: int) -> str:
        return self.pages[max(0, bisect_right(self.starts, line) - 1)]


def parse_parts(data: object, article_text: str, path: Path = PARTS_PATH, article_path: Path = ARTICLE_PATH) -> Parts:
    entries = data.get("parts") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: expected a non-empty 'parts:' list")
    lines = article_text.splitlines()
    starts, pages, after = [], [], 0
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not str(entry.get("page") or "").strip():
            raise InputError(f"{path}: part {number} needs a page")
        begins = str(entry.get("begins") or "")
        if number == 1:
            start = 1
        elif not begins:
            raise InputError(f"{path}: part {number} ({entry['page']}) needs `begins`, the text its first line starts with")
        else:
            found = next((i for i in range(after, len(lines)) if lines[i].startswith(begins)), None)
            if found is None:
                raise InputError(f"{path}: part {number} ({entry['page']}): no line of {article_path} "
                                   f"after line {after} starts with {begins!r}")
            start = found + 1
        after = start
        starts.append(start)
        pages.append(str(entry["page"]).strip())
    return Parts(tuple(starts), tuple(pages))


def load_parts(path: Path = PARTS_PATH, article_path: Path = ARTICLE_PATH) -> Parts:
    return parse_parts(read_table(path, "parts table"), article_path.read_text(encoding="utf-8"), path, article_path)


def check_figure_pages(figures, article, parts: Parts, table_path: Path, parts_path: Path = PARTS_PATH) -> None:
    """The figure table puts each figure on the page of the article part it stands in."""
    lines = {figure.id: figure.line for figure in article.figures}
    for figure in figures:
        expected = parts.page_of(lines[figure.id])
        if figure.page != expected:
            raise InputError(
                f"{table_path}: figure {figure.number} ({figure.id}) is placed on {figure.page}, but its article "
                f"line {lines[figure.id]} is in the part {parts_path} puts on {expected}"
            )
