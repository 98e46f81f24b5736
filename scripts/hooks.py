"""MkDocs hook: a thin dispatcher to the article helpers in this folder.

Figures and caveats are rendered from their tables while pages are read; after the build the
article check proves nothing of the article was lost, failing the build when something was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page

import anchors
import caveats
import figure_list
import glossary
import notes_index
import search_data
from article_parts import check_figure_pages, load_parts
from article_source import ARTICLE_PATH, ArticleError, load_article
from built_site import COMPILATIONS, load_site
from check_article import check_site
from downloads import OFFLINE_ZIP, PDF_NAME
from figure_markup import FigureError, render_figures, shows_an_original
from figure_table import TABLE_PATH, Figure, check_pages, load_table, match_article
from heading_rules import check_headings
from offline_copy import SHIM_PATH, SHIM_SOURCE, is_offline_build
from page_meta import first_sentence, robots_txt
from print_view import keep_plugin_assets_to_print_view, mend_file
from reading_time import add_reading_time

log = logging.getLogger("mkdocs.hooks.article")
# jieba (Material's Chinese segmenter) announces its dictionary load at INFO on stderr.
logging.getLogger("jieba").setLevel(logging.WARNING)
_figures: dict[str, Figure] = {}
_companions = glossary.Companions.empty()  # the glossary, and which pages get tooltips and related questions
# `mkdocs serve` makes pages only; the PDF and the offline copy come from make build
# (scripts/build_site.py), so a served site does not link them.
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        figures, article = load_table(), load_article()
        match_article(figures, article)
        check_pages(figures, Path(config.docs_dir))
        check_figure_pages(figures, article, load_parts(), TABLE_PATH)
    except ArticleError as error:
        raise PluginError(str(error)) from None
    _figures.clear()
    _figures.update((figure.id, figure) for figure in figures)
    global _companions
    try:
        _companions = glossary.companions(ARTICLE_PATH.read_text(encoding="utf-8"), load_parts())
    except ArticleError as error:
        raise PluginError(str(error)) from None
    config.extra["glossary"] = glossary.PAGE_URL  # linked from the home page (overrides/main.html)
    config.extra["notes_index"] = notes_index.PAGE_URL
    config.extra["figure_list"] = figure_list.PAGE_URL  # linked from the home page (overrides/main.html)
    config.extra["pdf"] = None if _serving else PDF_NAME  # the home page's download link (overrides/main.html)
    # Lighter pages: the print plugin's assets load on its print view only (overrides/main.html).
    config.extra["print_view_assets"] = keep_plugin_assets_to_print_view(config.extra_css, config.extra_javascript)
    if is_offline_build(config):
        # Material's offline plugin would load its file:// worker shim from unpkg.com; ship it.
        config.extra["polyfills"] = [SHIM_PATH]
        config.extra["offline_zip"] = None
    else:
        config.extra["offline_zip"] = None if _serving else OFFLINE_ZIP  # linked from the about page
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The list of figures (图目录), written from the figure table; pages named as the nav names them.
    content = figure_list.figure_list_markdown(
        tuple(_figures.values()), figure_list.nav_titles(config.nav or []), Path(config.docs_dir)
    )
    files.append(File.generated(config, figure_list.PAGE_SRC, content=content))
    files.append(File.generated(config, glossary.PAGE_SRC, content=glossary.glossary_markdown(_companions.glossary)))
    titles = figure_list.nav_titles(config.nav or [])
    try:
        notes = notes_index.collect(Path(config.docs_dir), titles)
    except caveats.CaveatError as error:
        raise PluginError(str(error)) from None
    files.append(File.generated(config, notes_index.PAGE_SRC, content=notes_index.notes_markdown(notes)))
    _companions.titles.clear()
    _companions.titles.update(titles)
    if is_offline_build(config):
        if not SHIM_SOURCE.is_file():
            raise PluginError(f"{SHIM_SOURCE} is missing; run npm ci --omit=dev")
        files.append(File.generated(config, SHIM_PATH, abs_src_path=str(SHIM_SOURCE)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        markdown = caveats.add_titles(markdown, f"docs/{page.file.src_uri}")
        markdown = render_figures(
            markdown, page_src=page.file.src_uri, figures=_figures, docs_dir=Path(config.docs_dir)
        )
    except (caveats.CaveatError, FigureError) as error:
        raise PluginError(str(error)) from None
    # The lightbox's script and stylesheet only where an original image is shown (mkdocs-glightbox
    # reads this page meta); a card has nothing to enlarge.
    page.meta.setdefault("glightbox", shows_an_original(markdown))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The meta description (and link previews) say what the answer's first sentence says.
    if not page.meta.get("description"):
        page.meta["description"] = first_sentence(html)
    source = page.file.src_uri
    if source in _companions.page_terms:
        html, terms = glossary.add_tooltips(html, _companions.glossary, page.file.url.strip("/").replace("/", "-") or "index")
        log.debug(f"glossary: {len(terms)} tooltips on {source}")
    if source in _companions.related:
        html, _ = add_reading_time(html)
        page.meta["related"] = _companions.related_links(source)
    return html


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    # The PDF is made after the pages (scripts/build_site.py), so it is linked here rather than
    # in the nav of mkdocs.yml, where MkDocs would look for it among the docs.
    if config.extra["pdf"]:
        nav.items.append(Link("下载 PDF", config.extra["pdf"]))
    return nav


def on_post_build(*, config: MkDocsConfig) -> None:
    # The search worker's words: reader words, question words, Traditional forms (after the
    # search plugin has written the index they are cut down to).
    try:
        search_data.write_data(Path(config.site_dir))
    except ArticleError as error:
        raise PluginError(str(error)) from None
    if is_offline_build(config):
        # File URLs (use_directory_urls: false) for reading from disk; the same sources were
        # checked in the hosted build, whose page addresses the checks know.
        log.info("article check: skipped in the offline copy; make build checks the same sources")
        return
    # The print view is written by mkdocs-print-site-plugin in its own post-build step, which
    # runs before this hook's.
    mend_file(Path(config.site_dir), tuple(_figures.values()))
    if config.site_url:
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
    try:
        site = Path(config.site_dir)
        pages = load_site(site, skip=COMPILATIONS)  # read once, for every check below
        report = check_site(site, pages=pages)
        # The anchor contract too, but not while serving: a new section is written before the
        # contract is updated (make build and make check hold it).
        broken_anchors = [] if _serving else anchors.check(site, pages=pages)
        heading_faults = check_headings(site, pages=pages)
    except ArticleError as error:
        raise PluginError(str(error)) from None
    if report.problems:
        details = "\n  ".join(report.problems)
        raise PluginError(f"article check failed ({report.summary()}):\n  {details}")
    log.info(f"article check: {report.summary()}")
    if broken_anchors:
        details = "\n  ".join(broken_anchors)
        raise PluginError(f"anchor contract broken ({len(broken_anchors)}):\n  {details}")
    if heading_faults:
        details = "\n  ".join(heading_faults)
        raise PluginError(f"headings that do not read well ({len(heading_faults)}):\n  {details}")
