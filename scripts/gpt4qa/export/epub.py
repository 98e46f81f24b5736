"""The e-book: an EPUB 3 of the built pages, for readers that reflow text and keep one's place.

    python scripts/docs.py epub site          # writes site/gpt-4-qa.epub, holds it to the article
    python scripts/docs.py epub site --edition zh-Hant        # site/zh-Hant/gpt-4-qa.epub
    python scripts/docs.py check epub site    # epubcheck and the e-book checks on site/gpt-4-qa.epub

One XHTML document per page, in the order and nesting of the PDF's bookmarks (both come from the
print view's outline, gpt4qa/render/print_view.py): the list of figures, the home page, the ten
answers under 十问十答, the about page, then 术语表, 编者注一览 and 参考来源 under 附录; a cover
page before them. Each document is the page's article as built (site/<page>/index.html), less
what only a browser uses (permalinks, scripts, the reading time, the download buttons):

- an editor's note becomes an `<aside class="editor-note admonition KIND" role="note">`, still
  under its sentence, with a link to its line in 编者注一览, which links back to it;
- a glossary tooltip becomes a link to the term in 术语表 (`epub:type="glossref"`), and each term
  there lists the places that link to it;
- figures keep their cards, drawn tables and captions; an original image the site holds is
  shipped with the book (local images only), and links to the site's pages land in the book.

Each edition has its book, made from its own pages (site/zh-Hant/… for the Traditional one),
with its language (dc:language, xml:lang) and, for a converted edition, its metadata and the
book's own words (cover, labels, the accessibility summary) converted as its pages are
(gpt4qa/export/wording.py).

EbookLib writes the package (OPF metadata, manifest, spine, navigation document, NCX for readers
such as Kobo's whose EPUB engine reads only the NCX, the container); this module writes the
content documents and the stylesheet (gpt4qa/export/epub.css: no fonts, no colours of its own),
then rewrites the zip with fixed dates and order, so one commit gives one file byte for byte.

Exit 0 with the book written and its checks passed; 1 when the article check on its text finds
something lost (each listed, no book left in the site); 2 with one line naming the file and what
is wrong (no print view, a link or an image the book cannot hold, a missing front-matter field).
"""

from __future__ import annotations

import html
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from time import gmtime
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, Tag
from lxml import etree

from gpt4qa.core.editions import EBOOK_COVER, EBOOK_NAV, EPUB, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.core.markup import PERMALINKS, Marks, article_html
from gpt4qa.core.project import EPUBCHECK_JAR, shown
from gpt4qa.export import wording
from gpt4qa.export.offline import ZIP_EPOCH
from gpt4qa.export.wording import Convert
from gpt4qa.render import figure_list, notes_index, print_view, sources_page
from gpt4qa.render import glossary as glossary_page
from gpt4qa.render.print_view import FIGURE_LIST_ID, heading_text
from gpt4qa.sources.bundle import Sources

STYLESHEET = Path(__file__).with_name("epub.css")
STYLE_PATH = "style/book.css"  # inside the package
# What only a browser uses: permalinks and copy-link buttons, scripts, the reading time (a
# reader shows its own), the download buttons (the book is the download), and a converted
# edition's note on each page, which links the page's Simplified edition (the book says it once,
# on its cover).
DROPPED = PERMALINKS | Marks(tags=("script", "style", "noscript", "template"),
                             classes=("reading-time", "pdf-download", "md-source-file", "edition-note"))
# Attributes a browser uses that an EPUB 3 content document does not allow or need.
DROPPED_ATTRIBUTES = ("loading", "decoding", "srcset", "sizes", "type", "data-search-exclude")
# The image types every EPUB 3 reader shows (core media types); others would need a fallback.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml"}
XHTML = "application/xhtml+xml"
# An XML name without colons (NCName): EPUB content documents are XML, and an id such as
# "02相比其他…" (a heading's slug starting with its number) is not one.
_NAME_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
               "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NCNAME = re.compile(f"[{_NAME_START}][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_NOT_NAME = re.compile(f"[^{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]")


@dataclass(frozen=True)
class EpubStats:
    path: Path
    documents: int
    images: int
    size: int
    seconds: float


@dataclass(frozen=True)
class NavPoint:
    """One entry of the book's navigation: a page, one of its sections, or a navigation section
    (十问十答) that is no page and so links nowhere."""

    depth: int
    title: str  # the heading's text, exactly as the page shows it
    url: str | None  # the page it lands on; None for a navigation section
    anchor: str = ""  # the page's own id of the section ("" for the page's top)


@dataclass
class Page:
    """A page of the site on its way into the book."""

    url: str
    document: str  # its file in the package
    path: Path  # the built page it is read from
    html: str  # the built page's text, for line numbers in messages
    article: Tag
    title: str
    ids: dict[str, str] = field(default_factory=dict)  # the page's id -> the document's

    def line_of(self, needle: str) -> str:
        """`file:line` of the first place the built page holds a text (its file alone if none)."""
        found = self.html.find(needle)
        return f"{shown(self.path)}:{self.html.count(chr(10), 0, found) + 1}" if found >= 0 else shown(self.path)


# --- what the book holds, in which order -----------------------------------------------------

def plan(site: Path, edition: Edition) -> list[NavPoint]:
    """The book's navigation, from the print view's outline (the PDF's bookmarks): the same
    entries, nested the same way, each mapped from its print-view id to its page and anchor."""
    print_html = site / edition.print_view / "index.html"
    if not print_html.is_file():
        raise InputError(f"{shown(site)}: no print view at {edition.print_view}; run make build first")
    soup = BeautifulSoup(print_html.read_text(encoding="utf-8"), "lxml")
    # Print-view ids of pages are their page keys: the key of each built page, to its URL.
    keys = {}
    for path in sorted((site / edition.prefix).rglob("index.html")):
        url = edition.file_url(PurePosixPath(path.relative_to(site).as_posix()))
        keys.setdefault(edition.page_key(url), url)
    points: list[NavPoint] = []
    current: tuple[str, str] | None = None  # the page key and URL the entries below belong to
    for entry in print_view.outline(soup):
        if entry.ident == FIGURE_LIST_ID:
            # The print view prints its own list of figures; the book holds the site's.
            points.append(NavPoint(entry.depth, entry.title, edition.url(figure_list.PAGE_SRC)))
            current = None
        elif entry.ident in keys:
            url = keys[entry.ident]
            points.append(NavPoint(entry.depth, entry.title, url))
            current = (entry.ident, url)
        elif current and entry.ident.startswith(current[0] + "-"):
            points.append(NavPoint(entry.depth, entry.title, current[1], entry.ident[len(current[0]) + 1:]))
        elif soup.find("section", id=entry.ident, class_="md-section") is not None:
            points.append(NavPoint(entry.depth, entry.title, None))
            current = None
        else:
            raise InputError(f"{shown(print_html)}: outline entry '{entry.title}' (#{entry.ident}) is neither a "
                             "page, a section of one, nor a navigation section")
    return points


def xml_id(ident: str) -> str:
    """An id as an XML name: kept when it is one, otherwise prefixed and with other characters
    replaced ("02相比…" -> "id-02相比…")."""
    if _NCNAME.fullmatch(ident):
        return ident
    return "id-" + _NOT_NAME.sub("-", ident)


def read_page(site: Path, url: str, edition: Edition) -> Page:
    """A built page's article, parsed on its own, with its ids mapped to XML names."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    if not path.is_file():
        raise InputError(f"{shown(path)}: missing, and the print view lists its page; run make build first")
    text = path.read_text(encoding="utf-8")
    fragment = article_html(text)
    if fragment is None:
        raise InputError(f"{shown(path)}: no article (<article class=\"md-content__inner\">) to put in the e-book")
    article = BeautifulSoup(fragment, "lxml").find("article")
    heading = article.find("h1")
    if heading is None:
        raise InputError(f"{shown(path)}: the page has no h1 to title its e-book document")
    page = Page(url, edition.ebook_document(url), path, text, article, heading_text(heading))
    for element in article.find_all(id=True):
        new = xml_id(element["id"])
        if new in page.ids.values() and page.ids.get(element["id"]) != new:
            where = page.line_of(f'id="{element["id"]}"')
            raise InputError(f"{where}: id '{element['id']}' is '{new}' in the e-book, as another id of the page "
                             "already is")
        page.ids[element["id"]] = new
    return page


# --- from a page to an XHTML document ----------------------------------------------------------

@dataclass
class Book:
    """The pages being made into documents, and what the documents link to each other by."""

    site: Path
    edition: Edition
    pages: dict[str, Page]  # URL -> page, in reading order
    titles: dict[str, str]  # URL -> the navigation's short title ("Q2 效果层面的改进")
    images: dict[str, Path] = field(default_factory=dict)  # path in the package -> file in the site
    uses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # term -> (URL, link's id)
    note_entries: dict[tuple[str, str], str] = field(default_factory=dict)  # (URL, note id) -> index entry id
    convert: Convert = str  # the edition's conversion of the book's own words

    @property
    def glossary(self) -> Page | None:
        return self.pages.get(self.edition.url(glossary_page.PAGE_SRC))

    @property
    def notes(self) -> Page | None:
        return self.pages.get(self.edition.url(notes_index.PAGE_SRC))

    def target(self, page: Page, href: str) -> tuple[str, str] | None:
        """Where an internal link of a page lands: (URL of the page, the page's own id or "");
        None for a link that leaves the site."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        if not parts.path:
            return page.url, unquote(parts.fragment)
        resolved = posixpath.normpath(posixpath.join(page.url, unquote(parts.path)))
        resolved = "" if resolved == "." else resolved
        if resolved.endswith("index.html"):
            resolved = resolved.removesuffix("index.html")
        elif resolved and not posixpath.splitext(resolved)[1]:
            resolved += "/"
        return resolved, unquote(parts.fragment)

    def href(self, page: Page, url: str, anchor: str, where: str) -> str:
        """The link, inside the book, to a page's anchor (its own id, mapped to the document's)."""
        target = self.pages.get(url)
        if target is None:
            raise InputError(f"{where}: links /{url}, which the e-book does not hold")
        if anchor and anchor not in target.ids:
            raise InputError(f"{where}: links /{url}#{anchor}, an id that page does not have")
        fragment = "#" + target.ids[anchor] if anchor else ""
        if target is page and fragment:
            return fragment
        return posixpath.relpath(target.document, posixpath.dirname(page.document) or ".") + fragment


def collect_back_links(book: Book) -> None:
    """What the back matter links back to: where each glossary term is linked from (its first
    occurrence on each page, the site's tooltip), and which entry of 编者注一览 lists each note."""
    glossary, notes = book.glossary, book.notes
    for page in book.pages.values():
        for gloss in page.article.select("span.gloss"):
            term, tip = gloss.find(attrs={"data-term": True}), gloss.find(class_="gloss__tip")
            if term is not None and tip is not None and tip.get("id"):
                book.uses.setdefault(term["data-term"], []).append((page.url, page.ids[tip["id"]]))
    if glossary is None or notes is None:
        return
    for item in notes.article.find_all("li"):
        link = item.find("a", href=True)
        target = book.target(notes, link["href"]) if link is not None else None
        if target and target[1].startswith("note-"):
            ident = xml_id("entry-" + target[1])
            item["id"] = ident
            notes.ids[ident] = ident
            book.note_entries[target] = ident


def _drop_furniture(page: Page) -> None:
    for element in page.article.find_all(DROPPED):
        element.decompose()
    for comment in page.article.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()  # the build's notes to the editor, not the reader's
    for element in page.article.find_all(True):
        for name in DROPPED_ATTRIBUTES:
            element.attrs.pop(name, None)


def _glossary_links(book: Book, page: Page, soup: BeautifulSoup) -> None:
    """A tooltip (button and hidden definition) becomes a link to the term in 术语表; the link
    keeps the tooltip's id, which the term lists among its uses."""
    glossary = book.glossary
    for gloss in page.article.select("span.gloss"):
        term, tip = gloss.find(attrs={"data-term": True}), gloss.find(class_="gloss__tip")
        if term is None:
            raise InputError(f"{page.line_of('class=' + chr(34) + 'gloss')}: a glossary tooltip without its term")
        if glossary is None:
            raise InputError(f"{page.line_of('data-term=')}: a glossary tooltip, and the e-book has no glossary")
        where = page.line_of(f'data-term="{term["data-term"]}"')
        link = soup.new_tag("a", attrs={
            "class": "gloss", "epub:type": "glossref", "role": "doc-glossref",
            "href": book.href(page, glossary.url, term["data-term"], where),
        })
        if tip is not None and tip.get("id"):
            link["id"] = page.ids[tip["id"]]
        link.extend(list(term.contents))
        gloss.replace_with(link)


def _asides(book: Book, page: Page, soup: BeautifulSoup) -> None:
    """Each editor's note (an admonition, in its anchored holder) becomes an aside of its kind,
    still after its sentence, with a link to its entry in 编者注一览."""
    for box in page.article.find_all(lambda tag: tag.name in ("div", "details") and "admonition" in
                                     (tag.get("class") or ()) or tag.name == "details"):
        holder = box.parent if "editor-note" in (box.parent.get("class") or ()) else None
        classes = [c for c in box.get("class") or () if c != "admonition"]
        aside = soup.new_tag("aside", attrs={"class": " ".join(["editor-note", "admonition", *classes]),
                                             "role": "note"})
        ident = (holder or box).get("id")
        if ident:
            aside["id"] = ident
        summary = box.find("summary", recursive=False)
        if summary is not None:  # a collapsed note: open in the book, its summary its title
            summary.name = "p"
            summary["class"] = "admonition-title"
        contents = list(box.contents)
        aside.extend(contents)
        entry = book.note_entries.get((page.url, _original(page, ident))) if ident else None
        title = aside.find("p", class_="admonition-title")
        if entry and title is not None and book.notes is not None:
            back = soup.new_tag("a", attrs={"class": "editor-note__index",
                                            "href": book.href(page, book.notes.url, entry, page.line_of(ident))})
            back.string = book.convert("编者注一览")
            title.extend([" · ", back])
        (holder or box).replace_with(aside)


def _original(page: Page, ident: str) -> str:
    """A page's own id for the document's id."""
    return next((old for old, new in page.ids.items() if new == ident), ident)


def _images(book: Book, page: Page) -> None:
    """Local images ship with the book under their site path; a link around one (the site's
    lightbox) is unwrapped, since an image is not a document a reader can open."""
    for img in page.article.find_all("img"):
        src = img.get("src", "")
        where = page.line_of(f'src="{src}"')
        if urlsplit(src).scheme or urlsplit(src).netloc or not src:
            raise InputError(f"{where}: image {src!r} is not a file of the site; the e-book holds local images only")
        resolved = posixpath.normpath(posixpath.join(page.url, unquote(urlsplit(src).path)))
        file = book.site / resolved
        if not file.is_file():
            raise InputError(f"{where}: image {src} is not in the site ({shown(file)})")
        if file.suffix.lower() not in IMAGE_TYPES:
            raise InputError(f"{where}: image {src} is {file.suffix}; an EPUB 3 holds "
                             f"{', '.join(sorted(IMAGE_TYPES))} without fallbacks")
        book.images[resolved] = file
        img["src"] = posixpath.relpath(resolved, posixpath.dirname(page.document) or ".")
        link = img.find_parent("a")
        if link is not None and link.get("href") and book.target(page, link["href"]) and \
                posixpath.splitext(urlsplit(link["href"]).path)[1].lower() in IMAGE_TYPES:
            link.unwrap()


def _links(book: Book, page: Page) -> None:
    for link in page.article.find_all("a", href=True):
        target = book.target(page, link["href"])
        if target is not None:
            link["href"] = book.href(page, *target, page.line_of(f'href="{link["href"]}"'))
    # References by id (labels, descriptions, table headers) follow the ids.
    for element in page.article.find_all(True):
        for name in ("aria-describedby", "aria-labelledby", "headers", "for"):
            if name in element.attrs:
                kept = [page.ids[i] for i in str(element[name]).split() if i in page.ids]
                if kept:
                    element[name] = " ".join(kept)
                else:
                    del element[name]


def _glossary_uses(book: Book, page: Page, soup: BeautifulSoup) -> None:
    """Each term of 术语表 lists the pages that link to it, each link landing on the term's use."""
    for term in page.article.select("dl.glossary > dt[id]"):
        uses = book.uses.get(_original(page, term["id"]), [])
        definition = term.find_next_sibling("dd")
        if not uses or definition is None:
            continue
        line = soup.new_tag("p", attrs={"class": "glossary__uses"})
        line.append(book.convert("见于："))
        for number, (url, ident) in enumerate(uses):
            if number:
                line.append("、")
            link = soup.new_tag("a", href=posixpath.relpath(book.pages[url].document, ".") + "#" + ident)
            link.string = book.titles.get(url) or book.pages[url].title
            line.append(link)
        definition.append(line)


def _ids(page: Page) -> None:
    for element in page.article.find_all(id=True):
        if element["id"] in page.ids:
            element["id"] = page.ids[element["id"]]


# The partition and role of each kind of document (EPUB Structural Semantics, DPUB-ARIA).
def _semantics(book: Book, url: str) -> tuple[str, str, str]:
    """(body's epub:type, the section's epub:type, the section's role) of a page's document."""
    edition = book.edition
    return {
        edition.url(figure_list.PAGE_SRC): ("frontmatter", "loi", ""),
        edition.url(glossary_page.PAGE_SRC): ("backmatter", "glossary", "doc-glossary"),
        edition.url(notes_index.PAGE_SRC): ("backmatter", "appendix", "doc-appendix"),
        edition.url(sources_page.PAGE_SRC): ("backmatter", "bibliography", "doc-bibliography"),
    }.get(url, ("bodymatter", "chapter", "doc-chapter"))


def document(book: Book, page: Page) -> bytes:
    """A page as an XHTML content document, checked to be well-formed XML."""
    soup = BeautifulSoup("", "lxml")
    _drop_furniture(page)
    _images(book, page)
    _links(book, page)  # the site's links first: the links added below already land in the book
    _glossary_links(book, page, soup)
    _asides(book, page, soup)
    if page is book.glossary:
        _glossary_uses(book, page, soup)
    _ids(page)
    body_type, section_type, role = _semantics(book, page.url)
    classes = [c for c in page.article.get("class") or () if not c.startswith("md-")]
    inner = page.article.decode_contents(formatter="minimal").strip()
    attributes = f' epub:type="{section_type}"' + (f' role="{role}"' if role else "")
    if classes:
        attributes += f' class="{html.escape(" ".join(classes))}"'
    return xhtml(book.edition, page.title, f'<body epub:type="{body_type}">\n<section{attributes}>\n{inner}\n'
                 f"</section>\n</body>", shown(page.path))


def xhtml(edition: Edition, title: str, body: str, where: str) -> bytes:
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{edition.key}" xml:lang="{edition.key}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{html.escape(title, quote=False)}</title>\n'
        f'<link rel="stylesheet" type="text/css" href="{STYLE_PATH}"/>\n</head>\n{body}\n</html>\n'
    )
    data = text.encode("utf-8")
    try:
        etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{where}: its e-book document is not well-formed XML ({error.msg}, "
                         f"line {error.lineno} of the document)") from None
    return data


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    author: str
    publisher: str
    date: str


def front_matter(sources: Sources) -> Cover:
    """The article's title and date (its front matter) and the publication's author and publisher."""
    article, publication = sources.article, sources.publication
    values = {}
    text = sources.article_path.read_text(encoding="utf-8")
    for name, pattern in (("title", r".+"), ("date", r"\d{4}-\d{2}-\d{2}")):
        value = article.front_matter.get(name, "")
        if not re.fullmatch(pattern, value):
            found = re.search(rf"^{name}\s*:", text, re.M)
            line = text.count("\n", 0, found.start()) + 1 if found else 1
            raise InputError(f"{shown(sources.article_path)}:{line}: the front matter needs `{name}`"
                             + (" as YYYY-MM-DD" if name == "date" else "") + " for the e-book's metadata")
        values[name] = value
    return Cover(values["title"], publication.subject, publication.author, publication.publisher, values["date"])


# A converted edition's book says once what its pages say each (overrides/main.html, .edition-note).
CONVERTED_NOTE = ("本书由编者以 OpenCC（{opencc}：繁体字、台湾用语）从简体中文版自动转换，个别名称与术语按编者的对照表修正；"
                  "文字以简体中文版为准。")


def converted_cover(cover: Cover, convert: Convert) -> Cover:
    """The cover as a converted edition writes it (the date as it is)."""
    return Cover(convert(cover.title), convert(cover.subtitle), convert(cover.author), convert(cover.publisher),
                 cover.date)


def cover_document(edition: Edition, cover: Cover, convert: Convert = str) -> bytes:
    """The cover page, its labels and the editor's note in the edition's words (`convert`)."""
    e = html.escape
    author, published, date = (e(convert(label)) for label in ("作者", "发布", "日期"))
    note = e(convert("原文逐字保留；图注、替代文字与“编者注”为编者所加。电子书由编者据本站整理。"
                     + (CONVERTED_NOTE.format(opencc=edition.opencc) if edition.converted else "")), quote=False)
    body = (
        '<body epub:type="frontmatter">\n<section class="cover" epub:type="cover titlepage">\n'
        f'<h1 class="cover__title">{e(cover.title)}</h1>\n'
        f'<p class="cover__subtitle">{e(cover.subtitle)}</p>\n'
        '<dl class="cover__meta">\n'
        f"<dt>{author}</dt><dd>{e(cover.author)}</dd>\n<dt>{published}</dt><dd>{e(cover.publisher)}</dd>\n"
        f"<dt>{date}</dt><dd>{e(cover.date)}</dd>\n</dl>\n"
        f'<p class="cover__note editorial">{note}</p>\n</section>\n</body>'
    )
    return xhtml(edition, cover.title, body, EBOOK_COVER)


def nav_titles(site: Path, edition: Edition) -> dict[str, str]:
    """Each page's short title as the site's navigation gives it (the home page's sidebar)."""
    home = site / edition.prefix / "index.html"
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "lxml") if home.is_file() else None
    nav = soup.select_one("nav.md-nav--primary") if soup else None
    titles = {}
    for link in nav.select("a.md-nav__link[href]") if nav else ():
        href = link["href"]
        if urlsplit(href).scheme or href.startswith("#") or href.endswith((".pdf", ".epub", ".zip")):
            continue
        url = posixpath.normpath(posixpath.join(edition.prefix, href))
        titles["" if url == "." else url.rstrip("/") + "/"] = link.get_text(" ", strip=True)
    return titles


# --- the package -------------------------------------------------------------------------------

def _source_epoch() -> int | None:
    """The last commit's time (make exports it), which dates the book; None when unset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    if not epoch.isdigit():
        raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time in seconds since 1970")
    return int(epoch)


def identifier(cover: Cover, edition: Edition) -> str:
    """A stable identifier: the same book (title, author, date, edition) has the same one."""
    name = "|".join(("gpt-4-qa", cover.title, cover.author, cover.date, edition.key))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def accessibility(has_images: bool, all_alt: bool, convert: Convert = str) -> list[tuple[str, str]]:
    """(property, value) of the EPUB Accessibility metadata true of this book, its summary in the
    edition's words (`convert`)."""
    modes = ["textual"] + (["visual"] if has_images else [])
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "ARIA"]
    if has_images and all_alt:
        features.append("alternativeText")
    summary = ("可重排的文字版电子书：每页一篇文档，导航目录按问答与小节嵌套；"
               "编者注是标明类别的旁注，放在所针对的句子之后；原图未能获得的配图以写明图注与替代文字的卡片代替，"
               "据出处数据重制的图是数据表格；不含脚本、音视频或闪烁内容，字体与颜色由阅读器决定。")
    if has_images:
        summary += "收录的原图均有替代文字。" if all_alt else "部分原图缺少替代文字。"
    # Text alone carries everything while every image has its alternative text.
    sufficient = "textual" if not has_images or all_alt else "textual,visual"
    return ([("schema:accessMode", mode) for mode in modes] + [("schema:accessModeSufficient", sufficient)]
            + [("schema:accessibilityFeature", feature) for feature in features]
            + [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", convert(summary))])


NCX = "{http://www.daisy.org/z3986/2005/ncx/}"


def _writer_class(targets: list[str], depth: int):
    """EbookLib's writer, with two repairs: the navigation document's landmarks are hidden from
    the reading order (reading systems read them; a reader paging through sees the contents
    only), and the NCX's entries get their targets from the book's navigation (EbookLib points a
    navigation section at whichever page under it has no sections of its own, and numbers two
    entries that land on one place differently, which the NCX forbids)."""
    from ebooklib import epub

    class Writer(epub.EpubWriter):
        def _get_nav(self, item):
            tree = etree.fromstring(super()._get_nav(item))
            for nav in tree.iter("{http://www.w3.org/1999/xhtml}nav"):
                if nav.get("{http://www.idpf.org/2007/ops}type") == "landmarks":
                    nav.set("hidden", "hidden")
            return etree.tostring(tree, xml_declaration=True, encoding="utf-8", pretty_print=True)

        def _get_ncx(self):
            tree = etree.fromstring(super()._get_ncx())
            points = list(tree.iter(NCX + "navPoint"))
            if len(points) != len(targets):
                raise InputError(f"the NCX has {len(points)} entries for the navigation's {len(targets)}")
            order: dict[str, int] = {}
            for number, (point, target) in enumerate(zip(points, targets)):
                point.set("id", f"nav-{number}")
                point.set("playOrder", str(order.setdefault(target, len(order) + 1)))
                point.find(NCX + "content").set("src", target)
            for meta in tree.iter(NCX + "meta"):
                if meta.get("name") == "dtb:depth":
                    meta.set("content", str(depth))
            return etree.tostring(tree, xml_declaration=True, encoding="utf-8", pretty_print=True)

    return Writer


def _targets(points: list[NavPoint], book: Book) -> list[str]:
    """Where each entry of the navigation lands in the book: a navigation section, on the first
    page under it."""
    own = [book.pages[p.url].document + ("#" + book.pages[p.url].ids[p.anchor] if p.anchor else "")
           if p.url is not None else None for p in points]
    return [target or next(t for t in own[number:] if t) for number, target in enumerate(own)]


def _toc(points: list[NavPoint], book: Book):
    """The navigation as EbookLib nests it: a Link, or (Link | Section, [children])."""
    from ebooklib import epub

    root: list = []
    stack: list[tuple[int, list]] = [(-1, root)]
    for number, point in enumerate(points):
        if point.url is None:
            node = epub.Section(point.title)
        else:
            page = book.pages[point.url]
            href = page.document + ("#" + page.ids[point.anchor] if point.anchor else "")
            node = epub.Link(href, point.title, f"nav-{number}")
        while stack[-1][0] >= point.depth:
            stack.pop()
        children: list = []
        stack[-1][1].append([node, children])
        stack.append((point.depth, children))

    def shaped(items: list) -> list:
        return [(node, shaped(children)) if children else node for node, children in items]

    return shaped(root)


def package(book: Book, points: list[NavPoint], cover: Cover, documents: dict[str, bytes]) -> bytes:
    """The EPUB's bytes as EbookLib writes them (dates not yet fixed)."""
    from ebooklib import epub

    edition = book.edition
    publication = epub.EpubBook()
    publication.set_identifier(identifier(cover, edition))
    publication.set_title(cover.title)
    publication.set_language(edition.key)
    publication.add_author(cover.author, role="aut")
    publication.add_metadata("DC", "publisher", cover.publisher)
    publication.add_metadata("DC", "date", cover.date)
    alts = [img.get("alt", "").strip() for page in book.pages.values() for img in page.article.find_all("img")]
    for name, value in accessibility(bool(book.images), all(alts), book.convert):
        publication.add_metadata(None, "meta", value, {"property": name})

    style = epub.EpubItem(uid="style", file_name=STYLE_PATH, media_type="text/css",
                          content=STYLESHEET.read_bytes())
    publication.add_item(style)
    cover_item = epub.EpubItem(uid="cover", file_name=EBOOK_COVER, media_type=XHTML, content=documents[EBOOK_COVER])
    publication.add_item(cover_item)
    items = {}
    for url, page in book.pages.items():
        item = epub.EpubItem(uid=xml_id("doc-" + page.document.removesuffix(".xhtml")), file_name=page.document,
                             media_type=XHTML, content=documents[page.document])
        publication.add_item(item)
        items[url] = item
    for number, (path, file) in enumerate(sorted(book.images.items())):
        publication.add_item(epub.EpubImage(uid=f"image-{number}", file_name=path,
                                            media_type=IMAGE_TYPES[file.suffix.lower()], content=file.read_bytes()))
    contents = book.convert("目录")
    nav = epub.EpubNav(file_name=EBOOK_NAV, title=contents)
    nav.add_link(href=STYLE_PATH, rel="stylesheet", type="text/css")
    publication.add_item(nav)
    publication.add_item(epub.EpubNcx())

    publication.toc = _toc(points, book)
    reading = [items[point.url] for point in points if point.url is not None and point.anchor == ""]
    publication.spine = [cover_item, nav, *dict.fromkeys(reading)]
    publication.guide = [{"type": "cover", "href": EBOOK_COVER, "title": cover.title},
                         {"type": "toc", "href": EBOOK_NAV, "title": contents}]
    for kind, src in (("loi", figure_list.PAGE_SRC), ("text", "index.md"), ("glossary", glossary_page.PAGE_SRC)):
        page = book.pages.get(edition.url(src))
        if page is not None:
            publication.guide.append({"type": kind, "href": page.document, "title": page.title})

    epoch = _source_epoch()
    modified = datetime.fromtimestamp(epoch, tz=UTC) if epoch is not None else \
        datetime.strptime(cover.date, "%Y-%m-%d").replace(tzinfo=UTC)
    buffer = io.BytesIO()
    depth = max(point.depth for point in points) + 1
    writer = _writer_class(_targets(points, book), depth)(buffer, publication, {"mtime": modified, "epub2_guide": True, "epub3_landmark": True,
                                                    "landmark_title": book.convert("导览"), "compresslevel": 9,
                                                    "play_order": {"enabled": True, "start_from": 1}})
    writer.process()
    writer.write()
    return buffer.getvalue()


def reproducible_zip(data: bytes, out: Path) -> None:
    """The same entries, in the same order, with the commit's date on every entry: the bytes
    depend on the content only. `mimetype` stays first and stored, as the container requires."""
    epoch = _source_epoch()
    date_time = gmtime(max(epoch if epoch is not None else ZIP_EPOCH, ZIP_EPOCH))[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        assert names[0] == "mimetype", names[:1]
        for name in names:
            info = zipfile.ZipInfo(name, date_time)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=None if name == "mimetype" else 9)


def make(site: Path, out: Path | None = None, edition: Edition = SIMPLIFIED,
         sources: Sources | None = None) -> EpubStats:
    """An edition's e-book from its built pages; raise InputError with what is wrong."""
    started = time.perf_counter()
    sources = sources or Sources()
    if not site.is_dir():
        raise InputError(f"{shown(site)}: site folder does not exist; run make build first")
    points = plan(site, edition)
    urls = list(dict.fromkeys(point.url for point in points if point.url is not None))
    convert = wording.converter(edition, sources)
    book = Book(site, edition, {url: read_page(site, url, edition) for url in urls}, nav_titles(site, edition),
                convert=convert)
    for point in points:
        if point.anchor and point.anchor not in book.pages[point.url].ids:
            raise InputError(f"{shown(book.pages[point.url].path)}: no id '{point.anchor}' for the section "
                             f"'{point.title}' the print view's outline lists")
    collect_back_links(book)
    cover = converted_cover(front_matter(sources), convert)
    documents = {EBOOK_COVER: cover_document(edition, cover, convert)}
    for page in book.pages.values():
        documents[page.document] = document(book, page)
    data = package(book, points, cover, documents)
    out = out or site / edition.download(EPUB)
    reproducible_zip(data, out)
    return EpubStats(out, len(documents) + 1, len(book.images), out.stat().st_size, time.perf_counter() - started)


# --- epubcheck -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EpubcheckResult:
    errors: int
    warnings: int
    messages: list[str]  # one line each: severity, id, where, what
    version: str


def epubcheck(path: Path) -> EpubcheckResult:
    """W3C's EPUBCheck (Debian's package) on a book: its errors, warnings and their messages."""
    java = shutil.which("java")
    if java is None or not EPUBCHECK_JAR.is_file():
        raise MissingTool(f"{EPUBCHECK_JAR} or java is missing; install the Debian package epubcheck")
    if not path.is_file():
        raise InputError(f"{shown(path)}: no e-book there; run python scripts/docs.py epub SITE first")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        # A run of a few seconds: the quick compiler alone (C1) does it in half the CPU time.
        done = subprocess.run([java, "-XX:TieredStopAtLevel=1", "-jar", str(EPUBCHECK_JAR), str(path),
                               "--json", str(report)], capture_output=True, text=True)
        if not report.is_file():
            raise MissingTool(f"epubcheck wrote no report (exit {done.returncode}): "
                              f"{(done.stderr.strip().splitlines() or [''])[-1]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    messages, counts = [], {"ERROR": 0, "FATAL": 0, "WARNING": 0}
    for message in data.get("messages", []):
        severity = message.get("severity", "")
        if severity not in counts:
            continue  # USAGE and INFO are advice, not findings
        for location in message.get("locations") or [{}]:
            counts[severity] += 1
            place = f"{location.get('path', '')}:{location.get('line', -1)}"
            messages.append(f"{severity} {message.get('ID', '')} {place}: {message.get('message', '')}")
    version = data.get("checker", {}).get("checkerVersion", "")
    return EpubcheckResult(counts["ERROR"] + counts["FATAL"], counts["WARNING"], messages, version)
