"""Editions and formats, and the page map: docs source ↔ URL ↔ print-view id.

An edition is one language's site: its language tag, where its pages live below the site root,
and how its text is derived from the sources (the Simplified edition is the sources as they are;
a converted edition names its OpenCC configuration). A format is one way the site reaches a reader: the
pages, the whole-site PDF, the e-book (EPUB), the offline copy. Every module that needs to know
which page a source becomes, which address a built file has, which id an anchor has in the print
view, or which document of the e-book holds a page asks the edition, so a second edition is
configuration and a converter, not a copy of the mapping.

URLs here are paths below the site root without a leading slash: "" for the home page,
"q02-improvements/" for docs/q02-improvements.md, "404.html" for a page file of another name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Format:
    """One way the site reaches a reader."""

    name: str  # as the command line and the build's log name it
    file: str | None  # the download's file name, None for the pages themselves


PAGES = Format("pages", None)
PDF = Format("pdf", "gpt-4-qa.pdf")
EPUB = Format("epub", "gpt-4-qa.epub")
OFFLINE = Format("offline", "gpt-4-qa-offline.zip")
FORMATS = (PAGES, PDF, EPUB, OFFLINE)

# The e-book's documents besides the pages' own: its cover and its navigation document.
EBOOK_COVER = "cover.xhtml"
EBOOK_NAV = "nav.xhtml"

# mkdocs-print-site-plugin's whole-site page, from which the PDF is printed; page ids inside it are
# prefixed with their page's key, the home page's key being HOME_KEY.
PRINT_VIEW = "print_page/"
HOME_KEY = "index"
# The ids of figures (the article's, `fig-N`, and the editor's drawn tables, `table-<id>`): unique
# across the site, so the print view keeps them as they are.
FIGURE_IDS = ("fig-", "table-")


@dataclass(frozen=True)
class Edition:
    key: str  # "zh-Hans": the edition's language tag (html lang, hreflang, dc:language, xml:lang)
    name: str  # as a language switch names it, in its own script
    language: str  # the text's language tag in the PDF
    prefix: str = ""  # where its pages live below the site root: "" or "zh-Hant/"
    opencc: str | None = None  # the OpenCC configuration that converts it (gpt4qa/sources/conversion.py)
    theme_language: str = "zh-Hans"  # Material's interface strings (material/templates/partials/languages/)
    font: str = "Noto Sans CJK SC"  # the CJK face its PDF embeds (gpt4qa/export/fonts.py)
    og_locale: str = "zh_CN"  # Open Graph's locale for link previews

    @property
    def converted(self) -> bool:
        return self.opencc is not None

    def site_root(self, site_dir: Path) -> Path:
        """The whole site's folder, from the folder this edition's own build writes."""
        return site_dir.parents[len(PurePosixPath(self.prefix).parts) - 1] if self.prefix else site_dir

    # --- page map --------------------------------------------------------------------------------

    def url(self, src: str) -> str:
        """The page a docs source becomes: 'index.md' -> '', 'q02-x.md' -> 'q02-x/'."""
        stem = src.removesuffix(".md")
        return self.prefix + ("" if stem == "index" else stem + "/")

    def source(self, url: str) -> str:
        """The docs source of a page URL: '' -> 'index.md', 'q02-x/' -> 'q02-x.md'."""
        url = url.removeprefix(self.prefix)
        return "index.md" if url == "" else url.rstrip("/") + ".md"

    def file_url(self, relative: PurePosixPath) -> str:
        """The URL of a built file, relative to the site root: q02/index.html -> 'q02/'."""
        if relative.name != "index.html":
            return relative.as_posix()
        parent = relative.parent.as_posix()
        return "" if parent == "." else parent + "/"

    def page_key(self, url: str) -> str:
        """A page's key, as the print view prefixes its ids: 'q02-x/' -> 'q02-x', '' -> 'index'."""
        return url.removeprefix(self.prefix).strip("/").replace("/", "-") or HOME_KEY

    def print_id(self, anchor: str) -> str:
        """The id a public anchor (`/page/#id`, `/page/`, `/#fig-3`) has in the print view."""
        url, _, ident = anchor.removeprefix("/").partition("#")
        if ident.startswith(FIGURE_IDS):
            return ident  # figure ids are unique across the site and kept as they are
        page = self.page_key(url)
        return f"{page}-{ident}" if ident else page

    def ebook_document(self, url: str) -> str:
        """The e-book's document for a page: '' -> 'index.xhtml', 'q02-x/' -> 'q02-x.xhtml'."""
        stem = url.removeprefix(self.prefix).strip("/") or HOME_KEY
        return stem + ".xhtml"

    def ebook_page(self, document: str) -> str | None:
        """The page an e-book document holds (the inverse of `ebook_document`); None for the
        cover, the navigation document and anything else that is not a page."""
        if document in (EBOOK_COVER, EBOOK_NAV) or not document.endswith(".xhtml"):
            return None
        stem = document.removesuffix(".xhtml")
        return self.prefix + ("" if stem == HOME_KEY else stem + "/")

    @property
    def print_view(self) -> str:
        return self.prefix + PRINT_VIEW

    def is_compilation(self, url: str) -> bool:
        """The print view gathers every page into one: checks read the pages readers browse."""
        return url.startswith(self.print_view)

    def download(self, fmt: Format) -> str:
        """A download's path below the site root."""
        assert fmt.file is not None, f"{fmt.name} is not a download"
        return self.prefix + fmt.file


SIMPLIFIED = Edition("zh-Hans", "简体中文", "zh-CN")
# Converted from the Simplified sources at build time with OpenCC's s2twp (Traditional characters,
# Taiwan's phrases) and the project's overrides (source/traditional.yml); built by the Simplified
# build into its prefix (gpt4qa/plugin/editions.py).
TRADITIONAL = Edition("zh-Hant", "繁體中文", "zh-TW", prefix="zh-Hant/", opencc="s2twp", theme_language="zh-Hant",
                      font="Noto Sans CJK TC", og_locale="zh_TW")
EDITIONS = (SIMPLIFIED, TRADITIONAL)
BY_KEY = {edition.key: edition for edition in EDITIONS}
