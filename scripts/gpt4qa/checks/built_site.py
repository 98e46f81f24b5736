"""Read a built site: its pages, the author's text on each, and the images each shows."""

from __future__ import annotations

import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from gpt4qa.core.editions import EDITIONS, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.core.markup import CONTENT_CLASS, EDITORIAL, HIDDEN, article_html
from gpt4qa.core.text import text_outside
from gpt4qa.sources.article import squash


@dataclass(frozen=True)
class SitePage:
    url: str  # "" for the home page, "q02-improvements/" for docs/q02-improvements.md
    path: Path
    content: Tag
    redirect: str | None = None  # site path a moved page's stub sends readers to

    @property
    def is_page(self) -> bool:
        """A page readers browse: not a moved page's stub, not a page file such as 404.html."""
        return self.path.name == "index.html" and self.redirect is None

    def author_text(self) -> str:
        """The page's visible text without editorial parts, whitespace removed."""
        return squash(text_outside(self.content, EDITORIAL | HIDDEN))

    def hrefs(self) -> set[str]:
        return {a["href"] for a in self.content.find_all("a", href=True)}

    def resolve(self, src: str) -> str:
        """A link on this page as a path relative to the site root."""
        return posixpath.normpath(posixpath.join(self.url, src.split("#")[0].split("?")[0]))


def visible_text(element: Tag) -> str:
    """An element's text as a reader sees it without asking for more: hidden parts left out."""
    return text_outside(element, HIDDEN)


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        # lxml: the same tree as html.parser for MkDocs' output, several times faster.
        return BeautifulSoup(html, "lxml")


def page_content(html: str) -> Tag | None:
    """A page's article, parsed on its own (a page without one has none: never the whole body,
    whose navigation repeats every page's title)."""
    fragment = article_html(html)
    if fragment is None:
        return None
    return _parse(fragment).find("article", class_=CONTENT_CLASS)


def load_site(site_dir: Path, edition: Edition = SIMPLIFIED, *, compilations: bool = False) -> list[SitePage]:
    """Every HTML page of an edition of the site; the print view only when `compilations` is
    asked for (otherwise not even parsed), and no page of another edition."""
    if not site_dir.is_dir():
        raise InputError(f"{site_dir}: site folder does not exist; run make build first")
    others = tuple(other.prefix for other in EDITIONS if other.prefix and other.prefix != edition.prefix)
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        url = edition.file_url(PurePosixPath(path.relative_to(site_dir).as_posix()))
        if not url.startswith(edition.prefix) or (others and url.startswith(others)):
            continue
        if edition.is_compilation(url) and not compilations:
            continue
        html = path.read_text(encoding="utf-8")
        content = page_content(html)
        page = SitePage(url, path, content if content is not None else _parse(""))
        # A page without an article may be a moved page's stub, which sends readers on.
        refresh = _parse(html).find("meta", attrs={"http-equiv": "refresh"}) if content is None else None
        if refresh and "url=" in refresh.get("content", ""):
            target = page.resolve(refresh["content"].split("url=", 1)[1].strip())
            page = SitePage(page.url, path, page.content, "" if target == "." else target.rstrip("/") + "/")
        pages.append(page)
    if not pages:
        raise InputError(f"{site_dir}: no HTML pages in the site folder")
    return pages
