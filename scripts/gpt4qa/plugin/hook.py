"""The build's hook: one object holding a build's state, its events split into named steps.

mkdocs.yml names scripts/mkdocs_hook.py, which binds this object's events. Each build (every
rebuild of `mkdocs serve` too) starts in `on_config`, which reads the sources once and derives
everything the later events need; the generated pages are added in one place (`on_files`); the
post-build steps run in the order their priorities give, after every plugin's own post-build
step (Material's search index and mkdocs-print-site-plugin's print view are written by then).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page

from gpt4qa.checks import anchors
from gpt4qa.checks.article import check_site
from gpt4qa.checks.built_site import load_site
from gpt4qa.checks.characters import TEXT_ASSETS, check_characters
from gpt4qa.checks.data_figures import check_data_figures
from gpt4qa.checks.headings import check_headings
from gpt4qa.core.editions import BY_KEY, EPUB, OFFLINE, PDF, PRINT_VIEW, SIMPLIFIED, Edition
from gpt4qa.core.errors import InputError, MissingTool
from gpt4qa.core.project import SHIM_PATH, SHIM_SOURCE
from gpt4qa.core.shown_text import convert_html, convert_text_asset
from gpt4qa.plugin import editions
from gpt4qa.render import content, figure_list, notes_index, sources_page
from gpt4qa.render import glossary as glossary_page
from gpt4qa.render import policy as content_policy
from gpt4qa.render.caveats import add_titles
from gpt4qa.render.citations import render_citations
from gpt4qa.render.data_figures import render_data_tables
from gpt4qa.render.figures import render_figures, shows_an_original
from gpt4qa.render.glossary import Companions, companions
from gpt4qa.render.page_meta import robots_txt
from gpt4qa.render.print_view import keep_plugin_assets_to_print_view, mend_file
from gpt4qa.search import dictionary as search_dictionary
from gpt4qa.search import worker as search_worker
from gpt4qa.search.data import write_index
from gpt4qa.search.index import SearchPage, summary_page
from gpt4qa.sources.bundle import Sources
from gpt4qa.sources.conversion import Converter
from gpt4qa.sources.figure_data import DataTable
from gpt4qa.sources.figures import Figure, check_pages

log = logging.getLogger("mkdocs.hooks.article")
# jieba (Material's Chinese segmenter) announces its dictionary load at INFO on stderr.
logging.getLogger("jieba").setLevel(logging.WARNING)
# After every plugin's own post-build step (Material's search index, the print view).
AFTER_PLUGINS = -100
# The search index: after Material's search plugin has written its (empty) one, before Material's
# offline plugin inlines the index into a script for file:// (its post-build step runs at -100).
SEARCH_INDEX = -50
# The generated pages the home page and the about page link (overrides/main.html), by extra's key.
LINKED_PAGES = {"glossary": glossary_page.PAGE_SRC, "notes_index": notes_index.PAGE_SRC,
                "figure_list": figure_list.PAGE_SRC, "sources_page": sources_page.PAGE_SRC}
# The other editions: built last, once this edition's pages are checked and secured.
OTHER_EDITIONS = AFTER_PLUGINS - 10
# A converted edition's print view, converted once the print view is mended, before the policy.
CONVERT_PRINT_VIEW = AFTER_PLUGINS - 2.5
# Material's own worker and Lunr, which the site's search no longer loads (the theme copies them).
THEME_SEARCH_FILES = ("assets/javascripts/workers/search.*.min.js*", "assets/javascripts/lunr")


def _failing(error: InputError | MissingTool) -> PluginError:
    return PluginError(str(error))


class ArticleHook:
    """The state of one build: its edition, its sources and what is derived from them."""

    def __init__(self, edition: Edition = SIMPLIFIED) -> None:
        self.edition = edition
        self.editions: tuple[Edition, ...] = (edition,)  # every edition the configuration builds
        self.convert: Converter | None = None  # a converted edition's conversion of the sources' text
        self.command = "build"
        self.serving = False  # `mkdocs serve` makes pages only: no PDF or offline copy to link
        self.sources = Sources()
        self.figures: dict[str, Figure] = {}
        self.drawn: dict[str, DataTable] = {}
        self.data_tables: dict[str, DataTable] = {}
        self.companions: Companions | None = None
        self.titles: dict[str, str] = {}  # docs source -> navigation title
        self.offline = False
        self.searchable: list[SearchPage] = []  # the pages the search index holds, as built
        self.generated: set[str] = set()  # docs sources of the pages written from the tables
        self.page_urls: dict[str, str] = {}  # docs source -> its address below the build's root
        # jieba with the site's dictionary (converted, for a converted edition), once a process.
        self.segmenters: dict[str, search_dictionary.Segmenter] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.serving = command == "serve"

    # --- the build's state, from the sources read once ----------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.sources = Sources()  # a fresh read for every build, each file once
        self.searchable = []
        try:
            # Which edition this build makes: the Simplified one, unless another edition's build
            # (gpt4qa/plugin/editions.py) says so.
            self.editions = editions.configured(config)
            self.edition = BY_KEY[config.extra.get("edition") or SIMPLIFIED.key]
            self.convert = Converter.load(self.edition, self.sources.traditional_path) if self.edition.converted else None
            if self.convert:
                self.convert.check_overrides(self.sources.site_text(Path(config.docs_dir)))
            self.sources.check()
            check_pages(self.sources.figures, Path(config.docs_dir))
            self.companions = companions(self.sources.article.text, self.sources.parts, self.sources.glossary)
        except InputError as error:
            raise _failing(error) from None
        self.figures = {figure.id: figure for figure in self.sources.figures}
        self.drawn = self.sources.drawn()  # figure id -> the data table it is drawn from
        self.data_tables = {table.id: table for table in self.sources.figure_data}
        self.titles = figure_list.nav_titles(config.nav or [])
        self.offline = _is_offline_build(config)
        self._edition_config(config)
        config.extra["pdf"] = None if self.serving else PDF.file
        config.extra["epub"] = None if self.serving else EPUB.file  # made after the pages, beside the PDF
        # Lighter pages: the print plugin's assets load on its print view only (overrides/main.html).
        config.extra["print_view_assets"] = keep_plugin_assets_to_print_view(config.extra_css, config.extra_javascript)
        if self.offline:
            # Material's offline plugin would load its file:// worker shim from unpkg.com; ship it.
            config.extra["polyfills"] = [SHIM_PATH]
            config.extra["offline_zip"] = None
        else:
            config.extra["offline_zip"] = None if self.serving else OFFLINE.file
        return config

    def _edition_config(self, config: MkDocsConfig) -> None:
        # The edition's language: Material's interface strings and <html lang>, its own name, and
        # the language switch (Material's selector, each entry to the same page in the other
        # edition: overrides/partials/alternate.html); none in the offline copy, which holds one.
        edition = self.edition
        config.theme["language"] = edition.theme_language
        here = len(PurePosixPath(edition.prefix).parts)
        config.extra["edition"] = edition.key
        config.extra["og_locale"] = edition.og_locale
        config.extra["alternate"] = None if self.offline or len(self.editions) == 1 else [
            {"name": other.name, "lang": other.key, "link": "../" * here + other.prefix} for other in self.editions]
        config.extra["converted"] = self.convert.config if self.convert else None
        # The sitemap lists the pages of the editions below its folder, each with its alternates
        # (overrides/sitemap.xml): the root's lists both.
        config.extra["sitemap_editions"] = [{"key": e.key, "prefix": e.prefix} for e in self.editions
                                            if e.prefix.startswith(edition.prefix)]
        config.extra["sitemap_alternates"] = [{"key": e.key, "prefix": e.prefix} for e in self.editions]
        # The whole site's address (MkDocs' own sitemap writes paths from "/" where none is set).
        config.extra["site_root_url"] = (config.site_url or "/").removesuffix(edition.prefix)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Templates compiled once for both editions' builds (gpt4qa/plugin/editions.py).
        env.bytecode_cache = editions.TEMPLATES
        return env

    # --- generated pages, in one place -----------------------------------------------------------

    def generated_pages(self, docs_dir: Path) -> list[tuple[str, str]]:
        """(docs source, Markdown) of each page the build writes from the tables and the pages' notes."""
        try:
            notes = notes_index.collect(docs_dir, self.titles)
            register = self.sources.register
            # Every note, term and figure cites a known source, and every source is cited somewhere.
            register.check_cited([c for n in notes for c in n.citations] + self.sources.table_citations())
        except InputError as error:
            raise _failing(error) from None
        figures = tuple(self.figures.values())
        cited_by = sources_page.cited_by(notes, self.sources.glossary, figures, self.sources.figure_data)
        return [
            (figure_list.PAGE_SRC,
             figure_list.figure_list_markdown(figures, self.titles, docs_dir, register, self.drawn)),
            (glossary_page.PAGE_SRC, glossary_page.glossary_markdown(self.sources.glossary, register)),
            (notes_index.PAGE_SRC, notes_index.notes_markdown(notes)),
            (sources_page.PAGE_SRC, sources_page.sources_markdown(register, cited_by)),
        ]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.generated = set()
        for src, markdown in self.generated_pages(Path(config.docs_dir)):
            files.append(File.generated(config, src, content=markdown))
            self.generated.add(src)
        if self.offline:
            if not SHIM_SOURCE.is_file():
                raise PluginError(f"{SHIM_SOURCE} is missing; run npm ci --omit=dev")
            files.append(File.generated(config, SHIM_PATH, abs_src_path=str(SHIM_SOURCE)))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # The pages' addresses as MkDocs gives them: folders, or .html files in the offline copy
        # (use_directory_urls: false), which opens from disk. The generated pages are linked from
        # the home page and the about page (overrides/main.html).
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        for key, src in LINKED_PAGES.items():
            config.extra[key] = self.page_urls[src]
        # The PDF is made after the pages, so it is linked here rather than in the nav of
        # mkdocs.yml, where MkDocs would look for it among the docs.
        if config.extra["pdf"]:
            nav.items.append(Link("下载 PDF", config.extra["pdf"]))
        return nav

    # --- each page ----------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        try:
            markdown = add_titles(markdown, f"docs/{page.file.src_uri}")
            markdown = render_figures(markdown, page_src=page.file.src_uri, figures=self.figures,
                                      docs_dir=Path(config.docs_dir), register=self.sources.register,
                                      drawn=self.drawn)
            markdown = render_data_tables(markdown, page_src=page.file.src_uri, register=self.sources.register,
                                          tables=self.data_tables)
            markdown = render_citations(markdown, self.sources.register, page.file.src_uri)
        except InputError as error:
            raise _failing(error) from None
        # The lightbox's script and stylesheet only where an original image is shown (mkdocs-glightbox
        # reads this page meta); a card has nothing to enlarge.
        page.meta.setdefault("glightbox", shows_an_original(markdown))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = page.file.src_uri
        assert self.companions is not None, "on_config runs first"
        work = content.PageWork(
            key=self.edition.page_key(page.file.url),
            describe=not page.meta.get("description"),
            glossary=self.companions.glossary if source in self.companions.page_terms else None,
            reading_time=source in self.companions.related,
        )
        html = content.finish(html, work)
        if work.description is not None:
            page.meta["description"] = work.description
        if work.tooltips:
            log.debug(f"glossary: {len(work.tooltips)} tooltips on {source}")
        if work.reading_time:
            page.meta["related"] = self.companions.related_links(source, self.titles, self.page_urls.__getitem__)
        return html

    @event_priority(50)  # before Material's search plugin indexes the page
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        # The project writes the search index (_write_search_index); Material's plugin stays for its
        # search UI, and is told, through its documented front-matter switch, not to index pages.
        search = page.meta.get("search") or {}
        shown = self._shown
        if not search.get("exclude"):
            self.searchable.append(SearchPage(page.url, shown(page.title or ""), self._shown_html(page.content or "")))
        elif page.file.src_uri in self.generated:
            # A page written from a table (术语表, 参考来源 …): found by its name and what it is.
            self.searchable.append(summary_page(page.url, shown(page.title or ""),
                                                shown(str(page.meta.get("description") or ""))))
        page.meta["search"] = {**search, "exclude": True}
        if config.extra["alternate"]:
            page.meta["edition_links"] = self._edition_links(page.url)
        return context

    def _edition_links(self, url: str) -> dict[str, str]:
        """This page in every edition, as links from it: the same address below each edition's root."""
        up = "../" * url.count("/") + "../" * len(PurePosixPath(self.edition.prefix).parts)
        return {other.key: (up + other.prefix + url) or "./" for other in self.editions}

    # --- a converted edition: what the reader gets, converted once --------------------------------

    def _shown(self, text: str) -> str:
        return self.convert(text) if self.convert else text

    def _shown_html(self, html: str) -> str:
        return convert_html(html, self.convert) if self.convert else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Every page as the theme wrote it: its text, its labels and the interface's strings.
        return self._shown_html(output)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html); the sitemap holds addresses only.
        return self._shown_html(output) if template_name.endswith(".html") else output

    @event_priority(CONVERT_PRINT_VIEW)
    def _convert_files(self, *, config: MkDocsConfig) -> None:
        # What plugins write after the pages (the print view, mended) and the strings of the site's
        # own scripts and stylesheets (copy-link's button, the print footer: TEXT_ASSETS).
        if not self.convert:
            return
        site = Path(config.site_dir)
        # The print view below this build's root (the edition's own: its prefix is the whole site's).
        files = [site / PRINT_VIEW / "index.html"] if not self.offline else []
        for pattern in TEXT_ASSETS:
            files += sorted(site.glob(pattern))
        for path in files:
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                convert = convert_html if path.suffix == ".html" else convert_text_asset
                path.write_text(convert(text, self.convert), encoding="utf-8")

    @event_priority(OTHER_EDITIONS)
    def _build_other_editions(self, *, config: MkDocsConfig) -> None:
        # Each other edition, built into its prefix of this site (gpt4qa/plugin/editions.py).
        if self.edition is not SIMPLIFIED:
            return
        for edition in self.editions[1:]:
            editions.build_edition(config, edition, command=self.command)

    # --- after the build, in order --------------------------------------------------------------------

    @event_priority(SEARCH_INDEX)
    def _write_search_index(self, *, config: MkDocsConfig) -> None:
        # The search index, from the built pages: sections, segmented fields and the query tables.
        search = config.plugins["material/search"].config
        try:
            segmenter = self.segmenters.get(self.edition.key)
            if segmenter is None:
                user = Path(search.jieba_dict_user) if search.jieba_dict_user else None
                segmenter = search_dictionary.Segmenter(Path(search.jieba_dict), user, self.convert)
                self.segmenters[self.edition.key] = segmenter
            pages = self.searchable
            path, seconds = write_index(Path(config.site_dir), pages, edition=self.edition.key,
                                        separator=search.separator, vocabulary=self.sources.vocabulary,
                                        glossary=self.sources.glossary, segmenter=segmenter,
                                        convert_text=self.convert)
        except (InputError, MissingTool) as error:
            raise _failing(error) from None
        log.info(f"search index: {len(pages)} pages, {path.stat().st_size / 1024:.0f} KB in {seconds:.2f} s")
        try:
            search_worker.ship(Path(config.site_dir))  # without its comments: what a reader downloads
        except (InputError, MissingTool) as error:
            raise _failing(error) from None
        # Material's worker and Lunr are not the site's search: leave them out of the site.
        site = Path(config.site_dir)
        for pattern in THEME_SEARCH_FILES:
            for found in site.glob(pattern):
                shutil.rmtree(found) if found.is_dir() else found.unlink()

    @event_priority(AFTER_PLUGINS - 1)
    def _mend_print_view(self, *, config: MkDocsConfig) -> None:
        # The print view (written by mkdocs-print-site-plugin's own post-build step) gets its
        # contents and list of figures; the offline copy has no print view of its own to mend.
        if not self.offline:
            mend_file(self.edition.site_root(Path(config.site_dir)), tuple(self.figures.values()), self.edition)

    @event_priority(AFTER_PLUGINS - 2)
    def _write_robots(self, *, config: MkDocsConfig) -> None:
        if config.site_url and not self.offline and not self.edition.prefix:
            (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")

    @event_priority(AFTER_PLUGINS - 3)
    def _write_content_policy(self, *, config: MkDocsConfig) -> None:
        # The content security policy and the referrer policy, first in every page's head, and
        # rel="noopener noreferrer" on links to other sites (gpt4qa/render/policy.py). Last of the
        # steps that change pages (the print view's mending above), as inline scripts are hashed
        # from the pages' final text; before the checks, which so read the pages as they ship.
        if self.serving:
            # Live reload adds an inline script to every page it serves, its arguments new with each
            # request: no build can know its hash, and allowing it would take 'unsafe-inline'. The
            # policy is the built site's (make build, make check and the tests carry it).
            log.info("content policy: not written while serving (live reload injects an inline script)")
            return
        site = Path(config.site_dir)
        shim = SHIM_SOURCE.read_text(encoding="utf-8") if self.offline else None
        pages = hashed = unknown = 0
        for path in sorted(site.rglob("*.html")):
            where = path.relative_to(site).as_posix()
            try:
                secured = content_policy.secure_page(path.read_text(encoding="utf-8"), where=where, offline=self.offline,
                                                     shim=shim, site_url=config.site_url)
            except InputError as error:
                raise _failing(error) from None
            path.write_text(secured.html, encoding="utf-8")
            pages += 1
            hashed += len(secured.inline) - len(secured.unknown)
            for block in secured.unknown:
                unknown += 1
                # Not a failure of the build: the policy is what stops such a script, and the browser
                # test (tests/test_policy_browser.py) fails on the refusal it causes.
                log.info(f"content policy: {where}:{block.line}: an inline {block.kind} no known template writes "
                         "gets no hash, so browsers refuse it; move it to a file (docs/javascripts/, extra_javascript) "
                         "or add its source to gpt4qa/render/policy.py")
        log.info(f"content policy: {pages} pages, {hashed} inline scripts and styles of known templates hashed, "
                 f"{unknown} refused")

    @event_priority(AFTER_PLUGINS - 4)
    def _check_built_site(self, *, config: MkDocsConfig) -> None:
        if self.offline:
            # File URLs (use_directory_urls: false) for reading from disk; the same sources were
            # checked in the hosted build, whose page addresses the checks know.
            log.info("article check: skipped in the offline copy; make build checks the same sources")
            return
        site = Path(config.site_dir)
        try:
            # The whole site's folder: an edition's pages are below its prefix.
            site = self.edition.site_root(site)
            pages = load_site(site, self.edition)  # read once, for every check below
            report = check_site(site, self.sources, pages, self.edition, convert=self.convert)
            # A converted edition holds no character its conversion would have changed.
            unconverted = check_characters(site, self.edition) if self.convert else []
            # The anchor contract too, but not while serving: a new section is written before the
            # contract is updated (make build and make check hold it).
            broken_anchors = [] if self.serving else anchors.check(site, pages=pages, edition=self.edition)
            heading_faults = check_headings(site, pages=pages)
            drawn_faults = check_data_figures(pages, self.sources.figure_data, self.figures, self.edition, site,
                                              self.convert)
        except InputError as error:
            raise _failing(error) from None
        if unconverted:  # first: a page left unconverted also fails the article check, less plainly
            details = "\n  ".join(unconverted)
            raise PluginError(f"files of the {self.edition.key} edition left unconverted ({len(unconverted)}):\n  {details}")
        if report.problems:
            details = "\n  ".join(report.problems)
            raise PluginError(f"article check failed ({self.edition.key}, {report.summary()}):\n  {details}")
        log.info(f"article check ({self.edition.key}): {report.summary()}")
        if broken_anchors:
            details = "\n  ".join(broken_anchors)
            raise PluginError(f"anchor contract broken ({len(broken_anchors)}):\n  {details}")
        if drawn_faults:
            details = "\n  ".join(drawn_faults)
            raise PluginError(f"drawn figures that do not show their data ({len(drawn_faults)}):\n  {details}")
        if heading_faults:
            details = "\n  ".join(heading_faults)
            raise PluginError(f"headings that do not read well ({len(heading_faults)}):\n  {details}")

    on_post_build = CombinedEvent(_write_search_index, _mend_print_view, _convert_files, _write_robots,
                                  _write_content_policy, _check_built_site, _build_other_editions)


def _is_offline_build(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)
