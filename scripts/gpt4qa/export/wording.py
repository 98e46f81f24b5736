"""What an export writes in its own words, in an edition's script: a converted edition's PDF and
e-book convert their metadata (the publication table, source/publication.yml, is Simplified) and
their labels with the converter its pages are converted with (gpt4qa/sources/conversion.py), and
title their bookmarks and navigation as its print view prints its headings
(gpt4qa/render/print_view.py `outline`).

    convert = converter(TRADITIONAL, sources)    # Converter.load(TRADITIONAL, …), or `str`
    publication(sources, convert).subject        # "GPT-4 十問十答"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from gpt4qa.core.editions import Edition
from gpt4qa.sources.bundle import Sources
from gpt4qa.sources.conversion import converter_for
from gpt4qa.sources.publication import Publication

Convert = Callable[[str], str]


def converter(edition: Edition, sources: Sources | None = None) -> Convert:
    """The edition's conversion of the sources' text; `str` (no change) for the Simplified edition."""
    return converter_for(edition, (sources or Sources()).traditional_path)


def publication(sources: Sources, convert: Convert = str) -> Publication:
    """The publication table as the edition writes it."""
    table = sources.publication
    return replace(table, author=convert(table.author), publisher=convert(table.publisher),
                   subject=convert(table.subject))
