"""Hold the e-book to the article: the article check on its text, its links, its navigation.

    python scripts/docs.py check epub site      # epubcheck, then these checks, on site/gpt-4-qa.epub
    python scripts/docs.py check epub site --edition zh-Hant    # on site/zh-Hant/gpt-4-qa.epub

The book is read as a reader's system reads it (container, package, spine, navigation document)
and each of its documents that holds a page is given to the article check
(gpt4qa/checks/article.py) in place of the built page: every sentence, number and link of the
article on its page's document, in the text a reader sees there, outside the editor's marks;
every figure under its anchor with its caption and its alternative text or original. Then every
link inside the book must land (its document in the package, its id in the document), and the
navigation must be the pages' headings: each entry's title exactly the heading it lands on, and
each page's title and sections listed once each.

A converted edition's book is held to the article as its conversion (`convert`, the callable
gpt4qa/sources/conversion.py loads) converts it, as the pages' check holds its pages
(gpt4qa/checks/article.py `check_site(..., convert=...)`): every sentence, converted, on its
part's document; a book left unconverted loses every sentence that conversion changes.

Exit 0 when all is found, 1 with each problem listed, 2 when the file is not an e-book to read.
"""

from __future__ import annotations

import posixpath
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from lxml import etree

from gpt4qa.checks.article import Report, Tally, check_site
from gpt4qa.checks.built_site import SitePage
from gpt4qa.core.editions import SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError
from gpt4qa.core.markup import PERMALINKS
from gpt4qa.core.project import shown
from gpt4qa.sources.bundle import Sources

OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class BookPage(SitePage):
    """A document of the book that holds a page of the site, as the article check reads pages:
    its URL is the page's, its links and images resolve inside the package."""

    document: str = ""  # its path inside the package's folder: "q02-improvements.xhtml"

    @property
    def is_page(self) -> bool:
        return True

    def resolve(self, src: str) -> str:
        """A link of this document as a path inside the package's folder."""
        path = unquote(src.split("#")[0].split("?")[0])
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.document), path))


@dataclass(frozen=True)
class NavEntry:
    depth: int
    title: str
    href: str | None  # None: a navigation section that is no page (a <span>)


@dataclass
class Book:
    path: Path
    folder: Path  # the package's folder (where its package document is), unpacked
    documents: dict[str, BeautifulSoup]  # every XHTML document of the manifest, spine order first
    spine: list[str]
    nav_document: str
    nav: list[NavEntry]

    def pages(self, edition: Edition) -> list[BookPage]:
        """The spine's documents that hold pages of the site, read as the article check reads pages."""
        found = []
        for name in self.spine:
            url = edition.ebook_page(name)
            if url is not None:
                body = self.documents[name].body or BeautifulSoup("<body></body>", "lxml").body
                found.append(BookPage(url, self.folder / name, body, document=name))
        return found


def _html(text: str) -> BeautifulSoup:
    """An XHTML document parsed as the site's pages are (lxml's HTML parser), so class lists and
    the markup contract read the same; the book writes no self-closed element but void ones."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(text, "lxml")


def _xml(data: bytes, where: str) -> etree._Element:
    try:
        return etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{where}:{error.lineno}: not well-formed XML ({error.msg})") from None


def unpack(epub: Path, folder: Path) -> Path:
    """The book's files under `folder`; the package document's path among them."""
    if not epub.is_file():
        raise InputError(f"{shown(epub)}: no e-book there; run python scripts/docs.py epub SITE first")
    try:
        archive = zipfile.ZipFile(epub)
    except zipfile.BadZipFile:
        raise InputError(f"{shown(epub)}: not a zip file, so not an EPUB") from None
    with archive:
        for name in archive.namelist():
            if name.startswith("/") or ".." in PurePosixPath(name).parts:
                raise InputError(f"{shown(epub)}: entry {name} would land outside the book's folder")
        archive.extractall(folder)
    container = folder / "META-INF" / "container.xml"
    if not container.is_file():
        raise InputError(f"{shown(epub)}: no META-INF/container.xml, so not an EPUB")
    rootfile = _xml(container.read_bytes(), f"{shown(epub)}/META-INF/container.xml").find(
        f"{CONTAINER}rootfiles/{CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise InputError(f"{shown(epub)}/META-INF/container.xml: names no package document")
    return folder / rootfile.get("full-path")


def _nav_entries(nav: Tag | None, depth: int = 0) -> list[NavEntry]:
    entries = []
    for item in nav.find_all("li", recursive=False) if nav else ():
        label = item.find(["a", "span"], recursive=False)
        if label is not None:
            entries.append(NavEntry(depth, label.get_text(" ", strip=True), label.get("href")))
        entries += _nav_entries(item.find("ol", recursive=False), depth + 1)
    return entries


def read_book(epub: Path, folder: Path) -> Book:
    """Unpack an EPUB into `folder` and read it as a reading system does."""
    opf_path = unpack(epub, folder)
    if not opf_path.is_file():
        raise InputError(f"{shown(epub)}: the package document {opf_path.relative_to(folder)} is missing")
    package = _xml(opf_path.read_bytes(), f"{shown(epub)}/{opf_path.relative_to(folder)}")
    root = opf_path.parent
    manifest = {item.get("id"): item for item in package.iter(f"{OPF}item")}
    spine = [manifest[ref.get("idref")].get("href") for ref in package.iter(f"{OPF}itemref")
             if ref.get("idref") in manifest]
    xhtml = [item.get("href") for item in manifest.values() if item.get("media-type") == "application/xhtml+xml"]
    documents = {}
    for name in dict.fromkeys(spine + xhtml):
        path = root / name
        if not path.is_file():
            raise InputError(f"{shown(epub)}: {name} is in the manifest but not in the book")
        documents[name] = _html(path.read_text(encoding="utf-8"))
    navs = [item.get("href") for item in manifest.values() if "nav" in (item.get("properties") or "").split()]
    if not navs:
        raise InputError(f"{shown(epub)}: the manifest names no navigation document")
    toc = documents[navs[0]].find("nav", attrs={"epub:type": "toc"})
    return Book(epub, root, documents, spine, navs[0], _nav_entries(toc.find("ol", recursive=False) if toc else None))


def heading_text(heading: Tag) -> str:
    """A heading's text as the navigation should give it (permalinks, if any, left out)."""
    skipped = {id(found) for found in heading.find_all(PERMALINKS)}
    return " ".join(s.strip() for s in heading.find_all(string=True)
                    if s.strip() and not any(id(p) in skipped for p in s.parents))


def _target(book: Book, document: str, href: str) -> tuple[str, str] | None:
    """(document, id) an internal link lands on; None for a link out of the book."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    name = posixpath.normpath(posixpath.join(posixpath.dirname(document), unquote(parts.path))) if parts.path \
        else document
    return name, unquote(parts.fragment)


def check_links(book: Book) -> Tally:
    """Every link and image inside the book lands: its file in the book, its id in the document."""
    tally = Tally("internal links")
    for name, soup in book.documents.items():
        for element in soup.find_all(["a", "img", "link"]):
            href = element.get("href") if element.name != "img" else element.get("src")
            if not href:
                continue
            target = _target(book, name, href)
            if target is None:
                continue
            tally.total += 1
            document, ident = target
            if not (book.folder / document).is_file():
                tally.problems.append(f"{name}: {href} lands on no file of the book")
            elif ident and (document not in book.documents or book.documents[document].find(id=ident) is None):
                tally.problems.append(f"{name}: {href} lands on no element (no id '{ident}' in {document})")
    return tally


def check_nav(book: Book, pages: list[BookPage]) -> Tally:
    """The navigation is the pages' headings: each entry titled exactly as the heading it lands
    on, and each page's title (h1) and its sections (h2) listed once each, in reading order."""
    tally = Tally("navigation", len(book.nav))
    listed: list[tuple[str, str]] = []
    for entry in book.nav:
        if entry.href is None:
            continue  # a navigation section: a title only
        target = _target(book, book.nav_document, entry.href)
        document, ident = target if target else (entry.href, "")
        soup = book.documents.get(document)
        heading = None
        if soup is not None:
            heading = soup.find(id=ident) if ident else soup.find("h1")
        if heading is None or heading.name not in HEADINGS:
            tally.problems.append(f"navigation entry “{entry.title}” ({entry.href}) lands on no heading")
            continue
        if heading_text(heading) != entry.title:
            tally.problems.append(f"navigation entry “{entry.title}” ({entry.href}) is titled "
                                  f"“{heading_text(heading)}” in the book")
        listed.append((document, ident))
    headings: list[tuple[str, str]] = []
    for page in pages:
        for heading in page.content.find_all(["h1", "h2"]):
            headings.append((page.document, "" if heading.name == "h1" else heading.get("id", "")))
    for document, ident in headings:
        count = listed.count((document, ident))
        if count != 1:
            what = f"the title of {document}" if not ident else f"section #{ident} of {document}"
            tally.problems.append(f"navigation lists {what} {count} times, not once")
    if [h for h in listed if h in headings] != [h for h in headings if h in listed]:
        tally.problems.append("navigation does not follow the book's reading order")
    return tally


def check_book(epub: Path, sources: Sources | None = None, edition: Edition = SIMPLIFIED,
               convert: Callable[[str], str] | None = None) -> Report:
    """The article check on the book's text (held to the article as `convert` converts it, for a
    converted edition), then its links and its navigation."""
    sources = sources or Sources()
    with tempfile.TemporaryDirectory() as tmp:
        book = read_book(epub, Path(tmp))
        pages = book.pages(edition)
        held = {edition.source(page.url) for page in pages}
        missing = [page for page in dict.fromkeys(sources.parts.pages) if page not in held]
        if missing:
            raise InputError(f"{shown(epub)}: no document for {', '.join(missing)} "
                             f"({shown(sources.parts_path)} places the article there)")
        article = check_site(book.folder, sources, pages=pages, edition=edition, convert=convert)
        return Report([*article.tallies, check_links(book), check_nav(book, pages)])
