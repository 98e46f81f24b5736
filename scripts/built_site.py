"""Read a built site: its pages, the author's text on each, and the images each shows."""

from __future__ import annotations

import copy
import posixpath
import warnings
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from article_source import ArticleError, squash

# Editorial and theme parts of a page, and what a reader does not see: the author's words must
# be found outside them. Every editor's addition is one of these (the article check's `pages`
# tally says where one is not): caveats, figures with their captions, `.editorial` text.
EDITORIAL = ".admonition, details, figure, .headerlink, .md-source-file, script, style, .editorial"
# The print view gathers every page into one: the checks read the pages readers browse, and the
# PDF made from the print view is checked by the PDF tests.
COMPILATIONS = ("print_page/",)
# Tooltips (the glossary's definitions) stay hidden until a reader asks for one.
HIDDEN = ("[hidden], [aria-hidden='true'], [style*='display:none'], [style*='display: none'], template, noscript, "
          "[role='tooltip']")


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


def page_url(relative: Path) -> str:
    """'' for index.html, 'q02/' for q02/index.html, '404.html' for a page file of another name."""
    if relative.name != "index.html":
        return relative.as_posix()
    parent = relative.parent.as_posix()
    return "" if parent == "." else parent + "/"


def load_site(site_dir: Path, skip: tuple[str, ...] = ()) -> list[SitePage]:
    """Every HTML page of the site, but those whose URL is in `skip` (not even parsed)."""
    if not site_dir.is_dir():
        raise ArticleError(f"{site_dir}: site folder does not exist; run make build first")
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if page_url(path.relative_to(site_dir)) in skip:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            # lxml: the same tree as html.parser for MkDocs' output, several times faster.
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        # A page's content is its article; a page without one has none (never the whole body,
        # whose navigation repeats every page's title).
        content = soup.select_one("article.md-content__inner") or BeautifulSoup("", "lxml")
        page = SitePage(page_url(path.relative_to(site_dir)), path, content)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh and "url=" in refresh.get("content", ""):
            target = page.resolve(refresh["content"].split("url=", 1)[1].strip())
            page = SitePage(page.url, path, content, "" if target == "." else target.rstrip("/") + "/")
        pages.append(page)
    if not pages:
        raise ArticleError(f"{site_dir}: no HTML pages in the site folder")
    return pages
