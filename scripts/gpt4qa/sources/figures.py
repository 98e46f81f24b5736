"""Load the figure table (source/figures.yml) and hold it against the article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import FIGURES_PATH as TABLE_PATH
from gpt4qa.core.project import IMAGE_DIR
from gpt4qa.sources.article import Article
from gpt4qa.sources.register import Citation, table_citation
from gpt4qa.sources.tables import read_table_with_lines

# Alt text a screen reader user learns nothing from: the article's own placeholders.
GENERIC_ALT = {"", "图片", "图", "image", "image.png", "img", "picture", "photo"}
_FIELDS = ("id", "page", "caption", "alt")


@dataclass(frozen=True)
class Figure:
    number: int
    id: str
    page: str
    caption: str
    alt: str
    # Where the figure's content is published (the register's id and the table or figure of it):
    # recorded only where the identification is certain.
    source: Citation | None = None

    @property
    def label(self) -> str:
        return f"图 {self.number}"

    @property
    def image_path(self) -> str:
        """Path of the image file, relative to docs/ and to site/."""
        return f"{IMAGE_DIR}/{self.id}.png"


def is_generic_alt(alt: str) -> bool:
    return alt.strip().lower() in GENERIC_ALT


def _source(raw: object, where: str) -> Citation | None:
    return None if raw is None else table_citation(raw, where)


def _entry(raw: object, number: int, path: Path, line: int | None = None) -> Figure:
    if not isinstance(raw, dict) or any(not str(raw.get(f) or "").strip() for f in _FIELDS):
        raise InputError(f"{path}: figure {number} needs non-empty {', '.join(_FIELDS)}")
    where = f"{path}: figure {number} ({str(raw['id']).strip()})"
    cited = f"{path}:{line}: figure {number} ({str(raw['id']).strip()})" if line else where
    figure = Figure(number, *(str(raw[f]).strip() for f in _FIELDS), source=_source(raw.get("source"), cited))
    if is_generic_alt(figure.alt):
        raise InputError(f"{where} has placeholder alt text {figure.alt!r}")
    return figure


def parse_table(data: object, path: Path = TABLE_PATH, lines: list[int] | None = None) -> tuple[Figure, ...]:
    entries = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: expected a non-empty 'figures:' list")
    lines = lines or []
    figures = tuple(_entry(raw, n, path, lines[n - 1] if n <= len(lines) else None)
                    for n, raw in enumerate(entries, start=1))
    seen: set[str] = set()
    for figure in figures:
        if figure.id in seen:
            raise InputError(f"{path}: two figures with one id '{figure.id}'")
        seen.add(figure.id)
    return figures


def load_table(path: Path = TABLE_PATH) -> tuple[Figure, ...]:
    data, lines = read_table_with_lines(path, "figure table", "figures")
    return parse_table(data, path, lines)


def check_pages(figures: tuple[Figure, ...], docs_dir: Path, path: Path = TABLE_PATH) -> None:
    """Every entry names a page that exists."""
    for figure in figures:
        if not (docs_dir / figure.page).is_file():
            raise InputError(f"{path}: figure {figure.number} ({figure.id}) names page '{figure.page}', "
                               f"which is not in {docs_dir}")


def match_article(figures: tuple[Figure, ...], article: Article, path: Path = TABLE_PATH) -> None:
    """The table must list exactly the article's figures, in the article's order."""
    cited = [f.id for f in article.figures]
    listed = [f.id for f in figures]
    if missing := [i for i in cited if i not in listed]:
        raise InputError(f"{path}: no entry for figure(s) the article cites: {', '.join(missing)}")
    if extra := [i for i in listed if i not in cited]:
        raise InputError(f"{path}: entries for figure(s) the article does not cite: {', '.join(extra)}")
    if cited != listed:
        first = next(n for n, (a, b) in enumerate(zip(cited, listed), start=1) if a != b)
        raise InputError(f"{path}: figure {first} is out of article order (article has {cited[first - 1]})")
