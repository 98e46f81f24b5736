"""Read a built site: its pages, the author's text on each, and the images each shows."""

from __future__ import annotations

import copy
import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from gpt4qa.core.editions import EDITIONS, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.core.markup import EDITORIAL, HIDDEN
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
        content = copy.copy(self.content)
        for element in content.select(f"{EDITORIAL}, {HIDDEN}"):
            element.decompose()
        return squash(content.get_text())

    def hrefs(self) -> set[str]:
        return {a["href"] for a in self.content.find_all("a", href=True)}

    def resolve(self, src: str) -> str:
        """A link on this page as a path relative to the site root."""
        return posixpath.normpath(posixpath.join(self.url, src.split("#")[0].split("?")[0]))


def visible_text(element: Tag) -> str:
    """An element's text as a reader sees it without asking for more: hidden parts left out."""
    shown = copy.copy(element)
    for hidden in shown.select(HIDDEN):
        hidden.decompose()
    return shown.get_text()


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
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            # lxml: the same tree as html.parser for MkDocs' output, several times faster.
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        # A page's content is its article; a page without one has none (never the whole body,
        # whose navigation repeats every page's title).
        content = soup.select_one("article.md-content__inner") or BeautifulSoup("", "lxml")
        page = SitePage(url, path, content)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh and "url=" in refresh.get("content", ""):
            target = page.resolve(refresh["content"].split("url=", 1)[1].strip())
            page = SitePage(page.url, path, content, "" if target == "." else target.rstrip("/") + "/")
        pages.append(page)
    if not pages:
        raise InputError(f"{site_dir}: no HTML pages in the site folder")
    return pages
