"""What an export writes in its own words, in an edition's script: a converted edition's PDF and
e-book convert their metadata (the publication table, source/publication.yml, is Simplified) and
their labels with the converter its pages are converted with (gpt4qa/sources/conversion.py), and
title their bookmarks and navigation as its print view prints its headings.

    convert = converter(TRADITIONAL, sources)    # Converter.load(TRADITIONAL, …), or `str`
    publication(sources, convert).subject        # "GPT-4 十問十答"
    outline(print_view_soup)                     # the PDF's bookmarks, the e-book's navigation
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from gpt4qa.core.editions import Edition
from gpt4qa.render import print_view
from gpt4qa.render.print_view import Entry
from gpt4qa.sources.bundle import Sources
from gpt4qa.sources.conversion import Converter
from gpt4qa.sources.publication import Publication

Convert = Callable[[str], str]


@cache
def _converter(edition: Edition, table: Path) -> Converter:
    return Converter.load(edition, table)


def converter(edition: Edition, sources: Sources | None = None) -> Convert:
    """The edition's conversion of the sources' text; `str` (no change) for the Simplified edition."""
    if not edition.converted:
        return str
    return _converter(edition, (sources or Sources()).traditional_path)


def publication(sources: Sources, convert: Convert = str) -> Publication:
    """The publication table as the edition writes it."""
    table = sources.publication
    return replace(table, author=convert(table.author), publisher=convert(table.publisher),
                   subject=convert(table.subject))


def outline(soup: BeautifulSoup) -> list[Entry]:
    """The print view's outline (gpt4qa/render/print_view.py) with each title as the print view
    prints it: the list of figures' entry is titled by its printed heading, which a converted
    edition's print view holds converted (`outline` gives the Simplified constant)."""
    entries = print_view.outline(soup)
    heading = soup.select_one(f"section#{print_view.FIGURE_LIST_ID} > h1")
    if heading is None:
        return entries
    title = print_view.heading_text(heading)
    return [replace(entry, title=title) if entry.ident == print_view.FIGURE_LIST_ID else entry for entry in entries]
