"""MkDocs hook: a thin dispatcher to the article helpers in this folder.

Figures and caveats are rendered from their tables while pages are read; after the build the
article check proves nothing of the article was lost, failing the build when something was.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import caveats
from article_source import ArticleError, load_article
from check_article import check_site
from figure_markup import FigureError, render_figures
from figure_table import Figure, load_table, match_article

log = logging.getLogger("mkdocs.hooks.article")
# jieba (Material's Chinese segmenter) announces its dictionary load at INFO on stderr.
logging.getLogger("jieba").setLevel(logging.WARNING)
_figures: dict[str, Figure] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        figures = load_table()
        match_article(figures, load_article())
    except ArticleError as error:
        raise PluginError(str(error)) from None
    _figures.clear()
    _figures.update((figure.id, figure) for figure in figures)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        markdown = caveats.add_titles(markdown, f"docs/{page.file.src_uri}")
        return render_figures(
            markdown, page_src=page.file.src_uri, figures=_figures, docs_dir=Path(config.docs_dir)
        )
    except (caveats.CaveatError, FigureError) as error:
        raise PluginError(str(error)) from None


def on_post_build(*, config: MkDocsConfig) -> None:
    try:
        report = check_site(Path(config.site_dir))
    except ArticleError as error:
        raise PluginError(str(error)) from None
    if report.problems:
        details = "\n  ".join(report.problems)
        raise PluginError(f"article check failed ({report.summary()}):\n  {details}")
    log.info(f"article check: {report.summary()}")
