"""Load the figure table (source/figures.yml) and hold it against the article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from gpt4qa.core.errors import InputError
from gpt4qa.core.project import FIGURES_PATH as TABLE_PATH
from gpt4qa.core.project import IMAGE_DIR
from gpt4qa.sources.article import Article
from gpt4qa.sources.tables import read_table

# Alt text a screen reader user learns nothing from: the article's own placeholders.
GENERIC_ALT = {"", "图片", "图", "image", "image.png", "img", "picture", "photo"}
_FIELDS = ("id", "page", "caption", "alt")
_SOURCE_FIELDS = ("title", "part", "url")


@dataclass(frozen=True)
class Source:
    """Where a figure's content is published: only recorded where the identification is certain."""

    title: str  # the publication, as the card names it
    part: str  # which table or figure of it
    url: str  # an https address


@dataclass(frozen=True)
class Figure:
    number: int
    id: str
    page: str
    caption: str
    alt: str
    source: Source | None = None

    @property
    def label(self) -> str:
        return f"图 {self.number}"

    @property
    def image_path(self) -> str:
        """Path of the image file, relative to docs/ and to site/."""
        return f"{IMAGE_DIR}/{self.id}.png"


def is_generic_alt(alt: str) -> bool:
    return alt.strip().lower() in GENERIC_ALT


def _source(raw: object, where: str) -> Source | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or any(not str(raw.get(f) or "").strip() for f in _SOURCE_FIELDS):
        raise InputError(f"{where}: source needs non-empty {', '.join(_SOURCE_FIELDS)}")
    source = Source(*(str(raw[f]).strip() for f in _SOURCE_FIELDS))
    address = urlsplit(source.url)
    if address.scheme != "https" or not address.netloc or " " in source.url:
        raise InputError(f"{where}: source url {source.url!r} is not an https:// address")
    return source


def _entry(raw: object, number: int, path: Path) -> Figure:
    if not isinstance(raw, dict) or any(not str(raw.get(f) or "").strip() for f in _FIELDS):
        raise InputError(f"{path}: figure {number} needs non-empty {', '.join(_FIELDS)}")
    where = f"{path}: figure {number} ({str(raw['id']).strip()})"
    figure = Figure(number, *(str(raw[f]).strip() for f in _FIELDS), source=_source(raw.get("source"), where))
    if is_generic_alt(figure.alt):
        raise InputError(f"{where} has placeholder alt text {figure.alt!r}")
    return figure


def parse_table(data: object, path: Path = TABLE_PATH) -> tuple[Figure, ...]:
    entries = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path}: expected a non-empty 'figures:' list")
    figures = tuple(_entry(raw, n, path) for n, raw in enumerate(entries, start=1))
    seen: set[str] = set()
    for figure in figures:
        if figure.id in seen:
            raise InputError(f"{path}: two figures with one id '{figure.id}'")
        seen.add(figure.id)
    return figures


def load_table(path: Path = TABLE_PATH) -> tuple[Figure, ...]:
    return parse_table(read_table(path, "figure table"), path)


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
